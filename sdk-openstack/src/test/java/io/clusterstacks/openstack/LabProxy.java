package io.clusterstacks.openstack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The tests' own HTTP proxy in front of one real lab service (Keystone, nova-api, Glance): it forwards
 * every request unchanged and can, per request, inject a fault instead, terminate TLS, and record what
 * passed (requests in order, and every X-Subject-Token Keystone issued).
 *
 * <p>It is a plain HTTP/1.1 relay on a socket of its own (so a reset is a real TCP reset), forwarding
 * with the JDK's HTTP client. When the service behind it does not answer (stopped), it answers 503 as a
 * load balancer in front of an API does.
 */
final class LabProxy implements AutoCloseable {
  /** What the proxy does with one request. */
  enum Fault {
    /** Forward it and relay the answer. */
    NONE,
    /** Answer 403 with Nova's quota message; the request never reaches the service. */
    FORBIDDEN,
    /** Forward it (the service acts on it), then answer 500 instead of the service's answer. */
    SERVER_ERROR,
    /** Forward it, then hold the answer past the client's read timeout. */
    DELAY,
    /** Forward it, then reset the TCP connection instead of answering. */
    RESET
  }

  /** Decides the fault for the n-th request (from 1) since the last {@link #reset()}. */
  interface Rule {
    Fault at(int n, String method, String target);
  }

  /** One request that reached the proxy and what became of it. */
  record Exchange(int n, String method, String target, int status, Fault fault) {
    @Override
    public String toString() {
      return n + ": " + method + " " + target + " -> " + (fault == Fault.NONE ? String.valueOf(status) : fault + "");
    }
  }

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "transfer-encoding", "keep-alive", "proxy-connection", "te", "trailer");

  private final URI upstream;
  private final ServerSocket server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "lab-proxy");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger count = new AtomicInteger();
  /** Bumped by {@link #reset()}: a request still in flight from before is not recorded afterwards. */
  private final AtomicInteger epoch = new AtomicInteger();
  private final List<Exchange> exchanges = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Set<String> subjectTokens = ConcurrentHashMap.newKeySet();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile Rule rule = (n, m, t) -> Fault.NONE;
  private volatile Duration delay = Duration.ofSeconds(15);

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param upstream the service's base, e.g. {@code http://127.0.0.1:8774}
   * @param tls the TLS context to terminate TLS with, or null for plain HTTP
   */
  LabProxy(String upstream, SSLContext tls) throws IOException {
    this.upstream = URI.create(upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream);
    InetAddress lo = InetAddress.getLoopbackAddress();
    this.server = tls == null ? new ServerSocket(0, 50, lo) : tls.getServerSocketFactory().createServerSocket(0, 50, lo);
    pool.execute(this::accept);
  }

  static LabProxy plain(String upstream) throws IOException {
    return new LabProxy(upstream, null);
  }

  /** The proxy's base URL with the given scheme's view, e.g. {@code http://127.0.0.1:40123}. */
  String base() {
    return (server instanceof javax.net.ssl.SSLServerSocket ? "https" : "http") + "://127.0.0.1:" + server.getLocalPort();
  }

  /** The URL of the upstream URL {@code url} through this proxy (same path). */
  String via(String url) {
    URI u = URI.create(url);
    return base() + u.getRawPath();
  }

  void rule(Rule r) {
    this.rule = r;
  }

  void delay(Duration d) {
    this.delay = d;
  }

  /** Forgets the requests counted so far and forwards everything again. */
  void reset() {
    rule = (n, m, t) -> Fault.NONE;
    synchronized (exchanges) {
      epoch.incrementAndGet();
      exchanges.clear();
      count.set(0);
    }
  }

  /** The requests since the last {@link #reset()}, in the order they arrived. */
  List<Exchange> exchanges() {
    synchronized (exchanges) {
      List<Exchange> out = new ArrayList<>(exchanges);
      out.sort(java.util.Comparator.comparingInt(Exchange::n));
      return out;
    }
  }

  /** Every X-Subject-Token value that passed (Keystone's issued tokens). */
  Set<String> subjectTokens() {
    return Set.copyOf(subjectTokens);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
          return;
        }
        String[] parts = requestLine.split(" ");
        String method = parts[0];
        String target = parts[1];
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
          int c = h.indexOf(':');
          headers.put(h.substring(0, c).trim(), h.substring(c + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(header(headers, "content-length", "0")));
        int n;
        int e;
        synchronized (exchanges) {
          n = count.incrementAndGet();
          e = epoch.get();
        }
        Fault fault = rule.at(n, method, target);
        if (fault == Fault.FORBIDDEN) {
          record(e, n, method, target, 403, fault);
          respond(out, 403, Map.of("Content-Type", "application/json"), ("{\"forbidden\": {\"code\": 403, \"message\": "
              + "\"Quota exceeded, too many server groups.\"}}").getBytes(StandardCharsets.UTF_8));
          continue;
        }
        HttpResponse<byte[]> r = forward(method, target, headers, body);
        if (r == null) {
          record(e, n, method, target, 503, fault);
          respond(out, 503, Map.of("Content-Type", "text/html"),
              "<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>"
                  .getBytes(StandardCharsets.UTF_8));
          continue;
        }
        r.headers().firstValue("x-subject-token").ifPresent(subjectTokens::add);
        switch (fault) {
          case SERVER_ERROR -> {
            record(e, n, method, target, 500, fault);
            respond(out, 500, Map.of("Content-Type", "application/json"), ("{\"computeFault\": {\"code\": 500, \"message\": "
                + "\"Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log"
                + " if possible.\"}}").getBytes(StandardCharsets.UTF_8));
          }
          case DELAY -> {
            record(e, n, method, target, r.statusCode(), fault);
            Thread.sleep(delay.toMillis());
            relay(out, r);
          }
          case RESET -> {
            record(e, n, method, target, r.statusCode(), fault);
            s.setSoLinger(true, 0);
            return;
          }
          default -> {
            record(e, n, method, target, r.statusCode(), fault);
            relay(out, r);
          }
        }
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client went away (or was reset on purpose): nothing to answer
    } finally {
      open.remove(s);
    }
  }

  private void record(int e, int n, String method, String target, int status, Fault fault) {
    synchronized (exchanges) {
      if (e == epoch.get()) {
        exchanges.add(new Exchange(n, method, target, status, fault));
      }
    }
  }

  private HttpResponse<byte[]> forward(String method, String target, Map<String, String> headers, byte[] body)
      throws InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + target)).timeout(Duration.ofMinutes(5))
        .method(method, body.length == 0 && !method.equals("POST") && !method.equals("PUT")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((k, v) -> {
      if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT))) {
        try {
          b.header(k, v);
        } catch (IllegalArgumentException restricted) {
          // a header the JDK's client sets itself
        }
      }
    });
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return null;
    }
  }

  private static void relay(OutputStream out, HttpResponse<byte[]> r) throws IOException {
    Map<String, String> hs = new LinkedHashMap<>();
    r.headers().map().forEach((k, vs) -> {
      if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
        hs.put(k, String.join(", ", vs));
      }
    });
    respond(out, r.statusCode(), hs, r.body());
  }

  private static void respond(OutputStream out, int status, Map<String, String> headers, byte[] body) throws IOException {
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(status < 400 ? "OK" : "Error").append("\r\n");
    headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String header(Map<String, String> headers, String name, String fallback) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return fallback;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    pool.shutdownNow();
  }
}
