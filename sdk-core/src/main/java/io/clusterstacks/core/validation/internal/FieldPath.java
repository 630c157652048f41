package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A JSON path built lazily while walking (a linked list of segments); rendered as text only when a
 * violation is reported, e.g. {@code spec.topology.workers.machineDeployments[0].replicas}.
 */
public final class FieldPath {

  /** The document root. */
  public static final FieldPath ROOT = new FieldPath(null, null, -1);

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final @Nullable FieldPath parent;
  private final @Nullable String key;
  private final int index;

  private FieldPath(@Nullable FieldPath parent, @Nullable String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /**
   * A child field.
   *
   * @param name the field name
   * @return the path of the field
   */
  public FieldPath child(String name) {
    return new FieldPath(this, name, -1);
  }

  /**
   * A list element.
   *
   * @param i the index
   * @return the path of the element
   */
  public FieldPath at(int i) {
    return new FieldPath(this, null, i);
  }

  /**
   * The first field name below the root.
   *
   * @return the top-level field, or null for the root
   */
  public @Nullable String topField() {
    FieldPath p = this;
    FieldPath below = null;
    while (p.parent != null) {
      below = p;
      p = p.parent;
    }
    return below == null ? null : below.key;
  }

  /**
   * Parses a dotted path (only plain names and {@code [n]} indexes).
   *
   * @param dotted e.g. {@code spec.template.spec.image}
   * @return the path
   */
  public static FieldPath of(String dotted) {
    FieldPath p = ROOT;
    if (dotted.isEmpty()) {
      return p;
    }
    for (String part : dotted.split("\\.")) {
      int b = part.indexOf('[');
      String name = b < 0 ? part : part.substring(0, b);
      if (!name.isEmpty()) {
        p = p.child(name);
      }
      while (b >= 0) {
        int e = part.indexOf(']', b);
        p = p.at(Integer.parseInt(part.substring(b + 1, e)));
        b = part.indexOf('[', e);
      }
    }
    return p;
  }

  /**
   * Finds the node at this path.
   *
   * @param root the document
   * @return the node, or null when a segment is absent or null
   */
  public @Nullable JsonNode resolve(JsonNode root) {
    if (parent == null) {
      return root;
    }
    JsonNode p = parent.resolve(root);
    if (p == null) {
      return null;
    }
    JsonNode n = key != null ? p.get(key) : p.get(index);
    return n == null || n.isNull() ? null : n;
  }

  @Override
  public String toString() {
    Deque<FieldPath> parts = new ArrayDeque<>();
    for (FieldPath p = this; p.parent != null; p = p.parent) {
      parts.push(p);
    }
    StringBuilder sb = new StringBuilder();
    for (FieldPath p : parts) {
      if (p.key == null) {
        sb.append('[').append(p.index).append(']');
      } else if (PLAIN.matcher(p.key).matches()) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(p.key);
      } else {
        sb.append('[').append(p.key).append(']');
      }
    }
    return sb.length() == 0 ? "<root>" : sb.toString();
  }
}
