package io.clusterstacks.samples;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sample: plans a cluster with a 3-node control plane on the bundled SCS reference cloud (3
 * hypervisors) in topology mode and prints the plan with its reasons and the placement map; given the
 * IDs of the server groups the plan asks for, also the YAML, which it validates strictly against the
 * upstream CRDs.
 *
 * <p>Run: {@code java -cp samples/target/clusterstacks.jar io.clusterstacks.samples.PlanThreeNodeControlPlane
 * [prod-control-plane=ID prod-md-0=ID]}
 */
public final class PlanThreeNodeControlPlane {

  private PlanThreeNodeControlPlane() {}

  /**
   * Plans, prints and validates.
   *
   * @param serverGroupIds the IDs of the server groups the plan asks for, by group name, once created
   * @param out where the plan, the placement map, the YAML and the validation summary go
   * @return the strict validation report of the YAML, or empty when a server group has no ID yet
   */
  public static Optional<ValidationReport> planAndPrint(Map<String, String> serverGroupIds, PrintStream out) {
    // tag::plan[]
    // What the planner knows about the cloud: flavors, images, hypervisors, quotas. Bundled here;
    // CloudProfiles.read(path) loads your own JSON snapshot.
    CloudProfile cloud = CloudProfiles.bundled("scs-reference");

    // What we ask for: 3 control-plane nodes and 3 workers of the scs2 cluster stack, release v2 for
    // Kubernetes 1.34 (built for exactly v1.34.7), in topology mode: a Cluster of the stack's ClusterClass.
    // Flavors, anti-affinity and the image are left to the planner.
    ClusterRequest request = ClusterRequest.builder()
        .clusterName("prod")
        .kubernetesVersion("v1.34.7")
        .className(ClusterClassName.of("scs2", "1.34", "v2"))
        .mode(OutputMode.TOPOLOGY)
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
        .addWorkers(WorkerRequest.of("md-0", 3))
        .build();

    // Pure: no network, no clock. Throws InfeasiblePlanException naming what would work instead.
    ClusterPlan plan = Planner.plan(request, cloud);
    // Every decision with its reasons, runners-up and trade-offs, the quorum and quota checks, the
    // warnings, and the placement map (also alone: plan.placementMap().toText(), or .toSvg()).
    out.println(plan.report());

    // The ClusterClass takes server-group IDs, and the SDK never invents one: create the groups the plan
    // names (openstack server group create ...), then hand in their IDs.
    List<ServerGroupRef.ToCreate> toCreate = plan.serverGroupsToCreate();
    toCreate.forEach(g -> out.println("server group to create: " + g.name() + " (" + g.policy().novaName()
        + g.maxServerPerHost().stream().mapToObj(n -> ", max_server_per_host=" + n).findFirst().orElse("") + ")"));
    if (!serverGroupIds.keySet().containsAll(toCreate.stream().map(ServerGroupRef.ToCreate::name).toList())) {
      return Optional.empty();
    }
    ClusterPlan resolved = plan.withServerGroupIds(serverGroupIds);

    // The manifests for the management cluster as deterministic multi-document YAML ...
    String yaml = resolved.manifests().toYaml();
    out.println(yaml);
    // ... checked offline and strictly (unknown fields are errors) against the upstream CRDs.
    ValidationReport report = CrdValidator.strict().validateYaml(yaml);
    out.println(report.summary());
    // end::plan[]
    return Optional.of(report);
  }

  /**
   * Runs the sample: prints the plan, and with the server-group IDs as {@code NAME=ID} arguments also
   * the YAML and its validation; exits with 4 when the YAML fails validation.
   *
   * @param args {@code NAME=ID} for each server group the plan names
   */
  public static void main(String[] args) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        System.err.println("arguments are NAME=ID, got " + arg);
        System.exit(2);
      }
      ids.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Optional<ValidationReport> report = planAndPrint(ids, System.out);
    if (report.isEmpty()) {
      System.out.println("Create the server groups above and pass their IDs as NAME=ID arguments to render the YAML.");
      return;
    }
    System.exit(report.get().isValid() ? 0 : 4);
  }
}
