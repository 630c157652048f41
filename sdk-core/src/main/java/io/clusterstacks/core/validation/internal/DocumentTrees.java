package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the private, mutable tree the engine walks (and applies defaults to) from a document's map
 * view. This copy replaces the deep copy the engine makes of a caller's tree.
 */
public final class DocumentTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DocumentTrees() {}

  /**
   * A fresh tree.
   *
   * @param object a document's map view (maps, lists, strings, booleans, Long, BigInteger,
   *     BigDecimal, null)
   * @return the tree
   */
  public static ObjectNode of(Map<String, ?> object) {
    ObjectNode o = NODES.objectNode();
    for (Map.Entry<String, ?> e : object.entrySet()) {
      o.set(e.getKey(), node(e.getValue()));
    }
    return o;
  }

  @SuppressWarnings("unchecked")
  private static JsonNode node(@Nullable Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Map<?, ?> m) {
      return of((Map<String, ?>) m);
    }
    if (v instanceof List<?> l) {
      ArrayNode a = NODES.arrayNode(l.size());
      for (Object e : l) {
        a.add(node(e));
      }
      return a;
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Long l) {
      return l == l.intValue() ? NODES.numberNode(l.intValue()) : NODES.numberNode(l);
    }
    if (v instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (v instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    throw new IllegalArgumentException("not a value of a document's map view: " + v.getClass().getName());
  }
}
