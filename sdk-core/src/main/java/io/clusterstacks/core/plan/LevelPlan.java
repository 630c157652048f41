package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A {@link PlacementLevel} as planned: its members over the machines of a role, and what that means per
 * hypervisor once the machines' own placement is taken into account.
 *
 * <p>The worst case multiplies the two levels: with at most {@code p} members per machine and at most
 * {@code W} machines of the role per hypervisor (the role's worst case), a hypervisor carries at most
 * {@code min(members, p * W)} members. The expected case spreads the members evenly over the machines
 * and uses the role's expected machines per hypervisor.
 */
@Value.Immutable
@SdkStyle
public abstract class LevelPlan {
  LevelPlan() {}

  /**
   * The level's name.
   *
   * @return e.g. {@code tenant-a datastore}
   */
  public abstract String name();

  /**
   * The role whose machines carry it.
   *
   * @return the role name
   */
  public abstract String onRole();

  /**
   * The members.
   *
   * @return 0 or more
   */
  public abstract int members();

  /**
   * The role's machines.
   *
   * @return the replicas of the role
   */
  public abstract int machines();

  /**
   * The most members one machine takes.
   *
   * @return the limit, or empty
   */
  public abstract OptionalInt maxPerMachine();

  /**
   * Members that fit on no machine under the limit (they stay Pending).
   *
   * @return 0 when all fit
   */
  public abstract int unschedulable();

  /**
   * The most members on one machine in the worst case.
   *
   * @return members
   */
  public abstract int worstCasePerMachine();

  /**
   * The most members on one hypervisor in the worst case.
   *
   * @return members
   */
  public abstract int worstCasePerHost();

  /**
   * The most members on one hypervisor in the expected case.
   *
   * @return members
   */
  public abstract int expectedPerHost();

  /**
   * Whether the members need a majority.
   *
   * @return true for etcd-like members
   */
  public abstract boolean needsQuorum();

  /**
   * Whether a majority survives losing the busiest hypervisor, worst case (true when no quorum is needed).
   *
   * @return true when it survives
   */
  public abstract boolean survivesHostLossWorstCase();

  /**
   * Whether a majority survives in the expected case (true when no quorum is needed).
   *
   * @return true when it survives
   */
  public abstract boolean survivesHostLossExpected();

  /**
   * The level's reasons and what the planner concluded.
   *
   * @return one sentence each
   */
  public abstract List<String> reasons();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A LevelPlan built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static LevelPlan of(Consumer<Builder> spec) {
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

  /** Builds a {@link LevelPlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableLevelPlan.Builder {
    Builder() {}
  }
}
