package io.clusterstacks.kubernetes;

import io.clusterstacks.core.ClusterStacksException;
import java.util.List;
import java.util.Optional;

/**
 * The management cluster's API server refused a request, or could not be reached.
 *
 * <p>Carries the HTTP status code (0 when no answer came), the server's {@code Status.reason}, its
 * message and every {@code Status.details.causes[]} entry, structured. Subclasses stand for the answers a
 * caller acts on: {@link InvalidObjectException} (422) and {@link ApplyConflictException} (409 during
 * server-side apply). The message never holds a token, a kubeconfig or Secret data.
 */
public class KubernetesApiException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final transient List<Cause> causes;
  private final transient Optional<ObjectRef> object;

  /**
   * One entry of the server's {@code Status.details.causes}.
   *
   * @param field the field path the server named, e.g. {@code spec.channel}, or ""
   * @param reason the machine-readable reason, e.g. {@code FieldValueNotSupported}, or ""
   * @param message the server's text
   */
  public record Cause(String field, String reason, String message) {
    /** {@code field: message}. */
    @Override
    public String toString() {
      return field.isEmpty() ? message : field + ": " + message;
    }
  }

  /**
   * Creates the exception.
   *
   * @param message a summary naming the object, the status and what to do
   * @param code the HTTP status, 0 when the server did not answer
   * @param reason the server's {@code Status.reason}, or ""
   * @param causes the server's causes, possibly none
   * @param object the object the request was about, if any
   * @param cause the client failure, or null
   */
  public KubernetesApiException(String message, int code, String reason, List<Cause> causes,
      Optional<ObjectRef> object, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.reason = reason;
    this.causes = List.copyOf(causes);
    this.object = object;
  }

  /**
   * The HTTP status code.
   *
   * @return e.g. 422; 0 when the server did not answer
   */
  public int code() {
    return code;
  }

  /**
   * The server's {@code Status.reason}.
   *
   * @return e.g. {@code Invalid}, {@code Conflict}, {@code Forbidden}, or ""
   */
  public String reason() {
    return reason;
  }

  /**
   * Every cause the server listed, in its order.
   *
   * @return the causes, possibly empty
   */
  public List<Cause> causes() {
    return causes;
  }

  /**
   * The object the request was about.
   *
   * @return the object, if the request named one
   */
  public Optional<ObjectRef> object() {
    return object;
  }
}
