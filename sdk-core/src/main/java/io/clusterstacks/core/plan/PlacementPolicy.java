package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import io.clusterstacks.core.model.ServerGroupPolicy;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How a role's machines are placed over hypervisors: a Nova server-group policy, or no group.
 *
 * <p>Usually made by one of the factories: {@link #antiAffinity()}, {@link #maxPerHost(int)},
 * {@link #softAntiAffinity()}, {@link #none()}.
 */
@Value.Immutable
@SdkStyle
public abstract class PlacementPolicy {

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

  PlacementPolicy() {}

  /**
   * The kind of policy.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * The {@code max_server_per_host} rule.
   *
   * @return the rule, present exactly for {@link Kind#ANTI_AFFINITY_MAX_PER_HOST}
   */
  public abstract OptionalInt maxServerPerHost();

  /**
   * Checks the rule is present exactly for the per-host kind, and at least 2.
   */
  @Value.Check
  void check() {
    if ((kind() == Kind.ANTI_AFFINITY_MAX_PER_HOST) != maxServerPerHost().isPresent()) {
      throw new InvalidInputException(java.util.List.of(Problem.of("placementPolicy.maxServerPerHost",
          maxServerPerHost().isPresent() ? String.valueOf(maxServerPerHost().getAsInt()) : Problem.MISSING,
          "give max_server_per_host exactly for " + Kind.ANTI_AFFINITY_MAX_PER_HOST + " (kind " + kind()
              + "); use PlacementPolicy.maxPerHost(k)")));
    }
    if (maxServerPerHost().isPresent() && maxServerPerHost().getAsInt() < 2) {
      throw new InvalidInputException(java.util.List.of(Problem.of("placementPolicy.maxServerPerHost",
          String.valueOf(maxServerPerHost().getAsInt()),
          "use 2 or more (1 is plain anti-affinity: PlacementPolicy.antiAffinity())")));
    }
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
   * A policy built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the policy
   * @throws InvalidInputException when the kind is missing or the rule does not go with it
   */
  public static PlacementPolicy of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this policy's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * Hard anti-affinity, one member per host.
   *
   * @return the policy
   */
  public static PlacementPolicy antiAffinity() {
    return ANTI_AFFINITY;
  }

  /**
   * Hard anti-affinity with at most {@code k} members per host (compute 2.64).
   *
   * @param k the per-host limit, at least 2
   * @return the policy
   */
  public static PlacementPolicy maxPerHost(int k) {
    return builder().kind(Kind.ANTI_AFFINITY_MAX_PER_HOST).maxServerPerHost(k).build();
  }

  /**
   * Soft anti-affinity (compute 2.15).
   *
   * @return the policy
   */
  public static PlacementPolicy softAntiAffinity() {
    return SOFT;
  }

  /**
   * No server group.
   *
   * @return the policy
   */
  public static PlacementPolicy none() {
    return NONE;
  }

  /**
   * The Nova policy of the server group.
   *
   * @return the policy, or empty for {@link Kind#NONE}
   */
  public Optional<ServerGroupPolicy> serverGroupPolicy() {
    return switch (kind()) {
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
    return kind() != Kind.NONE;
  }

  /**
   * Whether Nova enforces the policy (a filter that rejects hosts) rather than preferring it.
   *
   * @return true for the two hard kinds
   */
  public boolean isHard() {
    return kind() == Kind.ANTI_AFFINITY || kind() == Kind.ANTI_AFFINITY_MAX_PER_HOST;
  }

  /**
   * The lowest compute microversion that can create the group.
   *
   * @return 2.1, 2.15 or 2.64
   */
  public ComputeMicroversion requiredMicroversion() {
    return switch (kind()) {
      case ANTI_AFFINITY, NONE -> new ComputeMicroversion(2, 1);
      case SOFT_ANTI_AFFINITY -> ComputeMicroversion.SOFT_POLICIES;
      case ANTI_AFFINITY_MAX_PER_HOST -> ComputeMicroversion.MAX_SERVER_PER_HOST;
    };
  }

  @Override
  public String toString() {
    return switch (kind()) {
      case ANTI_AFFINITY -> "anti-affinity";
      case ANTI_AFFINITY_MAX_PER_HOST -> "anti-affinity with max_server_per_host=" + maxServerPerHost().getAsInt();
      case SOFT_ANTI_AFFINITY -> "soft-anti-affinity";
      case NONE -> "no server group";
    };
  }

  private static final PlacementPolicy ANTI_AFFINITY = builder().kind(Kind.ANTI_AFFINITY).build();
  private static final PlacementPolicy SOFT = builder().kind(Kind.SOFT_ANTI_AFFINITY).build();
  private static final PlacementPolicy NONE = builder().kind(Kind.NONE).build();

  /** Builds a {@link PlacementPolicy}; {@link #build()} reports a missing kind or a rule that does not fit it. */
  public static final class Builder extends ImmutablePlacementPolicy.Builder {
    Builder() {}
  }
}
