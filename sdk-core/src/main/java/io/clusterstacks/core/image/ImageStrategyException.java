package io.clusterstacks.core.image;

import io.clusterstacks.core.ClusterStacksException;

/**
 * An image strategy cannot deliver what was asked; the subclasses say why.
 *
 * <p>Every message names what was asked, the value received and the choices that would work.
 *
 * <p>This family means "unsupported here", not "bad input", so it is not an
 * {@link io.clusterstacks.core.InvalidInputException}: each value on its own is well-formed, but the
 * strategy cannot serve the combination on this cloud or with this stack.
 * <ul>
 *   <li>{@link ImageNotFoundException}: the cloud profile lacks the image (candidates listed);</li>
 *   <li>{@link ImageFlavorMismatchException}: the image does not fit a flavor the machines use;</li>
 *   <li>{@link UnsupportedCombinationException}: the strategy does not work with the dialect and mode;</li>
 *   <li>{@link UnsupportedOperatingSystemException}: the operating system cannot become a node;</li>
 *   <li>{@link BootstrapTooLargeException}: a generated bootstrap document exceeds its limit;</li>
 *   <li>{@link UnknownImageStrategyException}: no strategy has the name (names that exist listed);</li>
 *   <li>{@link AmbiguousImageStrategyException}: two providers offer one name (both named).</li>
 * </ul>
 * A malformed value (an image ID that is not a UUID, a blank name) is refused earlier, by the builder
 * that received it, with an {@code InvalidInputException}.
 */
public class ImageStrategyException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and how to fix it
   */
  public ImageStrategyException(String message) {
    super(message);
  }
}
