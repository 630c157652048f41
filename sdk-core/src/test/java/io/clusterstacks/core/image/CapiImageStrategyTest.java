package io.clusterstacks.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.stack.StackDialects;
import org.junit.jupiter.api.Test;

class CapiImageStrategyTest {

  private final CloudProfile reference = CloudProfiles.bundled("scs-reference");

  @Test
  void findsThePrebuiltImageOfTheVersionAndNeedsNothingAtBoot() {
    ImagePlan plan = ImageStrategies.capiImage().plan(ImageRequest.of(r -> r
        .kubernetesVersion("v1.34.7").cloud(reference).dialect(StackDialects.scs2())
        .flavor(reference.flavor("SCS-2V-4-20s").orElseThrow())));
    assertEquals(ImageRef.glanceName("ubuntu-capi-image-v1.34.7"), plan.image());
    assertTrue(plan.bootstrap().isEmpty());
    assertTrue(plan.requirementsMet(), plan.requirements().toString());
    assertTrue(plan.modeNeeded().isEmpty());
    assertEquals(20, plan.minDiskGiB());
    assertFalse(plan.tradeOffs().isEmpty());
  }

  @Test
  void aMissingImageIsAnUnmetRequirementThatNamesTheImagesTheCloudHas() {
    ImagePlan plan = ImageStrategies.capiImage().plan(ImageRequest.of(r -> r.kubernetesVersion("v1.30.1").cloud(reference)));
    assertFalse(plan.requirementsMet());
    ImageRequirement missing = plan.requirements().get(0);
    assertEquals("Glance image ubuntu-capi-image-v1.30.1", missing.description());
    assertTrue(missing.fix().contains("ubuntu-capi-image-v1.34.7"), missing.fix());
  }

  @Test
  void theScsDialectForcesTheImageNameFromTheVersion() {
    ImagePlan plan = ImageStrategies.capiImage().plan(ImageRequest.of(r -> r
        .kubernetesVersion("v1.32.5").cloud(reference).dialect(StackDialects.scs())));
    assertEquals(ImageRef.glanceName("ubuntu-capi-image-v1.32.5"), plan.image());
    assertTrue(plan.requirementsMet());
  }

  @Test
  void anArmFlavorNeedsAnArmImage() {
    CloudFlavor arm = CloudFlavor.of(f -> f.name("SCS-2V-4-20s_a").vcpus(2).ramMiB(4096).diskGB(20).architecture("aarch64"));
    ImagePlan plan = ImageStrategies.capiImage().plan(ImageRequest.of(r -> r
        .kubernetesVersion("v1.34.7").cloud(reference).flavor(arm)));
    assertFalse(plan.requirementsMet());
    assertTrue(plan.requirements().get(1).fix().contains("x86_64"), plan.requirements().toString());
  }

  @Test
  void aFlavorDiskBelowTheImageMinimumIsReported() {
    ImagePlan plan = ImageStrategies.capiImage().plan(ImageRequest.of(r -> r
        .kubernetesVersion("v1.34.7").cloud(reference).flavor(reference.flavor("SCS-2V-4-10").orElseThrow())));
    assertFalse(plan.requirementsMet());
  }

  @Test
  void badVersionsAreRejectedWithTheFormat() {
    ImageStrategyException e = assertThrows(ImageStrategyException.class,
        () -> ImageRequest.of(r -> r.kubernetesVersion("1.34").cloud(reference)));
    assertTrue(e.getMessage().contains("v1.34.7"), e.getMessage());
  }
}
