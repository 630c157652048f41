package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kamaji.placement.KamajiDeployment;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.PodRules;
import io.clusterstacks.kamaji.placement.RuleStrength;
import io.clusterstacks.kamaji.placement.Spread;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A fleet of tenants placed on the management workers: where each replica goes, how many workers that
 * takes against a lower bound, how loaded the busiest hypervisor is, and, for tenants that could not be
 * placed, why and what change makes them fit. {@link #report()} says it in words.
 *
 * <p>Hard spread means at most one replica of a tenant per worker and per hypervisor (scs-0214's spread
 * over physical machines, taken strictly); soft spread means as even as the capacity allows: the counts
 * per hypervisor differ by at most one and no worker holds two, relaxed (and said in {@link #reasons()})
 * only where the capacity leaves no such placement.
 */
@Value.Immutable
@SdkStyle
public abstract class FleetPlan {
  FleetPlan() {}

  /**
   * The tenants planned, in the order given.
   *
   * @return the tenants
   */
  public abstract List<TenantRequest> tenants();

  /**
   * The workers planned on, in the order given.
   *
   * @return the workers
   */
  public abstract List<ManagementWorker> workers();

  /**
   * Where every placed replica runs.
   *
   * @return the placement; an infeasible tenant is absent
   */
  public abstract FleetPlacement placement();

  /**
   * Whether every tenant is placed.
   *
   * @return true when {@link #infeasibilities()} is empty
   */
  public boolean feasible() {
    return infeasibilities().isEmpty();
  }

  /**
   * Workers that hold at least one replica.
   *
   * @return workers
   */
  public abstract int workersUsed();

  /**
   * A lower bound on the workers any placement of the placed tenants needs: the most of (per resource)
   * the fewest largest workers whose allocatable covers every request, and the most replicas of one hard-spread
   * tenant.
   *
   * @return workers
   */
  public abstract int workersLowerBound();

  /**
   * Whether {@link #workersUsed()} is proved the fewest: it meets {@link #workersLowerBound()}, or an
   * exhaustive search (run on small fleets) found no placement with fewer.
   *
   * @return true when proved
   */
  public abstract boolean workersUsedOptimal();

  /**
   * The load of the busiest hypervisor: over hypervisors with a schedulable worker, the largest fraction of
   * its allocatable CPU or memory (summed over its schedulable workers) that the placed replicas request.
   *
   * @return from 0 to 1
   */
  public abstract double maxHypervisorLoad();

  /**
   * The most replicas (of all tenants) on one hypervisor.
   *
   * @return replicas
   */
  public abstract int maxHypervisorReplicas();

  /**
   * Replicas placed on a worker that the current placement did not give their tenant (0 without one).
   *
   * @return moves
   */
  public abstract int movesFromCurrent();

  /**
   * The tenants not placed, each with its constraint and a checked change.
   *
   * @return empty when feasible
   */
  public abstract List<FleetInfeasibility> infeasibilities();

  /**
   * Why the plan is as it is, one sentence each.
   *
   * @return the reasons
   */
  public abstract List<String> reasons();

  /**
   * The plan in words: the figures, the infeasibilities with their changes, the reasons, and the load per
   * hypervisor.
   *
   * @return lines
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    int replicas = placement().replicas().values().stream().mapToInt(List::size).sum();
    sb.append("Fleet: ").append(tenants().size()).append(" tenants, ").append(replicas).append(" replicas placed on ")
        .append(workersUsed()).append(" of ").append(workers().size()).append(" workers (lower bound ")
        .append(workersLowerBound()).append(workersUsedOptimal() ? ", proved fewest" : "").append("); busiest hypervisor ")
        .append(percent(maxHypervisorLoad())).append(" loaded, ").append(maxHypervisorReplicas()).append(" replicas");
    if (movesFromCurrent() > 0) {
      sb.append("; ").append(movesFromCurrent()).append(" moves from the current placement");
    }
    sb.append('\n');
    if (!feasible()) {
      sb.append("Infeasible: ").append(infeasibilities().size()).append(" tenants not placed\n");
      for (FleetInfeasibility i : infeasibilities()) {
        sb.append("  ").append(i.tenant()).append(" (").append(i.constraint().name().toLowerCase(Locale.ROOT)).append("): ")
            .append(i.detail()).append("; change: ").append(i.change()).append('\n');
      }
    }
    for (String r : reasons()) {
      sb.append("- ").append(r).append('\n');
    }
    return sb.toString();
  }

  static String percent(double load) {
    return String.format(Locale.ROOT, "%.1f%%", load * 100);
  }

  /**
   * The pod-template fields that make the Kubernetes scheduler keep the tenant's replicas on its planned
   * workers: a required node affinity on {@code kubernetes.io/hostname} to the planned node set, and pod
   * anti-affinity on the node and on {@link Kamaji#HYPERVISOR_LABEL} (required for a hard-spread tenant,
   * preferred for a soft one).
   *
   * <p>What they guarantee: no replica runs outside the node set, and under hard spread no two on one node
   * or hypervisor, whatever order the scheduler places them in (required anti-affinity is a filter). What
   * they do not: a Deployment cannot pin replica {@code i} to node {@code i}, so for a soft-spread tenant
   * with two replicas planned on one worker, the scheduler chooses how many go where within the set (its
   * scores aim for an even spread); under hard spread the set has exactly as many nodes as replicas, so
   * every node takes one. The exact set also leaves no node for a rollout's surge pod under hard spread:
   * roll such a tenant with {@code maxSurge: 0, maxUnavailable: 1}, or add a spare node to the set. Labels
   * must be current ({@code clusterstacks label-nodes}), and required inter-pod anti-affinity costs the
   * scheduler time in large clusters (Kubernetes' documentation warns beyond several hundred nodes).
   *
   * @param tenant the tenant's name
   * @return {@code affinity} with {@code nodeAffinity} and {@code podAntiAffinity}
   * @throws InvalidInputException when the tenant is not placed in this plan
   */
  public Map<String, Object> podFields(String tenant) {
    InvalidInputException.requireArgument(tenant, "tenant");
    TenantRequest t = tenants().stream().filter(x -> x.name().equals(tenant)).findFirst().orElse(null);
    List<String> nodes = placement().workersOf(tenant);
    if (t == null || nodes.isEmpty()) {
      throw new InvalidInputException(List.of(Problem.of("tenant", tenant,
          "name a tenant this plan placed (" + (t == null ? "it is not among the plan's tenants" : "it is infeasible here")
              + ")")));
    }
    RuleStrength s = t.spread() == Spread.HARD ? RuleStrength.REQUIRED : RuleStrength.PREFERRED;
    Map<String, Object> anti = KamajiDeployment.podFields(
        PodRules.of(r -> r.hostnameAntiAffinity(s).hypervisorAntiAffinity(s)),
        Map.of(KamajiDeployment.TENANT_POD_LABEL, tenant));
    Map<String, Object> expr = new LinkedHashMap<>();
    expr.put("key", "kubernetes.io/hostname");
    expr.put("operator", "In");
    expr.put("values", new ArrayList<>(new TreeSet<>(nodes)));
    Map<String, Object> nodeAffinity = Map.of("requiredDuringSchedulingIgnoredDuringExecution",
        Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(expr)))));
    Map<String, Object> affinity = new LinkedHashMap<>();
    affinity.put("nodeAffinity", nodeAffinity);
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) anti.get("affinity");
    affinity.putAll(a);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("affinity", affinity);
    return out;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A value built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static FleetPlan of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this value's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link FleetPlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableFleetPlan.Builder {
    Builder() {}
  }
}
