package io.clusterstacks.benchmarks.fleet;

import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated fleet: the tenants to place and the management workers, as the sdk-kamaji values the
 * fleet planner takes, plus the dense indexes the peers work on.
 *
 * @param name a short label, e.g. {@code 1000t-200w-30h-tight-skewed}
 * @param spec what the generator was asked for
 * @param seed the generator's seed
 * @param tenants the tenant control planes, in the order a controller would create their pods
 * @param workers the management workers, in node-list order
 */
public record FleetInstance(
    String name, InstanceGenerator.Spec spec, long seed, List<TenantRequest> tenants, List<ManagementWorker> workers) {

  /** Replicas of all tenants. */
  public int replicaCount() {
    return tenants.stream().mapToInt(TenantRequest::replicas).sum();
  }

  /** The distinct hypervisors, in the order their first worker appears. */
  public List<String> hypervisors() {
    return workers.stream().map(ManagementWorker::hypervisor).distinct().toList();
  }

  /** Worker name to its index in {@link #workers()}. */
  public Map<String, Integer> workerIndex() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < workers.size(); i++) {
      m.put(workers.get(i).name(), i);
    }
    return m;
  }

  /** Worker name to its hypervisor. */
  public Map<String, String> hypervisorOf() {
    Map<String, String> m = new HashMap<>();
    for (ManagementWorker w : workers) {
      m.put(w.name(), w.hypervisor());
    }
    return m;
  }

  /** How many tenants ask for hard spread. */
  public long hardTenants() {
    return tenants.stream().filter(t -> t.spread() == Spread.HARD).count();
  }
}
