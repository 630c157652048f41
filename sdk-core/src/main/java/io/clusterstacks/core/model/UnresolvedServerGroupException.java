package io.clusterstacks.core.model;

import io.clusterstacks.core.ClusterStacksException;

/**
 * A server group that has no ID yet where the output needs one (topology mode always, raw mode for
 * unresolved groups). The message says how to resolve it.
 */
public class UnresolvedServerGroupException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which role, why and how to resolve it
   */
  public UnresolvedServerGroupException(String message) {
    super(message);
  }
}
