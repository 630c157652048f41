package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of fleet instances: tenants with 1 to {@code maxReplicas} replicas, hard or soft
 * spread, CPU and memory requests; workers over hypervisors evenly or skewed (the first hypervisor holding
 * about half of them), with tight or loose allocatable.
 */
record FleetInstances(List<TenantRequest> tenants, List<ManagementWorker> workers) {

  static FleetInstances generate(long seed, int tenants, int workers, int hypervisors, int maxReplicas, boolean tight,
      boolean skewed, double softShare) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<TenantRequest> ts = new ArrayList<>();
    long demandCpu = 0;
    long demandMem = 0;
    for (int i = 0; i < tenants; i++) {
      int r = 1 + rnd.nextInt(maxReplicas);
      long cpu = 100 + 50L * rnd.nextInt(10);
      long mem = 256 + 128L * rnd.nextInt(12);
      Spread s = rnd.nextDouble() < softShare ? Spread.SOFT : Spread.HARD;
      String name = "t" + i;
      ts.add(TenantRequest.of(t -> t.name(name).replicas(r).spread(s).cpuMillicores(cpu).memoryMiB(mem)));
      demandCpu += cpu * r;
      demandMem += mem * r;
    }
    // tight: the workers hold about 1.15 times the demand; loose: about 3 times
    double factor = tight ? 1.15 : 3.0;
    long cpuEach = Math.max(800, (long) (demandCpu * factor / Math.max(1, workers)));
    long memEach = Math.max(2048, (long) (demandMem * factor / Math.max(1, workers)));
    List<ManagementWorker> ws = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      int h;
      if (skewed && hypervisors > 1) {
        h = i % 2 == 0 ? 0 : 1 + rnd.nextInt(hypervisors - 1);
      } else {
        h = i % hypervisors;
      }
      String name = "w" + i;
      String hv = "hv" + h;
      long cpu = cpuEach * (80 + rnd.nextInt(41)) / 100;
      long mem = memEach * (80 + rnd.nextInt(41)) / 100;
      ws.add(ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(cpu).allocatableMemoryMiB(mem)));
    }
    return new FleetInstances(ts, ws);
  }

  /** Small instances for exhaustive search: at most {@code maxReplicasTotal} replicas and {@code maxWorkers} workers. */
  static FleetInstances small(long seed, int maxReplicasTotal, int maxWorkers) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int nw = 2 + rnd.nextInt(maxWorkers - 1);
    int nh = 1 + rnd.nextInt(nw);
    List<ManagementWorker> ws = new ArrayList<>();
    for (int i = 0; i < nw; i++) {
      String name = "w" + i;
      String hv = "hv" + (i < nh ? i : rnd.nextInt(nh));
      long cpu = 1000 + 500L * rnd.nextInt(4);
      long mem = 2048 + 1024L * rnd.nextInt(4);
      boolean sched = rnd.nextInt(10) != 0;
      ws.add(ManagementWorker.of(w -> w.name(name).hypervisor(hv).allocatableMillicores(cpu).allocatableMemoryMiB(mem)
          .schedulable(sched)));
    }
    List<TenantRequest> ts = new ArrayList<>();
    int left = maxReplicasTotal;
    for (int i = 0; left > 0 && i < 4; i++) {
      int r = 1 + rnd.nextInt(Math.min(3, left));
      left -= r;
      long cpu = 250 + 250L * rnd.nextInt(4);
      long mem = 512 + 512L * rnd.nextInt(4);
      Spread s = rnd.nextInt(3) == 0 ? Spread.SOFT : Spread.HARD;
      String name = "t" + i;
      ts.add(TenantRequest.of(t -> t.name(name).replicas(r).spread(s).cpuMillicores(cpu).memoryMiB(mem)));
      if (rnd.nextInt(3) == 0) {
        break;
      }
    }
    return new FleetInstances(ts, ws);
  }
}
