package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 *   <li>Hypervisor-load bound: R replicas on H hypervisors put at least ceil(R / H) on one of them; and
 *       whatever CPU (or memory) the other hypervisors' workers cannot hold must be requested by replicas on
 *       a hypervisor, which takes at least as many replicas as the largest requests need to add up to it (a
 *       hard tenant counting once, as it may have one replica there). On a fleet whose workers sit mostly on one
 *       hypervisor and are nearly full, this second bound is the larger.
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
    int load = h == 0 ? 0 : (r + h - 1) / h;
    for (String hv : instance.hypervisors()) {
      load = Math.max(load, Math.max(volumeOnHypervisor(ts, ws, hv, t -> t.cpuMillicores().orElse(0),
          w -> w.allocatableMillicores().orElse(-1)), volumeOnHypervisor(ts, ws, hv, t -> t.memoryMiB().orElse(0),
          w -> w.allocatableMemoryMiB().orElse(-1))));
    }
    return new LowerBounds(cpu, mem, spread, load);
  }

  /** The fewest replicas hypervisor {@code hv} can hold for the demand the other hypervisors cannot, 0 if none. */
  private static int volumeOnHypervisor(List<TenantRequest> ts, List<ManagementWorker> ws, String hv,
      ToLongFunction<TenantRequest> request, ToLongFunction<ManagementWorker> capacity) {
    long total = 0;
    for (TenantRequest t : ts) {
      total += request.applyAsLong(t) * t.replicas();
    }
    long elsewhere = 0;
    for (ManagementWorker w : ws) {
      if (!w.schedulable() || w.hypervisor().equals(hv)) {
        continue;
      }
      long c = capacity.applyAsLong(w);
      if (c < 0) {
        return 0; // a worker without a figure holds anything
      }
      elsewhere += c;
    }
    long need = total - elsewhere;
    if (need <= 0) {
      return 0;
    }
    List<Long> eligible = new ArrayList<>();
    for (TenantRequest t : ts) {
      int copies = t.spread() == Spread.HARD ? 1 : t.replicas();
      for (int i = 0; i < copies; i++) {
        eligible.add(request.applyAsLong(t));
      }
    }
    eligible.sort(Comparator.reverseOrder());
    int k = 0;
    for (long v : eligible) {
      if (need <= 0) {
        break;
      }
      need -= v;
      k++;
    }
    return k;
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
