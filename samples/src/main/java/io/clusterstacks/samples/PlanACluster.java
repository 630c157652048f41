package io.clusterstacks.samples;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.UnresolvedServerGroupException;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans a 3-node control plane and 3 workers on the bundled SCS reference cloud (3 hypervisors) in
 * topology mode, prints the report and the server groups to create with the commands that create them,
 * renders the Cluster and its ClusterStack once the groups' IDs are given, renders raw CAPI mode (where
 * ORC creates the groups), and shows an infeasible request.
 *
 * <p>Run: {@code java -cp samples/target/clusterstacks.jar io.clusterstacks.samples.PlanACluster
 * [prod-control-plane=ID prod-md-0=ID]}
 */
public final class PlanACluster {

  private PlanACluster() {}

  /**
   * Plans and prints.
   *
   * @param serverGroupIds the IDs of the server groups the plan asks for, by group name, once created
   *     (empty: the topology manifests cannot be rendered yet, and the sample says why)
   * @param out where everything goes
   */
  public static void run(Map<String, String> serverGroupIds, PrintStream out) {
    // tag::plan[]
    CloudProfile cloud = CloudProfiles.bundled("scs-reference");
    ClusterRequest request = ClusterRequest.of(r -> r.clusterName("prod")
        .className(ClusterClassName.of("scs2", "1.34", "v2"))  // Kubernetes version from the release catalogue
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
        .addWorkers(WorkerRequest.of("md-0", 3))
        .includeClusterStack(true));  // also render the ClusterStack that installs the class
    ClusterPlan plan = Planner.plan(request, cloud);
    out.print(plan.report());  // flavors, policies, trade-offs, alternatives, image, quorum, quotas, map
    String svg = plan.placementMap().toSvg();

    // topology mode: the ClusterClass takes server-group IDs, and the SDK never invents one;
    // create the groups (or with sdk-openstack), then pass their IDs as NAME=ID arguments
    for (ServerGroupRef.ToCreate group : plan.serverGroupsToCreate()) {
      out.println("openstack" + (group.maxServerPerHost().isPresent() ? " --os-compute-api-version 2.64" : "")
          + " server group create --policy " + group.policy().novaName()
          + group.maxServerPerHost().stream().mapToObj(n -> " --rule max_server_per_host=" + n).findFirst().orElse("")
          + " " + group.name());
    }
    try {
      ClusterPlan resolved = serverGroupIds.isEmpty() ? plan : plan.withServerGroupIds(serverGroupIds);
      String yaml = resolved.manifests().toYaml();
      out.println("Topology mode, the ClusterStack and the Cluster:");
      out.print(yaml);
    } catch (UnresolvedServerGroupException e) {
      out.println("Topology mode, not yet: " + e.getMessage());  // each group without an ID, how to create it
    }

    // raw CAPI mode needs no IDs: ORC creates the groups from the manifests (but no stack-managed addons)
    ClusterPlan raw = Planner.plan(ClusterRequest.builder().from(request).mode(OutputMode.RAW_CAPI).build(), cloud);
    out.println("Raw CAPI mode, with ORC ServerGroups:");
    out.print(raw.manifests().toYaml());

    // a request no plan can meet says what is violated and what would work
    try {
      Planner.plan(ClusterRequest.builder().from(request).hostFailureTolerance(HostFailureTolerance.REQUIRED).build(), cloud);
    } catch (InfeasiblePlanException e) {
      out.println(e.getMessage());
    }
    // end::plan[]
    out.println("placement map SVG: " + svg.length() + " characters");
  }

  /**
   * Runs the sample.
   *
   * @param args {@code NAME=ID} for each server group the plan names, once created; none to see what to create
   */
  public static void main(String[] args) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1 || eq == arg.length() - 1) {
        throw new IllegalArgumentException("arguments are NAME=ID for each server group the plan names; got '" + arg + "'");
      }
      ids.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    run(ids, System.out);
  }
}
