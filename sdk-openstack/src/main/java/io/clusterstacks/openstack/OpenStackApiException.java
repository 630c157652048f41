package io.clusterstacks.openstack;

import io.clusterstacks.core.ClusterStacksException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A cloud API answered with an error: which call, the HTTP status, the request ID to quote to the
 * provider, the cloud's own message and what to do.
 *
 * <p>The message never holds a token, password or secret, nor a request body.
 */
public class OpenStackApiException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final transient String service;
  private final transient String method;
  private final transient String path;
  private final transient int status;
  private final transient @Nullable String requestId;
  private final transient String cloudMessage;
  private final transient String fix;

  /**
   * Creates the exception.
   *
   * @param service the catalog type, e.g. {@code compute}
   * @param method the HTTP method
   * @param path the path called, without the endpoint
   * @param status the HTTP status
   * @param requestId the request ID the cloud returned, or null
   * @param cloudMessage the cloud's error message, possibly empty
   * @param fix what the caller can do
   */
  public OpenStackApiException(String service, String method, String path, int status, @Nullable String requestId,
      String cloudMessage, String fix) {
    super(render(service, method, path, status, requestId, cloudMessage, fix));
    this.service = service;
    this.method = method;
    this.path = path;
    this.status = status;
    this.requestId = requestId;
    this.cloudMessage = cloudMessage;
    this.fix = fix;
  }

  private static String render(String service, String method, String path, int status, @Nullable String requestId,
      String cloudMessage, String fix) {
    return service + " " + method + " " + path + " answered " + status
        + (cloudMessage.isEmpty() ? "" : ": " + cloudMessage)
        + (requestId == null ? "" : " (request " + requestId + ")") + "; " + fix;
  }

  /**
   * The service called.
   *
   * @return the catalog type, e.g. {@code compute}, {@code identity}
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
   * The path called, below the service's endpoint.
   *
   * @return e.g. {@code /os-server-groups}
   */
  public String path() {
    return path;
  }

  /**
   * The HTTP status.
   *
   * @return e.g. 403
   */
  public int status() {
    return status;
  }

  /**
   * The request ID the cloud returned ({@code X-OpenStack-Request-Id}), to quote to the provider.
   *
   * @return the ID, when the cloud sent one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The cloud's own error message.
   *
   * @return the message, possibly empty
   */
  public String cloudMessage() {
    return cloudMessage;
  }

  /**
   * What the caller can do about it.
   *
   * @return one sentence
   */
  public String fix() {
    return fix;
  }
}
