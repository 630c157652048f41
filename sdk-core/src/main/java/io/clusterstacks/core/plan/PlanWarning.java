package io.clusterstacks.core.plan;

import java.util.Objects;

/**
 * Something the user should know about a plan.
 *
 * @param severity how much it matters
 * @param code a stable identifier, for programs
 * @param role the role it concerns ({@code control-plane}, a deployment name, or {@code cluster})
 * @param message what it means and what to do
 */
public record PlanWarning(Severity severity, Code code, String role, String message) {

  /** How much a warning matters. */
  public enum Severity {
    /** Worth knowing. */
    INFO,
    /** A risk the user should decide about. */
    WARNING,
    /** Something will fail unless the user acts (e.g. rollouts over quota). */
    CRITICAL
  }

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
    IMAGE
  }

  /**
   * Checks the parts are present.
   *
   * @param severity how much it matters
   * @param code a stable identifier
   * @param role the role
   * @param message what it means and what to do
   */
  public PlanWarning {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return severity + " " + code + " [" + role + "]: " + message;
  }
}
