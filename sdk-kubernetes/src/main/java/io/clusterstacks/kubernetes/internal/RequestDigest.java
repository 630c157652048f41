package io.clusterstacks.kubernetes.internal;

import io.clusterstacks.kubernetes.RequestObserver;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes each request's method, path and body digest to a {@link RequestObserver}. */
public final class RequestDigest implements Interceptor {
  private final RequestObserver observer;

  /**
   * Over an observer.
   *
   * @param observer the observer
   */
  public RequestDigest(RequestObserver observer) {
    this.observer = observer;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    URI u = request.uri();
    String path = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    String body = request.bodyString();
    String digest = "";
    int len = 0;
    if (body != null && !body.isEmpty()) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      len = bytes.length;
      try {
        digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    observer.onRequest(new RequestObserver.Request(request.method(), path, digest, len));
  }
}
