package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A condition a client checks before running a {@link DeleteStep}; when it does not hold, the client
 * skips the step (the objects stay, which is not an error).
 */
@Value.Immutable
@SdkStyle
public abstract class DeleteGuard {

  /** What must hold. */
  public enum Type {
    /**
     * No {@code Cluster} uses any of the {@link #classes()} ({@code spec.topology.class} and
     * {@code classNamespace}, or the Cluster's own namespace). The cluster stack operator refuses to
     * delete a ClusterStack while Clusters in its namespace use one of its classes. With no classes
     * listed (a ClusterStack without versions), no Cluster may use any class of the stack.
     */
    NO_CLUSTER_USES_CLASSES,
    /**
     * Nothing but the objects being deleted is left in the namespace: deleting a namespace deletes
     * everything in it, including objects these manifests did not create.
     */
    NAMESPACE_EMPTY
  }

  DeleteGuard() {}

  /**
   * What must hold.
   *
   * @return the type
   */
  public abstract Type type();

  /**
   * The ClusterClasses no Cluster may use, for {@link Type#NO_CLUSTER_USES_CLASSES}.
   *
   * @return the ClusterClass ids (created by the cluster stack operator), empty for other types
   */
  public abstract List<DocumentId> classes();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A guard built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the guard
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static DeleteGuard of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this guard's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    return type() == Type.NAMESPACE_EMPTY ? "only if the namespace is otherwise empty"
        : "only if no Cluster uses " + (classes().isEmpty() ? "a class of the stack" : classes());
  }

  /** Builds a {@link DeleteGuard}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDeleteGuard.Builder {
    Builder() {}
  }
}
