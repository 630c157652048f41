package io.clusterstacks.core.validation;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.ManifestParser;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.manifest.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clusterstacks.core.ClusterStacksException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's shape: values, redaction, entry points and the exception. */
class ValidationReportTest {

  private static final String SECRET_VALUE = "s3cr3t-application-credential";

  private static final String SECRET = """
      apiVersion: v1
      kind: Secret
      metadata:
        name: prod-cloud-config
        namespace: cluster
      type: Opaque
      stringData:
        password: 12345
        clouds.yaml: "%s"
      data:
        key: "%s"
      """.formatted(SECRET_VALUE, SECRET_VALUE);

  @Test
  void secretValuesNeverAppearInTheReportOrTheException() {
    ValidationReport report = CrdValidator.strict().validateYaml(SECRET);
    assertEquals(List.of("stringData.password type", "data.key format:byte"),
        report.violations().stream().map(v -> v.path() + " " + v.rule()).toList(), report.summary());
    for (Violation v : report.violations()) {
      assertEquals("<redacted>", v.value().orElseThrow());
    }
    assertFalse(report.summary().contains(SECRET_VALUE));
    assertFalse(report.toString().contains(SECRET_VALUE));
    assertFalse(report.toString().contains("12345"));
    ManifestValidationException e = assertThrows(ManifestValidationException.class, report::throwIfInvalid);
    assertFalse(e.getMessage().contains(SECRET_VALUE));
    assertSame(report, e.report());
    assertTrue(e instanceof ClusterStacksException);
    assertEquals(CheckStatus.BUILT_IN_RULES, report.documents().get(0).status());
  }

  @Test
  void violationCarriesIndexKindNamePathValueAllowedAndRule() {
    ValidationReport report = CrdValidator.strict().validateYaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: cluster}
        data: {a: "1"}
        ---
        apiVersion: clusterstack.x-k8s.io/v1alpha1
        kind: ClusterStack
        metadata: {name: scs2, namespace: cluster}
        spec: {provider: openstack, name: scs2, kubernetesVersion: "1.33", channel: beta, noProvider: true}
        """);
    assertEquals(1, report.violations().size(), report.summary());
    Violation v = report.violations().get(0);
    assertEquals(1, v.documentIndex());
    assertEquals("ClusterStack", v.kind());
    assertEquals("scs2", v.name());
    assertEquals("spec.channel", v.path());
    assertEquals("\"beta\"", v.value().orElseThrow());
    assertEquals("one of [stable, custom]", v.allowed());
    assertEquals("enum", v.rule());
    assertTrue(v.describe().contains("#1 ClusterStack/scs2 spec.channel"), v.describe());
    assertEquals(0, report.documents().get(0).violationCount());
    assertEquals(1, report.documents().get(1).violationCount());
    assertEquals(1, report.violationsOf(1).size());
  }

  @Test
  void entryPointsAgree(@TempDir Path tmp) throws Exception {
    String yaml = """
        apiVersion: cluster.x-k8s.io/v1beta1
        kind: Cluster
        metadata: {name: prod, namespace: cluster}
        spec: {topology: {class: openstack-scs2-1-33-v1, version: v1.33.4, workers: {machineDeployments: [{class: default-worker, name: md-0, replicas: x}]}}}
        ---
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: cluster}
        """;
    Path file = tmp.resolve("set.yaml");
    Files.writeString(file, yaml);
    ObjectMapper m = new ObjectMapper(new YAMLFactory());
    List<JsonNode> docs = m.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
        .filter(d -> d != null && !d.isNull() && !d.isMissingNode()).toList();
    ValidationReport fromString = CrdValidator.strict().validateYaml(yaml);
    ValidationReport fromReader = CrdValidator.strict().validateYaml(new StringReader(yaml));
    ValidationReport fromPath = CrdValidator.strict().validateYaml(file);
    ValidationReport fromNodes = CrdValidator.strict().validate(TestTrees.documents(docs));
    ValidationReport single = CrdValidator.strict().validate(TestTrees.document(docs.get(0)));
    ValidationReport fromManifests = CrdValidator.strict().validate(ManifestParser.parseLenient(yaml));
    assertEquals(2, fromString.documents().size(), "empty documents are skipped");
    assertEquals(fromString, fromReader);
    assertEquals(fromString, fromPath);
    assertEquals(fromString, fromNodes);
    assertEquals(fromString, fromManifests);
    assertEquals(fromString.violations(), single.violations());
    assertEquals(List.of("spec.topology.workers.machineDeployments[0].replicas"),
        fromString.violations().stream().map(Violation::path).toList());
    assertEquals(CheckStatus.BUILT_IN_RULES, fromString.documents().get(1).status());
  }

  @Test
  void inputDocumentsAreNotModified() {
    ManifestDocument doc = ManifestDocument.fromYaml("""
        apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
        kind: OpenStackCluster
        metadata: {name: prod, namespace: cluster}
        spec: {identityRef: {name: prod-cloud-config, cloudName: openstack}, managedSecurityGroups: {}}
        """);
    String before = doc.toJson();
    assertTrue(CrdValidator.strict().validate(doc).isValid());
    assertEquals(before, doc.toJson(), "defaults are applied to a copy");
    assertTrue(CrdValidator.strict().validate(doc).isValid(), "and the second validation sees the original");
  }

  @Test
  void yamlErrorsAreViolationsNotExceptions() {
    ValidationReport report = CrdValidator.strict().validateYaml("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: a}
        ---
        apiVersion: v1
        kind: Namespace
        kind: Namespace
        metadata: {name: b}
        """);
    assertEquals(List.of("yaml"), report.violations().stream().map(Violation::rule).toList(), report.summary());
    assertEquals(1, report.violations().get(0).documentIndex());
  }

  @Test
  void documentsThatAreNotMappingsAreTypeViolations() {
    ValidationReport report = CrdValidator.strict().validateYaml("--- 3\n--- [a, b]\n");
    assertEquals(List.of("0 <root> type", "1 <root> type"), report.violations().stream()
        .map(v -> v.documentIndex() + " " + v.path() + " " + v.rule()).toList());
    assertEquals(CheckStatus.NOT_SCHEMA_CHECKED, report.documents().get(0).status());
  }

  @Test
  void nullArgumentsAreInvalidInput() {
    List<ManifestDocument> withNull = new java.util.ArrayList<>();
    withNull.add(null);
    io.clusterstacks.core.InvalidInputException e = assertThrows(io.clusterstacks.core.InvalidInputException.class,
        () -> CrdValidator.strict().validate(withNull));
    assertEquals("documents[0]", e.problems().get(0).path());
    assertThrows(io.clusterstacks.core.InvalidInputException.class, () -> CrdValidator.strict().validate((Manifests) null));
    assertThrows(io.clusterstacks.core.InvalidInputException.class, () -> CrdValidator.strict().validateYaml((String) null));
  }

  @Test
  void missingFileIsAClusterStacksException(@TempDir Path tmp) {
    assertThrows(ClusterStacksException.class, () -> CrdValidator.strict().validateYaml(tmp.resolve("nope.yaml")));
  }

  @Test
  void validReportDoesNotThrow() {
    ValidationReport report = CrdValidator.strict().validateYaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
    assertSame(report, report.throwIfInvalid());
    assertTrue(report.isFullyChecked());
  }
}
