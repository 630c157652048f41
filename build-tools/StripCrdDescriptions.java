// Build step of sdk-core (run by exec-maven-plugin in generate-resources, as a single-file source program):
//   java -cp <sdk-core's compile classpath> build-tools/StripCrdDescriptions.java <crd-dir> <out-dir> <resource-prefix>
// Reads every upstream CRD (*.yaml, one per file, grouped by API group) below <crd-dir>, drops the
// `description` texts (schema nodes and printer columns; a *property* named "description" is kept),
// and writes each CRD as compact JSON to <out-dir>/<resource-prefix>/<group>/<file>.json plus an
// index.txt listing them in a stable order (one line per CRD: file, group, kind, scope; tab-separated).
// Everything else (served flags, defaults, enums, CEL rules, x-kubernetes-* markers) is kept as data.
// Needs only the JDK and Jackson.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

public class StripCrdDescriptions {

  /** Keys whose value is a map from a user-chosen name to a schema: the names are data, never keywords. */
  private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "definitions");

  /** Keys whose value is literal data (not schema): copied untouched. */
  private static final Set<String> LITERALS = Set.of("default", "enum", "example", "x-kubernetes-validations");

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      fail("usage: StripCrdDescriptions <crd-dir> <out-dir> <resource-prefix>");
    }
    Path in = Path.of(args[0]).toAbsolutePath().normalize();
    Path out = Path.of(args[1]).toAbsolutePath().normalize();
    String prefix = args[2];
    if (!Files.isDirectory(in)) {
      fail("the upstream CRD folder " + in + " does not exist. sdk-core bundles the CRDs from the shared "
          + "folder at build time: check out the repository beside 'shared/' or pass "
          + "-Dclusterstacks.shared.dir=/path/to/shared");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(in)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
    if (files.isEmpty()) {
      fail("no *.yaml CRD files below " + in + "; the shared folder looks incomplete");
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectMapper json = new ObjectMapper();
    Path base = out.resolve(prefix);
    List<String> index = new ArrayList<>();
    for (Path f : files) {
      JsonNode crd = yaml.readTree(f.toFile());
      if (crd == null || !"CustomResourceDefinition".equals(crd.path("kind").asText())) {
        fail(f + " is not a CustomResourceDefinition");
      }
      strip(crd);
      String rel = in.relativize(f).toString().replace('\\', '/');
      rel = rel.substring(0, rel.length() - ".yaml".length()) + ".json";
      Path target = base.resolve(rel);
      Files.createDirectories(target.getParent());
      byte[] bytes = json.writeValueAsBytes(crd);
      Files.write(target, bytes);
      // index line: file, API group, kind, scope (tab-separated), so readers can load CRDs lazily per kind
      index.add(rel + "\t" + crd.path("spec").path("group").asText() + "\t"
          + crd.path("spec").path("names").path("kind").asText() + "\t" + crd.path("spec").path("scope").asText());
    }
    Files.createDirectories(base);
    Files.writeString(base.resolve("index.txt"), String.join("\n", index) + "\n", StandardCharsets.UTF_8);
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      obj.remove("description");
      for (Map.Entry<String, JsonNode> e : obj.properties()) {
        String key = e.getKey();
        JsonNode value = e.getValue();
        if (LITERALS.contains(key)) {
          continue;
        }
        if (NAME_MAPS.contains(key) && value instanceof ObjectNode names) {
          names.elements().forEachRemaining(StripCrdDescriptions::strip);
        } else {
          strip(value);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      arr.elements().forEachRemaining(StripCrdDescriptions::strip);
    }
  }

  private static void fail(String message) {
    System.err.println("ERROR: " + message);
    System.exit(2);
  }
}
