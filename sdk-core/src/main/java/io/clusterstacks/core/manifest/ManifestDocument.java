package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.manifest.internal.Yaml;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes object as a tree: apiVersion, kind, name, namespace and the whole body.
 *
 * <p>Immutable: {@link #tree()} returns a copy. Secret documents print only their identity in
 * {@link #toString()}.
 */
public final class ManifestDocument {
  private final ObjectNode tree;
  private final String apiVersion;
  private final String kind;
  private final String name;
  private final Optional<String> namespace;

  private ManifestDocument(ObjectNode tree) {
    this.tree = tree;
    this.apiVersion = tree.path("apiVersion").asText("");
    this.kind = tree.path("kind").asText("");
    this.name = tree.path("metadata").path("name").asText("");
    JsonNode ns = tree.path("metadata").path("namespace");
    this.namespace = ns.isTextual() ? Optional.of(ns.asText()) : Optional.empty();
  }

  /**
   * Wraps a tree (copied).
   *
   * @param tree a Kubernetes object
   * @return the document
   * @throws ClusterStacksException when the tree is not an object
   */
  public static ManifestDocument of(JsonNode tree) {
    Objects.requireNonNull(tree, "tree");
    if (!tree.isObject()) {
      throw new ClusterStacksException("manifest document: got a " + tree.getNodeType()
          + "; a Kubernetes object is a mapping with apiVersion, kind and metadata");
    }
    return new ManifestDocument(((ObjectNode) tree).deepCopy());
  }

  static ManifestDocument owning(ObjectNode tree) {
    return new ManifestDocument(tree);
  }

  /**
   * The apiVersion.
   *
   * @return e.g. {@code cluster.x-k8s.io/v1beta1}, or "" when missing
   */
  public String apiVersion() {
    return apiVersion;
  }

  /**
   * The kind.
   *
   * @return e.g. {@code Cluster}, or "" when missing
   */
  public String kind() {
    return kind;
  }

  /**
   * The object name.
   *
   * @return the name, or "" when missing
   */
  public String name() {
    return name;
  }

  /**
   * The namespace.
   *
   * @return the namespace, if set
   */
  public Optional<String> namespace() {
    return namespace;
  }

  /**
   * A copy of the tree.
   *
   * @return the object as a mutable copy
   */
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  JsonNode treeView() {
    return tree;
  }

  /**
   * The document as YAML (no {@code ---} marker).
   *
   * @return the YAML text
   */
  public String toYaml() {
    return Yaml.write(tree);
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
    return Yaml.normalize(tree).equals(Yaml.normalize(other.tree));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManifestDocument d && d.tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    return kind + "/" + name + namespace.map(n -> " in " + n).orElse("") + " (" + apiVersion + ")";
  }
}
