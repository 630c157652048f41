package io.clusterstacks.kamaji;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.kamaji.placement.KamajiDeployment;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.TenantPlacementPlan;
import io.clusterstacks.kamaji.placement.TenantRequest;
import io.clusterstacks.kamaji.placement.TwoLevelPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run by {@link OnlyCoreAndKamajiTest} in a JVM whose class path holds sdk-core, sdk-kamaji and sdk-core's
 * own dependencies only: plans and renders a Kamaji cluster (the workload workers with sdk-core, the tenant
 * control plane's placement with sdk-kamaji) and validates everything strictly.
 */
public final class OnlyCoreAndKamajiMain {
  private OnlyCoreAndKamajiMain() {}

  public static void main(String[] args) {
    for (String absent : List.of("io.fabric8.kubernetes.client.KubernetesClient",
        "io.clusterstacks.kubernetes.ManagementCluster", "io.clusterstacks.openstack.OpenStackClient",
        "org.openstack4j.api.OSClient")) {
      try {
        Class.forName(absent);
        System.out.println("PRESENT " + absent);
        System.exit(3);
      } catch (ClassNotFoundException expected) {
        // what the test wants: the optional modules are not there
      }
    }
    ClusterRequest request = ClusterRequest.of(r -> r.clusterName("tenant-a")
        .className(ClusterClassName.of("kamaji", "1.30", "v0-sha.11930ee"))
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
        .addWorkers(WorkerRequest.of("md-0", 3)));
    ClusterPlan plan = Planner.plan(request, CloudProfiles.bundled("scs-reference"));
    Map<String, String> ids = new LinkedHashMap<>();
    plan.serverGroupIdsNeeded().forEach(g -> ids.put(g.name(), "00000000-0000-4000-8000-000000000000"));
    List<ManifestDocument> docs = new ArrayList<>(plan.withServerGroupIds(ids)
        .manifests(b -> b.dataStore("default")).documents());
    TenantPlacementPlan tenant = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-a").replicas(3)), List.of(
        ManagementWorker.of(w -> w.name("w1").hypervisor("hv-a")),
        ManagementWorker.of(w -> w.name("w2").hypervisor("hv-a")),
        ManagementWorker.of(w -> w.name("w3").hypervisor("hv-b"))));
    docs.add(KamajiDeployment.controlPlane("default", "v1.30.1", "default", tenant));
    ValidationReport report = CrdValidator.strict().validate(docs);
    System.out.println("kinds " + docs.stream().map(ManifestDocument::kind).toList());
    System.out.println("valid " + report.isValid() + " " + report.summary());
    // raw CAPI mode, for a Kubernetes no kamaji ClusterClass serves: the rules inside the KamajiControlPlane
    ClusterPlan raw = Planner.plan(ClusterRequest.of(r -> r.clusterName("tenant-b").mode(OutputMode.RAW_CAPI)
        .dialect(StackDialects.kamaji()).kubernetesVersion("v1.33.4")
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3))).addWorkers(WorkerRequest.of("md-0", 3))),
        CloudProfiles.bundled("scs-reference"));
    TenantPlacementPlan rawTenant = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-b-control-plane")
        .replicas(3)), List.of(ManagementWorker.of(w -> w.name("w1").hypervisor("hv-a")),
        ManagementWorker.of(w -> w.name("w2").hypervisor("hv-b")), ManagementWorker.of(w -> w.name("w3").hypervisor("hv-c"))));
    Manifests rawDocs = KamajiDeployment.withRules(raw.manifests(b -> b.dataStore("default")), rawTenant);
    ValidationReport rawReport = CrdValidator.strict().validate(rawDocs);
    System.out.println("raw kinds " + rawDocs.documents().stream().map(ManifestDocument::kind).toList());
    System.out.println("raw valid " + rawReport.isValid() + " " + rawReport.summary());
    System.out.println("bundles " + CrdValidator.strict().bundles());
    System.exit(report.isValid() && rawReport.isValid() ? 0 : 4);
  }
}
