package io.clusterstacks.kamaji.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kamaji's CEL rules, brought by sdk-kamaji as a bundle the strict validator discovers. Table-driven as
 * sdk-core's broken manifests: each file under {@code broken/} has one deliberate mistake and declares
 * the violations it must produce as {@code # expect: <document> <path> <rule>} lines.
 */
class KamajiValidationTest {

  static Path dir() throws URISyntaxException {
    return Path.of(KamajiValidationTest.class.getResource("broken").toURI());
  }

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  private static List<String> expected(String text) {
    return text.lines().filter(l -> l.startsWith("# expect: ") && !l.equals("# expect: none"))
        .map(l -> l.substring("# expect: ".length()).strip()).sorted().toList();
  }

  private static List<String> found(ValidationReport report) {
    return report.violations().stream().map(v -> v.documentIndex() + " " + v.path() + " " + v.rule()).sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesExactlyTheExpectedViolations(String file) throws Exception {
    String text = Files.readString(dir().resolve(file));
    ValidationReport report = CrdValidator.strict().validateYaml(text);
    assertEquals(expected(text), found(report), report.summary());
    for (Violation v : report.violations()) {
      assertFalse(v.allowed().isBlank(), v.describe());
      assertFalse(v.message().isBlank(), v.describe());
    }
    assertTrue(report.warnings().stream().noneMatch(w -> w.contains("CEL rules were not")), report.summary());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void withoutTheBundleTheSameDocumentsPassTheSchemaAndTheReportSaysWhatWasNotChecked(String file) throws Exception {
    String text = Files.readString(dir().resolve(file));
    ValidationReport report = CrdValidator.builder().discoverBundles(false).build().validateYaml(text);
    assertEquals(List.of(), found(report), "each of these mistakes is one only Kamaji's CEL rules see");
    assertTrue(report.warnings().stream().anyMatch(w -> w.contains("add the dependency io.clusterstacks:sdk-kamaji")),
        report.summary());
  }

  @Test
  void theStrictValidatorDiscoversTheBundle() {
    assertTrue(CrdValidator.strict().bundles()
        .contains("sdk-kamaji (" + KamajiValidation.class.getName() + ") (discovered)"), CrdValidator.strict().bundles()
        .toString());
  }

  @Test
  void theCounterpartsOfTheBrokenManifestsPass() {
    ValidationReport r = CrdValidator.strict().validateYaml("""
        apiVersion: kamaji.clastix.io/v1alpha1
        kind: DataStore
        metadata: {name: default}
        spec:
          driver: etcd
          endpoints: ["etcd-0.etcd:2379"]
          tlsConfig:
            certificateAuthority:
              certificate: {secretReference: {name: ca, namespace: kamaji-system, keyPath: ca.crt}}
              privateKey: {secretReference: {name: ca, namespace: kamaji-system, keyPath: ca.key}}
            clientCertificate:
              certificate: {content: Y2VydA==}
              privateKey: {secretReference: {name: client, namespace: kamaji-system, keyPath: tls.key}}
        ---
        apiVersion: kamaji.clastix.io/v1alpha1
        kind: DataStore
        metadata: {name: pg}
        spec:
          driver: PostgreSQL
          endpoints: ["pg:5432"]
          basicAuth:
            username: {content: a2FtYWpp}
            password: {secretReference: {name: pg, namespace: kamaji-system, keyPath: password}}
        """);
    assertEquals(List.of(), found(r), r.summary());
    assertEquals(List.of(), r.warnings(), r.summary());
  }

  @Test
  void everyRuleIsDocumentedInItsOwnTableAndExercisedByABrokenManifest() throws Exception {
    Set<String> exercised = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir())) {
      for (Path f : files.toList()) {
        for (String e : expected(Files.readString(f))) {
          String[] parts = e.split(" ");
          exercised.add(parts[parts.length - 1]);
        }
      }
    }
    List<String> untested = new ArrayList<>(KamajiValidation.ruleNames());
    untested.removeAll(exercised);
    assertEquals(List.of(), untested, "rules no broken manifest exercises");
    assertEquals(new TreeSet<>(KamajiValidation.ruleNames()),
        documented(Files.readString(Path.of("../docs/validation-rules.md"))),
        "the sdk-kamaji table of docs/validation-rules.md lists exactly the bundle's rules");
    assertEquals(10, KamajiValidation.ruleNames().size());
  }

  /** The backticked names in the first cell of each table row under the "sdk-kamaji rules" heading. */
  private static Set<String> documented(String doc) {
    Set<String> names = new TreeSet<>();
    boolean in = false;
    for (String line : doc.lines().toList()) {
      if (line.startsWith("## ")) {
        in = line.startsWith("## sdk-kamaji rules");
      } else if (in && line.startsWith("| `")) {
        String cell = line.substring(1, line.indexOf('|', 1));
        var m = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
