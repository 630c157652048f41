package io.clusterstacks.samples;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.image.BootstrapPreview;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.NodeShape;
import io.clusterstacks.core.image.UbuntuNodeSetup;
import io.clusterstacks.core.image.UbuntuRelease;
import io.clusterstacks.core.image.UnsupportedCombinationException;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackDialects;

/**
 * Sample: plan a cluster's image three ways (pre-built CAPI image, general-purpose Ubuntu, Flatcar) on
 * the bundled SCS reference cloud, and print the support table.
 *
 * <p>Run: {@code java -cp samples/target/clusterstacks.jar io.clusterstacks.samples.ChooseImageStrategy}.
 */
public final class ChooseImageStrategy {
  private ChooseImageStrategy() {}

  /**
   * Prints the plans and the support table.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // tag::plan[]
    CloudProfile cloud = CloudProfiles.bundled("scs-reference");
    ImageRequest request = ImageRequest.of(r -> r.dialect(StackDialects.scs2()).kubernetesVersion("v1.34.7")
        .cloud(cloud).addNodes(NodeShape.of("control-plane", cloud.flavor("SCS-2V-4-20s").orElseThrow()),
            NodeShape.withRootVolume("md-0", cloud.flavor("SCS-4V-8").orElseThrow(), 50)));

    // the pre-built image works with every SCS ClusterClass in topology mode
    System.out.print(ImageStrategies.capiImage().plan(request).describe());

    // a plain Ubuntu 22.04 installs CRI-O and kubelet/kubeadm/kubectl at boot: raw CAPI mode only
    ImageStrategy ubuntu = ImageStrategies.generalPurposeUbuntu(UbuntuNodeSetup.of(s -> s
        .release(UbuntuRelease.JAMMY)));
    try {
      ubuntu.plan(request);
    } catch (UnsupportedCombinationException e) {
      System.out.println("refused: " + e.getMessage());
    }
    ImagePlan switched = ubuntu.plan(ImageRequest.builder().from(request).allowRawCapiSwitch(true).build());
    System.out.print(switched.describe());
    System.out.print(BootstrapPreview.cloudConfig(switched.bootstrap()));

    // third-party strategies and the built-ins by name, e.g. from a command line
    ImagePlan flatcar = ImageStrategies.named("flatcar", java.util.Map.of("variant", "sysext"))
        .plan(ImageRequest.builder().from(request).mode(OutputMode.RAW_CAPI).build());
    System.out.println(flatcar.requirements());

    System.out.print(ImageStrategies.supportTable().toMarkdown());
    // end::plan[]
  }
}
