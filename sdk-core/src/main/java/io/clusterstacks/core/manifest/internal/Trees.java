package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts between the Jackson trees sdk-core works on and the plain Java values of the public API
 * ({@code ManifestDocument.toMap()} and {@code ManifestDocument.of(Map)}).
 */
public final class Trees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Trees() {}

  /**
   * An unmodifiable deep view of an object tree.
   *
   * @param tree the object
   * @return maps (document key order), lists, strings, booleans, Long/BigInteger, BigDecimal, null
   */
  public static Map<String, @Nullable Object> toMap(ObjectNode tree) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = tree.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), toValue(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static @Nullable Object toValue(JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT:
        return toMap((ObjectNode) n);
      case ARRAY: {
        List<@Nullable Object> out = new ArrayList<>(n.size());
        for (JsonNode e : n) {
          out.add(toValue(e));
        }
        return Collections.unmodifiableList(out);
      }
      case STRING:
        return n.textValue();
      case BOOLEAN:
        return n.booleanValue();
      case NUMBER:
        if (n.isIntegralNumber()) {
          return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        return n.decimalValue();
      default:
        return null;
    }
  }

  /**
   * A fresh object tree from a map of plain Java values.
   *
   * @param object the map
   * @return the tree
   * @throws InvalidInputException listing every value that is not a JSON value (with its path)
   */
  public static ObjectNode fromMap(Map<String, ?> object) {
    List<Problem> problems = new ArrayList<>();
    ObjectNode out = object(object, "object", problems);
    InvalidInputException.throwIfAny(problems);
    return out;
  }

  private static ObjectNode object(Map<?, ?> m, String path, List<Problem> problems) {
    ObjectNode o = NODES.objectNode();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        problems.add(Problem.of(path, Names.shown(String.valueOf(e.getKey())), "use string keys only, as JSON objects have"));
        continue;
      }
      o.set(k, node(e.getValue(), path + "." + k, problems));
    }
    return o;
  }

  private static JsonNode node(@Nullable Object v, String path, List<Problem> problems) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).intValue());
    }
    if (v instanceof Long l) {
      return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? node(b.longValue(), path, problems) : NODES.numberNode(b);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        problems.add(Problem.of(path, String.valueOf(d), "use a finite number; JSON has no NaN or infinity"));
        return NODES.nullNode();
      }
      return NODES.numberNode(d);
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (v instanceof Map<?, ?> m) {
      return object(m, path, problems);
    }
    if (v instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode(l.size());
      int i = 0;
      for (Object e : l) {
        a.add(node(e, path + "[" + i++ + "]", problems));
      }
      return a;
    }
    problems.add(Problem.of(path, Names.shown(v.getClass().getName()),
        "use a JSON value: Map, List, String, Boolean, a Number or null"));
    return NODES.nullNode();
  }
}
