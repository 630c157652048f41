package io.clusterstacks.core.image;

import java.util.List;

/**
 * The image does not fit a flavor the machines use: wrong CPU architecture (an Arm flavor needs an
 * {@code aarch64} image), or a root disk or RAM below the image's {@code min_disk} / {@code min_ram}.
 */
public class ImageFlavorMismatchException extends ImageStrategyException {
  private static final long serialVersionUID = 1L;

  /** Every mismatch found. */
  private final transient List<String> mismatches;

  /**
   * Creates the exception.
   *
   * @param image the image name
   * @param mismatches every mismatch, one sentence each naming the flavor, the values and the fix
   */
  public ImageFlavorMismatchException(String image, List<String> mismatches) {
    super("image " + image + " does not fit the flavors:\n  " + String.join("\n  ", mismatches));
    this.mismatches = List.copyOf(mismatches);
  }

  /**
   * Every mismatch found: a finding about the cloud's image and flavors, so sentences rather than the
   * {@link io.clusterstacks.core.Problem}s of bad input.
   *
   * @return one sentence per mismatch, naming the flavor, the values and the fix
   */
  public List<String> mismatches() {
    return mismatches;
  }
}
