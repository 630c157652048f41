package io.clusterstacks.kubernetes;

/**
 * Sees every HTTP request the SDK sends to the management cluster, e.g. to count them or to check that
 * a repeated apply sends the same request.
 *
 * <p>It gets the method, the path with its query and a SHA-256 digest of the body, never the body
 * itself, headers or credentials. It is called on the client's I/O threads: keep it quick and
 * thread-safe.
 */
@FunctionalInterface
public interface RequestObserver {

  /**
   * One request as sent.
   *
   * @param method e.g. {@code PATCH}
   * @param pathAndQuery e.g. {@code /api/v1/namespaces/ns/secrets/s?fieldManager=clusterstacks-sdk}
   * @param bodySha256 hex SHA-256 of the body, "" when it has none
   * @param bodyLength the body length in UTF-8 bytes, 0 when it has none
   */
  record Request(String method, String pathAndQuery, String bodySha256, int bodyLength) {}

  /**
   * Called before each request is sent.
   *
   * @param request the request
   */
  void onRequest(Request request);
}
