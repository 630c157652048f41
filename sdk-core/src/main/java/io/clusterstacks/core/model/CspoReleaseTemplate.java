package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyleLegacy;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A CSPO {@code OpenStackClusterStackReleaseTemplate}: lets the cluster stack provider for OpenStack
 * upload the release's node images with the credentials in {@link #identitySecretName()}.
 */
@Value.Immutable
@SdkStyleLegacy
public abstract class CspoReleaseTemplate {

  /**
   * The object name, referenced by the ClusterStack's {@code providerRef}.
   *
   * @return e.g. {@code cspotemplate}
   */
  public abstract String name();

  /**
   * The namespace (the ClusterStack's).
   *
   * @return the namespace
   */
  public abstract Optional<String> namespace();

  /**
   * The Secret with clouds.yaml ({@code identityRef: {kind: Secret, name}}).
   *
   * @return {@code openstack} unless set
   */
  @Value.Default
  public String identitySecretName() {
    return "openstack";
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCspoReleaseTemplate.Builder builder() {
    return ImmutableCspoReleaseTemplate.builder();
  }
}
