package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A CSPO {@code OpenStackClusterStackReleaseTemplate}: lets the cluster stack provider for OpenStack
 * upload the release's node images with the credentials in {@link #identitySecretName()}.
 */
@Value.Immutable
@SdkStyle
public abstract class CspoReleaseTemplate {
  CspoReleaseTemplate() {}

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
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A CspoReleaseTemplate built by a function, e.g. {@code CspoReleaseTemplate.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the cspo release template
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static CspoReleaseTemplate of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this cspo release template's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link CspoReleaseTemplate}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableCspoReleaseTemplate.Builder {
    Builder() {}
  }
}
