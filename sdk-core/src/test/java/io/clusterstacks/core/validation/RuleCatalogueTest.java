package io.clusterstacks.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.core.validation.internal.NamedRules;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every named rule is documented and exercised, the size limits hold, and the bundled CRDs are what
 * the build promised (no descriptions, every pattern usable by Java's regex engine).
 */
class RuleCatalogueTest {

  @Test
  void everyNamedRuleIsDocumentedAndExercisedByABrokenManifest() throws Exception {
    String doc = Files.readString(Path.of("../docs/validation-rules.md"));
    Set<String> exercised = new TreeSet<>();
    try (Stream<Path> files = Files.list(BrokenManifestsTest.dir())) {
      for (Path f : files.toList()) {
        Files.readString(f).lines().filter(l -> l.startsWith("# expect: ") && !l.endsWith("none"))
            .forEach(l -> {
              String[] parts = l.split(" ");
              exercised.add(parts[parts.length - 1]);
            });
      }
    }
    // The 1 MiB limits are exercised in sizeLimits() below (a 1 MiB resource file would bloat the repo).
    exercised.add("core.secret.size");
    exercised.add("core.configMap.size");
    List<String> undocumented = new ArrayList<>();
    List<String> untested = new ArrayList<>();
    for (String rule : NamedRules.ruleNames()) {
      if (!doc.contains("`" + rule + "`")) {
        undocumented.add(rule);
      }
      if (!exercised.contains(rule)) {
        untested.add(rule);
      }
    }
    assertEquals(List.of(), undocumented, "rules missing from docs/validation-rules.md");
    assertEquals(List.of(), untested, "rules no broken manifest exercises");
  }

  /**
   * The named-rule tables of docs/validation-rules.md (sections "Named rules" and "SDK rules") list
   * exactly the rules the families declare: a rule added without docs, or docs naming a rule that does
   * not exist, fails here.
   */
  @Test
  void docsListExactlyTheDerivedRules() throws Exception {
    Set<String> documented = documentedNamedRules(Files.readString(Path.of("../docs/validation-rules.md")));
    Set<String> derived = new TreeSet<>(NamedRules.ruleNames());
    Set<String> missing = new TreeSet<>(derived);
    missing.removeAll(documented);
    Set<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(derived);
    assertEquals(Set.of(), missing, "rules the docs do not list");
    assertEquals(Set.of(), unknown, "rules the docs list that do not exist");
    assertEquals(NamedRules.ruleNames().size(), derived.size(), "rule names are unique");
    assertTrue(derived.size() > 35, "rules found: " + derived.size()); // 38; the 10 Kamaji rules are sdk-kamaji's
  }

  @Test
  void theDocsCheckSeesARuleThatDoesNotExist() {
    String doc = """
        ## Named rules: CEL

        | rule name | CRD | rule |
        |---|---|---|
        | `capo.machine.flavorOrFlavorID` | x | y |
        | `core.secret.key`, `core.invented` | x | y |

        ## Schema rules
        | `type` | not a named rule |
        """;
    assertEquals(Set.of("capo.machine.flavorOrFlavorID", "core.secret.key", "core.invented"),
        documentedNamedRules(doc));
  }

  /** The backticked names in the first cell of each table row under a "Named rules" or "SDK rules" heading. */
  static Set<String> documentedNamedRules(String doc) {
    Set<String> names = new TreeSet<>();
    boolean inRules = false;
    for (String line : doc.lines().toList()) {
      if (line.startsWith("## ")) {
        inRules = line.startsWith("## Named rules") || line.startsWith("## SDK rules");
      } else if (inRules && line.startsWith("| `")) {
        String cell = line.substring(1, line.indexOf('|', 1));
        var m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  @Test
  void sizeLimits() {
    String big = "x".repeat(1024 * 1024 + 1);
    ValidationReport secret = CrdValidator.strict().validateYaml("""
        apiVersion: v1
        kind: Secret
        metadata: {name: big, namespace: cluster}
        stringData: {big: "%s"}
        """.formatted(big));
    assertEquals(List.of("data core.secret.size"), secret.violations().stream()
        .map(v -> v.path() + " " + v.rule()).toList());
    ValidationReport configMap = CrdValidator.strict().validateYaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: big, namespace: cluster}
        data: {big: "%s"}
        """.formatted(big));
    assertEquals(List.of("data core.configMap.size"), configMap.violations().stream()
        .map(v -> v.path() + " " + v.rule()).toList());
    String fits = "x".repeat(1000);
    assertTrue(CrdValidator.strict().validateYaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: small, namespace: cluster}
        data: {small: "%s"}
        """.formatted(fits)).isValid());
  }

  @Test
  void bundledCrdsHaveNoDescriptionsAndOnlyJavaCompatiblePatterns() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> files;
    try (InputStream in = getClass().getResourceAsStream("/io/clusterstacks/core/validation/crds/index.txt")) {
      files = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).map(l -> l.split("\t")[0]).toList();
    }
    assertEquals(30, files.size());
    List<String> problems = new ArrayList<>();
    int patterns = 0;
    for (String f : files) {
      try (InputStream in = getClass().getResourceAsStream("/io/clusterstacks/core/validation/crds/" + f)) {
        JsonNode crd = json.readTree(in);
        patterns += scan(crd, f, false, problems);
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(patterns > 100, "patterns found: " + patterns);
  }

  /** Walks a CRD; inside {@code properties} maps the keys are field names, elsewhere keywords. */
  private static int scan(JsonNode n, String where, boolean nameMap, List<String> problems) {
    int patterns = 0;
    if (n.isObject()) {
      for (var e : n.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (!nameMap && k.equals("description") && v.isTextual()) {
          problems.add(where + ": description kept");
        }
        if (!nameMap && k.equals("pattern") && v.isTextual()) {
          patterns++;
          try {
            Pattern.compile(v.textValue());
          } catch (RuntimeException ex) {
            problems.add(where + ": pattern " + v.textValue() + " does not compile: " + ex.getMessage());
          }
        }
        if (!nameMap && (k.equals("default") || k.equals("enum") || k.equals("x-kubernetes-validations"))) {
          continue;
        }
        patterns += scan(v, where, !nameMap && k.equals("properties"), problems);
      }
    } else if (n.isArray()) {
      for (JsonNode x : n) {
        patterns += scan(x, where, false, problems);
      }
    }
    return patterns;
  }
}
