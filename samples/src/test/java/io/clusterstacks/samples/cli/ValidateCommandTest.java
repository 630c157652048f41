package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterstacks.samples.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterstacks validate}: files, folders, multi-document YAML, formats and exit codes. */
class ValidateCommandTest {

  /** An upstream example without placeholders: a ClusterStack and a Cluster a management cluster accepts. */
  private static final String VALID_EXAMPLE = "06-scs-custom-channel-clusterstack-and-cluster.yaml";

  private static final String NAMESPACE_WITH_UNKNOWN_FIELD = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: tenant-a
      spec:
        finalizers: [kubernetes]
      colour: blue
      """;

  @TempDir Path dir;
  private Path valid;

  @BeforeEach
  void copyValidExample() throws IOException {
    valid = dir.resolve("cluster.yaml");
    Files.copy(SharedDir.example(VALID_EXAMPLE), valid);
  }

  @Test
  void validMultiDocumentFileExitsZeroAndListsEachDocument() {
    CliRun run = CliRun.of("validate", valid.toString());
    assertEquals(ClusterStacksCli.EXIT_OK, run.exitCode(), run.toString());
    assertTrue(run.out().contains("ClusterStack"), run.toString());
    assertTrue(run.out().contains("Cluster "), run.toString());
    assertTrue(run.out().contains("1 file(s), 2 document(s), 0 violation(s): valid"), run.toString());
  }

  @Test
  void violationExitsFourAndNamesPathAndRule() throws IOException {
    Path bad = Files.writeString(dir.resolve("ns.yaml"), NAMESPACE_WITH_UNKNOWN_FIELD);
    CliRun run = CliRun.of("validate", bad.toString());
    assertEquals(ClusterStacksCli.EXIT_VALIDATION_FAILED, run.exitCode(), run.toString());
    assertTrue(run.out().contains("Namespace/tenant-a colour"), run.toString());
    assertTrue(run.out().contains("[unknownField]"), run.toString());
    assertTrue(run.out().contains("INVALID"), run.toString());
  }

  @Test
  void folderIsWalkedRecursivelyInNameOrderAndOtherFilesAreSkipped() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/ns.yml"), NAMESPACE_WITH_UNKNOWN_FIELD);
    Files.writeString(dir.resolve("notes.txt"), "not a manifest: [");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/x.yaml"), "not: [valid");
    CliRun run = CliRun.of("validate", "-o", "json", dir.toString());
    assertEquals(ClusterStacksCli.EXIT_VALIDATION_FAILED, run.exitCode(), run.toString());
    JsonNode json = json(run.out());
    assertFalse(json.get("valid").asBoolean());
    assertEquals(2, json.get("files").size(), run.out());
    assertEquals(valid.toString(), json.get("files").get(0).get("file").asText());
    assertTrue(json.get("files").get(0).get("valid").asBoolean());
    JsonNode second = json.get("files").get(1);
    assertTrue(second.get("file").asText().endsWith("ns.yml"));
    JsonNode violation = second.get("violations").get(0);
    assertEquals("colour", violation.get("path").asText());
    assertEquals("unknownField", violation.get("rule").asText());
    assertEquals("Namespace", second.get("documents").get(0).get("kind").asText());
  }

  @Test
  void yamlOutputIsOneDocumentWithTheSameTree() throws IOException {
    CliRun run = CliRun.of("validate", "--output", "YAML", valid.toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode yaml = new YAMLMapper().readTree(run.out());
    assertTrue(yaml.get("valid").asBoolean());
    assertEquals(2, yaml.get("files").get(0).get("documents").size());
    assertEquals("CRD_SCHEMA", yaml.get("files").get(0).get("documents").get(1).get("checkedBy").asText());
  }

  @Test
  void missingFileExitsTwoEvenWhenOtherFilesAreValid() {
    CliRun run = CliRun.of("validate", valid.toString(), dir.resolve("nope.yaml").toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("nope.yaml: no such file or folder"), run.toString());
    assertTrue(run.out().contains("unreadable"), run.toString());
  }

  @Test
  void folderWithoutManifestsExitsTwo() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun run = CliRun.of("validate", empty.toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("holds no *.yaml"), run.toString());
  }

  @Test
  void fileThatIsNotUtf8ExitsTwo() throws IOException {
    Path binary = Files.write(dir.resolve("blob.yaml"), new byte[] {(byte) 0xC3, (byte) 0x28, 'a', ':', ' ', 'b'});
    CliRun run = CliRun.of("validate", binary.toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("blob.yaml"), run.toString());
  }

  @Test
  void yamlSyntaxErrorIsAViolation() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: [Namespace\n");
    CliRun run = CliRun.of("validate", broken.toString());
    assertEquals(ClusterStacksCli.EXIT_VALIDATION_FAILED, run.exitCode(), run.toString());
    assertTrue(run.out().contains("[yaml]"), run.toString());
  }

  @Test
  void unknownKindsCanBeMadeViolations() throws IOException {
    Path widget = Files.writeString(dir.resolve("w.yaml"),
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
    assertEquals(0, CliRun.of("validate", widget.toString()).exitCode());
    CliRun strict = CliRun.of("validate", "--unknown-kinds-are-violations", widget.toString());
    assertEquals(ClusterStacksCli.EXIT_VALIDATION_FAILED, strict.exitCode(), strict.toString());
    assertTrue(strict.out().contains("kind:notSchemaChecked"), strict.toString());
  }

  @Test
  void badOptionValueExitsTwoAndNoArgumentsIsAnError() {
    CliRun run = CliRun.of("validate", "-o", "xml", valid.toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("xml"), run.toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, CliRun.of("validate").exitCode());
  }

  @Test
  void helpListsExitCodes() {
    CliRun run = CliRun.of("validate", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes:"), run.out());
    assertTrue(run.out().contains("4   at least one document has violations"), run.out());
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }
}
