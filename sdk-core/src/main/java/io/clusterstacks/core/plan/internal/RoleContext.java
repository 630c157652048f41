package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.RoleRequirements;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one role that the scoring needs besides the flavor and the policy.
 *
 * @param controlPlane whether this is the control plane (stacked etcd)
 * @param name the role name ({@code control-plane} or the deployment name)
 * @param replicas the replicas
 * @param mode the output mode
 * @param requestedSurge the pinned or requested surge (workers: always present)
 * @param memberQuota members per server group, -1 for unlimited
 * @param groupHeadroom server groups still available to this role
 * @param microversions the cloud's compute microversions
 * @param tolerance host-failure tolerance (control plane only)
 * @param requirements the flavor requirements
 * @param allowNetworkStorage whether etcd may go on network storage (control plane)
 * @param pinnedPolicy the pinned policy, if any
 * @param pinnedFlavor the pinned flavor name or ID, if any
 * @param zones the availability zones the role's machines are spread over (control plane: every zone of the
 *     cloud, as CAPO uses them as failure domains; workers: {@link Zones#ONE}, a machine deployment has one
 *     failure domain)
 */
public record RoleContext(
    boolean controlPlane,
    String name,
    int replicas,
    OutputMode mode,
    OptionalInt requestedSurge,
    long memberQuota,
    long groupHeadroom,
    MicroversionRange microversions,
    HostFailureTolerance tolerance,
    RoleRequirements requirements,
    boolean allowNetworkStorage,
    @Nullable PlacementPolicy pinnedPolicy,
    @Nullable String pinnedFlavor,
    Zones zones) {

  /**
   * The same context in another output mode.
   *
   * @param m the mode
   * @return the changed context
   */
  public RoleContext withMode(OutputMode m) {
    return new RoleContext(controlPlane, name, replicas, m, m == OutputMode.TOPOLOGY && controlPlane ? OptionalInt.empty() : requestedSurge,
        memberQuota, groupHeadroom, microversions, tolerance, requirements, allowNetworkStorage, pinnedPolicy, pinnedFlavor, zones);
  }

  /**
   * The same context with another tolerance.
   *
   * @param t the tolerance
   * @return the changed context
   */
  public RoleContext withTolerance(HostFailureTolerance t) {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, memberQuota, groupHeadroom, microversions, t,
        requirements, allowNetworkStorage, pinnedPolicy, pinnedFlavor, zones);
  }

  /**
   * The same context without a pinned policy.
   *
   * @return the changed context
   */
  public RoleContext withoutPinnedPolicy() {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, memberQuota, groupHeadroom, microversions,
        tolerance, requirements, allowNetworkStorage, null, pinnedFlavor, zones);
  }

  /**
   * The same context without a pinned flavor.
   *
   * @return the changed context
   */
  public RoleContext withoutPinnedFlavor() {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, memberQuota, groupHeadroom, microversions,
        tolerance, requirements, allowNetworkStorage, pinnedPolicy, null, zones);
  }

  /**
   * The same context with other flavor requirements.
   *
   * @param r the requirements
   * @param networkStorage whether etcd may go on network storage
   * @return the changed context
   */
  public RoleContext withRequirements(RoleRequirements r, boolean networkStorage) {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, memberQuota, groupHeadroom, microversions,
        tolerance, r, networkStorage, pinnedPolicy, pinnedFlavor, zones);
  }

  /**
   * The same context with network storage allowed for etcd.
   *
   * @return the changed context
   */
  public RoleContext allowingNetworkStorage() {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, memberQuota, groupHeadroom, microversions,
        tolerance, requirements, true, pinnedPolicy, pinnedFlavor, zones);
  }

  /**
   * The same context with another member quota.
   *
   * @param quota members per server group, -1 for unlimited
   * @return the changed context
   */
  public RoleContext withMemberQuota(long quota) {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, quota, groupHeadroom, microversions,
        tolerance, requirements, allowNetworkStorage, pinnedPolicy, pinnedFlavor, zones);
  }

  /**
   * The same context with another server-group headroom.
   *
   * @param headroom server groups still available to this role
   * @return the changed context
   */
  public RoleContext withGroupHeadroom(long headroom) {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, memberQuota, headroom, microversions,
        tolerance, requirements, allowNetworkStorage, pinnedPolicy, pinnedFlavor, zones);
  }

  /**
   * The same context with other zones.
   *
   * @param z the zones
   * @return the changed context
   */
  public RoleContext withZones(Zones z) {
    return new RoleContext(controlPlane, name, replicas, mode, requestedSurge, memberQuota, groupHeadroom, microversions,
        tolerance, requirements, allowNetworkStorage, pinnedPolicy, pinnedFlavor, z);
  }

  /**
   * The number of failure domains the role's machines are balanced over.
   *
   * @return 1 for workers and for clouds with one zone
   */
  public int zoneCount() {
    return controlPlane ? zones.count() : 1;
  }

  /**
   * The surges this role may roll out with.
   *
   * @return the control plane: 1 in topology mode, 1 or 0 (3+ replicas) in raw mode unless pinned;
   *     workers: the requested surge
   */
  public int[] surgeOptions() {
    if (requestedSurge.isPresent()) {
      return new int[] {requestedSurge.getAsInt()};
    }
    if (controlPlane && mode == OutputMode.RAW_CAPI && replicas >= 3) {
      return new int[] {1, 0};
    }
    return new int[] {1};
  }

  /**
   * The fewest server groups the role's members fit in under the member quota, given a surge.
   *
   * @param surge the rollout surge
   * @return 1 when one group fits (or the quota is unlimited); the split count otherwise; 0 when no split
   *     can fit (the quota is not above the surge, or the control plane, which cannot be split)
   */
  public int requiredGroups(int surge) {
    if (memberQuota < 0 || (long) replicas + surge <= memberQuota) {
      return 1;
    }
    if (controlPlane || memberQuota <= surge) {
      return 0;
    }
    long perGroup = memberQuota - surge;
    return (int) ((replicas + perGroup - 1) / perGroup);
  }
}
