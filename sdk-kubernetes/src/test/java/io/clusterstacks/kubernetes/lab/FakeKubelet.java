package io.clusterstacks.kubernetes.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the kubelet, which does not run in the lab (no container runtime, no kubelet binary): it
 * registers Nodes, posts their {@code Ready} condition, renews their Leases in {@code kube-node-lease}
 * every {@link Builder#leaseRenewInterval(Duration) 10 s} (the lab's controller-manager keeps the
 * default {@code --node-monitor-grace-period} of 40 s, so without renewal the nodes turn
 * {@code Ready=Unknown} and get the {@code unreachable} taint), and, for pods bound to its nodes, does
 * what a kubelet would once the containers have stopped: it finishes their graceful deletion (DELETE
 * with {@code gracePeriodSeconds: 0}) and reports new pods {@code Running} and {@code Ready}.
 *
 * <p>What it does not play: containers, logs, exec, probes, volumes, pod networking (the pod IP is
 * made up), node-pressure eviction. Every test that uses it says so through this class's log line.
 * {@link #close()} stops it and deletes its Nodes and Leases.
 */
public final class FakeKubelet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FakeKubelet.class);
  private static final DateTimeFormatter MICRO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);
  /** Label on every Node this class makes; its value is {@link #id()}, unique per instance. */
  public static final String LABEL = "clusterstacks.io/fake-kubelet";

  private final LabHttp http;
  private final Map<String, Map<String, String>> nodes;
  private final Map<String, String> capacity;
  private final Duration leaseInterval;
  private final Duration podInterval;
  private final boolean runPods;
  private final boolean finishDeletions;
  private final Set<String> silenced = ConcurrentHashMap.newKeySet();
  private final Map<String, String> nodeUids = new ConcurrentHashMap<>();
  private final AtomicInteger leaseRenewals = new AtomicInteger();
  private final AtomicInteger deletionsFinished = new AtomicInteger();
  private final AtomicInteger podsStarted = new AtomicInteger();
  private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
  private final String id = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private ScheduledExecutorService timer;

  private FakeKubelet(Builder b) {
    this.http = b.http;
    this.nodes = new LinkedHashMap<>(b.nodes);
    this.capacity = Map.copyOf(b.capacity);
    this.leaseInterval = b.leaseInterval;
    this.podInterval = b.podInterval;
    this.runPods = b.runPods;
    this.finishDeletions = b.finishDeletions;
  }

  /** A kubelet for the lab's API server, to be configured. */
  public static Builder builder(LabHttp http) {
    return new Builder(http);
  }

  /** Configuration of a {@link FakeKubelet}. */
  public static final class Builder {
    private final LabHttp http;
    private final Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    private final Map<String, String> capacity = new LinkedHashMap<>(Map.of("cpu", "4", "memory", "8Gi", "pods", "110"));
    private Duration leaseInterval = Duration.ofSeconds(10);
    private Duration podInterval = Duration.ofMillis(300);
    private boolean runPods = true;
    private boolean finishDeletions = true;

    private Builder(LabHttp http) {
      this.http = http;
    }

    /** A node with these labels ({@code kubernetes.io/hostname} and the class's label are added). */
    public Builder node(String name, Map<String, String> labels) {
      nodes.put(name, Map.copyOf(labels));
      return this;
    }

    /** Capacity and allocatable of every node (default cpu 4, memory 8Gi, pods 110). */
    public Builder capacity(String cpu, String memory, int pods) {
      capacity.putAll(Map.of("cpu", cpu, "memory", memory, "pods", Integer.toString(pods)));
      return this;
    }

    /** How often the Leases are renewed (default 10 s, the kubelet's own). */
    public Builder leaseRenewInterval(Duration d) {
      leaseInterval = d;
      return this;
    }

    /** Whether pods bound to the nodes are reported Running and Ready (default true). */
    public Builder runPods(boolean on) {
      runPods = on;
      return this;
    }

    /** Whether graceful deletion of pods bound to the nodes is finished (default true). */
    public Builder finishDeletions(boolean on) {
      finishDeletions = on;
      return this;
    }

    /** Registers the nodes, posts them Ready and starts the heartbeats; see {@link FakeKubelet}. */
    public FakeKubelet start() {
      FakeKubelet k = new FakeKubelet(this);
      k.begin();
      return k;
    }
  }

  private void begin() {
    LOG.info("FakeKubelet plays the kubelet (none runs in the lab) for nodes {}: Leases every {} s,"
        + " finishes graceful pod deletion: {}, reports pods Running: {}", nodes.keySet(),
        leaseInterval.toSeconds(), finishDeletions, runPods);
    for (var e : nodes.entrySet()) {
      ObjectNode node = LabHttp.object();
      node.put("apiVersion", "v1").put("kind", "Node");
      ObjectNode labels = node.putObject("metadata").put("name", e.getKey()).putObject("labels");
      labels.put("kubernetes.io/hostname", e.getKey()).put("kubernetes.io/os", "linux")
          .put("kubernetes.io/arch", "amd64").put(LABEL, id);
      e.getValue().forEach(labels::put);
      ObjectNode status = node.putObject("status");
      capacity.forEach(status.putObject("capacity")::put);
      capacity.forEach(status.putObject("allocatable")::put);
      LabHttp.Response r = http.send("POST", "/api/v1/nodes", LabHttp.JSON_TYPE, node);
      if (r.status() == 409) {
        throw new AssertionError("Node " + e.getKey() + " exists already (left by an earlier run?);"
            + " delete it or pick another name");
      }
      nodeUids.put(e.getKey(), r.ok("create Node " + e.getKey()).json().path("metadata").path("uid").asText());
      postReady(e.getKey());
      renewLease(e.getKey());
    }
    timer = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "fake-kubelet");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::heartbeat, leaseInterval.toMillis(), leaseInterval.toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(this::pods, 0, podInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * This instance's id, the value of {@link #LABEL} on its nodes. Other people's tests may run against
   * the same lab at the same time, so pods meant for these nodes select {@code LABEL=id()}.
   */
  public String id() {
    return id;
  }

  /** The node names. */
  public Set<String> nodes() {
    return nodes.keySet();
  }

  /**
   * Waits until the node lifecycle controller has removed the {@code not-ready} taint the
   * {@code TaintNodesByCondition} admission plugin puts on new nodes, so the scheduler uses them.
   */
  public FakeKubelet awaitSchedulable(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    for (String n : nodes.keySet()) {
      while (true) {
        JsonNode taints = http.get("/api/v1/nodes/" + n).ok("get Node " + n).json().path("spec").path("taints");
        if (taints.isMissingNode() || taints.isEmpty()) {
          break;
        }
        if (System.nanoTime() > end) {
          throw new AssertionError("Node " + n + " still has taints after " + timeout + ": " + taints);
        }
        KubernetesLab.sleep(Duration.ofMillis(200));
      }
    }
    return this;
  }

  /** Stops posting anything for this node (a dead kubelet); the controller-manager notices after 40 s. */
  public void stopHeartbeats(String node) {
    silenced.add(node);
    LOG.info("FakeKubelet: heartbeats of node {} stopped", node);
  }

  /** Lease renewals done so far (all nodes). */
  public int leaseRenewals() {
    return leaseRenewals.get();
  }

  /** Pods whose graceful deletion this kubelet finished. */
  public int deletionsFinished() {
    return deletionsFinished.get();
  }

  /** Pods this kubelet reported Running. */
  public int podsStarted() {
    return podsStarted.get();
  }

  /** Requests that failed, newest last (the API server may be restarting; the next round retries). */
  public List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private void heartbeat() {
    for (String n : nodes.keySet()) {
      if (silenced.contains(n)) {
        continue;
      }
      try {
        renewLease(n);
        // A node that went Unknown (heartbeats late, e.g. across a long API-server outage) needs its
        // Ready status posted again: a renewed Lease alone does not turn it back (java-stack.md 3b.3 c).
        JsonNode conds = http.get("/api/v1/nodes/" + n).ok("get Node " + n).json().path("status").path("conditions");
        boolean ready = false;
        for (JsonNode c : conds) {
          ready |= c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True");
        }
        if (!ready) {
          postReady(n);
        }
      } catch (RuntimeException | AssertionError e) {
        note("heartbeat " + n + ": " + e.getMessage());
      }
    }
  }

  private void renewLease(String n) {
    ObjectNode lease = LabHttp.object();
    lease.put("apiVersion", "coordination.k8s.io/v1").put("kind", "Lease");
    ObjectNode meta = lease.putObject("metadata").put("name", n).put("namespace", "kube-node-lease");
    meta.putArray("ownerReferences").addObject().put("apiVersion", "v1").put("kind", "Node").put("name", n)
        .put("uid", nodeUids.get(n));
    lease.putObject("spec").put("holderIdentity", n).put("leaseDurationSeconds", 40)
        .put("renewTime", MICRO.format(Instant.now().truncatedTo(ChronoUnit.MICROS)));
    http.send("PATCH", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + n
        + "?fieldManager=fake-kubelet&force=true", LabHttp.APPLY, lease).ok("renew Lease " + n);
    leaseRenewals.incrementAndGet();
  }

  private void postReady(String n) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode patch = LabHttp.object();
    ObjectNode status = patch.putObject("status");
    ArrayNode conds = status.putArray("conditions");
    conds.addObject().put("type", "Ready").put("status", "True").put("reason", "KubeletReady")
        .put("message", "FakeKubelet of the clusterstacks test lab (no real kubelet runs)")
        .put("lastHeartbeatTime", now).put("lastTransitionTime", now);
    for (String p : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
      conds.addObject().put("type", p).put("status", "False").put("reason", "KubeletHasSufficient" + p.replace("Pressure", ""))
          .put("lastHeartbeatTime", now).put("lastTransitionTime", now);
    }
    status.putArray("addresses").addObject().put("type", "Hostname").put("address", n);
    status.putObject("nodeInfo").put("kubeletVersion", KubernetesLab.VERSION).put("kubeProxyVersion", KubernetesLab.VERSION)
        .put("operatingSystem", "linux").put("architecture", "amd64").put("osImage", "FakeKubelet")
        .put("containerRuntimeVersion", "none://0").put("kernelVersion", "").put("machineID", "")
        .put("systemUUID", "").put("bootID", "");
    http.send("PATCH", "/api/v1/nodes/" + n + "/status", LabHttp.STRATEGIC, patch).ok("post Ready for Node " + n);
  }

  private void pods() {
    try {
      JsonNode list = http.get("/api/v1/pods").ok("list pods").json();
      for (JsonNode pod : list.path("items")) {
        String node = pod.path("spec").path("nodeName").asText("");
        if (!nodes.containsKey(node) || silenced.contains(node)) {
          continue;
        }
        JsonNode meta = pod.path("metadata");
        String path = "/api/v1/namespaces/" + meta.path("namespace").asText() + "/pods/" + meta.path("name").asText();
        if (meta.hasNonNull("deletionTimestamp")) {
          if (finishDeletions) {
            ObjectNode opts = LabHttp.object().put("apiVersion", "v1").put("kind", "DeleteOptions").put("gracePeriodSeconds", 0);
            opts.putObject("preconditions").put("uid", meta.path("uid").asText());
            int s = http.send("DELETE", path, LabHttp.JSON_TYPE, opts).status();
            if (s / 100 == 2) {
              deletionsFinished.incrementAndGet();
              LOG.debug("FakeKubelet finished the graceful deletion of pod {}", path);
            }
          }
        } else if (runPods && !pod.path("status").path("phase").asText().equals("Running")) {
          markRunning(pod, path, node);
        }
      }
    } catch (RuntimeException | AssertionError e) {
      note("pods: " + e.getMessage());
    }
  }

  private void markRunning(JsonNode pod, String path, String node) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode status = LabHttp.object();
    ObjectNode st = status.putObject("status").put("phase", "Running").put("startTime", now)
        .put("hostIP", "192.0.2.1").put("podIP", "198.51.100." + (1 + Math.floorMod(path.hashCode(), 250)));
    ArrayNode conds = st.putArray("conditions");
    for (String t : List.of("Initialized", "Ready", "ContainersReady", "PodScheduled")) {
      conds.addObject().put("type", t).put("status", "True").put("lastTransitionTime", now);
    }
    ArrayNode cs = st.putArray("containerStatuses");
    for (JsonNode c : pod.path("spec").path("containers")) {
      ObjectNode s = cs.addObject().put("name", c.path("name").asText()).put("image", c.path("image").asText())
          .put("imageID", "").put("ready", true).put("started", true).put("restartCount", 0);
      s.putObject("state").putObject("running").put("startedAt", now);
    }
    if (http.send("PATCH", path + "/status", LabHttp.MERGE, status).status() / 100 == 2) {
      podsStarted.incrementAndGet();
      LOG.debug("FakeKubelet reported pod {} Running on {}", path, node);
    }
  }

  private void note(String error) {
    synchronized (errors) {
      errors.add(Instant.now() + " " + error);
      if (errors.size() > 50) {
        errors.remove(0);
      }
    }
  }

  /** Stops the heartbeats and deletes the Nodes and their Leases. */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    for (String n : nodes.keySet()) {
      http.send("DELETE", "/api/v1/nodes/" + n, null, (String) null);
      http.send("DELETE", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/" + n, null, (String) null);
    }
    LOG.info("FakeKubelet stopped; nodes {} deleted", nodes.keySet());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
