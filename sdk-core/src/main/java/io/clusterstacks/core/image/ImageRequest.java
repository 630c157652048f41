package io.clusterstacks.core.image;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackGeneration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What an image strategy is asked: the stack dialect, the output mode, the exact Kubernetes version,
 * the cloud, and the machines the image must boot on (one role's flavor, or several machine shapes).
 */
@Value.Immutable
@SdkStyle
public abstract class ImageRequest {
  ImageRequest() {}

  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

  /**
   * The stack dialect (which ClusterClass generation), if the cluster uses a cluster stack.
   *
   * @return the dialect; empty only in raw CAPI mode without a stack
   */
  public abstract Optional<StackDialect> dialect();

  /**
   * The output mode asked for.
   *
   * @return {@link OutputMode#TOPOLOGY} unless set
   */
  @Value.Default
  public OutputMode mode() {
    return OutputMode.TOPOLOGY;
  }

  /**
   * The exact Kubernetes version.
   *
   * @return e.g. {@code v1.33.4}
   */
  public abstract String kubernetesVersion();

  /**
   * What the SDK knows about the cloud (its images and flavors).
   *
   * @return the cloud profile
   */
  public abstract CloudProfile cloud();

  /**
   * The role the image is for, when the request is for one role.
   *
   * @return control plane unless set
   */
  @Value.Default
  public Role role() {
    return Role.CONTROL_PLANE;
  }

  /**
   * The role's flavor, when chosen (for architecture, disk and RAM checks).
   *
   * @return the flavor, or empty
   */
  public abstract Optional<CloudFlavor> flavor();

  /**
   * The machines the image boots on, each with its flavor and root volume, when the request covers
   * several roles or machine deployments; takes precedence over {@link #flavor()}.
   *
   * @return the machines; each is checked against the image
   */
  public abstract List<NodeShape> nodes();

  /**
   * The machines to check the image against: {@link #nodes()}, or else the role's {@link #flavor()}.
   *
   * @return the machine shapes (empty when no flavor is known)
   */
  public List<NodeShape> shapes() {
    if (!nodes().isEmpty()) {
      return nodes();
    }
    return flavor().map(f -> List.of(NodeShape.of(role().name().toLowerCase(Locale.ROOT).replace('_', '-'), f)))
        .orElse(List.of());
  }

  /**
   * Whether the SDK may switch from topology to raw CAPI mode when the strategy cannot be expressed
   * through the stack's ClusterClass (announced in the plan, with its cost).
   *
   * @return false unless set: an unsupported combination then fails with the supported choices
   */
  @Value.Default
  public boolean allowRawCapiSwitch() {
    return false;
  }

  /**
   * The stack generation of the dialect.
   *
   * @return the generation, or empty without a stack
   */
  public Optional<StackGeneration> generation() {
    return dialect().map(StackDialect::generation);
  }

  /**
   * The same request in another output mode.
   *
   * @param mode the mode
   * @return a copy
   */
  public ImageRequest withMode(OutputMode mode) {
    return builder().from(this).mode(mode).build();
  }

  /**
   * Checks the version format.
   */
  @Value.Check
  void check() {
    if (!VERSION.matcher(kubernetesVersion()).matches()) {
      throw new ImageStrategyException("image request kubernetesVersion: got '" + kubernetesVersion()
          + "'; write v<major>.<minor>.<patch>, e.g. v1.34.7");
    }
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
   * An ImageRequest built by a function, e.g. {@code ImageRequest.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the image request
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static ImageRequest of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this image request's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link ImageRequest}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableImageRequest.Builder {
    Builder() {}
  }
}
