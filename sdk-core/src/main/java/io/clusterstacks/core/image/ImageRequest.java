package io.clusterstacks.core.image;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.Role;
import io.clusterstacks.core.stack.StackDialect;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What an {@link ImageStrategy} is asked: for which stack dialect, output mode, Kubernetes version,
 * cloud and role flavor it should plan the image.
 */
@Value.Immutable
@SdkStyle
public abstract class ImageRequest {

  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableImageRequest.Builder builder() {
    return ImmutableImageRequest.builder();
  }

  /**
   * Builds a request in one expression.
   *
   * @param spec fills in the builder
   * @return the request
   */
  public static ImageRequest of(Consumer<ImmutableImageRequest.Builder> spec) {
    ImmutableImageRequest.Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * The stack dialect, when the cluster uses a cluster stack (it may force the image name).
   *
   * @return the dialect, or empty for raw CAPI without a stack
   */
  public abstract Optional<StackDialect> dialect();

  /**
   * The output mode; SCS ClusterClasses take no extra bootstrap content, so strategies that add some
   * need raw CAPI mode.
   *
   * @return the mode
   */
  @Value.Default
  public OutputMode mode() {
    return OutputMode.TOPOLOGY;
  }

  /**
   * The Kubernetes version with a {@code v} prefix.
   *
   * @return e.g. {@code v1.34.7}
   */
  public abstract String kubernetesVersion();

  /**
   * The cloud the image must exist in (or be uploaded to).
   *
   * @return the profile
   */
  public abstract CloudProfile cloud();

  /**
   * The role the image is for.
   *
   * @return control plane or worker
   */
  @Value.Default
  public Role role() {
    return Role.CONTROL_PLANE;
  }

  /**
   * The role's flavor, when chosen (for architecture and disk checks).
   *
   * @return the flavor, or empty
   */
  public abstract Optional<CloudFlavor> flavor();

  /**
   * Checks the version format.
   */
  @Value.Check
  protected void check() {
    if (!VERSION.matcher(kubernetesVersion()).matches()) {
      throw new ImageStrategyException("image request kubernetesVersion: got '" + kubernetesVersion()
          + "'; write v<major>.<minor>.<patch>, e.g. v1.34.7");
    }
  }
}
