package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.model.RolloutStrategy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The two-level plan of one tenant control plane: the pod rules, the rollout strategy and the disruption
 * budget of its API-server Deployment, what the scheduler can do with them on these workers, what each
 * hypervisor or worker failure costs, and why. {@link #report()} says it in words.
 */
@Value.Immutable
@SdkStyle
public abstract class TenantPlacementPlan {
  TenantPlacementPlan() {}

  /**
   * The tenant planned for.
   *
   * @return the request
   */
  public abstract TenantRequest tenant();

  /**
   * The API-server pods' rules.
   *
   * @return the rules
   */
  public abstract PodRules rules();

  /**
   * The Deployment's rolling update (sdk-core's type, as for machine deployments).
   *
   * @return the strategy, both bounds set: Kamaji's default {@code maxSurge: 100%, maxUnavailable: 0}, or counts
   */
  public abstract RolloutStrategy strategy();

  /**
   * The PodDisruptionBudget's {@code maxUnavailable} for the API-server pods.
   *
   * @return 1 for two or more replicas; empty for one (a budget would block every drain)
   */
  public abstract OptionalInt disruptionBudgetMaxUnavailable();

  /**
   * The API-server pods under {@link #rules()}.
   *
   * @return the analysis
   */
  public abstract PlacementAnalysis analysis();

  /**
   * Whether Kamaji's default rollout ({@code maxSurge: 100%}, {@code maxUnavailable: 0}) would stall under
   * these rules: every surge pod Pending, so no old pod may go.
   *
   * @return true when it would
   */
  public abstract boolean kamajiDefaultRolloutStalls();

  /**
   * Advice for the tenant's etcd DataStore, when the request names one.
   *
   * @return the DataStore plan, or empty
   */
  public abstract Optional<DataStorePlan> dataStore();

  /**
   * Per hypervisor, then per worker: what losing it costs.
   *
   * @return one impact per hypervisor, then one per worker
   */
  public abstract List<DomainImpact> impacts();

  /**
   * Why each rule and the strategy were chosen.
   *
   * @return one sentence each
   */
  public abstract List<String> reasons();

  /**
   * What the plan cannot promise, and what would help.
   *
   * @return one sentence each
   */
  public abstract List<String> warnings();

  /**
   * The plan in words: rules, strategy, budget, the workers under their hypervisors with the expected
   * replicas, and the failure table.
   *
   * @return lines ending with a newline
   */
  public String report() {
    return PlanReport.of(this);
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
   * A plan built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static TenantPlacementPlan of(Consumer<Builder> spec) {
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

  /** Builds a {@link TenantPlacementPlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableTenantPlacementPlan.Builder {
    Builder() {}
  }
}
