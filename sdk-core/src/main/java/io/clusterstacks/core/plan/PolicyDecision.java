package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The placement chosen for a role: the server-group policy, the rollout surge, how many groups, what
 * that means per hypervisor, and why.
 */
@Value.Immutable
@SdkStyle
public abstract class PolicyDecision {
  PolicyDecision() {}

  /**
   * The policy.
   *
   * @return the policy
   */
  public abstract PlacementPolicy policy();

  /**
   * The rollout maxSurge the plan uses.
   *
   * @return 0 or more
   */
  public abstract int maxSurge();

  /**
   * The replicas per server group.
   *
   * @return one entry unless the member quota forced a split
   */
  public abstract List<Integer> groupSizes();

  /**
   * The most members one hypervisor can carry after rollouts under this policy.
   *
   * @return the worst case
   */
  public abstract int worstCasePerHost();

  /**
   * The most members one hypervisor is expected to carry after rollouts.
   *
   * @return the expected case
   */
  public abstract int expectedPerHost();

  /**
   * Why this policy.
   *
   * @return one sentence each
   */
  public abstract List<String> reasons();

  /**
   * What the plan gives up and why, when it cannot have everything.
   *
   * @return the trade-off, or empty
   */
  public abstract Optional<String> tradeOff();

  /**
   * Changes that would give a different plan, and what that plan would be.
   *
   * @return the alternatives
   */
  public abstract List<Alternative> alternatives();

  /**
   * The other policies and why they lost.
   *
   * @return the other policies
   */
  public abstract List<RunnerUp> rejected();

  /**
   * The number of server groups the role needs.
   *
   * @return 0 without a group, else the number of groups
   */
  public int serverGroupCount() {
    return policy().needsGroup() ? groupSizes().size() : 0;
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
   * A PolicyDecision built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static PolicyDecision of(Consumer<Builder> spec) {
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

  /** Builds a {@link PolicyDecision}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutablePolicyDecision.Builder {
    Builder() {}
  }
}
