package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Instances small enough for exhaustive search, and the search itself. */
final class TinyInstances {
  private TinyInstances() {}

  /** A random tiny fleet: 2-3 tenants of 1-3 replicas (at most 7 in all), 3-4 workers on 2-3 hypervisors. */
  static FleetInstance random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int hypervisors = 2 + r.nextInt(2);
    int workers = Math.max(hypervisors, 3 + r.nextInt(2));
    List<TenantRequest> ts = new ArrayList<>();
    int total = 0;
    int tenants = 2 + r.nextInt(2);
    for (int i = 0; i < tenants && total < 7; i++) {
      boolean hard = r.nextInt(4) > 0;
      int replicas = Math.min(7 - total, 1 + r.nextInt(hard ? hypervisors : 3));
      total += replicas;
      long cpu = 250L * (1 + r.nextInt(4));
      long mem = 512L * (1 + r.nextInt(4));
      String name = "t" + i;
      int n = replicas;
      ts.add(TenantRequest.of(t -> t.name(name).replicas(n).spread(hard ? Spread.HARD : Spread.SOFT)
          .cpuMillicores(cpu).memoryMiB(mem)));
    }
    List<ManagementWorker> ws = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      String name = "w" + w;
      String hv = "hv" + (w < hypervisors ? w : r.nextInt(hypervisors));
      long cpu = 1000L * (1 + r.nextInt(3));
      long mem = 1024L * (1 + r.nextInt(4));
      ws.add(ManagementWorker.of(b -> b.name(name).hypervisor(hv).zone("z").allocatableMillicores(cpu)
          .allocatableMemoryMiB(mem)));
    }
    return new FleetInstance("tiny-" + seed, new InstanceGenerator.Spec(ts.size(), workers, hypervisors,
        InstanceGenerator.Capacity.TIGHT, InstanceGenerator.Mapping.EVEN, 0), seed, ts, ws);
  }

  /** Optimum over all assignments: {workers used, max hypervisor load}, each minimised on its own; null if none. */
  static int[] optimum(FleetInstance inst) {
    List<String> replicaTenant = new ArrayList<>();
    for (TenantRequest t : inst.tenants()) {
      for (int i = 0; i < t.replicas(); i++) {
        replicaTenant.add(t.name());
      }
    }
    int n = replicaTenant.size();
    int w = inst.workers().size();
    int[] a = new int[n];
    int bestWorkers = Integer.MAX_VALUE;
    int bestLoad = Integer.MAX_VALUE;
    long total = (long) Math.pow(w, n);
    for (long code = 0; code < total; code++) {
      long c = code;
      for (int i = 0; i < n; i++) {
        a[i] = (int) (c % w);
        c /= w;
      }
      Map<String, List<String>> p = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        p.computeIfAbsent(replicaTenant.get(i), k -> new ArrayList<>()).add(inst.workers().get(a[i]).name());
      }
      if (PlacementChecker.check(inst, p).isEmpty()) {
        bestWorkers = Math.min(bestWorkers, PlacementChecker.workersUsed(p));
        bestLoad = Math.min(bestLoad, PlacementChecker.maxHypervisorLoad(inst, p));
      }
    }
    return bestWorkers == Integer.MAX_VALUE ? null : new int[] {bestWorkers, bestLoad};
  }
}
