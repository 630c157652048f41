package io.clusterstacks.openstack.internal;

import io.clusterstacks.openstack.CloudConfig;
import io.clusterstacks.openstack.HttpCall;
import io.clusterstacks.openstack.OpenStackConnectionException;
import io.clusterstacks.openstack.OpenStackConnectionException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one okhttp client of an SDK client: connection pool, timeouts, CA; every call is counted and
 * logged at DEBUG as method, service, path and status only (no headers, no bodies).
 */
public final class Transport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("io.clusterstacks.openstack.http");
  private static final MediaType JSON = MediaType.get("application/json");

  /** One answer: status, headers (lower-case names) and body text. */
  public record Reply(int status, Map<String, String> headers, String body) {
    /**
     * A header by lower-case name.
     *
     * @param name the name
     * @return the value or null
     */
    public @Nullable String header(String name) {
      return headers.get(name);
    }

    /**
     * The request ID the cloud returned.
     *
     * @return the ID or null
     */
    public @Nullable String requestId() {
      String id = headers.get("x-openstack-request-id");
      if (id == null) {
        id = headers.get("x-compute-request-id");
      }
      return id;
    }
  }

  private final OkHttpClient client;
  private final Consumer<HttpCall> recorder;
  private final Tls.@Nullable Trust trust;

  /**
   * Creates the client.
   *
   * @param config timeouts, CA and verification
   * @param recorder receives every call
   */
  public Transport(CloudConfig config, Consumer<HttpCall> recorder) {
    this.recorder = recorder;
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        // The SDK retries itself (only where safe); okhttp must not repeat a POST on its own.
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .connectionPool(new ConnectionPool(8, 30, TimeUnit.SECONDS));
    Tls.Trust t = null;
    if (!config.verifyTls()) {
      LOG.warn("cloud {}: TLS verification is off (verify: false); use cacert instead outside test clouds", config.name());
      t = Tls.trustAll();
      b.hostnameVerifier((host, session) -> true);
    } else if (config.caCertFile().isPresent()) {
      t = Tls.fromCaFile(config.caCertFile().get());
    }
    if (t != null) {
      b.sslSocketFactory(t.context().getSocketFactory(), t.trustManager());
    }
    this.trust = t;
    this.client = b.build();
  }

  /**
   * The TLS trust in use, for openstack4j's configuration.
   *
   * @return the trust, or null for the JVM's default
   */
  public Tls.@Nullable Trust trust() {
    return trust;
  }

  /**
   * Sends one request and returns whatever status came back.
   *
   * @param service the catalog type, for counting and errors
   * @param method the HTTP method
   * @param url the full URL
   * @param headers the headers (may hold the token: never logged)
   * @param jsonBody the JSON body, or null
   * @param pathForMessages the path below the endpoint, for counting and errors
   * @return the reply
   * @throws OpenStackConnectionException when no answer came
   */
  public Reply send(String service, String method, HttpUrl url, Map<String, String> headers, @Nullable String jsonBody,
      String pathForMessages) {
    Request.Builder rb = new Request.Builder().url(url);
    headers.forEach(rb::header);
    rb.header("Accept", "application/json");
    rb.header("User-Agent", "clusterstacks-sdk-openstack");
    RequestBody body = jsonBody == null
        ? (method.equals("POST") || method.equals("PUT") ? RequestBody.create(JSON, new byte[0]) : null)
        : RequestBody.create(JSON, jsonBody);
    rb.method(method, body);
    String query = url.encodedQuery() == null ? "" : url.encodedQuery();
    // The query is counted and logged from the URL alone; a path for messages never carries it again.
    int q = pathForMessages.indexOf('?');
    String path = q < 0 ? pathForMessages : pathForMessages.substring(0, q);
    long start = System.nanoTime();
    try (Response r = client.newCall(rb.build()).execute()) {
      String text = r.body() == null ? "" : r.body().string();
      Map<String, String> hs = new LinkedHashMap<>();
      for (String n : r.headers().names()) {
        hs.put(n.toLowerCase(java.util.Locale.ROOT), r.header(n));
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      recorder.accept(new HttpCall(service, method, path, query, r.code(), ms, "sdk"));
      if (LOG.isDebugEnabled()) {
        String rid = hs.getOrDefault("x-openstack-request-id", hs.getOrDefault("x-compute-request-id", "-"));
        LOG.debug("{} {} {}{} -> {} in {} ms (request {})", method, service, path,
            query.isEmpty() ? "" : "?" + query, r.code(), ms, rid);
      }
      return new Reply(r.code(), hs, text);
    } catch (IOException e) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      recorder.accept(new HttpCall(service, method, path, query, 0, ms, "sdk"));
      Kind kind = classify(e);
      LOG.debug("{} {} {} -> no answer after {} ms: {}", method, service, path, ms, kind);
      throw new OpenStackConnectionException(service, method, path, kind, fixFor(kind, url), e);
    }
  }

  /**
   * Classifies a transport failure.
   *
   * @param e the failure
   * @return the kind
   */
  public static Kind classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return Kind.CONNECT_FAILED;
      }
      if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
        return Kind.TLS_FAILED;
      }
      if (t instanceof SocketTimeoutException) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        return m.contains("connect") ? Kind.CONNECT_FAILED : Kind.TIMEOUT;
      }
      if (t instanceof InterruptedIOException) {
        return Kind.TIMEOUT;
      }
    }
    return Kind.RESET;
  }

  private static String fixFor(Kind kind, HttpUrl url) {
    return switch (kind) {
      case CONNECT_FAILED -> "check that " + url.host() + ":" + url.port() + " is reachable from here and the service runs";
      case TLS_FAILED -> "give the CA that signed " + url.host() + "'s certificate as cacert in clouds.yaml (or OS_CACERT)";
      case TIMEOUT -> "the service is slow or stuck; raise api_timeout or retry later (a create may have happened: look before retrying)";
      case RESET -> "the connection broke; retry (a create may have happened: look before retrying)";
    };
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
