package io.clusterstacks.openstack;

import io.clusterstacks.core.ClusterStacksException;

/**
 * A call got no answer: the connection was refused or reset, TLS failed, or the read timed out.
 *
 * <p>{@link #outcomeUnknown()} says whether the cloud may have carried out the call anyway (the request
 * was sent but no answer came), which matters for creates: the SDK then looks before it retries.
 */
public class OpenStackConnectionException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** What went wrong on the wire. */
  public enum Kind {
    /** No connection could be made (refused, unreachable, DNS). */
    CONNECT_FAILED,
    /** The TLS handshake failed (unknown CA, wrong host name). */
    TLS_FAILED,
    /** The request was sent and no answer came within the read timeout. */
    TIMEOUT,
    /** The connection broke after the request was sent. */
    RESET
  }

  private final transient String service;
  private final transient String method;
  private final transient String path;
  private final transient Kind kind;

  /**
   * Creates the exception.
   *
   * @param service the catalog type
   * @param method the HTTP method
   * @param path the path called
   * @param kind what went wrong
   * @param fix what the caller can do
   * @param cause the transport's exception (its message holds no secret)
   */
  public OpenStackConnectionException(String service, String method, String path, Kind kind, String fix,
      Throwable cause) {
    super(service + " " + method + " " + path + ": " + describe(kind) + " (" + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "); " + fix, cause);
    this.service = service;
    this.method = method;
    this.path = path;
    this.kind = kind;
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case CONNECT_FAILED -> "no connection";
      case TLS_FAILED -> "TLS handshake failed";
      case TIMEOUT -> "no answer within the read timeout";
      case RESET -> "connection broken before the answer";
    };
  }

  /**
   * The service called.
   *
   * @return the catalog type
   */
  public String service() {
    return service;
  }

  /**
   * The HTTP method.
   *
   * @return e.g. {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The path called.
   *
   * @return the path below the endpoint
   */
  public String path() {
    return path;
  }

  /**
   * What went wrong.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether the cloud may have done what was asked although no answer came.
   *
   * @return true for {@link Kind#TIMEOUT} and {@link Kind#RESET}
   */
  public boolean outcomeUnknown() {
    return kind == Kind.TIMEOUT || kind == Kind.RESET;
  }
}
