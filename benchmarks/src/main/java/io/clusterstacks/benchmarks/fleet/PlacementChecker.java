package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's own checker of a placement (tenant name to the workers of its replicas), written
 * independently of every solver it checks: every replica placed on a known, schedulable worker; CPU and
 * memory requests within each worker's allocatable; for hard-spread tenants at most one replica per
 * worker and per hypervisor. Soft-spread tenants may share workers (that is quality, not feasibility).
 */
public final class PlacementChecker {

  private PlacementChecker() {}

  /**
   * All violations of a placement, each a sentence naming tenant or worker; empty when feasible.
   *
   * @param instance the fleet
   * @param placement tenant name to worker names, one per placed replica
   * @return the violations, at most 50 (then a count of the rest)
   */
  public static List<String> check(FleetInstance instance, Map<String, List<String>> placement) {
    List<String> v = new ArrayList<>();
    Map<String, ManagementWorker> workers = new HashMap<>();
    for (ManagementWorker w : instance.workers()) {
      workers.put(w.name(), w);
    }
    Map<String, long[]> used = new HashMap<>();
    Set<String> known = new HashSet<>();
    for (TenantRequest t : instance.tenants()) {
      known.add(t.name());
      List<String> ws = placement.getOrDefault(t.name(), List.of());
      if (ws.size() != t.replicas()) {
        v.add("tenant " + t.name() + ": " + ws.size() + " of " + t.replicas() + " replicas placed");
      }
      Set<String> seenWorkers = new HashSet<>();
      Set<String> seenHypervisors = new HashSet<>();
      for (String wn : ws) {
        ManagementWorker w = workers.get(wn);
        if (w == null) {
          v.add("tenant " + t.name() + ": unknown worker " + wn);
          continue;
        }
        if (!w.schedulable()) {
          v.add("tenant " + t.name() + ": replica on cordoned worker " + wn);
        }
        long[] u = used.computeIfAbsent(wn, k -> new long[2]);
        u[0] += t.cpuMillicores().orElse(0);
        u[1] += t.memoryMiB().orElse(0);
        if (t.spread() == Spread.HARD) {
          if (!seenWorkers.add(wn)) {
            v.add("tenant " + t.name() + " (hard): two replicas on worker " + wn);
          }
          if (!seenHypervisors.add(w.hypervisor())) {
            v.add("tenant " + t.name() + " (hard): two replicas on hypervisor " + w.hypervisor());
          }
        }
      }
    }
    for (String tn : placement.keySet()) {
      if (!known.contains(tn)) {
        v.add("unknown tenant " + tn);
      }
    }
    for (Map.Entry<String, long[]> e : used.entrySet()) {
      ManagementWorker w = workers.get(e.getKey());
      long[] u = e.getValue();
      if (w.allocatableMillicores().isPresent() && u[0] > w.allocatableMillicores().getAsLong()) {
        v.add("worker " + w.name() + ": " + u[0] + "m CPU requested, " + w.allocatableMillicores().getAsLong()
            + "m allocatable");
      }
      if (w.allocatableMemoryMiB().isPresent() && u[1] > w.allocatableMemoryMiB().getAsLong()) {
        v.add("worker " + w.name() + ": " + u[1] + " MiB requested, " + w.allocatableMemoryMiB().getAsLong()
            + " MiB allocatable");
      }
    }
    if (v.size() > 50) {
      int more = v.size() - 50;
      List<String> cut = new ArrayList<>(v.subList(0, 50));
      cut.add(more + " more");
      return cut;
    }
    return v;
  }

  /**
   * Workers carrying at least one replica.
   *
   * @param placement tenant name to worker names
   * @return the count
   */
  public static int workersUsed(Map<String, List<String>> placement) {
    Set<String> s = new HashSet<>();
    placement.values().forEach(s::addAll);
    return s.size();
  }

  /**
   * Replicas per hypervisor.
   *
   * @param instance the fleet (for worker to hypervisor)
   * @param placement tenant name to worker names
   * @return hypervisor to replica count, for hypervisors with at least one
   */
  public static Map<String, Integer> hypervisorLoads(FleetInstance instance, Map<String, List<String>> placement) {
    Map<String, String> hv = instance.hypervisorOf();
    Map<String, Integer> load = new HashMap<>();
    for (List<String> ws : placement.values()) {
      for (String w : ws) {
        String h = hv.get(w);
        if (h != null) {
          load.merge(h, 1, Integer::sum);
        }
      }
    }
    return load;
  }

  /**
   * The most replicas on one hypervisor (the pods one hypervisor failure takes down).
   *
   * @param instance the fleet
   * @param placement tenant name to worker names
   * @return the maximum, 0 for an empty placement
   */
  public static int maxHypervisorLoad(FleetInstance instance, Map<String, List<String>> placement) {
    return hypervisorLoads(instance, placement).values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /**
   * The hypervisor with the most replicas, the first in worker order on a tie.
   *
   * @param instance the fleet
   * @param placement tenant name to worker names
   * @return its name, or null for an empty placement
   */
  public static String busiestHypervisor(FleetInstance instance, Map<String, List<String>> placement) {
    Map<String, Integer> load = hypervisorLoads(instance, placement);
    String best = null;
    int max = -1;
    for (String h : instance.hypervisors()) {
      int l = load.getOrDefault(h, 0);
      if (l > max) {
        max = l;
        best = h;
      }
    }
    return best;
  }
}
