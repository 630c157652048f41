package io.clusterstacks.core.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.internal.LifecycleOrder;
import io.clusterstacks.core.manifest.internal.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered set of Kubernetes objects plus the notices that go with them.
 *
 * <p>{@link #toYaml()} and {@link #toJson()} are deterministic: the same documents give the same
 * bytes (stable key order, version-like strings quoted, no timestamps).
 *
 * <p>The contract with a Kubernetes client (sdk-kubernetes, sdk-lifecycle, or your own): every
 * document has a stable {@link ManifestDocument#id() identity}; {@link #applyOrder()} says in which
 * steps to apply them and what to wait for in between, {@link #deletePlan()} how to delete them so
 * that Cluster API, the cluster stack operator and the providers' finalizers can do their part. Both
 * depend on API groups and kinds only, not on any CRD being installed; {@link ManifestPhase} explains
 * the order.
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
   * @param documents the documents, in render order
   * @param notices the notices
   * @return the manifests
   * @throws InvalidInputException when an argument or an element is null
   */
  public static Manifests of(List<ManifestDocument> documents, List<Notice> notices) {
    InvalidInputException.requireArgument(documents, "documents");
    InvalidInputException.requireArgument(notices, "notices");
    for (int i = 0; i < documents.size(); i++) {
      InvalidInputException.requireArgument(documents.get(i), "documents[" + i + "]");
    }
    for (int i = 0; i < notices.size(); i++) {
      InvalidInputException.requireArgument(notices.get(i), "notices[" + i + "]");
    }
    return new Manifests(documents, notices);
  }

  /**
   * The documents, in the order they were rendered or read (see {@link #applyOrder()} for the order
   * to apply them in).
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
   * @param code e.g. {@link Notice.Code#RAW_MODE_NO_ADDONS}
   * @return true when present
   */
  public boolean hasNotice(Notice.Code code) {
    InvalidInputException.requireArgument(code, "code");
    return notices.stream().anyMatch(n -> n.code() == code);
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
   * The document with an id.
   *
   * @param id the id (all five parts compared)
   * @return the document, if present
   */
  public Optional<ManifestDocument> find(DocumentId id) {
    InvalidInputException.requireArgument(id, "id");
    return documents.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * The ids of the documents.
   *
   * @return the ids, in document order
   */
  public List<DocumentId> ids() {
    return documents.stream().map(ManifestDocument::id).toList();
  }

  /**
   * How to apply the documents: one step per {@link ManifestPhase} that has documents, in phase
   * order (namespaces, Secrets and ConfigMaps, ClusterStacks, templates and other referenced objects,
   * objects the Cluster will own, the Cluster last), each with what to wait for before the next
   * (the ClusterStackReleases ready after the ClusterStacks; the Clusters ready at the end). Within a
   * step, documents keep their order, except that a CSPO release template precedes the ClusterStack
   * pointing at it.
   *
   * @return the steps; every document is in exactly one
   */
  public List<ApplyStep> applyOrder() {
    return LifecycleOrder.applyOrder(documents);
  }

  /**
   * How to delete the objects, following Cluster API ownership:
   * <ol>
   *   <li>the Clusters, then wait until they are gone (CAPI deletes what it owns; deleting owned objects
   *       first only makes the topology controller create them again);</li>
   *   <li>objects the Cluster owns in raw CAPI mode that are still there;</li>
   *   <li>the objects it does not own: templates, ORC objects, ClusterResourceSets;</li>
   *   <li>the ClusterStacks and CSPO templates, guarded by {@link DeleteGuard.Type#NO_CLUSTER_USES_CLASSES}
   *       (the cluster stack operator refuses otherwise);</li>
   *   <li>Secrets and ConfigMaps last (the providers' finalizers need the credentials);</li>
   *   <li>namespaces, guarded by {@link DeleteGuard.Type#NAMESPACE_EMPTY}.</li>
   * </ol>
   * Each step waits until its objects are gone. Steps without objects are left out.
   *
   * @return the steps
   */
  public List<DeleteStep> deletePlan() {
    return LifecycleOrder.deletePlan(documents);
  }

  /**
   * These manifests followed by others (notices are joined too).
   *
   * @param other more manifests
   * @return the combination
   */
  public Manifests plus(Manifests other) {
    InvalidInputException.requireArgument(other, "other");
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
