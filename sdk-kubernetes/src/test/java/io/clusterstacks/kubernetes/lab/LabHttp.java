package io.clusterstacks.kubernetes.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Exact HTTP requests to the lab's API server with a kubeconfig's bearer token and CA (java.net.http,
 * no Kubernetes client in between), for tests that pin what the server answers and for the fake
 * kubelet and CAPI controller. JSON is read and written with Jackson 2 trees, never fabric8 models.
 * The token is never part of {@link #toString()} or an exception message.
 */
public final class LabHttp {
  /** Jackson 2 mapper for JSON trees. */
  public static final ObjectMapper JSON = new ObjectMapper();
  /** Strategic merge patch (built-in kinds only). */
  public static final String STRATEGIC = "application/strategic-merge-patch+json";
  /** JSON merge patch (RFC 7386). */
  public static final String MERGE = "application/merge-patch+json";
  /** Server-side apply (the body may be JSON, which is YAML). */
  public static final String APPLY = "application/apply-patch+yaml";
  /** Plain JSON. */
  public static final String JSON_TYPE = "application/json";

  private final URI server;
  private final String token;
  private final HttpClient client;

  /** An answer: status, body and headers. */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    /** The body as a JSON tree. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (HTTP " + status + "): " + shorten(body), e);
      }
    }

    /** Fails unless the status is 2xx; returns this. */
    public Response ok(String what) {
      if (status / 100 != 2) {
        throw new AssertionError(what + ": HTTP " + status + " " + shorten(body));
      }
      return this;
    }
  }

  private LabHttp(URI server, String token, HttpClient client) {
    this.server = server;
    this.token = token;
    this.client = client;
  }

  /** A client for {@code server} that trusts only the PEM certificates in {@code caPem}. */
  static LabHttp create(URI server, String caPem, String token) {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      int i = 0;
      for (var cert : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.UTF_8)))) {
        ks.setCertificateEntry("ca" + i++, cert);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return new LabHttp(server, token,
          HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS for " + server + ": " + e.getMessage(), e);
    }
  }

  /** From a kubeconfig's current context: server, certificate-authority-data and token. */
  public static LabHttp fromKubeconfig(String yaml) {
    try {
      JsonNode kc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      String current = kc.path("current-context").asText();
      JsonNode ctx = named(kc.path("contexts"), current).path("context");
      JsonNode cluster = named(kc.path("clusters"), ctx.path("cluster").asText()).path("cluster");
      JsonNode user = named(kc.path("users"), ctx.path("user").asText()).path("user");
      String ca = new String(Base64.getDecoder().decode(cluster.path("certificate-authority-data").asText()),
          StandardCharsets.UTF_8);
      return create(URI.create(cluster.path("server").asText()), ca, user.path("token").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("kubeconfig is not YAML", e);
    }
  }

  private static JsonNode named(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (n.path("name").asText().equals(name)) {
        return n;
      }
    }
    throw new IllegalArgumentException("kubeconfig has no entry named '" + name + "'");
  }

  /** The same server and CA with another bearer token (e.g. a ServiceAccount's). */
  public LabHttp withToken(String otherToken) {
    return new LabHttp(server, otherToken, client);
  }

  /** The API server's base URL. */
  public URI server() {
    return server;
  }

  /** GET. */
  public Response get(String path) {
    return send("GET", path, null, (String) null);
  }

  /** Sends a request; {@code path} starts with '/' and may carry a query. */
  public Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("User-Agent", "clusterstacks-lab-test");
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }

  /** Sends a JSON tree. */
  public Response send(String method, String path, String contentType, JsonNode body) {
    return send(method, path, contentType, body.toString());
  }

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static String shorten(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "... (" + s.length() + " chars)";
  }

  @Override
  public String toString() {
    return "LabHttp[" + server + "]";
  }
}
