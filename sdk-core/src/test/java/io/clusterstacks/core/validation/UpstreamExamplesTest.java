package io.clusterstacks.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seven upstream example manifests (placeholders replaced by realistic values) are accepted, as a
 * management cluster with the pinned CRDs would accept them.
 */
class UpstreamExamplesTest {

  /** Realistic values for the upstream shell placeholders. */
  static final Map<String, String> PLACEHOLDERS = Map.ofEntries(
      Map.entry("$CLUSTERSTACK_NAMESPACE", "cluster-stacks"),
      Map.entry("$CLUSTERSTACK_VERSION", "v1"),
      Map.entry("$CLUSTER_NAMESPACE", "cluster-stacks"),
      Map.entry("$CLUSTER_NAME", "prod-cluster"),
      Map.entry("${CS_NAMESPACE}", "cluster"),
      Map.entry("${CS_NAME}", "scs"),
      Map.entry("${CS_K8S_VERSION}", "1.29"),
      Map.entry("${CS_K8S_PATCH_VERSION}", "6"),
      Map.entry("${CS_CHANNEL}", "stable"),
      Map.entry("${CS_VERSION}", "v1"),
      Map.entry("${CS_SECRETNAME}", "openstack"),
      Map.entry("${CS_CLUSTER_NAME}", "cs-cluster"),
      Map.entry("${CS_POD_CIDR}", "192.168.0.0/16"),
      Map.entry("${CS_SERVICE_CIDR}", "10.96.0.0/12"),
      Map.entry("${CS_EXTERNAL_ID}", "ebfe5546-f09f-4f42-ab54-094e457d42ec"),
      Map.entry("${CS_CLASS_NAME}", "openstack-scs-1-29-v1"));

  static String load(String file) throws IOException {
    String text = Files.readString(SharedDir.example(file));
    // Longest placeholders first, so $CLUSTER_NAMESPACE is not eaten by $CLUSTER_NAME.
    List<String> keys = PLACEHOLDERS.keySet().stream()
        .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
    for (String k : keys) {
      text = text.replace(k, PLACEHOLDERS.get(k));
    }
    return text;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "01-scs2-clusterstack-and-cluster.yaml",
      "02-scs2-orc-image.yaml",
      "03-scs-quickstart-clusterstack-cspo-and-cluster.yaml",
      "05-kamaji-clusterstack-and-cluster.yaml",
      "06-scs-custom-channel-clusterstack-and-cluster.yaml",
      "07-pr104-kamaji-cluster.yaml"})
  void upstreamExampleIsAccepted(String file) throws IOException {
    String yaml = load(file);
    String body = yaml.lines().filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
    assertTrue(!body.contains("${") && !body.contains("$C"), "all placeholders substituted in " + file);
    ValidationReport report = CrdValidator.strict().validateYaml(yaml);
    assertEquals(List.of(), report.violations().stream().map(Violation::describe).collect(Collectors.toList()),
        report.summary());
    assertTrue(report.isFullyChecked());
    assertTrue(report.documents().stream().allMatch(d -> d.status() == CheckStatus.CRD_SCHEMA));
  }

  @Test
  void example01NullVariablesAreDroppedAsTheApiServerDoes() throws IOException {
    // The built-in release catalogue knows openstack-scs2-1-33-v1 (v1.33.4): the only remark is the null.
    ValidationReport report = CrdValidator.strict().validateYaml(load("01-scs2-clusterstack-and-cluster.yaml"));
    assertTrue(report.isValid(), report.summary());
    assertEquals(2, report.documents().size());
    assertEquals(1, report.warnings().size(), report.summary());
    assertTrue(report.warnings().get(0).contains("spec.topology.variables: null value dropped"),
        report.warnings().get(0));
  }

  @Test
  void customChannelReleaseUnknownToTheCatalogueGetsAPartialCheckWarning() throws IOException {
    ValidationReport report = CrdValidator.strict().validateYaml(load("06-scs-custom-channel-clusterstack-and-cluster.yaml"));
    assertTrue(report.isValid(), report.summary());
    assertEquals(1, report.warnings().size(), report.summary());
    assertTrue(report.warnings().get(0).contains("exact patch version not verified"), report.summary());
    ValidationReport declared = CrdValidator.builder()
        .releaseKubernetesVersion("openstack-scs-1-32-v0-sha.lvlvyfw", "v1.32.1").build()
        .validateYaml(load("06-scs-custom-channel-clusterstack-and-cluster.yaml"));
    assertEquals(List.of(), declared.warnings());
    ValidationReport wrong = CrdValidator.builder()
        .releaseKubernetesVersion("openstack-scs-1-32-v0-sha.lvlvyfw", "v1.32.5").build()
        .validateYaml(load("06-scs-custom-channel-clusterstack-and-cluster.yaml"));
    assertEquals(List.of("spec.topology.version cso.cluster.exactPatchVersion"),
        wrong.violations().stream().map(v -> v.path() + " " + v.rule()).toList());
  }

  /**
   * Example 04 is a documentation template: upstream leaves {@code metadata.name} and
   * {@code metadata.namespace} empty for the user to fill in. A real API server rejects the object for
   * the missing name (and nothing else); once the user fills it in, it is accepted.
   */
  @Test
  void example04TemplateNeedsOnlyAName() throws IOException {
    String yaml = load("04-configuration-doc-cluster-alpha-1-29.yaml");
    ValidationReport asQuoted = CrdValidator.strict().validateYaml(yaml);
    assertEquals(List.of("metadata.name required"), asQuoted.violations().stream()
        .map(v -> v.path() + " " + v.rule()).toList(), asQuoted.summary());

    String filled = yaml.replace("  name:\n  namespace:\n", "  name: alpha-cluster\n  namespace: cluster\n");
    ValidationReport report = CrdValidator.strict().validateYaml(filled);
    assertTrue(report.isValid(), report.summary());
  }
}
