package io.clusterstacks.core.manifest;

import io.clusterstacks.core.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.OutputMode;
import org.junit.jupiter.api.Test;

class SecretsTest {

  private static void assertNoSecret(String text) {
    assertFalse(text.contains(Fixtures.SECRET), text);
    assertFalse(text.contains(Fixtures.PASSWORD), text);
  }

  @Test
  void secretValuesNeverAppearInToString() {
    assertNoSecret(Fixtures.appCredential().toString());
    assertNoSecret(Fixtures.password().toString());
    assertNoSecret(Fixtures.appCredential().auth().toString());
    ClusterSpec s = Fixtures.scs2().credentials(Fixtures.password()).build();
    assertNoSecret(s.toString());
    Manifests m = ManifestRenderer.render(s);
    assertNoSecret(m.toString());
    m.documents().forEach(d -> assertNoSecret(d.toString()));
    m.notices().forEach(n -> assertNoSecret(n.toString()));
  }

  @Test
  void secretValuesNeverAppearInErrors() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Fixtures.scs2().name("Bad Name").controlPlaneReplicas(2).credentials(Fixtures.appCredential()).build());
    assertNoSecret(e.getMessage());
    ClusterStacksException blank = assertThrows(ClusterStacksException.class,
        () -> CloudAuth.applicationCredential("https://k", "", Fixtures.SECRET));
    assertNoSecret(blank.getMessage());
    ClusterStacksException noProject = assertThrows(ClusterStacksException.class,
        () -> CloudAuth.Password.builder().authUrl("https://k").username("alice").password(Fixtures.PASSWORD)
            .userDomainName("Default").build());
    assertNoSecret(noProject.getMessage());
  }

  @Test
  void secretsAreRenderedIntoTheirSecretsOnly() {
    for (OutputMode mode : OutputMode.values()) {
      Manifests m = ManifestRenderer.render(Fixtures.scs2().mode(mode).credentials(Fixtures.appCredential()).build());
      for (ManifestDocument d : m.documents()) {
        boolean hasSecret = d.toYaml().contains(Fixtures.SECRET);
        assertTrue(hasSecret == d.kind().equals("Secret"), d + " has secret: " + hasSecret);
      }
    }
  }

  @Test
  void cloudsYamlAndTheWorkloadSecretParseBackExactly() {
    String tricky = "p\"a:s #s'\\w\u00f6rd; [Global]=2";
    CloudCredentials c = CloudCredentials.builder().cloudName("my cloud").regionName("RegionOne")
        .caCert("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
        .auth(CloudAuth.password("https://keystone.example.com:5000/v3", "alice", tricky, "Default", "p1")).build();
    Manifests m = ManifestRenderer.render(Fixtures.scs2().credentials(c).build());
    var mgmt = TestTrees.tree(m.find("Secret", "openstack").orElseThrow());
    var clouds = TestTrees.tree(ManifestParser.parseLenient(mgmt.path("stringData").path("clouds.yaml").asText()).documents().get(0));
    var cloud = clouds.path("clouds").path("my cloud");
    org.junit.jupiter.api.Assertions.assertEquals(tricky, cloud.path("auth").path("password").asText());
    org.junit.jupiter.api.Assertions.assertEquals("p1", cloud.path("auth").path("project_id").asText());
    org.junit.jupiter.api.Assertions.assertEquals(3, cloud.path("identity_api_version").asInt());
    var outer = TestTrees.tree(m.find("Secret", "openstack-clouds-yaml").orElseThrow());
    var inner = ManifestParser.parseLenient(outer.path("stringData").path("clouds-yaml-secret.yaml").asText()).documents().get(0);
    org.junit.jupiter.api.Assertions.assertEquals("Secret/clouds-yaml in kube-system (v1)", inner.toString());
    var innerClouds = TestTrees.tree(ManifestParser.parseLenient(TestTrees.tree(inner).path("stringData").path("clouds.yaml").asText()).documents().get(0));
    org.junit.jupiter.api.Assertions.assertEquals(tricky, innerClouds.path("clouds").path("my cloud").path("auth").path("password").asText());
    org.junit.jupiter.api.Assertions.assertEquals("/etc/openstack/cacert", innerClouds.path("clouds").path("my cloud").path("cacert").asText());
    org.junit.jupiter.api.Assertions.assertEquals(c.caCert().get(), TestTrees.tree(inner).path("stringData").path("cacert").asText());
  }

  @Test
  void gitOpsRenderingLeavesSecretBodiesOut() {
    CloudCredentials c = Fixtures.password();
    Manifests m = ManifestRenderer.render(Fixtures.scs2().credentials(c).build(), RenderOptions.gitOps());
    assertNoSecret(m.toYaml());
    assertNoSecret(m.toJson());
    assertTrue(m.hasNotice(Notice.Code.SECRET_BODIES_OMITTED));
    assertTrue(m.ofKind("Secret").size() == 2, "the Secrets are still named so that references resolve");
    m.ofKind("Secret").forEach(d -> assertFalse(TestTrees.tree(d).has("stringData") || TestTrees.tree(d).has("data"), d.toYaml()));
  }

  @Test
  void workloadSecretFollowsTheStackGeneration() {
    Manifests scs2 = ManifestRenderer.render(Fixtures.scs2().credentials(Fixtures.appCredential()).build());
    assertTrue(scs2.find("Secret", "openstack-clouds-yaml").orElseThrow().toYaml().contains("name: clouds-yaml"));
    assertTrue(scs2.find("ClusterResourceSet", "openstack-clouds-yaml").isPresent());
    assertTrue(scs2.find("Cluster", "prod").orElseThrow().toYaml().contains("managed-secret: clouds-yaml"));
    ClusterSpec scs = ClusterSpec.builder().name("old").namespace("cluster")
        .className(io.clusterstacks.core.stack.ClusterClassName.of("scs", "1.29", "v1")).controlPlaneReplicas(1)
        .credentials(Fixtures.appCredential()).build();
    Manifests m = ManifestRenderer.render(scs);
    String workload = m.find("Secret", "openstack-cloud-config").orElseThrow().toYaml();
    assertTrue(workload.contains("cloud.conf") && workload.contains("application-credential-id=") && workload.contains("app-id-1"), workload);
    assertTrue(m.find("Cluster", "old").orElseThrow().toYaml().contains("managed-secret: cloud-config"));
  }
}
