package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.stack.VersionCheck;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 7 upstream examples parse, and render back to semantically equal objects. */
class ExamplesRoundTripTest {

  @Test
  void thereAreSevenExamples() throws Exception {
    try (var files = Files.list(Examples.dir())) {
      assertEquals(7, files.filter(f -> f.toString().endsWith(".yaml")).count());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "01-scs2-clusterstack-and-cluster.yaml",
    "02-scs2-orc-image.yaml",
    "03-scs-quickstart-clusterstack-cspo-and-cluster.yaml",
    "04-configuration-doc-cluster-alpha-1-29.yaml",
    "05-kamaji-clusterstack-and-cluster.yaml",
    "06-scs-custom-channel-clusterstack-and-cluster.yaml",
    "07-pr104-kamaji-cluster.yaml",
  })
  void roundTripsToSemanticallyEqualObjects(String file) throws Exception {
    String text = Examples.load(file);
    Manifests original = ManifestParser.parseLenient(text);
    assertFalse(original.documents().isEmpty());

    // lenient: generic documents survive YAML rendering unchanged
    Manifests again = ManifestParser.parseLenient(original.toYaml());
    assertSemanticallyEqual(original, again);

    // strict: typed where the dialect is known, and rendering the typed values gives the same objects
    ParsedManifests parsed = ManifestParser.parse(text);
    Manifests rendered = parsed.render();
    assertSemanticallyEqual(original, rendered);
    assertEquals(rendered.toYaml(), ManifestParser.parse(rendered.toYaml()).render().toYaml(), "stable after one round");
  }

  private static void assertSemanticallyEqual(Manifests expected, Manifests actual) {
    assertEquals(expected.documents().size(), actual.documents().size(), actual.toYaml());
    for (int i = 0; i < expected.documents().size(); i++) {
      assertTrue(expected.documents().get(i).semanticallyEquals(actual.documents().get(i)),
          "document " + i + " differs:\n" + expected.documents().get(i).toYaml() + "---- vs\n" + actual.documents().get(i).toYaml());
    }
  }

  @Test
  void typedWhereTheDialectIsKnown() throws Exception {
    assertEquals(List.of("ClusterStack:typed", "Cluster:typed"), kinds("01-scs2-clusterstack-and-cluster.yaml"));
    assertEquals(List.of("Image:typed"), kinds("02-scs2-orc-image.yaml"));
    assertEquals(List.of("ClusterStack:typed", "OpenStackClusterStackReleaseTemplate:typed", "Cluster:typed"),
        kinds("03-scs-quickstart-clusterstack-cspo-and-cluster.yaml"));
    assertEquals(List.of("Cluster:generic"), kinds("04-configuration-doc-cluster-alpha-1-29.yaml"));
    assertEquals(List.of("ClusterStack:typed", "Cluster:typed"), kinds("05-kamaji-clusterstack-and-cluster.yaml"));
    assertEquals(List.of("ClusterStack:typed", "Cluster:typed"), kinds("06-scs-custom-channel-clusterstack-and-cluster.yaml"));
    assertEquals(List.of("Cluster:typed"), kinds("07-pr104-kamaji-cluster.yaml"));
  }

  private static List<String> kinds(String file) throws Exception {
    return ManifestParser.parse(Examples.load(file)).documents().stream()
        .map(d -> d.document().kind() + ":" + (d.typed().isPresent() ? "typed" : "generic")).collect(Collectors.toList());
  }

  @Test
  void example01VariablesNullIsAbsentAsTheApiServerPrunesIt() throws Exception {
    String text = Examples.load("01-scs2-clusterstack-and-cluster.yaml");
    JsonNode raw = TestTrees.tree(ManifestParser.parseLenient(text).documents().get(1)).path("spec").path("topology");
    assertTrue(raw.has("variables") && raw.get("variables").isNull(), "upstream leaves variables: null");
    ClusterSpec c = ManifestParser.parse(text).clusters().get(0);
    assertTrue(c.variables().isEmpty());
    assertFalse(TestTrees.tree(ManifestRenderer.render(c).documents().get(0)).path("spec").path("topology").has("variables"),
        "the rendered Cluster leaves the pruned field out");
    assertEquals("scs2@1-33-v1", c.dialect().orElseThrow().id());
    assertEquals(VersionCheck.Status.CONFIRMED, c.versionCheck().orElseThrow().status());
  }

  @Test
  void customChannelExampleGetsAPartialVersionCheckNotice() throws Exception {
    ParsedManifests p = ManifestParser.parse(Examples.load("06-scs-custom-channel-clusterstack-and-cluster.yaml"));
    assertTrue(p.notices().stream().anyMatch(n -> n.code() == Notice.Code.VERSION_CHECK_PARTIAL), p.notices().toString());
    ClusterStack cs = p.clusterStacks().get(0);
    assertEquals("openstack-scs-1-32-v0-sha.lvlvyfw", cs.className("v0-sha.lvlvyfw").format());
    assertTrue(ManifestRenderer.render(p.clusters().get(0)).hasNotice(Notice.Code.VERSION_CHECK_PARTIAL));
  }

  @Test
  void kamajiExamplesCarryTheirDataStore() throws Exception {
    ClusterSpec c = ManifestParser.parse(Examples.load("07-pr104-kamaji-cluster.yaml")).clusters().get(0);
    assertEquals("default", c.variables().get("data_store"));
    assertEquals(List.of("10.128.0.10"), c.variables().get("dns_service_ips"));
    assertEquals("kamaji", c.dialect().orElseThrow().id());
  }
}
