package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The readers share one set of rules: the JSON reader behind {@link ManifestDocument#fromJson} is as
 * strict and as bounded as the YAML reader; the parser's typed readers read integers by the
 * validator's rule; and no message quotes a token of the input.
 */
class StrictReadersTest {

  /** Looks like a secret and appears nowhere in the SDK's own wording. */
  private static final String SECRET = "Zq7xS3cr3tW0rd";

  private static final String SECRET_YAML = """
      apiVersion: v1
      kind: Secret
      metadata: {name: s, namespace: ns}
      stringData:
        password: %s
      """;

  /** YAML errors whose SnakeYAML problem text would name the offending token. */
  private static final List<String> TOKEN_ERRORS = List.of(
      "!" + SECRET + "!x value",                 // found undefined tag handle !Zq7x…!
      "\"a\\" + "q" + SECRET + "\"",              // found unknown escape character q
      "@" + SECRET,                               // found character '@' that cannot start any token
      "*" + SECRET,                               // an alias
      "&" + SECRET + " [a, b",                    // an anchor in a broken flow list
      "!<" + SECRET + " x>",                      // expected '>', but found …
      "'" + SECRET + "\n  other: 'x",             // a quoted scalar that never ends
      "x\n  " + SECRET + " y: z: w");             // mapping values are not allowed here

  @Test
  void aYamlDocumentBeyondTheDocumentBoundIsRefusedBySizeNotAsMalformed() {
    // SnakeYAML's per-document bound, which the reader keeps: its refusal names the size
    int bound = io.clusterstacks.core.internal.YamlDocuments.MAX_DOCUMENT_CHARS;
    String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata:\n  a: ";
    ManifestDocument d = ManifestDocument.fromYaml(head + "x".repeat(bound - head.length() - 100) + "\n");
    assertEquals(bound - head.length() - 100, ((java.util.Map<?, ?>) d.toMap().get("data")).get("a").toString().length());
    ClusterStacksException tooLarge = assertThrows(ClusterStacksException.class,
        () -> ManifestDocument.fromYaml(head + "x".repeat(bound) + "\n"));
    assertTrue(tooLarge.getMessage().contains("at most " + bound + " per document are read"), tooLarge.getMessage());
    ValidationReport r = CrdValidator.strict().validateYaml(head + "x".repeat(bound) + "\n");
    assertTrue(r.summary().contains("per document are read"), r.summary());
    // several documents may have more together
    String two = head + "x".repeat(bound / 2) + "\n---\n" + head + "y".repeat(bound / 2) + "\n---\n" + head + "z\n";
    assertEquals(3, ManifestParser.parseLenient(two).documents().size());
  }

  @Test
  void yamlErrorsNeverQuoteTheInput() {
    for (String value : TOKEN_ERRORS) {
      String yaml = String.format(SECRET_YAML, value);
      ClusterStacksException parsed = assertThrows(ClusterStacksException.class,
          () -> ManifestParser.parseLenient(yaml), value);
      assertFalse(parsed.getMessage().contains(SECRET), value + ": " + parsed.getMessage());
      assertTrue(parsed.getMessage().contains("line"), value + ": " + parsed.getMessage());
      ValidationReport report = CrdValidator.strict().validateYaml(yaml);
      assertFalse(report.isValid(), value);
      assertFalse(report.summary().contains(SECRET), value + ": " + report.summary());
      report.violations().forEach(v -> assertFalse(v.describe().contains(SECRET), value + ": " + v.describe()));
    }
  }

  @Test
  void snakeYamlWordingIsKeptWithoutTheToken() {
    String yaml = String.format(SECRET_YAML, "!" + SECRET + "!x value");
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> ManifestParser.parseLenient(yaml));
    assertTrue(e.getMessage().contains("found undefined tag handle"), e.getMessage());
  }

  @Test
  void jsonErrorsNeverQuoteTheInput() {
    for (String json : List.of("{\"password\": " + SECRET + "}", "{\"password\": \"x\"} " + SECRET,
        "{\"password\": \"" + SECRET + "\n\"}", "{\"password\": \"x\", " + SECRET + ": 1}")) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson(json), json);
      assertFalse(e.getMessage().contains(SECRET), json + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("line 1"), json + ": " + e.getMessage());
    }
  }

  @Test
  void theJsonReaderRefusesWhatTheYamlReaderRefuses() {
    String doc = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}, \"data\": %s}";
    for (String bad : List.of("{\"a\": \"1\", \"a\": \"2\"}", "{} {}", "{}, {}", "{} x")) {
      String json = String.format(doc, bad);
      assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson(json), bad);
      assertThrows(ClusterStacksException.class, () -> ManifestDocument.fromYaml(json), bad);
    }
    // not JSON numbers (in YAML, plain NaN is the string "NaN", and .nan is refused)
    for (String bad : List.of("{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": -Infinity}", "{\"a\": 1e}")) {
      assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson(String.format(doc, bad)), bad);
    }
    String deep = "[".repeat(101) + "]".repeat(101);
    assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson(String.format(doc, deep)));
    String large = String.format(doc, "{\"a\": \"" + "x".repeat(16 * 1024 * 1024) + "\"}");
    InvalidInputException big = assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson(large));
    assertTrue(big.getMessage().length() < 1000, "the message does not echo the input");
  }

  @Test
  void aNumberBeyondDoubleIsRefusedByBothReadersWithItsPath() {
    String md = """
        {"apiVersion": "cluster.x-k8s.io/v1beta1", "kind": "MachineDeployment",
         "metadata": {"name": "md", "namespace": "ns"}, "spec": {"clusterName": "c", "replicas": %s,
         "selector": {"matchLabels": {"a": "b"}}, "template": {"spec": {"clusterName": "c",
         "bootstrap": {"configRef": {"apiVersion": "bootstrap.cluster.x-k8s.io/v1beta1", "kind": "KubeadmConfigTemplate", "name": "t"}},
         "infrastructureRef": {"apiVersion": "infrastructure.cluster.x-k8s.io/v1beta1", "kind": "OpenStackMachineTemplate", "name": "t"}}}}}
        """;
    // a double cannot hold 1e400: kept exact it would reach a controller that decodes it as an infinity
    InvalidInputException json = assertThrows(InvalidInputException.class,
        () -> ManifestDocument.fromJson(String.format(md, "1e400")));
    assertEquals("json.spec.replicas", json.problems().get(0).path(), json.getMessage());
    InvalidInputException yaml = assertThrows(InvalidInputException.class,
        () -> ManifestDocument.fromYaml(String.format(md, "1e400")));
    assertEquals("documents[0].spec.replicas", yaml.problems().get(0).path(), yaml.getMessage());
    assertEquals(json.problems().get(0).fix(), yaml.problems().get(0).fix());
    ValidationReport r = CrdValidator.strict().validateYaml(String.format(md, "1e400"));
    assertTrue(r.violations().stream().anyMatch(v -> v.path().equals("spec.replicas")), r.summary());
    // the same document from JSON and from YAML is the same tree, fractions included
    for (String n : List.of("3", "3.0", "2.5", "1.7976931348623157e308")) {
      assertEquals(ManifestDocument.fromYaml(String.format(md, n)), ManifestDocument.fromJson(String.format(md, n)), n);
    }
  }

  @Test
  void theParserReadsIntegersByTheValidatorsRule() {
    for (String whole : List.of("3", "3.0", "3e0", "0.3e1")) {
      String yaml = ParserStrictnessTest.CLUSTER.replace("replicas: 3", "replicas: " + whole);
      assertEquals(3, ManifestParser.parse(yaml).clusters().get(0).controlPlaneReplicas(), whole);
      assertTrue(CrdValidator.strict().validateYaml(yaml).violations().stream()
          .noneMatch(v -> v.path().equals("spec.topology.controlPlane.replicas")), whole);
    }
    for (String bad : List.of("3.5", "3e9", "2147483648", "2147483648.0", "1e400", "-1e400")) {
      String yaml = ParserStrictnessTest.CLUSTER.replace("replicas: 3", "replicas: " + bad);
      ManifestParseException e = assertThrows(ManifestParseException.class, () -> ManifestParser.parse(yaml), bad);
      assertEquals("documents[0].spec.topology.controlPlane.replicas", e.problems().get(0).path(), bad);
      // 1e400 is refused as it is read (no double holds it), before the integer rule is asked
      assertTrue(e.problems().get(0).fix().startsWith(bad.endsWith("e400") ? "write a number within" : "use an integer"),
          e.getMessage());
      assertTrue(CrdValidator.strict().validateYaml(yaml).violations().stream()
          .anyMatch(v -> v.path().equals("spec.topology.controlPlane.replicas")), bad);
    }
  }

  /** Workers under the topology of {@link ParserStrictnessTest#CLUSTER} (which ends inside spec.topology). */
  private static final String WORKERS = String.join("\n",
      "    workers:",
      "      machineDeployments:",
      "      - class: default-worker",
      "        name: md-0",
      "        replicas: 3",
      "        strategy:",
      "          type: RollingUpdate",
      "          rollingUpdate: {maxSurge: %s}",
      "");

  @Test
  void intOrPercentIsRangeChecked() {
    for (String ok : List.of("0", "1", "2.0", "2147483647", "\"25%\"", "\"100%\"", "\"0%\"")) {
      IntOrPercent surge = ManifestParser.parse(ParserStrictnessTest.CLUSTER + String.format(WORKERS, ok)).clusters()
          .get(0).machineDeployments().get(0).strategy().orElseThrow().maxSurge().orElseThrow();
      assertEquals(ok.replace("\"", "").replace(".0", ""), surge.toString(), ok);
    }
    // 4294967297 used to become 1 (int truncation)
    for (String bad : List.of("4294967297", "2147483648", "-1", "2.5", "1e400", "\"101%\"", "\"-1%\"", "\"1.5%\"")) {
      ManifestParseException e = assertThrows(ManifestParseException.class,
          () -> ManifestParser.parse(ParserStrictnessTest.CLUSTER + String.format(WORKERS, bad)), bad);
      assertTrue(e.problems().stream().anyMatch(p -> p.path().endsWith("strategy.rollingUpdate.maxSurge")),
          bad + ": " + e.getMessage());
    }
  }

  @Test
  void longValuesAreShortenedOnceByProblem() {
    String name = "n".repeat(5_000);
    String yaml = ParserStrictnessTest.CLUSTER.replace("    replicas: 3", "    replicas: 3\n      " + "x: " + name);
    ManifestParseException e = assertThrows(ManifestParseException.class, () -> ManifestParser.parse(yaml));
    Problem p = e.problems().get(0);
    assertTrue(p.value().length() <= Problem.MAX_VALUE_CHARS, p.value());
    assertTrue(p.value().endsWith("(5002 characters)"), p.value());
  }
}
