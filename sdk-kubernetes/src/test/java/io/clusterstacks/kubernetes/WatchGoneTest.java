package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The waiter's handling of a watch the API server ends with 410 Gone ("too old resource version", what a
 * watch resumed after a compaction or an API-server restart gets), against a scripted API server (fabric8's
 * mock web server with a dispatcher of this test): the test decides when each answer changes and when the
 * 410 arrives, which a real server does not let a test do. {@code WaitIT.survivesAnApiServerRestart} shows
 * the same against the lab's real kube-apiserver.
 *
 * <p>The resync interval is 10 minutes and the timeout 30 s, so every change after the first read can only
 * reach the listener through the 410 handling: the re-read it triggers (a change made while no watch was
 * open) and the new watch it opens (a change after that).
 */
class WatchGoneTest {
  static final String GV = "/apis/cluster.x-k8s.io/v1beta1";
  static final String CLUSTERS = GV + "/namespaces/ns/clusters";

  /** The scripted API server: discovery, GET of Cluster ns/c1 (its current status) and watches on it. */
  static final class ScriptedServer extends Dispatcher {
    volatile String status = status("Provisioning", false, 0);
    final List<WebSocket> watches = new CopyOnWriteArrayList<>();
    final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getPath();
      requests.add(request.getMethod() + " " + path);
      if (path.equals(GV)) {
        return json(200, """
            {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"cluster.x-k8s.io/v1beta1","resources":[
             {"name":"clusters","singularName":"cluster","namespaced":true,"kind":"Cluster","verbs":["get","list","watch"]},
             {"name":"clusters/status","singularName":"","namespaced":true,"kind":"Cluster","verbs":["get"]}]}""");
      }
      if (path.startsWith(CLUSTERS + "?") && path.contains("watch=true")) {
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
          @Override
          public void onOpen(WebSocket ws, Response response) {
            watches.add(ws);
            opened.add(ws);
          }
        });
      }
      if (path.equals(CLUSTERS + "/c1") && request.getMethod().equals("GET")) {
        return json(200, cluster(status));
      }
      return json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
    }

    static MockResponse json(int code, String body) {
      return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
    }
  }

  static String status(String phase, boolean cpReady, int workersReady) {
    return """
        {"phase":"%s","infrastructureReady":true,"controlPlaneReady":%s,"v1beta2":{
         "controlPlane":{"desiredReplicas":1,"replicas":1,"readyReplicas":%d,"upToDateReplicas":%d,"availableReplicas":%d},
         "workers":{"desiredReplicas":2,"replicas":2,"readyReplicas":%d,"upToDateReplicas":%d,"availableReplicas":%d}}}"""
        .formatted(phase, cpReady, cpReady ? 1 : 0, cpReady ? 1 : 0, cpReady ? 1 : 0, workersReady, workersReady,
            workersReady);
  }

  static String cluster(String status) {
    return """
        {"apiVersion":"cluster.x-k8s.io/v1beta1","kind":"Cluster","metadata":{"name":"c1","namespace":"ns",
         "resourceVersion":"%d"},"spec":{},"status":%s}""".formatted(System.nanoTime() % 1_000_000, status);
  }

  static String event(String type, String object) {
    return "{\"type\":\"" + type + "\",\"object\":" + object + "}";
  }

  static final String GONE = event("ERROR", """
      {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
       "message":"too old resource version: 17 (4711)","reason":"Expired","code":410}""");

  ScriptedServer script;
  KubernetesMockServer server;
  Path kubeconfig;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    script = new ScriptedServer();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), script, false);
    server.init();
    kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: scripted
          cluster: {server: "%s"}
        users:
        - name: u
          user: {token: scripted-server-token}
        contexts:
        - name: scripted
          context: {cluster: scripted, user: u, namespace: ns}
        current-context: scripted
        """.formatted(server.url("/").replaceAll("/$", "")));
  }

  @AfterEach
  void stop() {
    server.destroy();
  }

  static ProgressEvent next(BlockingQueue<ProgressEvent> events) throws InterruptedException {
    ProgressEvent e = events.poll(20, TimeUnit.SECONDS);
    if (e == null) {
      fail("no progress event within 20 s");
    }
    return e;
  }

  static WebSocket nextWatch(ScriptedServer s) throws InterruptedException {
    WebSocket ws = s.opened.poll(20, TimeUnit.SECONDS);
    if (ws == null) {
      fail("no watch was opened within 20 s; requests: " + s.requests);
    }
    return ws;
  }

  /** Waits for ns/c1 in the background: 30 s timeout, a resync only every 10 minutes, no workload probe. */
  static CompletableFuture<ClusterStatus> startWaiting(ManagementCluster mc, BlockingQueue<ProgressEvent> events) {
    return CompletableFuture.supplyAsync(() -> mc.awaitUsable("ns", "c1", WaitOptions.of(o -> o
        .timeout(Duration.ofSeconds(30)).resyncInterval(Duration.ofMinutes(10)).probeWorkloadApi(false)), events::add));
  }

  @Test
  void aWatchEndedWith410GoneIsReopenedAndWhatChangedMeanwhileIsReadAgain() throws Exception {
    BlockingQueue<ProgressEvent> events = new LinkedBlockingQueue<>();
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kubeconfig).build()) {
      CompletableFuture<ClusterStatus> done = startWaiting(mc, events);
      WebSocket first = nextWatch(script);
      assertEquals("Provisioning", next(events).status().phase());

      // While the first watch is closed by the server with 410, the Cluster moves on: no event tells of it.
      script.status = status("Provisioned", true, 0);
      first.send(GONE);
      ProgressEvent afterGone = next(events);
      assertEquals("Provisioned", afterGone.status().phase(), "the 410 leads to a fresh read");
      assertTrue(afterGone.status().controlPlaneReady());
      assertFalse(done.isDone());

      // Only the reopened watch can tell of the next change.
      WebSocket second = nextWatch(script);
      script.status = status("Provisioned", true, 2);
      second.send(event("MODIFIED", cluster(script.status)));
      ClusterStatus s = done.get(20, TimeUnit.SECONDS);
      assertTrue(s.conditionsReady(), s.toString());
      assertEquals(2, s.workers().ready());
      assertEquals(2, script.watches.size(), "one watch before the 410, one after: " + script.requests);
      assertTrue(events.isEmpty() || events.stream().allMatch(e -> e.status().conditionsReady()), events.toString());
    }
  }

  @Test
  void withoutA410TheWatchIsNotReopened() throws Exception {
    BlockingQueue<ProgressEvent> events = new LinkedBlockingQueue<>();
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(kubeconfig).build()) {
      CompletableFuture<ClusterStatus> done = startWaiting(mc, events);
      WebSocket only = nextWatch(script);
      assertEquals("Provisioning", next(events).status().phase());
      script.status = status("Provisioned", true, 2);
      only.send(event("MODIFIED", cluster(script.status)));
      assertTrue(done.get(20, TimeUnit.SECONDS).conditionsReady());
      assertEquals(1, script.watches.size(), "a watch that delivers events stays open: " + script.requests);
    }
  }
}
