package io.clusterstacks.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import io.clusterstacks.openstack.AuthType;
import io.clusterstacks.openstack.CloudConfig;
import io.clusterstacks.openstack.HttpCall;
import io.clusterstacks.openstack.OpenStackApiException;
import io.clusterstacks.openstack.OpenStackAuthenticationException;
import io.clusterstacks.openstack.OpenStackConnectionException;
import io.clusterstacks.openstack.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logged-in session shared by all threads: the token (renewed before it expires and after a 401),
 * the catalog's endpoints, and calls with the SDK's retry and error rules.
 */
public final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);
  private static final int MAX_RETRIES = 2;

  private final CloudConfig config;
  private final Transport transport;
  private final Clock clock;
  private final Consumer<HttpCall> recorder;
  private final Object authLock = new Object();
  private volatile @Nullable Token token;
  private final Map<String, String> endpoints = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile long authentications;

  /**
   * Creates a session; it logs in on the first call.
   *
   * @param config the cloud
   * @param clock the clock for token expiry
   * @param recorder receives every HTTP call
   */
  public Session(CloudConfig config, Clock clock, Consumer<HttpCall> recorder) {
    this.config = config;
    this.clock = clock;
    this.recorder = recorder;
    this.transport = new Transport(config, recorder);
  }

  /**
   * The configuration.
   *
   * @return the cloud
   */
  public CloudConfig config() {
    return config;
  }

  /**
   * The transport, for openstack4j's configuration.
   *
   * @return the transport
   */
  public Transport transport() {
    return transport;
  }

  /**
   * The recorder of HTTP calls.
   *
   * @return the recorder
   */
  public Consumer<HttpCall> recorder() {
    return recorder;
  }

  /**
   * How many times this session logged in.
   *
   * @return the count
   */
  public long authentications() {
    return authentications;
  }

  /**
   * A valid token, logging in again when the current one is close to expiry.
   *
   * @return the token
   */
  public Token token() {
    Token t = token;
    if (t != null && !expiresSoon(t)) {
      return t;
    }
    synchronized (authLock) {
      t = token;
      if (t == null || expiresSoon(t)) {
        if (t != null) {
          LOG.debug("cloud {}: token expires at {}; logging in again", config.name(), t.expiresAt());
        }
        t = authenticate();
        token = t;
        endpoints.clear();
      }
      return t;
    }
  }

  private void invalidate(Token stale) {
    synchronized (authLock) {
      if (token == stale) {
        token = null;
      }
    }
  }

  private boolean expiresSoon(Token t) {
    Duration life = Duration.between(t.issuedAt(), t.expiresAt());
    long marginMs = Math.max(10_000, Math.min(300_000, life.toMillis() / 4));
    return clock.instant().plusMillis(marginMs).isAfter(t.expiresAt());
  }

  private Token authenticate() {
    ObjectNode identity = Json.object();
    ObjectNode auth = Json.object();
    auth.set("identity", identity);
    ArrayNode methods = identity.putArray("methods");
    if (config.authType() == AuthType.APPLICATION_CREDENTIAL) {
      methods.add("application_credential");
      ObjectNode ac = identity.putObject("application_credential");
      config.applicationCredentialId().ifPresent(id -> ac.put("id", id));
      if (config.applicationCredentialId().isEmpty()) {
        ac.put("name", config.applicationCredentialName().orElseThrow());
        ac.set("user", user());
      }
      ac.put("secret", config.applicationCredentialSecret().orElseThrow().reveal());
    } else {
      methods.add("password");
      ObjectNode user = user();
      user.put("password", config.password().orElseThrow().reveal());
      identity.putObject("password").set("user", user);
      ObjectNode project = auth.putObject("scope").putObject("project");
      if (config.projectId().isPresent()) {
        project.put("id", config.projectId().get());
      } else {
        project.put("name", config.projectName().orElseThrow());
        project.set("domain", domain(config.projectDomainId().orElse(null), config.projectDomainName().orElse(null)));
      }
    }
    ObjectNode body = Json.object();
    body.set("auth", auth);
    HttpUrl url = HttpUrl.parse(config.authUrl() + "/auth/tokens");
    if (url == null) {
      throw new io.clusterstacks.core.InvalidInputException(List.of(io.clusterstacks.core.Problem.of(
          "clouds." + config.name() + ".auth.auth_url", config.authUrl(), "use a valid http(s) URL")));
    }
    Transport.Reply r = sendWithConnectRetry("identity", "POST", url, Map.of(), Json.write(body), "/auth/tokens", false);
    authentications++;
    if (r.status() != 201 && r.status() != 200) {
      String who = config.authType() == AuthType.APPLICATION_CREDENTIAL
          ? "application credential " + config.applicationCredentialId().orElse(config.applicationCredentialName().orElse("?"))
          : "user " + config.username().orElse(config.userId().orElse("?")) + " in project "
              + config.projectName().orElse(config.projectId().orElse("?"));
      String fix = r.status() == 401
          ? "Keystone refused the login of " + who + " on cloud " + config.name() + " (" + config.source()
              + "); check the " + (config.authType() == AuthType.APPLICATION_CREDENTIAL ? "secret and that the credential has not expired" : "password, user and project")
          : r.status() >= 500 ? "Keystone failed; retry later and quote the request ID to the provider"
          : "check auth_url, the domain and project of " + who + " on cloud " + config.name();
      throw new OpenStackAuthenticationException("/auth/tokens", r.status(), r.requestId(), scrub(Json.errorMessage(r.body())), fix);
    }
    String id = r.header("x-subject-token");
    JsonNode t = Json.parse(r.body()).path("token");
    if (id == null || id.isEmpty() || !t.isObject()) {
      throw new OpenStackApiException("identity", "POST", "/auth/tokens", r.status(), r.requestId(),
          "no X-Subject-Token or token body", "check that auth_url is Keystone v3 (it usually ends in /v3)");
    }
    List<String> roles = new ArrayList<>();
    t.path("roles").forEach(n -> roles.add(n.path("name").asText()));
    // Renewal follows the local clock: the token lives as long as Keystone says, counted from now, so a
    // skewed local clock neither renews on every call nor uses an expired token.
    Instant kExpires = Instant.parse(t.path("expires_at").asText());
    Instant kIssued = t.hasNonNull("issued_at") ? Instant.parse(t.path("issued_at").asText()) : kExpires.minusSeconds(3600);
    Instant issued = clock.instant();
    Instant expires = issued.plus(Duration.between(kIssued, kExpires));
    Token tok = new Token(Secret.of(id), issued, expires, t.path("project").path("id").asText(""),
        t.path("project").path("name").asText(""), t.path("user").path("id").asText(""), List.copyOf(roles),
        t.path("catalog"), r.body());
    LOG.debug("cloud {}: logged in to project {} as {} (roles {}), token expires {}", config.name(), tok.projectName(),
        tok.userId(), roles, expires);
    return tok;
  }

  private ObjectNode user() {
    ObjectNode user = Json.object();
    if (config.userId().isPresent()) {
      user.put("id", config.userId().get());
    } else {
      user.put("name", config.username().orElseThrow());
      user.set("domain", domain(config.userDomainId().orElse(null), config.userDomainName().orElse(null)));
    }
    return user;
  }

  private static ObjectNode domain(@Nullable String id, @Nullable String name) {
    ObjectNode d = Json.object();
    if (id != null) {
      d.put("id", id);
    } else {
      d.put("name", name == null ? "Default" : name);
    }
    return d;
  }

  /**
   * The endpoint of a service for the configured region and interface.
   *
   * @param type the catalog type, e.g. {@code compute}
   * @return the URL without a trailing slash
   * @throws OpenStackApiException naming the services the catalog has when the type is absent
   */
  public String endpoint(String type) {
    String override = config.endpointOverrides().get(type);
    if (override != null) {
      return override;
    }
    Token t = token();
    String cached = endpoints.get(type);
    if (cached != null) {
      return cached;
    }
    String iface = config.endpointInterface().catalogName();
    String region = config.regionName().orElse(null);
    TreeSet<String> types = new TreeSet<>();
    TreeSet<String> regions = new TreeSet<>();
    for (JsonNode s : t.catalog()) {
      types.add(s.path("type").asText());
      if (!s.path("type").asText().equals(type)) {
        continue;
      }
      for (JsonNode e : s.path("endpoints")) {
        String r = e.path("region_id").asText(e.path("region").asText());
        regions.add(r);
        if (e.path("interface").asText().equals(iface) && (region == null || region.equals(r))) {
          String url = e.path("url").asText();
          while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
          }
          endpoints.put(type, url);
          return url;
        }
      }
    }
    throw new OpenStackApiException("identity", "GET", "catalog", 404, null,
        types.contains(type) ? "no " + iface + " endpoint of " + type + " in region " + region + " (regions: " + regions + ")"
            : "the catalog has no service of type " + type + " (it has " + types + ")",
        types.contains(type) ? "set region_name and interface in clouds.yaml to one the catalog has"
            : "this cloud does not offer " + type + "; the SDK cannot use it there");
  }

  /** One request to a service. */
  public static final class Call {
    final String service;
    final String method;
    final String path;
    final Map<String, String> query = new LinkedHashMap<>();
    @Nullable String body;
    @Nullable ComputeMicroversion microversion;
    @Nullable String absoluteUrl;
    boolean retryIdempotent;

    private Call(String service, String method, String pathAndQuery) {
      this.service = service;
      this.method = method;
      // A query written into the path ("/os-services?binary=nova-compute") becomes query parameters, so
      // the path counted, logged and named in errors is the path alone and the query appears once.
      int q = pathAndQuery.indexOf('?');
      this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
      if (q >= 0) {
        HttpUrl parsed = HttpUrl.parse("http://query.invalid/" + pathAndQuery.substring(q));
        if (parsed != null) {
          for (int i = 0; i < parsed.querySize(); i++) {
            String value = parsed.queryParameterValue(i);
            query.put(parsed.queryParameterName(i), value == null ? "" : value);
          }
        }
      }
      this.retryIdempotent = method.equals("GET");
    }

    /**
     * The catalog type.
     *
     * @return e.g. {@code compute}
     */
    public String service() {
      return service;
    }

    /**
     * The path below the endpoint.
     *
     * @return the path
     */
    public String path() {
      return path;
    }

    /**
     * The compute microversion.
     *
     * @return the microversion, or null
     */
    public @Nullable ComputeMicroversion microversion() {
      return microversion;
    }

    /**
     * A GET.
     *
     * @param service the catalog type
     * @param path the path below the endpoint; a query after {@code ?} becomes query parameters
     * @return the call
     */
    public static Call get(String service, String path) {
      return new Call(service, "GET", path);
    }

    /**
     * A call with any method.
     *
     * @param service the catalog type
     * @param method the method
     * @param path the path below the endpoint; a query after {@code ?} becomes query parameters
     * @return the call
     */
    public static Call of(String service, String method, String path) {
      return new Call(service, method, path);
    }

    /**
     * Adds a query parameter.
     *
     * @param name the name
     * @param value the value
     * @return this call
     */
    public Call query(String name, String value) {
      query.put(name, value);
      return this;
    }

    /**
     * Sets the JSON body.
     *
     * @param json the body
     * @return this call
     */
    public Call body(JsonNode json) {
      this.body = Json.write(json);
      return this;
    }

    /**
     * Sets the compute microversion.
     *
     * @param v the microversion
     * @return this call
     */
    public Call microversion(@Nullable ComputeMicroversion v) {
      this.microversion = v;
      return this;
    }

    /**
     * Calls an absolute URL (a {@code next} link) instead of endpoint + path.
     *
     * @param url the URL
     * @return this call
     */
    public Call absolute(String url) {
      this.absoluteUrl = url;
      return this;
    }
  }

  /**
   * Sends a call and returns its JSON answer, or throws a typed exception for any error status.
   *
   * @param c the call
   * @return the answer's JSON (an empty object for an empty body)
   * @throws OpenStackApiException for an error status
   * @throws OpenStackConnectionException when no answer came (after the safe retries)
   */
  public JsonNode json(Call c) {
    Transport.Reply r = send(c);
    if (r.status() >= 400) {
      throw error(c, r);
    }
    return Json.parse(r.body());
  }

  /**
   * Sends a call and returns the reply, whatever its status.
   *
   * @param c the call
   * @return the reply
   */
  public Transport.Reply send(Call c) {
    boolean reauthed = false;
    while (true) {
      Token t = token();
      HttpUrl url = url(c);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Auth-Token", t.id().reveal());
      if (c.microversion != null && c.service.equals("compute")) {
        headers.put("OpenStack-API-Version", "compute " + c.microversion);
        headers.put("X-OpenStack-Nova-API-Version", c.microversion.toString());
      }
      Transport.Reply r = sendWithConnectRetry(c.service, c.method, url, headers, c.body, c.path, c.retryIdempotent);
      if (r.status() == 401 && !reauthed) {
        LOG.debug("cloud {}: {} {} answered 401; logging in again once", config.name(), c.method, c.path);
        invalidate(t);
        reauthed = true;
        continue;
      }
      return r;
    }
  }

  private HttpUrl url(Call c) {
    String base = c.absoluteUrl != null ? c.absoluteUrl : endpoint(c.service) + c.path;
    HttpUrl u = HttpUrl.parse(base);
    if (u == null) {
      throw new OpenStackApiException(c.service, c.method, c.path, 0, null, "not a URL: " + base,
          "check the service catalog's endpoint for " + c.service);
    }
    HttpUrl.Builder b = u.newBuilder();
    c.query.forEach(b::addQueryParameter);
    return b.build();
  }

  private Transport.Reply sendWithConnectRetry(String service, String method, HttpUrl url, Map<String, String> headers,
      @Nullable String body, String path, boolean idempotent) {
    for (int attempt = 0; ; attempt++) {
      try {
        Transport.Reply r = transport.send(service, method, url, headers, body, path);
        boolean transientStatus = r.status() == 502 || r.status() == 503 || r.status() == 504;
        if (idempotent && transientStatus && attempt < MAX_RETRIES) {
          backoff(attempt);
          continue;
        }
        return r;
      } catch (OpenStackConnectionException e) {
        // Nothing reached the server when the connection failed: safe for any method. After the
        // request was sent (timeout, reset) only idempotent calls are repeated.
        boolean safe = e.kind() == OpenStackConnectionException.Kind.CONNECT_FAILED || (idempotent && e.outcomeUnknown());
        if (!safe || attempt >= MAX_RETRIES) {
          throw e;
        }
        backoff(attempt);
      }
    }
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(200L << (2 * attempt));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new io.clusterstacks.core.ClusterStacksException("interrupted while waiting to retry a cloud call", ie);
    }
  }

  /**
   * The typed exception for an error reply.
   *
   * @param c the call
   * @param r the reply
   * @return the exception
   */
  public OpenStackApiException error(Call c, Transport.Reply r) {
    String msg = scrub(Json.errorMessage(r.body()));
    String fix = switch (r.status()) {
      case 401 -> "the token was refused twice; check the credentials of cloud " + config.name();
      case 403 -> msg.toLowerCase(java.util.Locale.ROOT).contains("quota")
          ? "the project's quota is used up; free resources or ask the provider to raise the quota"
          : "the user of cloud " + config.name() + " lacks the rights for this (policy); use an account with them or ask the cloud's admin";
      case 404 -> "it does not exist (any more) in project " + token().projectName();
      case 406 -> "the cloud does not accept compute microversion " + c.microversion + "; it is too old for this call";
      case 409 -> "it conflicts with the current state; look at the resource and retry";
      case 413 -> "a limit was exceeded; reduce the request or raise the limit";
      default -> r.status() >= 500
          ? "the cloud's " + c.service + " service failed; retry later and quote the request ID to the provider"
          : "the cloud rejected the request";
    };
    return new OpenStackApiException(c.service, c.method, c.path, r.status(), r.requestId(), msg, fix);
  }

  /**
   * Removes the session's secrets and token from a text that came from the cloud.
   *
   * @param text the text
   * @return the text with every secret replaced by {@code <redacted>}
   */
  public String scrub(String text) {
    String out = text;
    for (Secret s : secrets()) {
      if (s.reveal().length() >= 4) {
        out = out.replace(s.reveal(), "<redacted>");
      }
    }
    return out;
  }

  private List<Secret> secrets() {
    List<Secret> out = new ArrayList<>();
    config.password().ifPresent(out::add);
    config.applicationCredentialSecret().ifPresent(out::add);
    Token t = token;
    if (t != null) {
      out.add(t.id());
    }
    return out;
  }

  /**
   * Whether the current token has the admin role.
   *
   * @return true for admins
   */
  public boolean isAdmin() {
    return token().roles().contains("admin");
  }

  @Override
  public void close() {
    transport.close();
  }
}
