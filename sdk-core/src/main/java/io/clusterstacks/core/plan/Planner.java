package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.plan.internal.PlanAssembler;
import io.clusterstacks.core.plan.internal.Search;

/**
 * Plans a cluster on a cloud: flavors, server-group policies, rollout surge, root disks, maintenance
 * opt-ins, quorum analysis and quota checks, each explained.
 *
 * <pre>{@code
 * ClusterPlan plan = Planner.plan(
 *     ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7").addWorkers(WorkerRequest.of("md-0", 3))),
 *     CloudProfiles.bundled("scs-reference"));
 * plan.controlPlane().orElseThrow().flavor().name();   // SCS-2V-4-20s
 * }</pre>
 *
 * <p>Pure: no network, no clock, no randomness; the same request and profile give an equal plan.
 */
public final class Planner {

  private Planner() {}

  /**
   * Plans a cluster.
   *
   * @param request what is asked
   * @param cloud what the cloud offers
   * @return the plan
   * @throws InvalidInputException when an argument is null
   * @throws FlavorNotFoundException when a pinned flavor is not in the profile (lists the nearest)
   * @throws InfeasiblePlanException when no plan satisfies the request (lists the violated constraints
   *     and the options that would work)
   */
  public static ClusterPlan plan(ClusterRequest request, CloudProfile cloud) {
    InvalidInputException.requireArgument(request, "request");
    InvalidInputException.requireArgument(cloud, "cloud");
    return PlanAssembler.assemble(request, cloud, Search::run);
  }
}
