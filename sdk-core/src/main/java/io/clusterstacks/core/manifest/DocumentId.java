package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The identity of one Kubernetes object: API group, version, kind, namespace and name.
 *
 * <p>A value: two ids are equal when all five parts are. The API server identifies a stored object by
 * group, kind, namespace and name alone (the same object is served in several versions), which
 * {@link #isSameObject(DocumentId)} compares. Parts a document does not have are empty strings (e.g.
 * the core group {@code ""} of {@code v1} Secrets, or a name missing from a hand-written document);
 * validate manifests before applying them.
 */
@Value.Immutable
@SdkStyle
public abstract class DocumentId {

  DocumentId() {}

  /**
   * The API group.
   *
   * @return e.g. {@code cluster.x-k8s.io}, or {@code ""} for the core group ({@code v1})
   */
  public abstract String group();

  /**
   * The API version within the group.
   *
   * @return e.g. {@code v1beta1}
   */
  public abstract String version();

  /**
   * The kind.
   *
   * @return e.g. {@code Cluster}
   */
  public abstract String kind();

  /**
   * The namespace.
   *
   * @return the namespace, empty for cluster-scoped objects and documents that leave it to the client
   */
  public abstract Optional<String> namespace();

  /**
   * The object name.
   *
   * @return e.g. {@code prod}
   */
  public abstract String name();

  /**
   * The {@code apiVersion} field: {@code group/version}, or the version alone for the core group.
   *
   * @return e.g. {@code cluster.x-k8s.io/v1beta1} or {@code v1}
   */
  public String apiVersion() {
    return group().isEmpty() ? version() : group() + "/" + version();
  }

  /**
   * Whether another id names the same stored object (group, kind, namespace and name equal; the
   * version may differ).
   *
   * @param other the other id
   * @return true when the API server would store both as one object
   */
  public boolean isSameObject(DocumentId other) {
    return group().equals(other.group()) && kind().equals(other.kind())
        && namespace().equals(other.namespace()) && name().equals(other.name());
  }

  /**
   * An id from the fields of a document.
   *
   * @param apiVersion e.g. {@code cluster.x-k8s.io/v1beta1} or {@code v1}
   * @param kind e.g. {@code Cluster}
   * @param namespace the namespace, or empty
   * @param name the name
   * @return the id
   * @throws io.clusterstacks.core.InvalidInputException when an argument is null
   */
  public static DocumentId of(String apiVersion, String kind, Optional<String> namespace, String name) {
    io.clusterstacks.core.InvalidInputException.requireArgument(apiVersion, "apiVersion");
    int slash = apiVersion.lastIndexOf('/');
    return builder()
        .group(slash < 0 ? "" : apiVersion.substring(0, slash))
        .version(slash < 0 ? apiVersion : apiVersion.substring(slash + 1))
        .kind(kind)
        .namespace(io.clusterstacks.core.InvalidInputException.requireArgument(namespace, "namespace"))
        .name(name)
        .build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An id built by a function, e.g. {@code DocumentId.of(i -> i.group("").version("v1").kind("Secret").name("openstack"))}.
   *
   * @param spec sets the attributes on a builder
   * @return the id
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static DocumentId of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this id's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The id as {@code apiVersion kind namespace/name}.
   *
   * @return e.g. {@code cluster.x-k8s.io/v1beta1 Cluster tenant-a/prod}
   */
  @Override
  public String toString() {
    return apiVersion() + " " + kind() + " " + namespace().map(n -> n + "/").orElse("") + name();
  }

  /** Builds a {@link DocumentId}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDocumentId.Builder {
    Builder() {}
  }
}
