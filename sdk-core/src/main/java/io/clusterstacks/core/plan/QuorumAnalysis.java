package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What losing one hypervisor does to etcd under the chosen plan, and the scs-0214 verdict.
 */
@Value.Immutable
@SdkStyle
public abstract class QuorumAnalysis {
  QuorumAnalysis() {}

  /**
   * The etcd members (control-plane replicas).
   *
   * @return the members
   */
  public abstract int members();

  /**
   * The members needed for a majority.
   *
   * @return the quorum
   */
  public abstract int quorum();

  /**
   * The most members one hypervisor can carry after rollouts under the policy.
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
   * Whether quorum survives losing the hypervisor with the most members, in the worst case.
   *
   * @return true when it survives
   */
  public abstract boolean survivesHostLossWorstCase();

  /**
   * Whether quorum survives losing that hypervisor in the expected case.
   *
   * @return true when it survives
   */
  public abstract boolean survivesHostLossExpected();

  /**
   * What a crash of that hypervisor does.
   *
   * @return in words
   */
  public abstract String hostLoss();

  /**
   * What hypervisor maintenance does (local-disk servers are powered off, not migrated).
   *
   * @return in words
   */
  public abstract String maintenance();

  /**
   * What losing an availability zone does, or that there is only one.
   *
   * @return in words
   */
  public abstract String zones();

  /**
   * The verdict on spreading over physical machines.
   *
   * @return the verdict
   */
  public abstract Scs0214Verdict scs0214();

  /**
   * Why that verdict.
   *
   * @return in words
   */
  public abstract String scs0214Explanation();

  /**
   * The statements in order, for reports.
   *
   * @return the lines
   */
  public List<String> lines() {
    return List.of(hostLoss(), maintenance(), zones(), "scs-0214: " + scs0214() + " - " + scs0214Explanation());
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
   * A QuorumAnalysis built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static QuorumAnalysis of(Consumer<Builder> spec) {
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

  /** Builds a {@link QuorumAnalysis}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableQuorumAnalysis.Builder {
    Builder() {}
  }
}
