package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@link RenderWithGeneralPurposeImage} sample: raw CAPI manifests that install Kubernetes at boot. */
class RenderWithGeneralPurposeImageTest {

  @Test
  void rendersRawCapiManifestsThatInstallKubernetesAtBootAndPassStrictValidation() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Manifests manifests = RenderWithGeneralPurposeImage.render(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("image strategy: ubuntu"), out);
    assertTrue(out.contains("NOTE WARNING RAW_MODE_NO_ADDONS"), out);
    String yaml = manifests.toYaml();
    assertTrue(out.contains(yaml), "the sample prints the YAML");
    assertTrue(!manifests.ofKind("KubeadmControlPlane").isEmpty(), yaml);
    assertTrue(!manifests.ofKind("KubeadmConfigTemplate").isEmpty(), yaml);
    assertTrue(yaml.contains("apt-get install"), yaml);
    assertTrue(yaml.contains("kubeadm=1.34.7-*"), yaml);
    ValidationReport report = CrdValidator.strict().validate(manifests);
    assertTrue(report.isValid(), report.summary());
  }
}
