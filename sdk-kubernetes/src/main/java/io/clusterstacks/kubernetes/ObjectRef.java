package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.DocumentId;
import io.clusterstacks.core.manifest.ManifestDocument;

/**
 * The identity of one Kubernetes object: apiVersion, kind, namespace and name.
 *
 * @param apiVersion e.g. {@code cluster.x-k8s.io/v1beta1}
 * @param kind e.g. {@code Cluster}
 * @param namespace the namespace, or "" for a cluster-scoped object (or one that takes the default)
 * @param name the object name
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

  /**
   * Checks that every part is given.
   *
   * @param apiVersion the apiVersion
   * @param kind the kind
   * @param namespace the namespace, "" when cluster-scoped
   * @param name the name
   */
  public ObjectRef {
    InvalidInputException.requireArgument(apiVersion, "apiVersion");
    InvalidInputException.requireArgument(kind, "kind");
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(name, "name");
  }

  /**
   * The identity of a manifest document.
   *
   * @param document a document of a plan's manifests
   * @return its identity; namespace "" when the document sets none
   */
  public static ObjectRef of(ManifestDocument document) {
    InvalidInputException.requireArgument(document, "document");
    return new ObjectRef(document.apiVersion(), document.kind(), document.namespace().orElse(""),
        document.name());
  }

  /**
   * The identity sdk-core's manifest contract gives a document.
   *
   * @param id the document's identity
   * @return the same identity; namespace "" when it has none
   */
  public static ObjectRef of(DocumentId id) {
    InvalidInputException.requireArgument(id, "id");
    return new ObjectRef(id.apiVersion(), id.kind(), id.namespace().orElse(""), id.name());
  }

  /**
   * The same object in another namespace.
   *
   * @param ns the namespace
   * @return the moved identity
   */
  public ObjectRef inNamespace(String ns) {
    return new ObjectRef(apiVersion, kind, ns, name);
  }

  /**
   * The API group, "" for the core group.
   *
   * @return e.g. {@code cluster.x-k8s.io}
   */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} when cluster-scoped. */
  @Override
  public String toString() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
