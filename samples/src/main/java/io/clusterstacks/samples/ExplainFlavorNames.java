package io.clusterstacks.samples;

import io.clusterstacks.core.flavor.FlavorConsistency;
import io.clusterstacks.core.flavor.FlavorDiscrepancy;
import io.clusterstacks.core.flavor.FlavorNameParseResult;
import io.clusterstacks.core.flavor.ScsFlavorName;
import java.util.List;
import java.util.Map;

/**
 * Sample: decode SCS flavor names, print what they promise, and check a cloud flavor against its name.
 *
 * <p>Run: {@code java -cp samples/target/clusterstacks.jar io.clusterstacks.samples.ExplainFlavorNames
 * [NAME...]}.
 */
public final class ExplainFlavorNames {
  private ExplainFlavorNames() {}

  /**
   * Explains the names given, or a few examples.
   *
   * @param args flavor names
   */
  public static void main(String[] args) {
    List<String> names = args.length > 0
        ? List.of(args)
        : List.of("SCS-2V-4-20s", "SCS-8Ti-32-50p_i1", "SCS-2C:4:10n", "SCS-2C-4ou-10n", "m1.large");
    // tag::explain[]
    for (String name : names) {
      // tryParse tells the three outcomes apart without exceptions
      FlavorNameParseResult result = ScsFlavorName.tryParse(name);
      if (result instanceof FlavorNameParseResult.Valid valid) {
        ScsFlavorName flavor = valid.flavorName();
        System.out.println(name + ": " + flavor.description());
        System.out.println("  canonical " + flavor.canonicalName() + ", short " + flavor.shortName()
            + (flavor.isDeprecatedSyntax() ? " (written in the deprecated v1 syntax)" : ""));
        // the scs-0103 extra_specs a provider sets on this flavor (plus Nova's cpus/ram/disk)
        System.out.println("  extra_specs " + flavor.toExtraSpecs());
      } else if (result instanceof FlavorNameParseResult.Invalid invalid) {
        // the error says where the name went wrong and what was expected there
        System.out.println(name + ": " + invalid.error().getMessage());
      } else {
        System.out.println(name + ": not an SCS name, scs-0100 does not apply");
      }
    }

    // A cloud flavor named SCS-2V-4-20s whose disk is only 10 GB and that lacks scs:disk0-type:
    List<FlavorDiscrepancy> problems = FlavorConsistency.check("SCS-2V-4-20s", 2, 4096, 10,
        Map.of("scs:cpu-type", "shared-core", "scs:name-v1", "SCS-2V:4:20s", "scs:name-v2", "SCS-2V-4-20s"));
    System.out.println("cloud flavor SCS-2V-4-20s (2 vCPUs, 4096 MiB, 10 GB disk): " + problems);
    // end::explain[]
  }
}
