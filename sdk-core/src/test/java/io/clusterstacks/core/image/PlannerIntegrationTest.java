package io.clusterstacks.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.stack.ClusterClassName;
import org.junit.jupiter.api.Test;

/** The planner calls the image strategy per role; its plan carries the image decision. */
class PlannerIntegrationTest {

  @Test
  void generalPurposeUbuntuInRawModeGivesEveryRoleTheBootstrapAndNoImageWarnings() {
    ClusterPlan p = Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7")
            .className(ClusterClassName.of("scs2", "1.34", "v1")).mode(OutputMode.RAW_CAPI)
            .imageStrategy(ImageStrategies.generalPurposeUbuntu())),
        CloudProfiles.bundled("scs-reference"));
    assertFalse(p.roles().isEmpty());
    for (RolePlan role : p.roles()) {
      ImagePlan image = role.image();
      assertEquals("ubuntu", image.strategy());
      assertEquals("Ubuntu 24.04", image.cloudImage().orElseThrow().name());
      assertFalse(image.bootstrap().preKubeadmCommands().isEmpty());
      assertTrue(image.requirementsMet(), image.requirements().toString());
    }
    assertTrue(p.warnings(PlanWarning.Code.IMAGE).isEmpty(), p.warnings(PlanWarning.Code.IMAGE).toString());
    assertTrue(p.report().contains("ubuntu"), p.report());
  }

  @Test
  void flatcarInTopologyModeFailsWithTheSupportedChoices() {
    UnsupportedCombinationException e = assertThrows(UnsupportedCombinationException.class,
        () -> Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7")
                .className(ClusterClassName.of("scs2", "1.34", "v1")).imageStrategy(ImageStrategies.flatcar())),
            CloudProfiles.bundled("scs-reference")));
    assertTrue(e.getMessage().contains("capi-image"), e.getMessage());
  }

  @Test
  void flatcarInRawModeReportsTheFeatureGateAsSomethingToEnsure() {
    CloudProfile cloud = CloudProfile.builder().from(CloudProfiles.bundled("scs-reference"))
        .addImages(CloudImage.of(i -> i.name("Flatcar stable").id("0d7c7b7e-2f0a-4b8e-9c1d-3e4f5a6b7c8d")
            .minDiskGiB(10).minRamMiB(1024).putProperties("os_distro", "flatcar").putProperties("architecture", "x86_64")))
        .build();
    ClusterPlan p = Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7")
        .className(ClusterClassName.of("scs2", "1.34", "v1")).mode(OutputMode.RAW_CAPI)
        .imageStrategy(ImageStrategies.flatcar())), cloud);
    for (RolePlan role : p.roles()) {
      assertEquals(BootstrapFormat.IGNITION, role.image().bootstrap().format());
      assertEquals(java.util.List.of(ImageRequirement.IGNITION_FEATURE_GATE), role.image().featureGates());
      assertTrue(role.image().requirementsMet(), role.image().requirements().toString());
    }
    assertTrue(p.warnings(PlanWarning.Code.IMAGE).isEmpty(), p.warnings(PlanWarning.Code.IMAGE).toString());
    assertTrue(p.report().contains("[ensure] Cluster API feature gate KubeadmBootstrapFormatIgnition"), p.report());
  }
}
