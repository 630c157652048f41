package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void renderingTwiceGivesTheSameBytes() {
    ClusterSpec s = Fixtures.scs2().credentials(Fixtures.appCredential()).build();
    assertEquals(ManifestRenderer.render(s).toYaml(), ManifestRenderer.render(s).toYaml());
    assertEquals(ManifestRenderer.render(s).toJson(), ManifestRenderer.render(s).toJson());
    ClusterSpec raw = Fixtures.scs2().mode(OutputMode.RAW_CAPI).credentials(Fixtures.password())
        .controlPlane(MachineInputs.builder().serverGroup(ServerGroupRef.toCreate("prod-cp", ServerGroupPolicy.ANTI_AFFINITY))
            .bootstrap(Fixtures.cloudInitAdditions()).putServerMetadata("ps_restart_after_maint", "true").build())
        .build();
    assertEquals(ManifestRenderer.render(raw).toYaml(), ManifestRenderer.render(raw).toYaml());
  }

  @Test
  void insertionOrderDoesNotChangeTheBytes() {
    Map<String, String> labelsA = new LinkedHashMap<>();
    labelsA.put("team", "platform");
    labelsA.put("env", "prod");
    labelsA.put("tier", "1");
    Map<String, String> labelsB = new LinkedHashMap<>();
    labelsB.put("tier", "1");
    labelsB.put("env", "prod");
    labelsB.put("team", "platform");
    Map<String, Object> varsA = new LinkedHashMap<>();
    varsA.put("sshKeyName", "ops");
    varsA.put("networkMTU", 1450);
    varsA.put("certSANs", List.of("api.example.com"));
    Map<String, Object> varsB = new LinkedHashMap<>();
    varsB.put("certSANs", List.of("api.example.com"));
    varsB.put("networkMTU", 1450L);
    varsB.put("sshKeyName", "ops");
    MachineInputs metaA = MachineInputs.builder().putServerMetadata("b", "2").putServerMetadata("a", "1").build();
    MachineInputs metaB = MachineInputs.builder().putServerMetadata("a", "1").putServerMetadata("b", "2").build();
    String a = ManifestRenderer.render(Fixtures.scs2().labels(labelsA).variables(varsA).build()).toYaml();
    String b = ManifestRenderer.render(Fixtures.scs2().labels(labelsB).variables(varsB).build()).toYaml();
    assertEquals(a, b);
    String rawA = ManifestRenderer.render(Fixtures.scs2().mode(OutputMode.RAW_CAPI).labels(labelsA).workers(metaA).build()).toYaml();
    String rawB = ManifestRenderer.render(Fixtures.scs2().mode(OutputMode.RAW_CAPI).labels(labelsB).workers(metaB).build()).toYaml();
    assertEquals(rawA, rawB);
  }

  @Test
  void versionLikeStringsAndNumericLabelsStayStrings() {
    ClusterSpec s = Fixtures.scs2().putLabels("tier", "1").putLabels("flag", "true").putLabels("ver", "1.30")
        .putLabels("oct", "010").putLabels("none", "null").putLabels("yes", "yes").putLabels("tilde", "on")
        .addMachineDeployments(MachineDeploymentSpec.builder().name("md-1").replicas(1)
            .putVariableOverrides("sshKeyName", "1.5").build())
        .build();
    Manifests m = ManifestRenderer.render(s);
    String yaml = m.toYaml();
    assertTrue(yaml.contains("kubernetesVersion: \"1.34\""), yaml);
    assertTrue(yaml.contains("tier: \"1\""), yaml);
    assertFalse(yaml.contains("timestamp"), yaml);
    Manifests back = ManifestParser.parseLenient(yaml);
    for (int i = 0; i < m.documents().size(); i++) {
      assertTrue(m.documents().get(i).semanticallyEquals(back.documents().get(i)), "document " + i + " reads back identically");
      assertEquals(m.documents().get(i).toYaml(), back.documents().get(i).toYaml());
    }
    var labels = TestTrees.tree(back.find("Cluster", "prod").orElseThrow()).path("metadata").path("labels");
    for (String k : List.of("tier", "flag", "ver", "oct", "none", "yes", "tilde")) {
      assertTrue(labels.get(k).isTextual(), k + " stays a string: " + labels.get(k));
    }
  }

  @Test
  void jsonIsAKubernetesListOfTheSameObjects() {
    Manifests m = ManifestRenderer.render(Fixtures.scs2().build());
    String json = m.toJson();
    assertTrue(json.startsWith("{\n  \"apiVersion\" : \"v1\",\n  \"kind\" : \"List\""), json);
    Manifests back = ManifestParser.parseLenient(json);
    assertEquals(1, back.documents().size());
    assertEquals(m.documents().size(), TestTrees.tree(back.documents().get(0)).path("items").size());
  }
}
