package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.internal.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a document against a structural schema the way the API server does for
 * {@code fieldValidation=Strict}: prunes non-nullable nulls, applies defaults, then checks types,
 * required fields, unknown fields and value validations, reporting every problem.
 *
 * <p>The document is modified in place (defaults added, nulls dropped); callers pass a copy.
 */
final class SchemaWalker {

  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private final DocContext ctx;
  /** Inside anyOf/allOf/oneOf/not branches: value validations only, no field checks, no mutation. */
  private final boolean valueOnly;

  SchemaWalker(DocContext ctx) {
    this(ctx, false);
  }

  private SchemaWalker(DocContext ctx, boolean valueOnly) {
    this.ctx = ctx;
    this.valueOnly = valueOnly;
  }

  /**
   * Validates a whole document; {@code apiVersion}, {@code kind} and {@code metadata} are left to the
   * caller.
   */
  void walkRoot(ObjectNode doc, SchemaNode root) {
    walkObject(doc, root, FieldPath.ROOT, true);
  }

  void walk(JsonNode node, SchemaNode s, FieldPath path) {
    if (node.isNull()) {
      if (!s.nullable) {
        ctx.add(path, node, typeText(s), "type", "must not be null");
      }
      return;
    }
    if (s.intOrString) {
      if (!(isInteger(node) || node.isTextual())) {
        ctx.add(path, node, "an integer or a string", "type", "must be an integer or a string");
        return;
      }
    } else if (!typeMatches(node, s.type)) {
      ctx.add(path, node, typeText(s), "type", "must be of type " + typeText(s));
      return;
    }
    valueChecks(node, s, path);
    if (node.isObject()) {
      walkObject((ObjectNode) node, s, path, false);
    } else if (node.isArray()) {
      walkArray((ArrayNode) node, s, path);
    }
  }

  private void walkObject(ObjectNode obj, SchemaNode s, FieldPath path, boolean root) {
    if (!valueOnly) {
      pruneNullsAndDefault(obj, s, path);
    }
    for (String r : s.required) {
      if (!obj.has(r)) {
        ctx.add(path.child(r), null, "a value", "required", "required field is missing");
      }
    }
    int size = obj.size();
    if (s.minProperties != null && size < s.minProperties) {
      ctx.add(path, obj, "at least " + s.minProperties + " field(s)" + oneOfNames(s), "minProperties",
          "has " + size + " field(s), needs at least " + s.minProperties);
    }
    if (s.maxProperties != null && size > s.maxProperties) {
      ctx.add(path, obj, "at most " + s.maxProperties + " field(s)" + oneOfNames(s), "maxProperties",
          "has " + size + " fields, allows at most " + s.maxProperties);
    }
    if (valueOnly) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      String key = e.getKey();
      if (root && ROOT_FIELDS.contains(key)) {
        continue;
      }
      SchemaNode ps = s.properties.get(key);
      if (ps != null) {
        walk(e.getValue(), ps, path.child(key));
      } else if (s.additionalProperties != null) {
        walk(e.getValue(), s.additionalProperties, path.child(key));
      } else if (!(s.preserveUnknownFields || s.additionalPropertiesAllowed || s.type == SchemaNode.Type.ANY)) {
        ctx.add(path.child(key), null, knownFields(s), "unknownField",
            "unknown field \"" + key + "\" (strict field validation rejects it)");
      }
    }
  }

  private void pruneNullsAndDefault(ObjectNode obj, SchemaNode s, FieldPath path) {
    List<String> nulls = null;
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      if (e.getValue().isNull()) {
        if (nulls == null) {
          nulls = new ArrayList<>();
        }
        nulls.add(e.getKey());
      }
    }
    if (nulls != null) {
      for (String key : nulls) {
        SchemaNode ps = s.properties.get(key);
        if (ps == null) {
          ps = s.additionalProperties;
        }
        if (ps == null || ps.nullable) {
          continue;
        }
        obj.remove(key);
        if (ps.defaultValue == null) {
          ctx.warn(path.child(key), "null value dropped, as the API server prunes nulls of non-nullable "
              + "fields; omit the key instead");
        }
      }
    }
    if (s.defaultsBelow) {
      for (String name : s.propertyNames) {
        JsonNode def = s.properties.get(name).defaultValue;
        if (def != null && !obj.has(name)) {
          obj.set(name, def.deepCopy());
        }
      }
    }
  }

  private void walkArray(ArrayNode arr, SchemaNode s, FieldPath path) {
    int n = arr.size();
    if (s.minItems != null && n < s.minItems) {
      ctx.add(path, arr, "at least " + s.minItems + " item(s)", "minItems",
          "has " + n + " item(s), needs at least " + s.minItems);
    }
    if (s.maxItems != null && n > s.maxItems) {
      ctx.add(path, arr, "at most " + s.maxItems + " item(s)", "maxItems",
          "has " + n + " items, allows at most " + s.maxItems);
    }
    if (valueOnly) {
      return;
    }
    if (s.items != null) {
      for (int i = 0; i < n; i++) {
        walk(arr.get(i), s.items, path.at(i));
      }
    }
    if ("set".equals(s.listType) && n > 1) {
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < n; i++) {
        if (!seen.add(arr.get(i))) {
          ctx.add(path.at(i), arr.get(i), "unique items", "x-kubernetes-list-type",
              "duplicate entry in a list of type set");
        }
      }
    } else if ("map".equals(s.listType) && n > 1 && !s.listMapKeys.isEmpty()) {
      Set<List<JsonNode>> seen = new HashSet<>();
      for (int i = 0; i < n; i++) {
        JsonNode item = arr.get(i);
        List<JsonNode> key = new ArrayList<>();
        for (String k : s.listMapKeys) {
          key.add(item.path(k));
        }
        if (!seen.add(key)) {
          ctx.add(path.at(i), null, "unique " + s.listMapKeys, "x-kubernetes-list-map-keys",
              "duplicate entry: another item has the same " + s.listMapKeys);
        }
      }
    }
  }

  private void valueChecks(JsonNode node, SchemaNode s, FieldPath path) {
    if (s.enumValues != null && !enumContains(s, node)) {
      ctx.add(path, node, "one of " + enumText(s), "enum", "unsupported value");
    }
    if (node.isTextual()) {
      String v = node.textValue();
      if (s.minLength != null || s.maxLength != null) {
        int len = v.codePointCount(0, v.length());
        if (s.minLength != null && len < s.minLength) {
          ctx.add(path, node, "at least " + s.minLength + " character(s)", "minLength",
              "is " + len + " character(s) long, needs at least " + s.minLength);
        }
        if (s.maxLength != null && len > s.maxLength) {
          ctx.add(path, node, "at most " + s.maxLength + " characters", "maxLength",
              "is " + len + " characters long, allows at most " + s.maxLength);
        }
      }
      if (s.pattern != null && !s.pattern.matcher(v).find()) {
        ctx.add(path, node, "matching " + s.patternSource, "pattern", "does not match the required pattern");
      }
    } else if (node.isNumber()) {
      BigDecimal v = node.decimalValue();
      if (s.minimum != null) {
        int c = v.compareTo(s.minimum);
        if (c < 0 || (c == 0 && s.exclusiveMinimum)) {
          ctx.add(path, node, (s.exclusiveMinimum ? "> " : ">= ") + s.minimum.toPlainString(), "minimum",
              "is below the minimum");
        }
      }
      if (s.maximum != null) {
        int c = v.compareTo(s.maximum);
        if (c > 0 || (c == 0 && s.exclusiveMaximum)) {
          ctx.add(path, node, (s.exclusiveMaximum ? "< " : "<= ") + s.maximum.toPlainString(), "maximum",
              "is above the maximum");
        }
      }
      if (s.multipleOf != null && s.multipleOf.signum() != 0
          && v.remainder(s.multipleOf).signum() != 0) {
        ctx.add(path, node, "a multiple of " + s.multipleOf.toPlainString(), "multipleOf",
            "is not a multiple of " + s.multipleOf.toPlainString());
      }
    }
    if (s.format != null) {
      String allowed = Formats.check(s.format, node);
      if (allowed != null) {
        // "byte" is the OpenAPI name of base64 data; say what the user has to write
        ctx.add(path, node, allowed, "format:" + s.format, "byte".equals(s.format) ? "is not valid base64"
            : "is not a valid " + s.format);
      }
    }
    if (!s.anyOf.isEmpty() && !s.intOrString) {
      boolean any = false;
      for (SchemaNode b : s.anyOf) {
        if (passes(node, b)) {
          any = true;
          break;
        }
      }
      if (!any) {
        ctx.add(path, node, "a value matching at least one alternative", "anyOf", "matches no alternative");
      }
    } else if (!s.anyOf.isEmpty()) {
      // int-or-string: the branches are {type: integer} and {type: string} plus value validations on
      // the branch of the matching type.
      for (SchemaNode b : s.anyOf) {
        if (typeMatches(node, b.type) && b.type != SchemaNode.Type.ANY) {
          new SchemaWalker(ctx, true).valueChecks(node, b, path);
        }
      }
    }
    for (SchemaNode b : s.allOf) {
      new SchemaWalker(ctx, true).walk(node, b, path);
    }
    if (!s.oneOf.isEmpty()) {
      int matches = 0;
      for (SchemaNode b : s.oneOf) {
        if (passes(node, b)) {
          matches++;
        }
      }
      if (matches != 1) {
        ctx.add(path, node, "a value matching exactly one alternative", "oneOf",
            "matches " + matches + " alternatives");
      }
    }
    if (s.not != null && passes(node, s.not)) {
      ctx.add(path, node, "a value not matching the forbidden shape", "not", "matches a forbidden shape");
    }
  }

  private boolean passes(JsonNode node, SchemaNode branch) {
    DocContext probe = new DocContext(ctx.index, ctx.kind, ctx.name, ctx.secret, ctx.engine, new ArrayList<>());
    new SchemaWalker(probe, true).walk(node, branch, FieldPath.ROOT);
    return probe.violations.isEmpty();
  }

  private static String enumText(SchemaNode s) {
    StringBuilder sb = new StringBuilder("[");
    for (JsonNode e : s.enumValues) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(e.isTextual() ? e.textValue() : e.toString());
    }
    return sb.append(']').toString();
  }

  private static boolean enumContains(SchemaNode s, JsonNode node) {
    if (s.enumStrings != null) {
      return node.isTextual() && s.enumStrings.contains(node.textValue());
    }
    for (JsonNode e : s.enumValues) {
      if (e.equals(node) || (e.isNumber() && node.isNumber()
          && e.decimalValue().compareTo(node.decimalValue()) == 0)) {
        return true;
      }
    }
    return false;
  }

  /** An integer in any notation ({@code 3}, {@code 3.0}, {@code 3e9}): the rule the parser shares. */
  static boolean isInteger(JsonNode node) {
    return node.isIntegralNumber() || (node.isFloatingPointNumber() && Values.isWhole(node));
  }

  static boolean typeMatches(JsonNode node, SchemaNode.Type type) {
    return switch (type) {
      case OBJECT -> node.isObject();
      case ARRAY -> node.isArray();
      case STRING -> node.isTextual();
      case INTEGER -> isInteger(node);
      case NUMBER -> node.isNumber();
      case BOOLEAN -> node.isBoolean();
      case ANY -> true;
    };
  }

  private static String typeText(SchemaNode s) {
    if (s.intOrString) {
      return "an integer or a string";
    }
    return switch (s.type) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case INTEGER -> "integer";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ANY -> "any value";
    };
  }

  private static String oneOfNames(SchemaNode s) {
    return s.propertyNames.isEmpty() ? "" : " of " + s.propertyNames;
  }

  private static String knownFields(SchemaNode s) {
    if (s.propertyNames.isEmpty()) {
      return "no fields";
    }
    return "one of the known fields " + s.propertyNames;
  }
}
