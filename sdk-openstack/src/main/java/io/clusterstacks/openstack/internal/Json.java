package io.clusterstacks.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** The module's one JSON mapper and small helpers. */
public final class Json {
  /** The mapper. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * Parses JSON text; an empty text or non-JSON gives an empty object.
   *
   * @param text the text
   * @return the tree
   */
  public static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      return MAPPER.createObjectNode();
    }
  }

  /**
   * A new object node.
   *
   * @return the node
   */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Writes a tree as text.
   *
   * @param node the tree
   * @return the text
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The error message of an OpenStack error body, whatever the service's style
   * ({@code {"forbidden":{"message":..}}}, {@code {"error":{"message":..}}}, {@code faultstring},
   * {@code NeutronError}, plain text).
   *
   * @param body the body text
   * @return the message, possibly empty, at most 500 characters
   */
  public static String errorMessage(String body) {
    JsonNode n = parse(body);
    String m = "";
    if (n.isObject() && n.size() > 0) {
      if (n.hasNonNull("faultstring")) {
        m = n.get("faultstring").asText();
      } else if (n.hasNonNull("message")) {
        m = n.get("message").asText();
      } else {
        Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
        while (it.hasNext() && m.isEmpty()) {
          JsonNode v = it.next().getValue();
          if (v.isObject() && v.hasNonNull("message")) {
            m = v.get("message").asText();
          } else if (v.isTextual()) {
            m = v.asText();
          }
        }
      }
    } else if (!body.isBlank() && !body.stripLeading().startsWith("<")) {
      m = body.strip();
    } else if (body.contains("<title>")) {
      int a = body.indexOf("<title>") + 7;
      int b = body.indexOf("</title>", a);
      m = b > a ? body.substring(a, b).strip() : "";
    }
    m = m.replaceAll("\\s+", " ").strip();
    return m.length() > 500 ? m.substring(0, 500) + "…" : m;
  }
}
