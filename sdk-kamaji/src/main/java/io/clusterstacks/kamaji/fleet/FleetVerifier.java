package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a placement against the tenants and workers, with code of its own (it shares nothing with
 * {@link FleetPlanner}, so that a fault in the planner cannot hide itself): every replica placed, only on
 * known schedulable workers, each worker's CPU and memory requests within its allocatable (a worker
 * without an allocatable figure is not limited by it), and under hard spread at most one replica of a
 * tenant per worker and per hypervisor. Soft spread is a preference and is not checked.
 */
public final class FleetVerifier {
  private FleetVerifier() {}

  /**
   * Every way the placement breaks a rule.
   *
   * @param tenants the tenants
   * @param workers the workers
   * @param placement the placement to check
   * @return the violations, empty when the placement is valid; ordered by tenant, then worker
   */
  public static List<FleetViolation> verify(List<TenantRequest> tenants, List<ManagementWorker> workers,
      FleetPlacement placement) {
    InvalidInputException.requireArgument(tenants, "tenants");
    InvalidInputException.requireArgument(workers, "workers");
    InvalidInputException.requireArgument(placement, "placement");
    Map<String, ManagementWorker> byName = new HashMap<>();
    for (ManagementWorker w : workers) {
      byName.put(w.name(), w);
    }
    Map<String, TenantRequest> tenantByName = new HashMap<>();
    for (TenantRequest t : tenants) {
      tenantByName.put(t.name(), t);
    }
    List<FleetViolation> out = new ArrayList<>();
    Map<String, long[]> requested = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : placement.replicas().entrySet()) {
      if (!tenantByName.containsKey(e.getKey())) {
        out.add(violation(FleetViolation.Kind.UNKNOWN_TENANT, e.getKey(), null,
            "the placement names tenant " + e.getKey() + ", which is not among the tenants"));
      }
    }
    for (TenantRequest t : tenants) {
      List<String> ws = placement.workersOf(t.name());
      if (ws.size() < t.replicas()) {
        out.add(violation(FleetViolation.Kind.REPLICAS_MISSING, t.name(), null,
            t.name() + " asks for " + t.replicas() + " replicas and has " + ws.size() + " placed"));
      } else if (ws.size() > t.replicas()) {
        out.add(violation(FleetViolation.Kind.REPLICAS_EXTRA, t.name(), null,
            t.name() + " asks for " + t.replicas() + " replicas and has " + ws.size() + " placed"));
      }
      Set<String> seenWorkers = new HashSet<>();
      Set<String> seenHypervisors = new HashSet<>();
      for (String wn : ws) {
        ManagementWorker w = byName.get(wn);
        if (w == null) {
          out.add(violation(FleetViolation.Kind.UNKNOWN_WORKER, t.name(), wn,
              "a replica of " + t.name() + " is on " + wn + ", which is not among the workers"));
          continue;
        }
        if (!w.schedulable()) {
          out.add(violation(FleetViolation.Kind.UNSCHEDULABLE_WORKER, t.name(), wn,
              "a replica of " + t.name() + " is on " + wn + ", which is cordoned"));
        }
        long[] r = requested.computeIfAbsent(wn, k -> new long[2]);
        r[0] += t.cpuMillicores().orElse(0);
        r[1] += t.memoryMiB().orElse(0);
        if (t.spread() == Spread.HARD) {
          if (!seenWorkers.add(wn)) {
            out.add(violation(FleetViolation.Kind.SAME_WORKER, t.name(), wn,
                "hard spread: two replicas of " + t.name() + " on worker " + wn));
          } else if (!seenHypervisors.add(w.hypervisor())) {
            out.add(violation(FleetViolation.Kind.SAME_HYPERVISOR, t.name(), wn,
                "hard spread: two replicas of " + t.name() + " on hypervisor " + w.hypervisor()
                    + " (worker " + wn + " and another)"));
          }
        }
      }
    }
    for (Map.Entry<String, long[]> e : requested.entrySet()) {
      ManagementWorker w = byName.get(e.getKey());
      long cpu = e.getValue()[0];
      long mem = e.getValue()[1];
      if (w.allocatableMillicores().isPresent() && cpu > w.allocatableMillicores().getAsLong()) {
        out.add(violation(FleetViolation.Kind.CPU, null, w.name(), "worker " + w.name() + ": replicas request " + cpu
            + "m CPU, " + w.allocatableMillicores().getAsLong() + "m allocatable"));
      }
      if (w.allocatableMemoryMiB().isPresent() && mem > w.allocatableMemoryMiB().getAsLong()) {
        out.add(violation(FleetViolation.Kind.MEMORY, null, w.name(), "worker " + w.name() + ": replicas request " + mem
            + " MiB, " + w.allocatableMemoryMiB().getAsLong() + " MiB allocatable"));
      }
    }
    return out;
  }

  private static FleetViolation violation(FleetViolation.Kind kind, String tenant, String worker, String message) {
    FleetViolation.Builder b = FleetViolation.builder().kind(kind).message(message);
    if (tenant != null) {
      b.tenant(tenant);
    }
    if (worker != null) {
      b.worker(worker);
    }
    return b.build();
  }
}
