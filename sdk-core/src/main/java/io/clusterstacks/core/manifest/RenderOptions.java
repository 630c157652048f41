package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyleLegacy;
import org.immutables.value.Value;

/** Choices for rendering; the defaults render everything needed to apply the cluster. */
@Value.Immutable
@SdkStyleLegacy
public abstract class RenderOptions {

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
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableRenderOptions.Builder builder() {
    return ImmutableRenderOptions.builder();
  }
}
