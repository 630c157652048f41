package io.clusterstacks.core.plan;

import io.clusterstacks.core.Severity;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Something the user should know about a plan.
 */
@Value.Immutable
@SdkStyle
public abstract class PlanWarning {
  PlanWarning() {}


  /** What a warning is about. */
  public enum Code {
    /** etcd is on network storage. */
    ETCD_ON_NETWORK_STORAGE,
    /** etcd quorum is lost when one hypervisor fails or is maintained. */
    QUORUM_AT_RISK,
    /** Upgrades or one-member-per-host placement had to give way. */
    SURGE_TRADE_OFF,
    /** Soft anti-affinity races when machines boot in parallel. */
    PARALLEL_BOOT_RACE,
    /** A worker deployment was split because of the member quota. */
    DEPLOYMENT_SPLIT,
    /** A flavor's real values fall short of its SCS name. */
    FLAVOR_NAME_MISMATCH,
    /** A pinned flavor or policy misses a requirement. */
    PINNED_CHOICE,
    /** The root disk cannot be expressed as planned. */
    ROOT_DISK,
    /** Local-disk servers and hypervisor maintenance. */
    MAINTENANCE,
    /** A quota leaves too little headroom. */
    QUOTA,
    /** The hypervisor count is estimated, declared or unknown. */
    HOST_COUNT,
    /** The control plane cannot be spread as scs-0214 requires. */
    SCS_0214,
    /** The image. */
    IMAGE,
    /** The availability zones' hypervisor counts limit or contradict the plan. */
    ZONES,
    /** A further placement level (e.g. pods over machines) added by a planner extension. */
    PLACEMENT_LEVEL
  }

  /**
   * How much it matters.
   *
   * @return the severity
   */
  public abstract Severity severity();

  /**
   * A stable identifier, for programs.
   *
   * @return the code
   */
  public abstract Code code();

  /**
   * The role it concerns.
   *
   * @return {@code control-plane}, a deployment name, or {@code cluster}
   */
  public abstract String role();

  /**
   * What it means and what to do.
   *
   * @return one or more sentences
   */
  public abstract String message();

  /**
   * A warning.
   *
   * @param severity how much it matters
   * @param code a stable identifier
   * @param role the role it concerns
   * @param message what it means and what to do
   * @return the warning
   */
  public static PlanWarning of(Severity severity, Code code, String role, String message) {
    return builder().severity(severity).code(code).role(role).message(message).build();
  }

  @Override
  public String toString() {
    return severity() + " " + code() + " [" + role() + "]: " + message();
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
   * A PlanWarning built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static PlanWarning of(Consumer<Builder> spec) {
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

  /** Builds a {@link PlanWarning}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutablePlanWarning.Builder {
    Builder() {}
  }
}
