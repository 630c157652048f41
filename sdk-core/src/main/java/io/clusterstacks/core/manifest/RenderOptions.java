package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Choices for rendering; the defaults render everything needed to apply the cluster. */
@Value.Immutable
@SdkStyle
public abstract class RenderOptions {

  RenderOptions() {}

  /**
   * Whether Secrets carry their data. False for GitOps repositories: Secrets are rendered with
   * name, type and labels only, and a notice lists what to create out of band.
   *
   * @return true unless set
   */
  @Value.Default
  public boolean includeSecretBodies() {
    return true;
  }

  /**
   * Whether the ClusterStack (and its CSPO template) is rendered with the cluster.
   *
   * @return true unless set
   */
  @Value.Default
  public boolean includeClusterStack() {
    return true;
  }

  /**
   * Whether credential Secrets and the ClusterResourceSet are rendered (when credentials are set).
   *
   * @return true unless set
   */
  @Value.Default
  public boolean includeCredentials() {
    return true;
  }

  /**
   * The defaults.
   *
   * @return options rendering everything
   */
  public static RenderOptions defaults() {
    return builder().build();
  }

  /**
   * For GitOps: everything except Secret bodies.
   *
   * @return the options
   */
  public static RenderOptions gitOps() {
    return builder().includeSecretBodies(false).build();
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
   * A RenderOptions built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static RenderOptions of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this value's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds A {@link RenderOptions}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableRenderOptions.Builder {
    Builder() {}
  }
}
