package io.clusterstacks.kubernetes;

import java.util.List;
import java.util.Optional;

/**
 * The API server answered 422 Unprocessable Entity: the object breaks its schema or a built-in rule.
 *
 * <p>{@link #causes()} lists every cause with its field path, as the server sent them, so all of them can
 * be fixed at once. On Kubernetes 1.20 CEL rules and admission webhooks do not run, and unknown fields
 * of custom resources are pruned without a 422; validate offline with sdk-core's {@code CrdValidator}
 * too.
 */
public class InvalidObjectException extends KubernetesApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a summary naming the object and every cause
   * @param reason the server's reason, usually {@code Invalid}
   * @param causes every cause, with its field path
   * @param object the rejected object
   * @param cause the client failure
   */
  public InvalidObjectException(String message, String reason, List<Cause> causes, ObjectRef object,
      Throwable cause) {
    super(message, 422, reason, causes, Optional.of(object), cause);
  }
}
