package io.clusterstacks.core.manifest;

import io.clusterstacks.core.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.stack.ClusterClassName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyImagesTest {

  @Test
  void scs2TakesTheImageNameAsIsAndMarksOrcImages() {
    ClusterSpec s = Fixtures.scs2().controlPlane(MachineInputs.builder()
        .image(ImageRef.orcToCreate(Fixtures.orcImage("ubuntu-2404-kube-v1.34.7"))).build()).build();
    Map<String, Object> v = s.topologyVariables();
    assertEquals("ubuntu-2404-kube-v1.34.7", v.get("imageName"));
    assertEquals(true, v.get("imageIsOrc"));
    assertEquals(false, v.get("imageAddVersion"), "the SDK passes the full name, so the class must not append the version");
    Manifests m = ManifestRenderer.render(s);
    assertTrue(m.find("Image", "ubuntu-2404-kube-v1.34.7").isPresent());
    assertEquals("cluster", m.find("Image", "ubuntu-2404-kube-v1.34.7").get().namespace().orElseThrow());
  }

  @Test
  void aWorkerImageThatDiffersFromTheControlPlanesIsAnOverridePerDeployment() {
    ClusterSpec s = Fixtures.scs2()
        .controlPlane(MachineInputs.builder().image(ImageRef.glanceName("cp-image")).build())
        .workers(MachineInputs.builder().image(ImageRef.glanceName("worker-image")).build())
        .build();
    assertEquals("cp-image", s.topologyVariables().get("imageName"));
    JsonNode md0 = TestTrees.tree(ManifestRenderer.render(s).ofKind("Cluster").get(0)).path("spec").path("topology")
        .path("workers").path("machineDeployments").get(0);
    assertEquals("{\"name\":\"imageAddVersion\",\"value\":false}", md0.path("variables").path("overrides").get(0).toString());
    assertEquals("{\"name\":\"imageIsOrc\",\"value\":false}", md0.path("variables").path("overrides").get(1).toString());
    assertEquals("{\"name\":\"imageName\",\"value\":\"worker-image\"}", md0.path("variables").path("overrides").get(2).toString());
    ClusterSpec orcCp = ClusterSpec.builder().from(s)
        .controlPlane(MachineInputs.builder().image(ImageRef.orc("cp-orc-image")).build()).build();
    assertEquals(true, orcCp.topologyVariables().get("imageIsOrc"));
    assertEquals(false, orcCp.topologyOverrides(orcCp.machineDeployments().get(0)).get("imageIsOrc"),
        "a Glance worker image under an ORC control-plane image switches the flag back per deployment");
  }

  @Test
  void fixedNameStacksOnlyAcceptTheirImageName() {
    ClusterSpec ok = ClusterSpec.builder().name("old").className(ClusterClassName.of("scs", "1.29", "v1")).controlPlaneReplicas(1)
        .workers(MachineInputs.builder().image(ImageRef.glanceName("ubuntu-capi-image-v1.29.6")).build())
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 1)).build();
    assertFalse(ok.topologyVariables().containsKey("imageName"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterSpec.builder().from(ok)
        .workers(MachineInputs.builder().image(ImageRef.glanceName("ubuntu-24.04")).build()).build());
    assertTrue(e.getMessage().contains("always boots the Glance image named 'ubuntu-capi-image-v1.29.6'"), e.getMessage());
  }
}
