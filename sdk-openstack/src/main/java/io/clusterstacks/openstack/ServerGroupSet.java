package io.clusterstacks.openstack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.plan.ClusterPlan;
import java.util.List;
import java.util.Map;

/**
 * The server groups of one plan after {@link ServerGroups#ensure(ClusterPlan)}: which exist, which were
 * created now and which were found and reused.
 *
 * @param idsByPlanName the Nova ID per group name of {@link ClusterPlan#serverGroupsToCreate()}
 * @param created the groups this call created
 * @param reused the groups that already existed with the right policy
 */
public record ServerGroupSet(Map<String, String> idsByPlanName, List<ServerGroup> created, List<ServerGroup> reused) {
  /**
   * Copies.
   *
   * @param idsByPlanName the IDs per plan name
   * @param created the created groups
   * @param reused the reused groups
   */
  public ServerGroupSet {
    idsByPlanName = Map.copyOf(idsByPlanName);
    created = List.copyOf(created);
    reused = List.copyOf(reused);
  }

  /**
   * The plan with its server groups referred to by ID, ready to render in topology mode.
   *
   * @param plan the plan the groups were ensured for
   * @return {@code plan.withServerGroupIds(idsByPlanName())}
   */
  public ClusterPlan applyTo(ClusterPlan plan) {
    InvalidInputException.requireArgument(plan, "plan");
    return plan.withServerGroupIds(idsByPlanName);
  }
}
