package io.clusterstacks.core.stack;

import io.clusterstacks.core.ClusterStacksException;

/** A class name, stack version or release that cannot be understood; the message says what is accepted. */
public class StackException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, the value received and how to fix it
   */
  public StackException(String message) {
    super(message);
  }
}
