package io.clusterstacks.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.ClusterStacksException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Normalises variable values into an immutable, comparable form: String, Long, Double, Boolean,
 * unmodifiable List, unmodifiable key-sorted Map.
 */
public final class Values {
  private Values() {}

  /**
   * Normalises a value.
   *
   * @param value a String, number, Boolean, Collection, Map or Jackson JsonNode
   * @return the normalised value
   * @throws ClusterStacksException for null or unsupported types
   */
  public static Object normalize(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return d.doubleValue();
      }
    }
    if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
        return (long) d;
      }
      return d;
    }
    if (value instanceof JsonNode n) {
      return fromJson(n);
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object o : c) {
        if (o == null) {
          throw new ClusterStacksException("variable value: a list element is null; remove it or give a value");
        }
        out.add(normalize(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        sorted.put(String.valueOf(e.getKey()), normalize(e.getValue()));
      }
      return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
    throw new ClusterStacksException("variable value: got a " + (value == null ? "null" : value.getClass().getSimpleName())
        + "; use a String, number, Boolean, List or Map");
  }

  private static Object fromJson(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return normalize(n.bigIntegerValue());
    }
    if (n.isNumber()) {
      return normalize(n.decimalValue());
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode e : n) {
        if (!e.isNull()) {
          out.add(fromJson(e));
        }
      }
      return Collections.unmodifiableList(out);
    }
    if (n.isObject()) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          sorted.put(e.getKey(), fromJson(e.getValue()));
        }
      }
      return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
    throw new ClusterStacksException("variable value: got JSON " + n.getNodeType() + "; use a string, number, boolean, list or object");
  }

  /**
   * A short description of a value's type, for messages.
   *
   * @param value a normalised value
   * @return e.g. {@code string}
   */
  public static String typeName(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "integer";
    }
    if (value instanceof Double) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List) {
      return "array";
    }
    return "object";
  }
}
