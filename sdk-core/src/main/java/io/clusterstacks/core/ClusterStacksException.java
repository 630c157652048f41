package io.clusterstacks.core;

/**
 * The root of every exception the SDK throws on purpose.
 *
 * <p>It is unchecked, like the AWS SDK's root exception: callers catch the typed subclasses they can
 * act on and let the rest travel. Every message names what was wrong, the value received (never a
 * secret) and how to fix it.
 */
public class ClusterStacksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that explains the problem and its fix.
   *
   * @param message what went wrong and how to fix it
   */
  public ClusterStacksException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps its cause.
   *
   * @param message what went wrong and how to fix it
   * @param cause the underlying failure
   */
  public ClusterStacksException(String message, Throwable cause) {
    super(message, cause);
  }
}
