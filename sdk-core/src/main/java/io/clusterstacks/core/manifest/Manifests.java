package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.manifest.internal.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered set of Kubernetes objects plus the notices that go with them.
 *
 * <p>{@link #toYaml()} and {@link #toJson()} are deterministic: the same documents give the same
 * bytes (stable key order, version-like strings quoted, no timestamps). Apply the documents in order.
 */
public final class Manifests {
  private final List<ManifestDocument> documents;
  private final List<Notice> notices;

  private Manifests(List<ManifestDocument> documents, List<Notice> notices) {
    this.documents = List.copyOf(documents);
    this.notices = List.copyOf(notices);
  }

  /**
   * Documents and notices.
   *
   * @param documents the documents, in apply order
   * @param notices the notices
   * @return the manifests
   */
  public static Manifests of(List<ManifestDocument> documents, List<Notice> notices) {
    return new Manifests(documents, notices);
  }

  /**
   * The documents, in apply order.
   *
   * @return the documents
   */
  public List<ManifestDocument> documents() {
    return documents;
  }

  /**
   * The notices.
   *
   * @return the notices
   */
  public List<Notice> notices() {
    return notices;
  }

  /**
   * Whether a notice with this code is present.
   *
   * @param code e.g. {@code RAW_MODE_NO_ADDONS}
   * @return true when present
   */
  public boolean hasNotice(String code) {
    return notices.stream().anyMatch(n -> n.code().equals(code));
  }

  /**
   * The documents of one kind.
   *
   * @param kind e.g. {@code OpenStackMachineTemplate}
   * @return those documents, in order
   */
  public List<ManifestDocument> ofKind(String kind) {
    List<ManifestDocument> out = new ArrayList<>();
    for (ManifestDocument d : documents) {
      if (d.kind().equals(kind)) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The document of a kind and name.
   *
   * @param kind the kind
   * @param name the name
   * @return the document, if present
   */
  public Optional<ManifestDocument> find(String kind, String name) {
    return documents.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).findFirst();
  }

  /**
   * Copies of the trees, e.g. for a validator.
   *
   * @return the trees, in order
   */
  public List<JsonNode> trees() {
    List<JsonNode> out = new ArrayList<>();
    for (ManifestDocument d : documents) {
      out.add(d.tree());
    }
    return out;
  }

  /**
   * These manifests followed by others (notices are joined too).
   *
   * @param other more manifests
   * @return the combination
   */
  public Manifests plus(Manifests other) {
    List<ManifestDocument> d = new ArrayList<>(documents);
    d.addAll(other.documents);
    List<Notice> n = new ArrayList<>(notices);
    for (Notice x : other.notices) {
      if (!n.contains(x)) {
        n.add(x);
      }
    }
    return new Manifests(d, n);
  }

  /**
   * Multi-document YAML: each document starts with {@code ---}.
   *
   * @return the YAML text
   */
  public String toYaml() {
    StringBuilder sb = new StringBuilder();
    for (ManifestDocument d : documents) {
      sb.append("---\n").append(Yaml.write(d.treeView()));
    }
    return sb.toString();
  }

  /**
   * A Kubernetes {@code v1 List} with the documents as items, indented JSON.
   *
   * @return the JSON text
   */
  public String toJson() {
    ObjectNode list = Yaml.NODES.objectNode();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    ArrayNode items = list.putArray("items");
    for (ManifestDocument d : documents) {
      items.add(d.treeView());
    }
    return Yaml.writeJson(list);
  }

  @Override
  public String toString() {
    return "Manifests" + documents + (notices.isEmpty() ? "" : " with " + notices.size() + " notice(s)");
  }
}
