package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a client waits for after a step of {@link Manifests#applyOrder()} or
 * {@link Manifests#deletePlan()}, before it starts the next step.
 *
 * <p>The SDK only says what to wait for; a client such as sdk-kubernetes decides how long and how
 * often to look.
 */
@Value.Immutable
@SdkStyle
public abstract class WaitCondition {

  /** What must hold for every object of a condition. */
  public enum Type {
    /**
     * The object reports ready: {@code status.ready: true} (CSO ClusterStackRelease, CAPO objects) or a
     * {@code Ready} condition with status {@code True} (CAPI Cluster).
     */
    READY,
    /**
     * The object no longer exists (a get answers 404). An object that never existed, or that the
     * garbage collector removed through an owner reference, counts as gone.
     */
    GONE
  }

  WaitCondition() {}

  /**
   * What must hold.
   *
   * @return the type
   */
  public abstract Type type();

  /**
   * The objects it must hold for; they may be objects the manifests do not contain, such as the
   * ClusterStackReleases the cluster stack operator creates.
   *
   * @return the objects, in order
   */
  public abstract List<DocumentId> objects();

  /**
   * Waits until every object is gone.
   *
   * @param objects the objects
   * @return the condition
   */
  public static WaitCondition gone(List<DocumentId> objects) {
    return builder().type(Type.GONE).objects(objects).build();
  }

  /**
   * Waits until every object is ready.
   *
   * @param objects the objects
   * @return the condition
   */
  public static WaitCondition ready(List<DocumentId> objects) {
    return builder().type(Type.READY).objects(objects).build();
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
   * A condition built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the condition
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static WaitCondition of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this condition's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    return "wait until " + (type() == Type.GONE ? "gone: " : "ready: ") + objects();
  }

  /** Builds a {@link WaitCondition}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableWaitCondition.Builder {
    Builder() {}
  }
}
