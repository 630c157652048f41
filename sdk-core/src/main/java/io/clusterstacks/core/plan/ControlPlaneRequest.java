package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What is asked of the control plane: replicas, flavor requirements, and optional pins.
 */
@Value.Immutable
@SdkStyle
public abstract class ControlPlaneRequest {

  ControlPlaneRequest() {}

  /** Three replicas with the default requirements, nothing pinned. */
  public static final ControlPlaneRequest DEFAULT = builder().build();

  /**
   * Starts a builder (3 replicas, default requirements).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a request in one expression.
   *
   * @param spec fills in the builder
   * @return the request
   */
  public static ControlPlaneRequest of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this request's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The number of control-plane machines (and stacked etcd members).
   *
   * @return 1, 3, 5 or 7 for control planes with machines (kubeadm with stacked etcd needs an odd number,
   *     checked by {@link ClusterRequest}, which knows the stack); any count from 1 for a Kamaji control plane
   */
  @Value.Default
  public int replicas() {
    return 3;
  }

  /**
   * What the flavor must offer.
   *
   * @return the requirements
   */
  @Value.Default
  public RoleRequirements requirements() {
    return RoleRequirements.DEFAULTS;
  }

  /**
   * A flavor pinned by name or ID; the planner uses it (and says what it thinks of it) or fails with
   * the nearest flavors when the cloud has none of that name or ID.
   *
   * @return the flavor name or ID, or empty to let the planner choose
   */
  public abstract Optional<String> flavor();

  /**
   * A placement policy pinned by the user.
   *
   * @return the policy, or empty to let the planner choose
   */
  public abstract Optional<PlacementPolicy> policy();

  /**
   * A pinned rollout maxSurge (0 or 1); 0 is only possible in raw CAPI mode with 3 or more replicas.
   *
   * @return the surge, or empty to let the planner choose
   */
  public abstract OptionalInt maxSurge();

  /**
   * Whether etcd may run on network storage when no local SSD/NVMe flavor fits (with a warning).
   *
   * @return true by default
   */
  @Value.Default
  public boolean allowNetworkStorage() {
    return true;
  }

  /**
   * Checks replicas and surge, reporting every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    // an even count is refused by ClusterRequest where the stack has control-plane machines (stacked etcd);
    // a Kamaji control plane is stateless API-server pods, where 2 is Kamaji's default
    if (replicas() < 1) {
      problems.add(Problem.of("controlPlaneRequest.replicas", String.valueOf(replicas()),
          "use 1 or more (an odd number, 1, 3, 5 or 7, for control planes with machines and stacked etcd)"));
    }
    if (maxSurge().isPresent() && (maxSurge().getAsInt() < 0 || maxSurge().getAsInt() > 1)) {
      problems.add(Problem.of("controlPlaneRequest.maxSurge", String.valueOf(maxSurge().getAsInt()),
          "KubeadmControlPlane accepts only 0 or 1"));
    }
    if (maxSurge().isPresent() && maxSurge().getAsInt() == 0 && replicas() < 3) {
      problems.add(Problem.of("controlPlaneRequest.maxSurge", "0",
          "KubeadmControlPlane rejects maxSurge 0 below 3 replicas (got " + replicas() + "); use 1"));
    }
    if (flavor().isPresent() && flavor().get().isBlank()) {
      problems.add(Problem.of("controlPlaneRequest.flavor", flavor().get(), "pin a flavor by name or ID, or leave it unset"));
    }
    InvalidInputException.throwIfAny(problems);
  }

  /** Builds a {@link ControlPlaneRequest} (3 replicas, default requirements); {@link #build()} reports every problem at once. */
  public static final class Builder extends ImmutableControlPlaneRequest.Builder {
    Builder() {}
  }
}
