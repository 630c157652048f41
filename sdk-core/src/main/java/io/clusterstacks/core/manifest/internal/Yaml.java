package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.StrictJson;
import io.clusterstacks.core.manifest.ManifestParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one YAML/JSON configuration of the SDK: minimal quotes, but every string that YAML would read
 * as something else (numbers such as {@code "1.30"}, booleans, null) quoted; no line folding;
 * multi-line strings as literal blocks; no document markers inside a document.
 */
public final class Yaml {
  /** Node factory with exact decimals. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build())
      .build();
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT_JSON = new ObjectMapper();

  private Yaml() {}

  /**
   * Writes one document as YAML (ending in a newline, without a {@code ---} marker).
   *
   * @param node the document
   * @return the YAML text
   */
  public static String write(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new ClusterStacksException("could not write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a value as indented JSON.
   *
   * @param node the value
   * @return the JSON text, ending in a newline
   */
  public static String writeJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new ClusterStacksException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a value as compact JSON (one line, no trailing newline).
   *
   * @param node the value
   * @return the JSON text
   */
  public static String writeCompactJson(JsonNode node) {
    try {
      return COMPACT_JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new ClusterStacksException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads exactly one JSON object with the SDK's strict JSON reader: duplicate keys, trailing content,
   * NaN and infinities, input beyond 16 MiB or nesting beyond 100 levels, and non-objects are refused;
   * so is every fraction a double cannot hold ({@code 1e400}, {@code 1e-400}), by the YAML reader's rule
   * ({@link io.clusterstacks.core.internal.Values#fraction}), each with its path.
   *
   * @param text the JSON text
   * @return the object
   * @throws io.clusterstacks.core.InvalidInputException naming line and column, never quoting the input
   *     (a refused number is shown, shortened)
   */
  public static ObjectNode readOneJsonObject(String text) {
    JsonNode n;
    try {
      n = StrictJson.parse(text, "the JSON text", StrictJson.Limits.MANIFEST);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.under("json").problems());
    }
    if (!n.isObject()) {
      throw new InvalidInputException(List.of(Problem.of("json", n.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          "a Kubernetes object is a JSON object with apiVersion, kind and metadata")));
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode read = asYamlReadsNumbers(n, "json", problems);
    InvalidInputException.throwIfAny(problems);
    return (ObjectNode) read;
  }

  /**
   * Fractions as the YAML reader keeps them: a double, by the same rule
   * ({@link io.clusterstacks.core.internal.Values#fraction}), so the same document read from JSON and
   * from YAML gives equal trees or the same refusal. Every refused number is collected with its path.
   */
  private static JsonNode asYamlReadsNumbers(JsonNode n, String path, List<Problem> problems) {
    List<Object> at = new ArrayList<>();
    at.add(path);
    return asYamlReadsNumbers(n, at, problems);
  }

  /** The path is kept as segments (a key as a String, an index as an Integer) and joined only for a problem. */
  private static JsonNode asYamlReadsNumbers(JsonNode n, List<Object> at, List<Problem> problems) {
    if (n.isContainerNode()) {
      if (n.isObject()) {
        ((ObjectNode) n).properties().forEach(e -> {
          at.add(e.getKey());
          e.setValue(asYamlReadsNumbers(e.getValue(), at, problems));
          at.remove(at.size() - 1);
        });
      } else {
        ArrayNode a = (ArrayNode) n;
        for (int i = 0; i < a.size(); i++) {
          at.add(i);
          a.set(i, asYamlReadsNumbers(a.get(i), at, problems));
          at.remove(at.size() - 1);
        }
      }
      return n;
    }
    if (n.isBigDecimal()) {
      try {
        return NODES.numberNode(io.clusterstacks.core.internal.Values.fraction(() -> joined(at),
            n.decimalValue().toString(), n.doubleValue()));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
        return n;
      }
    }
    return n;
  }

  private static String joined(List<Object> at) {
    StringBuilder sb = new StringBuilder();
    for (Object o : at) {
      if (o instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(o);
      }
    }
    return sb.toString();
  }

  /**
   * Reads every document of a multi-document YAML text; empty documents are skipped.
   *
   * @param text the YAML
   * @return the documents, in order
   * @throws ManifestParseException with the line and column when the YAML is malformed
   */
  public static List<JsonNode> readAll(String text) {
    io.clusterstacks.core.internal.YamlDocuments.Result r = io.clusterstacks.core.internal.YamlDocuments.read(text);
    r.failure().ifPresent(f -> {
      if (f.problem() != null) {
        // a value refused by a rule: its path inside the document, below the document's index
        throw new ManifestParseException(List.of(f.problem().under("documents[" + r.documents().size() + "]")));
      }
      throw new ManifestParseException(List.of(Problem.of("yaml", f.where(), "fix the YAML: " + f.message())));
    });
    return r.documents();
  }

  /**
   * A copy without null fields (as the API server prunes them) and with integral numbers as longs,
   * for semantic comparison.
   *
   * @param node the tree
   * @return the normalised copy
   */
  public static JsonNode normalize(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          JsonNode v = normalize(e.getValue());
          if (LIST_MAPS.contains(e.getKey()) && v.isArray()) {
            v = sortByName((ArrayNode) v);
          }
          o.set(e.getKey(), v);
        }
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = NODES.arrayNode();
      for (JsonNode e : node) {
        a.add(normalize(e));
      }
      return a;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? NODES.numberNode(node.longValue()) : NODES.numberNode(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return NODES.numberNode(node.decimalValue().stripTrailingZeros());
    }
    return node.deepCopy();
  }

  /** CAPI list-map fields keyed by name (order is not significant to the API server). */
  private static final java.util.Set<String> LIST_MAPS = java.util.Set.of("variables", "overrides");

  private static JsonNode sortByName(ArrayNode a) {
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode e : a) {
      if (!e.isObject() || !e.path("name").isTextual()) {
        return a;
      }
      items.add(e);
    }
    items.sort(java.util.Comparator.comparing(e -> e.path("name").textValue()));
    ArrayNode out = NODES.arrayNode();
    items.forEach(out::add);
    return out;
  }

  /**
   * Converts a normalised Java value (String, Long, Double, Boolean, List, Map) to a tree.
   *
   * @param value the value
   * @return the tree
   */
  public static JsonNode toNode(Object value) {
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode((long) i);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode();
      for (Object o : l) {
        a.add(toNode(o));
      }
      return a;
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
      }
      return o;
    }
    throw new ClusterStacksException("cannot render a value of type " + value.getClass().getSimpleName());
  }
}
