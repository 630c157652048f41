package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile YAML for the parser and the validator alike, generated per class of input: aliases and merge
 * keys (refused, with the line), duplicate keys at any depth, integers beyond int32 in every notation,
 * NaN and infinity, nesting bombs, syntax errors inside Secrets (never echoed), null arguments. Each
 * input must give a typed answer from both readers: a {@link ClusterStacksException} from the parser,
 * a violation from the validator, never another exception.
 */
class HostileYamlTest {

  private static final String MD = """
      apiVersion: cluster.x-k8s.io/v1beta1
      kind: MachineDeployment
      metadata: {name: md, namespace: ns}
      spec:
        clusterName: c
        replicas: %s
        selector: {matchLabels: {a: b}}
        template:
          spec:
            clusterName: c
            bootstrap: {configRef: {apiVersion: bootstrap.cluster.x-k8s.io/v1beta1, kind: KubeadmConfigTemplate, name: t}}
            infrastructureRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta1, kind: OpenStackMachineTemplate, name: t}
      """;

  /** Runs both readers; returns the parser's exception and the validator's report. */
  private static ClusterStacksException bothRefuse(String yaml, String label) {
    ClusterStacksException parsed = typed(() -> ManifestParser.parseLenient(yaml), label);
    ValidationReport report;
    try {
      report = CrdValidator.strict().validateYaml(yaml);
    } catch (RuntimeException e) {
      throw new AssertionError(label + ": the validator threw " + e, e);
    }
    assertFalse(report.isValid(), label + ": the validator accepted it");
    return parsed;
  }

  private static ClusterStacksException typed(Supplier<?> call, String label) {
    try {
      call.get();
    } catch (ClusterStacksException e) {
      return e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError(label + ": untyped " + e, e);
    }
    return fail(label + ": accepted");
  }

  private static Violation yamlViolation(String yaml, String label) {
    ValidationReport r = CrdValidator.strict().validateYaml(yaml);
    return r.violations().stream().filter(v -> v.rule().equals("yaml")).findFirst()
        .orElseThrow(() -> new AssertionError(label + ": no yaml violation in " + r.summary()));
  }

  @Test
  void aliasesAndMergeKeysAreRefusedWithTheLineByBothReaders() {
    List<String> inputs = new ArrayList<>();
    Random rnd = new Random(7);
    for (int i = 0; i < 200; i++) {
      String anchor = "a" + rnd.nextInt(1000);
      int pad = rnd.nextInt(5);
      String lead = "apiVersion: v1\nkind: ConfigMap\n" + "# pad\n".repeat(pad);
      switch (i % 4) {
        case 0 -> inputs.add(lead + "metadata: {name: &" + anchor + " n}\ndata: {k: *" + anchor + "}\n");
        case 1 -> inputs.add(lead + "metadata: {name: n}\ndata: {k: *" + anchor + "}\n");
        case 2 -> inputs.add(lead + "metadata: &" + anchor + " {name: n}\ndata:\n  <<: *" + anchor + "\n");
        default -> inputs.add(lead + "metadata: {name: n}\ndata:\n  <<: {k: v}\n");
      }
    }
    for (String in : inputs) {
      ClusterStacksException e = bothRefuse(in, in);
      assertTrue(e instanceof InvalidInputException, in);
      String where = ((InvalidInputException) e).problems().get(0).value();
      assertTrue(where.startsWith("line "), in + " -> " + e.getMessage());
      Violation v = yamlViolation(in, in);
      assertTrue(v.message().contains("alias") || v.message().contains("merge key"), v.describe());
      assertTrue(v.message().contains("line "), v.describe());
    }
  }

  @Test
  void anAliasBombIsRefusedAtOnce() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      sb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    bothRefuse(sb.toString(), "alias bomb");
  }

  @Test
  void duplicateKeysAreRefusedAtAnyDepthByBothReaders() {
    for (int depth = 0; depth < 30; depth++) {
      String indent = "  ".repeat(depth + 1);
      StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata:\n");
      StringBuilder nested = new StringBuilder();
      for (int d = 0; d < depth; d++) {
        nested.append("  ".repeat(d + 1)).append("x").append(d).append(":\n");
      }
      sb.append(nested).append(indent).append("k: v\n").append(indent).append("k: w\n");
      ClusterStacksException e = bothRefuse(sb.toString(), "depth " + depth);
      assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
  }

  @Test
  void integersBeyondInt32AreRefusedWhateverTheirNotation() {
    List<String> bad = List.of("3e9", "2147483648", "2147483648.0", "-2147483649", "1e400", "-1e400", "9223372036854775808",
        "1" + "0".repeat(300), "3.5", "2.147483648e9");
    for (String b : bad) {
      ValidationReport r = CrdValidator.strict().validateYaml(String.format(MD, b));
      assertTrue(r.violations().stream().anyMatch(v -> v.path().equals("spec.replicas")), b + ": " + r.summary());
    }
    for (String ok : List.of("3", "3.0", "2147483647", "3e0", "0")) {
      ValidationReport r = CrdValidator.strict().validateYaml(String.format(MD, ok));
      assertTrue(r.violations().stream().noneMatch(v -> v.path().equals("spec.replicas")), ok + ": " + r.summary());
    }
    for (String n : List.of(".nan", ".NaN", ".inf", "-.inf", ".Inf")) {
      Violation v = yamlViolation(String.format(MD, n), n);
      assertTrue(v.message().contains("NaN and infinities"), v.describe());
      assertEquals("spec.replicas", v.path(), v.describe());
      typed(() -> ManifestParser.parseLenient(String.format(MD, n)), n);
    }
  }

  @Test
  void nullIsNullAndAQuotedEmptyStringIsAString() {
    // YAML's null: an empty plain scalar, ~, null/Null/NULL, or the !!null tag; '' and "" are strings
    for (String n : List.of("", "~", "null", "Null", "NULL", "!!null ''", "!!null")) {
      String yaml = String.format(MD, n);
      com.fasterxml.jackson.databind.JsonNode spec = TestTrees.tree(
          ManifestParser.parseLenient(yaml).documents().get(0)).path("spec");
      assertTrue(spec.has("replicas") && spec.get("replicas").isNull(), "'" + n + "' is null: " + spec);
      ValidationReport r = CrdValidator.strict().validateYaml(yaml);
      // the API server prunes a null of a non-nullable field: no violation, a warning that says so
      assertTrue(r.violations().stream().noneMatch(v -> v.path().equals("spec.replicas")), n + ": " + r.summary());
      assertTrue(r.warnings().stream().anyMatch(w -> w.contains("spec.replicas") && w.contains("null value dropped")),
          n + ": " + r.summary());
    }
    for (String s : List.of("''", "\"\"", "!!str", "'null'", "\"~\"", "!!str null")) {
      String yaml = String.format(MD, s);
      com.fasterxml.jackson.databind.JsonNode replicas = TestTrees.tree(
          ManifestParser.parseLenient(yaml).documents().get(0)).path("spec").path("replicas");
      assertTrue(replicas.isTextual(), s + " is a string: " + replicas);
      ValidationReport r = CrdValidator.strict().validateYaml(yaml);
      assertTrue(r.violations().stream().anyMatch(v -> v.path().equals("spec.replicas")
          && v.message().contains("integer")), s + ": " + r.summary());
    }
  }

  @Test
  void aHugeExponentFromAMapIsRangeCheckedWithoutExpandingIt() {
    // 1e999999999 as a BigInteger would have a billion digits; the int32 check must not build it
    for (String big : List.of("1e999999999", "-1e999999999", "2147483648", "1e9")) {
      java.util.Map<String, Object> spec = new java.util.LinkedHashMap<>(
          ManifestDocument.fromYaml(String.format(MD, "1")).toMap());
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> s = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) spec.get("spec"));
      s.put("replicas", new java.math.BigDecimal(big));
      spec.put("spec", s);
      ValidationReport r = CrdValidator.strict().validate(ManifestDocument.of(spec));
      boolean flagged = r.violations().stream().anyMatch(v -> v.path().equals("spec.replicas"));
      assertEquals(!big.equals("1e9"), flagged, big + ": " + r.summary());
    }
  }

  @Test
  void nestingBeyondTheBoundIsATypedAnswer() {
    for (int depth : List.of(101, 500, 5_000)) {
      String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
      bothRefuse(yaml, "depth " + depth);
    }
    String ok = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\nx: " + "[".repeat(50) + "]".repeat(50) + "\n";
    assertEquals(1, ManifestParser.parseLenient(ok).documents().size());
  }

  @Test
  void syntaxErrorsInsideASecretNeverEchoTheSecret() {
    Random rnd = new Random(11);
    List<String> breakers = List.of("\"", "{", "[", ": :", "\t", "'", "@", "`", "%", "*", "&", "!", "|\n x", ">\n  y\n z");
    for (int i = 0; i < 300; i++) {
      String secret = "S3cr3t-" + Long.toHexString(rnd.nextLong());
      String broken = breakers.get(i % breakers.size());
      String yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\nstringData:\n  password: "
          + (i % 2 == 0 ? broken + secret : secret + " " + broken) + "\n  other: [" + secret + "\n";
      String parsed;
      try {
        ManifestParser.parseLenient(yaml);
        parsed = "";
      } catch (ClusterStacksException e) {
        parsed = e.getMessage();
      }
      assertFalse(parsed.contains(secret), "parser echoed the secret: " + parsed);
      ValidationReport r = CrdValidator.strict().validateYaml(yaml);
      assertFalse(r.summary().contains(secret), "validator echoed the secret: " + r.summary());
    }
  }

  @Test
  void oneDocumentReadersRefuseASecondDocumentAndTrailingContent() {
    for (String two : List.of("a: 1\n---\nb: 2\n", "---\na: 1\n---\nb: 2\n---\n")) {
      assertThrows(InvalidInputException.class, () -> ManifestDocument.fromYaml(two), two);
    }
    for (String json : List.of("{\"a\":1}{\"b\":2}", "{\"a\":1} x", "{\"a\":1}]", "{\"a\":1,\"a\":1}")) {
      assertThrows(InvalidInputException.class, () -> ManifestDocument.fromJson(json), json);
    }
  }

  @Test
  void nullArgumentsAreTypedErrors() {
    assertThrows(InvalidInputException.class, () -> ManifestParser.parse(null));
    assertThrows(InvalidInputException.class, () -> ManifestParser.parseLenient(null));
    assertThrows(InvalidInputException.class, () -> ManifestParser.parse("a: 1", null));
    assertThrows(InvalidInputException.class, () -> CrdValidator.strict().validateYaml((String) null));
    assertThrows(InvalidInputException.class, () -> CrdValidator.strict().validateYaml((java.io.Reader) null));
    assertThrows(InvalidInputException.class, () -> CrdValidator.strict().validateYaml((java.nio.file.Path) null));
    assertThrows(InvalidInputException.class, () -> ManifestRenderer.render((io.clusterstacks.core.model.ClusterSpec) null));
  }

  @Test
  void hugeInputIsRefusedWithoutReadingItAll() {
    String big = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: n}\ndata: {k: \"" + "x".repeat(17 * 1024 * 1024) + "\"}\n";
    ClusterStacksException e = bothRefuse(big, "17 MiB");
    assertTrue(e.getMessage().length() < 2_000, "the message stays short");
    // through a Reader (files, streams) the length is not known beforehand: the same refusal
    ValidationReport fromReader = CrdValidator.strict().validateYaml(new java.io.StringReader(big));
    assertFalse(fromReader.isValid());
    assertTrue(fromReader.summary().contains("at most " + io.clusterstacks.core.internal.YamlDocuments.MAX_CHARS),
        fromReader.summary());
  }
}
