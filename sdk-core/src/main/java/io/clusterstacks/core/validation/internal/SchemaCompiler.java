package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** Compiles an {@code openAPIV3Schema} JSON tree into {@link SchemaNode}s (patterns pre-compiled). */
public final class SchemaCompiler {

  private SchemaCompiler() {}

  /**
   * Compiles one schema tree.
   *
   * @param json the schema as JSON (descriptions may or may not be present; they are ignored)
   * @return the compiled root node
   */
  public static SchemaNode compile(JsonNode json) {
    SchemaNode n = new SchemaNode();
    String type = json.path("type").asText("");
    n.type = switch (type) {
      case "object" -> SchemaNode.Type.OBJECT;
      case "array" -> SchemaNode.Type.ARRAY;
      case "string" -> SchemaNode.Type.STRING;
      case "integer" -> SchemaNode.Type.INTEGER;
      case "number" -> SchemaNode.Type.NUMBER;
      case "boolean" -> SchemaNode.Type.BOOLEAN;
      default -> SchemaNode.Type.ANY;
    };
    n.nullable = json.path("nullable").asBoolean(false);
    n.intOrString = json.path("x-kubernetes-int-or-string").asBoolean(false);
    n.preserveUnknownFields = json.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    n.embeddedResource = json.path("x-kubernetes-embedded-resource").asBoolean(false);
    boolean defaultsBelow = json.has("default");

    JsonNode props = json.get("properties");
    if (props != null && props.isObject() && !props.isEmpty()) {
      Map<String, SchemaNode> map = new HashMap<>();
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        SchemaNode child = compile(e.getValue());
        map.put(e.getKey(), child);
        names.add(e.getKey());
        defaultsBelow |= child.defaultsBelow;
      }
      names.sort(null);
      n.properties = Map.copyOf(map);
      n.propertyNames = List.copyOf(names);
    }
    JsonNode ap = json.get("additionalProperties");
    if (ap != null) {
      if (ap.isBoolean()) {
        n.additionalPropertiesAllowed = ap.asBoolean();
      } else if (ap.isObject()) {
        n.additionalProperties = compile(ap);
        defaultsBelow |= n.additionalProperties.defaultsBelow;
      }
    }
    JsonNode items = json.get("items");
    if (items != null && items.isObject()) {
      n.items = compile(items);
      defaultsBelow |= n.items.defaultsBelow;
    }
    JsonNode req = json.get("required");
    if (req != null && req.isArray() && !req.isEmpty()) {
      List<String> r = new ArrayList<>();
      req.forEach(x -> r.add(x.asText()));
      n.required = List.copyOf(r);
    }
    if (json.has("default")) {
      n.defaultValue = json.get("default");
    }
    JsonNode en = json.get("enum");
    if (en != null && en.isArray()) {
      List<JsonNode> values = new ArrayList<>();
      Set<String> strings = new HashSet<>();
      boolean allStrings = true;
      for (JsonNode v : en) {
        values.add(v);
        if (v.isTextual()) {
          strings.add(v.asText());
        } else {
          allStrings = false;
        }
      }
      n.enumValues = List.copyOf(values);
      n.enumStrings = allStrings ? Set.copyOf(strings) : null;
    }
    JsonNode pattern = json.get("pattern");
    if (pattern != null && pattern.isTextual()) {
      n.patternSource = pattern.asText();
      n.pattern = compilePattern(n.patternSource);
    }
    n.format = text(json, "format");
    n.minLength = longOrNull(json, "minLength");
    n.maxLength = longOrNull(json, "maxLength");
    n.minItems = longOrNull(json, "minItems");
    n.maxItems = longOrNull(json, "maxItems");
    n.minProperties = longOrNull(json, "minProperties");
    n.maxProperties = longOrNull(json, "maxProperties");
    n.minimum = decimalOrNull(json, "minimum");
    n.maximum = decimalOrNull(json, "maximum");
    n.exclusiveMinimum = json.path("exclusiveMinimum").asBoolean(false);
    n.exclusiveMaximum = json.path("exclusiveMaximum").asBoolean(false);
    n.multipleOf = decimalOrNull(json, "multipleOf");
    n.listType = text(json, "x-kubernetes-list-type");
    JsonNode keys = json.get("x-kubernetes-list-map-keys");
    if (keys != null && keys.isArray()) {
      List<String> k = new ArrayList<>();
      keys.forEach(x -> k.add(x.asText()));
      n.listMapKeys = List.copyOf(k);
    }
    n.anyOf = compileAll(json.get("anyOf"));
    n.allOf = compileAll(json.get("allOf"));
    n.oneOf = compileAll(json.get("oneOf"));
    JsonNode not = json.get("not");
    if (not != null && not.isObject()) {
      n.not = compile(not);
    }
    n.defaultsBelow = defaultsBelow;
    return n;
  }

  private static List<SchemaNode> compileAll(@Nullable JsonNode list) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      return List.of();
    }
    List<SchemaNode> out = new ArrayList<>();
    list.forEach(x -> out.add(compile(x)));
    return List.copyOf(out);
  }

  /**
   * Compiles an ECMA/RE2-style pattern for Java. The CRDs use the common subset; {@code \d} etc. mean
   * ASCII in RE2, which is also Java's default.
   */
  private static Pattern compilePattern(String source) {
    try {
      return Pattern.compile(source);
    } catch (PatternSyntaxException e) {
      // Fall back to a pattern that matches everything, so an exotic upstream regex never blocks users.
      return Pattern.compile("(?s).*");
    }
  }

  private static @Nullable String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static @Nullable Long longOrNull(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isNumber() ? v.asLong() : null;
  }

  private static @Nullable BigDecimal decimalOrNull(JsonNode json, String field) {
    JsonNode v = json.get(field);
    return v != null && v.isNumber() ? v.decimalValue() : null;
  }
}
