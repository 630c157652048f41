package io.clusterstacks.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.stack.ReleaseCatalogue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each file under {@code broken/} is a small manifest set with one deliberate mistake
 * (or, for the "ok" counterparts, none) and declares in its header exactly which violations it must
 * produce, as {@code # expect: <document> <path> <rule>} lines ({@code # expect: none} for valid
 * sets). {@code # option:} lines configure the validator (a declared release version, an empty
 * release catalogue, unknown kinds as violations); {@code # status:} states the check status
 * every document must have.
 */
class BrokenManifestsTest {

  static Path dir() throws URISyntaxException {
    return Path.of(BrokenManifestsTest.class.getResource("broken").toURI());
  }

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesExactlyTheExpectedViolations(String file) throws Exception {
    String text = Files.readString(dir().resolve(file));
    List<String> expected = new ArrayList<>();
    CrdValidator.Builder builder = CrdValidator.builder();
    String status = null;
    for (String line : text.lines().toList()) {
      if (line.startsWith("# expect: ") && !line.equals("# expect: none")) {
        expected.add(line.substring("# expect: ".length()).strip());
      } else if (line.startsWith("# option: release ")) {
        String[] kv = line.substring("# option: release ".length()).strip().split("=");
        builder.releaseKubernetesVersion(kv[0], kv[1]);
      } else if (line.equals("# option: empty-catalogue")) {
        builder.releaseCatalogue(ReleaseCatalogue.empty());
      } else if (line.equals("# option: unknown-kinds-are-violations")) {
        builder.unknownKindsAreViolations(true);
      } else if (line.startsWith("# status: ")) {
        status = line.substring("# status: ".length()).strip();
      }
    }
    ValidationReport report = builder.build().validateYaml(text);
    List<String> actual = report.violations().stream()
        .map(v -> v.documentIndex() + " " + v.path() + " " + v.rule()).sorted().toList();
    assertEquals(expected.stream().sorted().toList(), actual, report.summary());
    assertEquals(expected.isEmpty(), report.isValid());
    for (Violation v : report.violations()) {
      assertFalse(v.allowed().isBlank(), v.describe());
      assertFalse(v.message().isBlank(), v.describe());
      assertFalse(v.kind().isBlank(), v.describe());
    }
    if (status != null) {
      CheckStatus s = CheckStatus.valueOf(status);
      assertTrue(report.documents().stream().allMatch(d -> d.status() == s), report.documents().toString());
      if (s == CheckStatus.NOT_SCHEMA_CHECKED) {
        assertFalse(report.isFullyChecked());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("not schema-checked")) || !report.isValid(),
            report.summary());
      }
    }
  }

  @Test
  void atLeastThirtyBrokenSets() throws Exception {
    long broken = cases().filter(f -> {
      try {
        return !Files.readString(dir().resolve(f)).contains("# expect: none");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();
    assertTrue(broken >= 30, "only " + broken + " broken manifest sets");
  }
}
