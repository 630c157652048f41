package io.clusterstacks.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.benchmarks.fleet.InstanceGenerator.Capacity;
import io.clusterstacks.benchmarks.fleet.InstanceGenerator.Mapping;
import io.clusterstacks.benchmarks.fleet.InstanceGenerator.Spec;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstanceGeneratorTest {

  @Test
  void theSameSeedGivesTheSameFleetAndAnotherSeedAnother() {
    for (int[] s : InstanceGenerator.SIZES) {
      for (Capacity c : Capacity.values()) {
        for (Mapping m : Mapping.values()) {
          Spec spec = new Spec(s[0], s[1], s[2], c, m, 0.2);
          FleetInstance a = InstanceGenerator.generate(spec, 14);
          FleetInstance b = InstanceGenerator.generate(spec, 14);
          assertEquals(a.tenants(), b.tenants(), spec.label());
          assertEquals(a.workers(), b.workers(), spec.label());
          FleetInstance other = InstanceGenerator.generate(spec, 15);
          assertNotEquals(a.tenants(), other.tenants(), spec.label());
        }
      }
    }
  }

  @Test
  void sizesMappingsAndCapacityAreAsAsked() {
    for (int[] s : InstanceGenerator.SIZES) {
      Spec even = new Spec(s[0], s[1], s[2], Capacity.TIGHT, Mapping.EVEN, 0.2);
      Spec skewed = new Spec(s[0], s[1], s[2], Capacity.TIGHT, Mapping.SKEWED, 0.2);
      FleetInstance e = InstanceGenerator.generate(even, 1);
      FleetInstance k = InstanceGenerator.generate(skewed, 1);
      assertEquals(s[0], e.tenants().size());
      assertEquals(s[1], e.workers().size());
      assertEquals(s[2], e.hypervisors().size(), "every hypervisor carries a worker (even)");
      assertEquals(s[2], k.hypervisors().size(), "every hypervisor carries a worker (skewed)");
      assertTrue(maxWorkersPerHypervisor(e) <= (s[1] + s[2] - 1) / s[2]);
      if (s[1] >= 30) {
        // 6 workers on 3 hypervisors leave the skew only 3 workers to draw, which may land evenly
        assertTrue(maxWorkersPerHypervisor(k) > maxWorkersPerHypervisor(e), even.label());
      }
      for (TenantRequest t : e.tenants()) {
        if (t.spread() == Spread.HARD) {
          assertTrue(t.replicas() <= s[2], t.name() + " hard with more replicas than hypervisors");
        }
      }
      long demand = e.tenants().stream().mapToLong(t -> t.replicas() * t.cpuMillicores().getAsLong()).sum();
      long cap = e.workers().stream().mapToLong(w -> w.allocatableMillicores().getAsLong()).sum();
      // workers are sized to 90 % and rounded up to a whole core: only the rounding is slack
      assertTrue(demand <= 0.90 * cap, "tight CPU utilisation at most 90 % in " + even.label());
      assertTrue(demand > 0.90 * (cap - 1_000L * s[1]), "tight CPU slack is only the rounding in " + even.label());
      FleetInstance loose = InstanceGenerator.generate(new Spec(s[0], s[1], s[2], Capacity.LOOSE, Mapping.EVEN, 0.2), 1);
      long looseCap = loose.workers().stream().mapToLong(w -> w.allocatableMillicores().getAsLong()).sum();
      assertTrue(looseCap > cap, "loose has more capacity than tight");
    }
  }

  private static long maxWorkersPerHypervisor(FleetInstance i) {
    Map<String, Long> m = i.workers().stream()
        .collect(Collectors.groupingBy(ManagementWorker::hypervisor, Collectors.counting()));
    return m.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  @Test
  void theSoftShareIsRoughlyAsAsked() {
    FleetInstance i = InstanceGenerator.generate(new Spec(10_000, 1_000, 100, Capacity.LOOSE, Mapping.EVEN, 0.2), 3);
    Map<Spread, Long> bySpread = i.tenants().stream().collect(Collectors.groupingBy(TenantRequest::spread,
        Collectors.counting()));
    assertTrue(bySpread.get(Spread.SOFT) > 1_800 && bySpread.get(Spread.SOFT) < 2_200, bySpread.toString());
    assertEquals(10_000, i.tenants().stream().map(TenantRequest::name).collect(Collectors.toMap(Function.identity(),
        n -> 1)).size(), "tenant names are unique");
  }
}
