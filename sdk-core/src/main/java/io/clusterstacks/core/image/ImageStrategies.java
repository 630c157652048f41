package io.clusterstacks.core.image;

import io.clusterstacks.core.image.internal.CapiImageStrategy;

/**
 * The catalogue of built-in image strategies.
 *
 * <pre>{@code
 * ImagePlan plan = ImageStrategies.capiImage().plan(ImageRequest.of(r -> r
 *     .kubernetesVersion("v1.34.7").cloud(CloudProfiles.bundled("scs-reference"))));
 * }</pre>
 */
public final class ImageStrategies {

  private ImageStrategies() {}

  /**
   * The pre-built CAPI image by name ({@code ubuntu-capi-image-v<version>}, scs-0104 recommended): nothing
   * to do at boot, but the provider (or the user) must offer one image per Kubernetes version.
   *
   * @return the strategy
   */
  public static ImageStrategy capiImage() {
    return CapiImageStrategy.INSTANCE;
  }
}
