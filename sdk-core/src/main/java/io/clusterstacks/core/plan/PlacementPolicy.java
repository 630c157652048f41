package io.clusterstacks.core.plan;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import io.clusterstacks.core.model.ServerGroupPolicy;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a role's machines are placed over hypervisors: a Nova server-group policy, or no group.
 *
 * @param kind the kind of policy
 * @param maxServerPerHost the {@code max_server_per_host} rule, present only for
 *     {@link Kind#ANTI_AFFINITY_MAX_PER_HOST}
 */
public record PlacementPolicy(Kind kind, OptionalInt maxServerPerHost) {

  /** The kinds of placement, strongest first. */
  public enum Kind {
    /** Hard {@code anti-affinity}: at most one member per host; an unplaceable member goes to ERROR. */
    ANTI_AFFINITY,
    /** Hard {@code anti-affinity} with {@code rules.max_server_per_host} (compute 2.64): at most k per host. */
    ANTI_AFFINITY_MAX_PER_HOST,
    /** {@code soft-anti-affinity} (compute 2.15): a weigher preference, never a guarantee. */
    SOFT_ANTI_AFFINITY,
    /** No server group: placement is left to Nova's default weighers. */
    NONE
  }

  /**
   * Checks the rule is present exactly for the per-host kind, and at least 2.
   *
   * @param kind the kind
   * @param maxServerPerHost the per-host rule
   */
  public PlacementPolicy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(maxServerPerHost, "maxServerPerHost");
    if ((kind == Kind.ANTI_AFFINITY_MAX_PER_HOST) != maxServerPerHost.isPresent()) {
      throw new ClusterStacksException("placement policy " + kind
          + ": max_server_per_host is given exactly for ANTI_AFFINITY_MAX_PER_HOST; use PlacementPolicy.maxPerHost(k)");
    }
    if (maxServerPerHost.isPresent() && maxServerPerHost.getAsInt() < 2) {
      throw new ClusterStacksException("placement policy max_server_per_host: got " + maxServerPerHost.getAsInt()
          + "; use 2 or more (1 is plain anti-affinity: PlacementPolicy.antiAffinity())");
    }
  }

  /**
   * Hard anti-affinity, one member per host.
   *
   * @return the policy
   */
  public static PlacementPolicy antiAffinity() {
    return new PlacementPolicy(Kind.ANTI_AFFINITY, OptionalInt.empty());
  }

  /**
   * Hard anti-affinity with at most {@code k} members per host (compute 2.64).
   *
   * @param k the per-host limit, at least 2
   * @return the policy
   */
  public static PlacementPolicy maxPerHost(int k) {
    return new PlacementPolicy(Kind.ANTI_AFFINITY_MAX_PER_HOST, OptionalInt.of(k));
  }

  /**
   * Soft anti-affinity (compute 2.15).
   *
   * @return the policy
   */
  public static PlacementPolicy softAntiAffinity() {
    return new PlacementPolicy(Kind.SOFT_ANTI_AFFINITY, OptionalInt.empty());
  }

  /**
   * No server group.
   *
   * @return the policy
   */
  public static PlacementPolicy none() {
    return new PlacementPolicy(Kind.NONE, OptionalInt.empty());
  }

  /**
   * The Nova policy of the server group.
   *
   * @return the policy, or empty for {@link Kind#NONE}
   */
  public Optional<ServerGroupPolicy> serverGroupPolicy() {
    return switch (kind) {
      case ANTI_AFFINITY, ANTI_AFFINITY_MAX_PER_HOST -> Optional.of(ServerGroupPolicy.ANTI_AFFINITY);
      case SOFT_ANTI_AFFINITY -> Optional.of(ServerGroupPolicy.SOFT_ANTI_AFFINITY);
      case NONE -> Optional.empty();
    };
  }

  /**
   * Whether the policy needs a server group.
   *
   * @return false only for {@link Kind#NONE}
   */
  public boolean needsGroup() {
    return kind != Kind.NONE;
  }

  /**
   * Whether Nova enforces the policy (a filter that rejects hosts) rather than preferring it.
   *
   * @return true for the two hard kinds
   */
  public boolean isHard() {
    return kind == Kind.ANTI_AFFINITY || kind == Kind.ANTI_AFFINITY_MAX_PER_HOST;
  }

  /**
   * The lowest compute microversion that can create the group.
   *
   * @return 2.1, 2.15 or 2.64
   */
  public ComputeMicroversion requiredMicroversion() {
    return switch (kind) {
      case ANTI_AFFINITY, NONE -> new ComputeMicroversion(2, 1);
      case SOFT_ANTI_AFFINITY -> ComputeMicroversion.SOFT_POLICIES;
      case ANTI_AFFINITY_MAX_PER_HOST -> ComputeMicroversion.MAX_SERVER_PER_HOST;
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ANTI_AFFINITY -> "anti-affinity";
      case ANTI_AFFINITY_MAX_PER_HOST -> "anti-affinity with max_server_per_host=" + maxServerPerHost.getAsInt();
      case SOFT_ANTI_AFFINITY -> "soft-anti-affinity";
      case NONE -> "no server group";
    };
  }
}
