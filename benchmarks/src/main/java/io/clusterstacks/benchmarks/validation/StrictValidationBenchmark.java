package io.clusterstacks.benchmarks.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.clusterstacks.core.manifest.ManifestParser;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Strict validation of one cluster's manifest set ({@link CrdValidator}) against plain networknt
 * JSON-schema validation (OpenAPI 3.0 dialect, x-kubernetes-* registered as non-validation keywords)
 * of the same parsed documents with the same schemas. Throughput is in manifest sets per second on
 * one thread. networknt does less work (no unknown-field rejection, defaults, metadata, CEL or webhook
 * rules), so the ratio says what the strictness costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StrictValidationBenchmark {

  private static final String CRDS = "/io/clusterstacks/core/validation/crds/";
  private static final String BUILT_IN = "/io/clusterstacks/core/validation/builtin/";

  /** Which manifest set. */
  @Param({"topology", "rawCapi"})
  public String set;

  private List<JsonNode> documents;
  private Manifests manifests;
  private List<Schema> networkntSchemas;
  private CrdValidator validator;

  /**
   * Parses the set, loads both validators' schemas and checks both accept the set.
   *
   * @throws IOException when a bundled schema cannot be read
   */
  @Setup
  public void setUp() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    String text = set.equals("topology") ? ManifestSets.TOPOLOGY : ManifestSets.RAW_CAPI;
    documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
    manifests = ManifestParser.parseLenient(text);
    validator = CrdValidator.builder().releaseKubernetesVersion("openstack-scs2-1-33-v1", "v1.33.4").build();
    ValidationReport report = validator.validate(manifests);
    if (!report.isValid() || !report.isFullyChecked()) {
      throw new IllegalStateException("benchmark set is not valid:\n" + report.summary());
    }
    Map<String, Schema> byKind = networkntSchemas();
    networkntSchemas = new ArrayList<>();
    for (JsonNode d : documents) {
      Schema s = byKind.get(d.get("apiVersion").asText() + " " + d.get("kind").asText());
      if (s == null) {
        throw new IllegalStateException("no schema for " + d.get("kind"));
      }
      List<Error> errors = s.validate(d);
      if (!errors.isEmpty()) {
        throw new IllegalStateException("networknt rejects the benchmark set: " + errors);
      }
      networkntSchemas.add(s);
    }
  }

  /**
   * The SDK's strict validation of the whole set (schemas, defaults, metadata, named rules).
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport strict() {
    return validator.validate(manifests);
  }

  /**
   * Plain networknt validation of the same documents against the same schemas.
   *
   * @return the number of errors (0)
   */
  @Benchmark
  public int networknt() {
    int errors = 0;
    for (int i = 0; i < documents.size(); i++) {
      errors += networkntSchemas.get(i).validate(documents.get(i)).size();
    }
    return errors;
  }

  private static Map<String, Schema> networkntSchemas() throws IOException {
    Dialect.Builder b = Dialect.builder("https://clusterstacks.io/schemas/kubernetes-openapi-v3", Dialects.getOpenApi30());
    for (String k : List.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
        "x-kubernetes-validations", "x-kubernetes-embedded-resource")) {
      b.keyword(new NonValidationKeyword(k));
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(b.build());
    ObjectMapper json = new ObjectMapper();
    Map<String, Schema> out = new HashMap<>();
    for (String file : lines(CRDS + "index.txt")) {
      JsonNode crd = read(json, CRDS + file);
      String group = crd.path("spec").path("group").asText();
      String kind = crd.path("spec").path("names").path("kind").asText();
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (v.path("served").asBoolean()) {
          out.put(group + "/" + v.path("name").asText() + " " + kind,
              registry.getSchema(v.path("schema").path("openAPIV3Schema")));
        }
      }
    }
    for (String file : lines(BUILT_IN + "index.txt")) {
      JsonNode def = read(json, BUILT_IN + file);
      String group = def.path("group").asText();
      for (JsonNode v : def.path("versions")) {
        String apiVersion = group.isEmpty() ? v.asText() : group + "/" + v.asText();
        out.put(apiVersion + " " + def.path("kind").asText(), registry.getSchema(def.path("schema")));
      }
    }
    return out;
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = StrictValidationBenchmark.class.getResourceAsStream(resource);
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t")[0]).toList();
    }
  }

  private static JsonNode read(ObjectMapper json, String resource) throws IOException {
    try (InputStream in = StrictValidationBenchmark.class.getResourceAsStream(resource)) {
      return json.readTree(in);
    }
  }
}
