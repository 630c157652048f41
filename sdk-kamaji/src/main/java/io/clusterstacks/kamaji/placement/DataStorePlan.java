package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Advice for a DataStore's etcd StatefulSet, which the SDK does not own: the rules its pods should carry
 * so that losing one hypervisor leaves a majority, and whether any placement on these workers can.
 */
@Value.Immutable
@SdkStyle
public abstract class DataStorePlan {
  DataStorePlan() {}

  /**
   * The DataStore planned for.
   *
   * @return the DataStore
   */
  public abstract EtcdDataStore dataStore();

  /**
   * The members a quorum needs: {@code members / 2 + 1}.
   *
   * @return members
   */
  public abstract int quorum();

  /**
   * The rules advised for the etcd pods.
   *
   * @return the rules
   */
  public abstract PodRules rules();

  /**
   * The etcd pods under the advised rules.
   *
   * @return the analysis
   */
  public abstract PlacementAnalysis analysis();

  /**
   * Whether the quorum survives the loss of any one hypervisor in every placement the advised rules
   * allow.
   *
   * @return true when it does
   */
  public abstract boolean survivesAnyHypervisorLoss();

  /**
   * The fewest hypervisors (with a schedulable worker each) on which some placement of these members
   * keeps the quorum through the loss of any one of them.
   *
   * @return hypervisors, or empty when no count can (fewer than 3 members)
   */
  public abstract OptionalInt hypervisorsNeeded();

  /**
   * Why these rules, and what would help.
   *
   * @return one sentence each
   */
  public abstract List<String> reasons();

  /**
   * The advised rules as a PodDisruptionBudget would need them: at most this many members evicted at once.
   *
   * @return {@code members - quorum}, at least 0
   */
  @Value.Derived
  public int disruptionBudgetMaxUnavailable() {
    return Math.max(0, dataStore().members() - quorum());
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
   * A DataStore plan built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static DataStorePlan of(Consumer<Builder> spec) {
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

  /** Builds a {@link DataStorePlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDataStorePlan.Builder {
    Builder() {}
  }
}
