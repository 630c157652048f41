package io.clusterstacks.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that bundles the CRDs ({@code build-tools/StripCrdDescriptions.java}). */
class StripCrdDescriptionsTest {

  private static final Path TOOL = Path.of("../build-tools/StripCrdDescriptions.java");

  private record Run(int exit, String stderr) {}

  private static Run run(Path in, Path out) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        TOOL.toString(), in.toString(), out.toString(), "crds")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new Run(p.exitValue(), err);
  }

  @Test
  void failsClearlyWhenTheSharedFolderIsMissing(@TempDir Path tmp) throws Exception {
    Run r = run(tmp.resolve("no-such-shared/crds"), tmp.resolve("out"));
    assertEquals(2, r.exit());
    assertTrue(r.stderr().contains("does not exist") && r.stderr().contains("clusterstacks.shared.dir"), r.stderr());
  }

  @Test
  void stripsDescriptionTextsButKeepsFieldsNamedDescription(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("crds/example.org");
    Files.createDirectories(in);
    Files.writeString(in.resolve("widget.yaml"), """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.org}
        spec:
          group: example.org
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              additionalPrinterColumns:
                - {name: Age, type: date, jsonPath: .metadata.creationTimestamp, description: how old}
              schema:
                openAPIV3Schema:
                  description: A widget.
                  type: object
                  properties:
                    spec:
                      description: The spec.
                      type: object
                      default: {description: kept because defaults are data}
                      properties:
                        description:
                          description: A field that happens to be called description.
                          type: string
                          enum: [a]
        """);
    Run r = run(tmp.resolve("crds"), tmp.resolve("out"));
    assertEquals(0, r.exit(), r.stderr());
    assertEquals(List.of("example.org/widget.json\texample.org\tWidget\tNamespaced"),
        Files.readAllLines(tmp.resolve("out/crds/index.txt")));
    JsonNode crd = new ObjectMapper().readTree(tmp.resolve("out/crds/example.org/widget.json").toFile());
    JsonNode schema = crd.at("/spec/versions/0/schema/openAPIV3Schema");
    assertFalse(schema.has("description"));
    JsonNode spec = schema.at("/properties/spec");
    assertFalse(spec.has("description"));
    assertEquals("kept because defaults are data", spec.at("/default/description").asText());
    JsonNode field = spec.at("/properties/description");
    assertEquals("string", field.get("type").asText());
    assertFalse(field.has("description"));
    assertEquals("a", field.at("/enum/0").asText());
    assertFalse(crd.at("/spec/versions/0/additionalPrinterColumns/0").has("description"));
    assertEquals("Age", crd.at("/spec/versions/0/additionalPrinterColumns/0/name").asText());
  }
}
