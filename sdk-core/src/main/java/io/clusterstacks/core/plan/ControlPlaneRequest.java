package io.clusterstacks.core.plan;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.SdkStyleLegacy;
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
@SdkStyleLegacy
public abstract class ControlPlaneRequest {

  /** Three replicas with the default requirements, nothing pinned. */
  public static final ControlPlaneRequest DEFAULT = builder().build();

  /**
   * Starts a builder (3 replicas, default requirements).
   *
   * @return a new builder
   */
  public static ImmutableControlPlaneRequest.Builder builder() {
    return ImmutableControlPlaneRequest.builder();
  }

  /**
   * Builds a request in one expression.
   *
   * @param spec fills in the builder
   * @return the request
   */
  public static ControlPlaneRequest of(Consumer<ImmutableControlPlaneRequest.Builder> spec) {
    ImmutableControlPlaneRequest.Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * The number of control-plane machines (and stacked etcd members).
   *
   * @return 1, 3, 5 or 7 (kubeadm control planes with stacked etcd need an odd number)
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
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (replicas() < 1 || replicas() % 2 == 0) {
      problems.add("controlPlane.replicas: got " + replicas()
          + "; use an odd number (1, 3, 5, 7): stacked etcd needs a majority, and KubeadmControlPlane rejects even counts");
    }
    if (maxSurge().isPresent() && (maxSurge().getAsInt() < 0 || maxSurge().getAsInt() > 1)) {
      problems.add("controlPlane.maxSurge: got " + maxSurge().getAsInt() + "; KubeadmControlPlane accepts only 0 or 1");
    }
    if (maxSurge().isPresent() && maxSurge().getAsInt() == 0 && replicas() < 3) {
      problems.add("controlPlane.maxSurge: got 0 with " + replicas()
          + " replicas; KubeadmControlPlane rejects maxSurge 0 below 3 replicas, use 1");
    }
    if (!problems.isEmpty()) {
      throw new ClusterStacksException("invalid control-plane request:\n  " + String.join("\n  ", problems));
    }
  }
}
