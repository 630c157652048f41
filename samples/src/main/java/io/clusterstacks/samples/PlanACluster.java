package io.clusterstacks.samples;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Plans a 3-node control plane and 3 workers on the bundled SCS reference cloud (3 hypervisors),
 * prints the report and the placement map, renders the manifests, and shows an infeasible request.
 */
public final class PlanACluster {

  private PlanACluster() {}

  /**
   * Runs the sample.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // tag::plan[]
    CloudProfile cloud = CloudProfiles.bundled("scs-reference");
    ClusterRequest request = ClusterRequest.of(r -> r.clusterName("prod")
        .className(ClusterClassName.of("scs2", "1.34", "v2"))  // Kubernetes version from the release catalogue
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
        .addWorkers(WorkerRequest.of("md-0", 3)));
    ClusterPlan plan = Planner.plan(request, cloud);
    System.out.print(plan.report());  // flavors, policies, trade-offs, alternatives, quorum, quotas, map
    String svg = plan.placementMap().toSvg();

    // topology mode passes server-group IDs to the ClusterClass: create the groups first
    Map<String, String> ids = new TreeMap<>();
    for (ServerGroupRef.ToCreate group : plan.serverGroupsToCreate()) {
      ids.put(group.name(), createServerGroup(group));
    }
    Manifests manifests = plan.withServerGroupIds(ids).manifests();
    System.out.print(manifests.toYaml());

    // a request no plan can meet says what is violated and what would work
    try {
      Planner.plan(ClusterRequest.builder().from(request).hostFailureTolerance(HostFailureTolerance.REQUIRED).build(), cloud);
    } catch (InfeasiblePlanException e) {
      System.out.println(e.getMessage());
    }
    // end::plan[]
    System.out.println("placement map SVG: " + svg.length() + " characters");
  }

  /** Stands in for sdk-openstack, which creates the group with the right microversion and returns its ID. */
  private static String createServerGroup(ServerGroupRef.ToCreate group) {
    return UUID.nameUUIDFromBytes(group.name().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
