package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Lower bounds on the objectives of a feasible placement, each valid for every solver.
 *
 * <ul>
 *   <li>Capacity bound, per resource: the fewest workers whose allocatable, largest first, adds up to the
 *       fleet's total request (the bin-packing volume bound; a worker without a figure holds anything,
 *       so the bound is then 1).
 *   <li>Replica-spread bound: a hard tenant with r replicas needs r distinct workers on r distinct
 *       hypervisors, so workers used is at least the largest such r (and at least 1 with any tenant).
 *   <li>Hypervisor-load bound: R replicas on H hypervisors put at least ceil(R / H) on one of them.
 * </ul>
 *
 * @param cpu the CPU capacity bound on workers used
 * @param memory the memory capacity bound on workers used
 * @param spread the replica-spread bound on workers used
 * @param hypervisorLoad the bound on the maximum replicas on one hypervisor
 */
public record LowerBounds(int cpu, int memory, int spread, int hypervisorLoad) {

  /** The bound on workers used: the largest of the three. */
  public int workers() {
    return Math.max(cpu, Math.max(memory, spread));
  }

  /**
   * The bounds of an instance.
   *
   * @param instance the fleet
   * @return the bounds
   */
  public static LowerBounds of(FleetInstance instance) {
    List<TenantRequest> ts = instance.tenants();
    List<ManagementWorker> ws = instance.workers();
    int cpu = volumeBound(ts, ws, t -> t.cpuMillicores().orElse(0) * t.replicas(),
        w -> w.allocatableMillicores().orElse(-1));
    int mem = volumeBound(ts, ws, t -> t.memoryMiB().orElse(0) * t.replicas(),
        w -> w.allocatableMemoryMiB().orElse(-1));
    int spread = ts.isEmpty() ? 0 : 1;
    for (TenantRequest t : ts) {
      if (t.spread() == Spread.HARD) {
        spread = Math.max(spread, t.replicas());
      }
    }
    int r = instance.replicaCount();
    int h = instance.hypervisors().size();
    return new LowerBounds(cpu, mem, spread, h == 0 ? 0 : (r + h - 1) / h);
  }

  private static int volumeBound(List<TenantRequest> ts, List<ManagementWorker> ws, ToLongFunction<TenantRequest> demand,
      ToLongFunction<ManagementWorker> capacity) {
    long total = ts.stream().mapToLong(demand).sum();
    if (total == 0) {
      return 0;
    }
    long[] caps = ws.stream().mapToLong(capacity).toArray();
    if (Arrays.stream(caps).anyMatch(c -> c < 0)) {
      return 1;
    }
    Arrays.sort(caps);
    long sum = 0;
    int k = 0;
    for (int i = caps.length - 1; i >= 0 && sum < total; i--) {
      sum += caps[i];
      k++;
    }
    return k;
  }
}
