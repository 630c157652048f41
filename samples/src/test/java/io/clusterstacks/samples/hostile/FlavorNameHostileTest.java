package io.clusterstacks.samples.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clusterstacks.core.flavor.FlavorNameParseResult;
import io.clusterstacks.core.flavor.ScsFlavorName;
import io.clusterstacks.core.flavor.StandardFlavors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile flavor names: mutations of the scs-0103 names, numbers beyond every limit in every field,
 * control characters, very long names. Both {@code tryParse} and {@code parse}; every valid result
 * must format and parse back to itself.
 */
class FlavorNameHostileTest {

  static final int INPUTS = 80_000;

  @Test
  void everyNameIsParsedOrRefusedWithATypedError() {
    Random rnd = new Random(10_001L);
    List<String> seeds = new ArrayList<>();
    StandardFlavors.mandatory().forEach(f -> seeds.add(f.canonicalName()));
    seeds.addAll(List.of("SCS-16V-64-500s_GNa-14h_ib", "SCS-2C-4-10n_kvm_z3h", "SCS-1L-1x4-5_hyperv",
        "SCS-4V-16-2x50s", "SCS-2V:4:20s", "SCS-64T-256-3x1000p_icl-h_GNA-64-80h_ib"));
    HostileRun<String> run = new HostileRun<>("flavor names", 5_000, name -> {
      FlavorNameParseResult r = ScsFlavorName.tryParse(name);
      StringBuilder out = new StringBuilder(String.valueOf(r));
      if (r instanceof FlavorNameParseResult.Valid v) {
        ScsFlavorName f = v.flavorName();
        out.append(f.description()).append(f.toExtraSpecs());
        assertEquals(f, ScsFlavorName.parse(f.canonicalName()), "canonical name parses back: " + name);
      } else {
        ScsFlavorName.parse(name); // must throw the typed error tryParse described
        throw new AssertionError("parse accepted what tryParse refused: " + name);
      }
      return out.toString();
    });
    for (int i = 0; i < INPUTS; i++) {
      String name = switch (i % 5) {
        case 0 -> Hostile.mutate(rnd, Hostile.pick(rnd, seeds));
        case 1 -> Hostile.mutate(rnd, Hostile.mutate(rnd, Hostile.pick(rnd, seeds)));
        case 2 -> Hostile.pick(rnd, seeds).replaceFirst("\\d+", Hostile.pick(rnd, Hostile.NUMBERS));
        case 3 -> "SCS-" + Hostile.text(rnd);
        default -> Hostile.pick(rnd, seeds) + (rnd.nextBoolean() ? "_" : "-") + Hostile.text(rnd);
      };
      run.run(name, HostileRun.show(name), List.of());
    }
    run.run(null, "null", List.of());
    run.assertClean(INPUTS);
  }
}
