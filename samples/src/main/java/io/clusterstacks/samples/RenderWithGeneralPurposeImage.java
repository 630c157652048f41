package io.clusterstacks.samples;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import java.io.PrintStream;

/**
 * Sample: renders a cluster whose nodes boot a general-purpose Ubuntu image (the one image every SCS
 * cloud must offer) and install the container runtime, kubelet and kubeadm at boot.
 *
 * <p>That needs extra bootstrap commands, which the SCS ClusterClasses do not accept, so the cluster is
 * rendered in raw CAPI mode: every template comes from the SDK, and the stack operator installs no
 * addons (the manifests carry a notice saying so).
 *
 * <p>Run: {@code java -cp samples/target/clusterstacks.jar io.clusterstacks.samples.RenderWithGeneralPurposeImage}
 */
public final class RenderWithGeneralPurposeImage {

  private RenderWithGeneralPurposeImage() {}

  /**
   * Plans and renders the cluster and prints the plan's image decisions and the YAML.
   *
   * @param out where the output goes
   * @return the rendered manifests
   */
  public static Manifests render(PrintStream out) {
    // tag::render[]
    CloudProfile cloud = CloudProfiles.bundled("scs-reference");
    ClusterRequest request = ClusterRequest.builder()
        .clusterName("plain-ubuntu")
        .kubernetesVersion("v1.34.7")
        .className(ClusterClassName.of("scs2", "1.34", "v2"))
        // Raw CAPI mode: the SDK renders KubeadmControlPlane, MachineDeployment and their templates, so
        // it can add the commands that install Kubernetes at boot.
        .mode(OutputMode.RAW_CAPI)
        // Plain "Ubuntu 24.04" from Glance; CRI-O, kubelet, kubeadm and kubectl pinned to v1.34.7.
        .imageStrategy(ImageStrategies.generalPurposeUbuntu())
        .addWorkers(WorkerRequest.of("md-0", 2))
        .build();
    ClusterPlan plan = Planner.plan(request, cloud);
    // Per role: the image found, the bootstrap added, what the provider must allow, the trade-offs.
    plan.roles().forEach(role -> out.println(role.name() + " " + role.image().describe()));

    Manifests manifests = plan.manifests();
    manifests.notices().forEach(notice -> out.println("NOTE " + notice));
    out.println(manifests.toYaml());
    // end::render[]
    return manifests;
  }

  /**
   * Runs the sample.
   *
   * @param args not used
   */
  public static void main(String[] args) {
    render(System.out);
  }
}
