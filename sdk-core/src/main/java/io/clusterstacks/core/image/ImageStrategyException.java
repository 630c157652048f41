package io.clusterstacks.core.image;

import io.clusterstacks.core.ClusterStacksException;

/**
 * An image strategy cannot deliver what was asked; the subclasses say why.
 *
 * <p>Every message names what was asked, the value received and the choices that would work.
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
