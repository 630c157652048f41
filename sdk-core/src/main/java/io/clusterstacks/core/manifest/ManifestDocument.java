package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.manifest.internal.Trees;
import io.clusterstacks.core.manifest.internal.Yaml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One Kubernetes object: its {@link #id() identity} and its whole body, immutable.
 *
 * <p>The body is available as YAML ({@link #toYaml()}), as compact JSON ({@link #toJson()}, e.g. for a
 * server-side apply request) and as an unmodifiable {@link #toMap() map view}. No JSON-library type is
 * part of this API on purpose: sdk-core reads and writes with Jackson 2 internally, while the
 * Kubernetes client users pair it with (fabric8 8) is built on Jackson 3; JSON text and plain Java
 * maps convert into either without tying the SDK's public surface to one of them.
 *
 * <p>Secret documents print only their identity in {@link #toString()}.
 */
public final class ManifestDocument {
  private final ObjectNode tree;
  private final DocumentId id;
  private volatile @Nullable Map<String, @Nullable Object> map;

  private ManifestDocument(ObjectNode tree) {
    this.tree = tree;
    JsonNode meta = tree.path("metadata");
    JsonNode ns = meta.path("namespace");
    this.id = DocumentId.of(text(tree.path("apiVersion")), text(tree.path("kind")),
        ns.isTextual() ? Optional.of(ns.textValue()) : Optional.empty(), text(meta.path("name")));
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.textValue() : "";
  }

  /**
   * A document from a map, as a Kubernetes object decodes to plain Java values (maps with string
   * keys, lists, strings, numbers, booleans, null). The map is copied.
   *
   * <p>Maps and lists may nest 100 levels deep (as in the YAML the SDK reads) and hold at most 1,000,000
   * values in all, counting a map or list each time it is reached: a map that contains itself, or lists
   * that share one list many times over, are refused before they are copied.
   *
   * @param object the object, e.g. {@code {apiVersion: v1, kind: Secret, metadata: {...}, ...}}
   * @return the document
   * @throws InvalidInputException when the argument is null, holds a value that is not a JSON value, or
   *     nests or repeats beyond the bounds
   */
  public static ManifestDocument of(Map<String, ?> object) {
    InvalidInputException.requireArgument(object, "object");
    requireBounded(object);
    return new ManifestDocument(Trees.fromMap(object));
  }

  /** How deep maps and lists may nest in {@link #of(Map)}: as deep as the YAML reader allows. */
  static final int MAX_DEPTH = io.clusterstacks.core.internal.YamlDocuments.MAX_DEPTH;

  /** How many values {@link #of(Map)} takes, each map or list counted every time it is reached. */
  static final int MAX_VALUES = 1_000_000;

  // Walks the maps and lists without recursion (a cycle or a deep chain would overflow the stack) and
  // stops at the first bound, so a cycle costs MAX_DEPTH steps and shared lists at most MAX_VALUES.
  private static void requireBounded(Map<?, ?> root) {
    java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
    todo.push(new Object[] {root, 1});
    int seen = 0;
    while (!todo.isEmpty()) {
      Object[] next = todo.pop();
      int depth = (Integer) next[1];
      if (depth > MAX_DEPTH) {
        throw new InvalidInputException(List.of(Problem.of("object", "maps and lists nested deeper than " + MAX_DEPTH
            + " levels", "nest at most " + MAX_DEPTH + " levels; a map or list that contains itself never ends")));
      }
      java.util.Collection<?> children = next[0] instanceof Map<?, ?> m ? m.values() : (java.util.Collection<?>) next[0];
      for (Object c : children) {
        if (++seen > MAX_VALUES) {
          throw new InvalidInputException(List.of(Problem.of("object", "more than " + MAX_VALUES + " values",
              "pass at most " + MAX_VALUES + " values; maps or lists reached more than once count each time")));
        }
        if (c instanceof Map<?, ?> || c instanceof List<?>) {
          todo.push(new Object[] {c, depth + 1});
        }
      }
    }
  }

  /**
   * A document from the JSON text of exactly one object (duplicate keys and trailing content are
   * refused).
   *
   * @param json the JSON text
   * @return the document
   * @throws InvalidInputException when the text is null, not well-formed JSON or not one object
   */
  public static ManifestDocument fromJson(String json) {
    InvalidInputException.requireArgument(json, "json");
    return new ManifestDocument(Yaml.readOneJsonObject(json));
  }

  /**
   * A document from the YAML text of exactly one object (a leading {@code ---} is allowed; a second
   * document is refused; use {@link ManifestParser#parseLenient(String)} for several).
   *
   * @param yaml the YAML text
   * @return the document
   * @throws InvalidInputException when the text is null, malformed, or not exactly one mapping
   */
  public static ManifestDocument fromYaml(String yaml) {
    InvalidInputException.requireArgument(yaml, "yaml");
    List<JsonNode> docs = Yaml.readAll(yaml);
    if (docs.size() != 1) {
      throw new InvalidInputException(List.of(Problem.of("yaml", docs.size() + " documents",
          "pass exactly one YAML document; use ManifestParser.parseLenient for several")));
    }
    return owning(docs.get(0), "yaml");
  }

  static ManifestDocument owning(JsonNode tree, String path) {
    if (!tree.isObject()) {
      throw new InvalidInputException(List.of(Problem.of(path, tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
          "a Kubernetes object is a mapping with apiVersion, kind and metadata")));
    }
    return new ManifestDocument((ObjectNode) tree);
  }

  static ManifestDocument owning(ObjectNode tree) {
    return new ManifestDocument(tree);
  }

  /**
   * The stable identity: group, version, kind, namespace and name.
   *
   * @return the id
   */
  public DocumentId id() {
    return id;
  }

  /**
   * The phase the document is applied in (and from which its delete step follows).
   *
   * @return the phase
   */
  public ManifestPhase phase() {
    return ManifestPhase.of(id);
  }

  /**
   * The apiVersion.
   *
   * @return e.g. {@code cluster.x-k8s.io/v1beta1}, or "" when missing
   */
  public String apiVersion() {
    return id.apiVersion();
  }

  /**
   * The kind.
   *
   * @return e.g. {@code Cluster}, or "" when missing
   */
  public String kind() {
    return id.kind();
  }

  /**
   * The object name.
   *
   * @return the name, or "" when missing
   */
  public String name() {
    return id.name();
  }

  /**
   * The namespace.
   *
   * @return the namespace, if set
   */
  public Optional<String> namespace() {
    return id.namespace();
  }

  /**
   * The whole object as an unmodifiable view of plain Java values: {@code Map<String, Object>} with
   * keys in document order, {@code List<Object>}, {@code String}, {@code Boolean}, {@code Long} for
   * integers ({@code BigInteger} beyond the range of {@code long}), {@code BigDecimal} for other
   * numbers, and {@code null}. Built on first use and kept.
   *
   * @return the view (every nested map and list is unmodifiable too)
   */
  public Map<String, @Nullable Object> toMap() {
    Map<String, @Nullable Object> m = map;
    if (m == null) {
      m = Trees.toMap(tree);
      map = m;
    }
    return m;
  }

  /**
   * The object as compact JSON, keys in document order (deterministic for rendered documents).
   *
   * @return the JSON text, one line
   */
  public String toJson() {
    return Yaml.writeCompactJson(tree);
  }

  /**
   * The document as YAML (no {@code ---} marker), as {@link Manifests#toYaml()} writes it.
   *
   * @return the YAML text
   */
  public String toYaml() {
    return Yaml.write(tree);
  }

  JsonNode treeView() {
    return tree;
  }

  /**
   * Whether another document is the same object as the API server would store it (null fields
   * dropped, numbers compared by value, key order ignored, entries of the CAPI list-maps
   * {@code variables} and {@code overrides} compared by name).
   *
   * @param other the other document
   * @return true when semantically equal
   */
  public boolean semanticallyEquals(ManifestDocument other) {
    InvalidInputException.requireArgument(other, "other");
    return Yaml.normalize(tree).equals(Yaml.normalize(other.tree));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ManifestDocument d && d.tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    return kind() + "/" + name() + namespace().map(n -> " in " + n).orElse("") + " (" + apiVersion() + ")";
  }
}
