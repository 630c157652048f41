package io.clusterstacks.kubernetes.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The project's own Kubernetes control plane for integration tests: etcd, kube-apiserver,
 * kube-controller-manager and kube-scheduler v1.20.2 built from Debian's source package and started on
 * 127.0.0.1 by {@code lab/kubernetes/ensure} (see {@code lab/kubernetes/README.md}). No kubelet and no
 * Cluster API controller run there; {@link FakeKubelet} and {@link FakeCapiController} play those parts.
 *
 * <p>The connection files are read from the directory in the system property
 * {@value #DIR_PROPERTY} (default {@value #DEFAULT_DIR}). When they are missing or the API server does
 * not answer, {@link #get()} fails the test with a message naming {@code ./bin/test-all}: an integration
 * test never skips silently.
 */
public final class KubernetesLab {
  /** System property naming the lab's state directory. */
  public static final String DIR_PROPERTY = "clusterstacks.k8s.lab.dir";
  /** Where {@code lab/kubernetes/ensure} writes {@code admin.kubeconfig} and {@code lab.env}. */
  public static final String DEFAULT_DIR = "/var/lib/clusterstacks-lab/kubernetes";
  /** The Kubernetes version the lab runs; the tests say so where v1.20 differs from today's. */
  public static final String VERSION = "v1.20.2";

  private static KubernetesLab instance;

  private final Path dir;
  private final Map<String, String> env;
  private final String kubeconfigYaml;
  private final LabHttp http;

  private KubernetesLab(Path dir, Map<String, String> env, String kubeconfigYaml) {
    this.dir = dir;
    this.env = env;
    this.kubeconfigYaml = kubeconfigYaml;
    this.http = LabHttp.fromKubeconfig(kubeconfigYaml);
  }

  /**
   * The running lab; fails (AssertionError) naming {@code ./bin/test-all} when it is not set up or the
   * API server does not answer {@code /readyz} within 60 s (it may be restarting).
   */
  public static synchronized KubernetesLab get() {
    if (instance != null) {
      return instance;
    }
    Path dir = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
    Path kubeconfig = dir.resolve("admin.kubeconfig");
    Path envFile = dir.resolve("lab.env");
    if (!Files.isReadable(kubeconfig) || !Files.isReadable(envFile)) {
      throw new AssertionError("The Kubernetes lab is not set up: " + kubeconfig + " or " + envFile
          + " is missing. Run ./bin/test-all (it runs lab/kubernetes/ensure before the tests), or"
          + " lab/kubernetes/ensure alone; -D" + DIR_PROPERTY + "=<dir> points elsewhere.");
    }
    try {
      KubernetesLab lab = new KubernetesLab(dir, readEnv(envFile), Files.readString(kubeconfig));
      lab.awaitReady(Duration.ofSeconds(60));
      instance = lab;
      return lab;
    } catch (IOException e) {
      throw new AssertionError("Cannot read the Kubernetes lab's files in " + dir + ": " + e, e);
    }
  }

  private static Map<String, String> readEnv(Path file) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  /** Waits until {@code /readyz} answers {@code ok}; fails naming {@code ./bin/test-all} otherwise. */
  public void awaitReady(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (true) {
      try {
        LabHttp.Response r = http.get("/readyz");
        if (r.status() == 200 && r.body().strip().equals("ok")) {
          return;
        }
        last = "HTTP " + r.status() + " " + r.body().strip();
      } catch (RuntimeException e) {
        last = e.getMessage();
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("The Kubernetes lab's API server " + apiUrl() + " is not ready after "
            + timeout.toSeconds() + " s (" + last + "). Run ./bin/test-all or lab/kubernetes/ensure;"
            + " logs are in " + dir.resolve("logs"));
      }
      sleep(Duration.ofMillis(300));
    }
  }

  /** The lab's state directory. */
  public Path dir() {
    return dir;
  }

  /** {@code admin.kubeconfig}: a {@code system:masters} token, CA-verified; mode 0600. */
  public Path kubeconfig() {
    return dir.resolve("admin.kubeconfig");
  }

  /** The kubeconfig's text, for {@link Config#fromKubeconfig(String)}. Never log it. */
  public String kubeconfigYaml() {
    return kubeconfigYaml;
  }

  /** {@code https://127.0.0.1:16443}. */
  public String apiUrl() {
    return env.getOrDefault("API_URL", "https://127.0.0.1:16443");
  }

  /** kubectl v1.20.2, unpacked from Debian's kubernetes-client .deb into the lab's cache. */
  public Path kubectl() {
    return Path.of(env.getOrDefault("KUBECTL",
        "/var/cache/clusterstacks-lab/kubernetes/" + VERSION + "/bin/kubectl"));
  }

  /** A new fabric8 client with the admin credentials; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
  }

  /** Plain HTTP access with the admin token, for exact requests and exact answers. */
  public LabHttp http() {
    return http;
  }

  /**
   * Restarts kube-apiserver only ({@code lab/kubernetes/restart-apiserver}), keeping it down for
   * {@code down} first; returns when it is ready again. etcd, controller-manager and scheduler keep
   * running, so stored objects and resourceVersions survive.
   */
  public void restartApiServer(Duration down) {
    run(List.of(script("restart-apiserver").toString(), String.format("%.1f", down.toMillis() / 1000.0)),
        Duration.ofMinutes(3));
    awaitReady(Duration.ofSeconds(60));
  }

  /** A script of {@code lab/kubernetes/}, found from the working directory upwards. */
  public static Path script(String name) {
    Path d = Path.of("").toAbsolutePath();
    for (Path p = d; p != null; p = p.getParent()) {
      Path s = p.resolve("lab/kubernetes").resolve(name);
      if (Files.isExecutable(s)) {
        return s;
      }
    }
    throw new AssertionError("lab/kubernetes/" + name + " not found above " + d);
  }

  /**
   * Writes the Secret {@code <cluster>-kubeconfig} (key {@code value}, type {@code cluster.x-k8s.io/secret},
   * label {@code cluster.x-k8s.io/cluster-name}) as CAPI does once a workload cluster answers; here it holds
   * this lab's admin kubeconfig, so the lab's API server stands in for the workload cluster.
   */
  public void writeKubeconfigSecret(String namespace, String cluster) {
    ObjectNode secret = LabHttp.object().put("apiVersion", "v1").put("kind", "Secret")
        .put("type", "cluster.x-k8s.io/secret");
    secret.putObject("metadata").put("name", cluster + "-kubeconfig").put("namespace", namespace)
        .putObject("labels").put("cluster.x-k8s.io/cluster-name", cluster);
    secret.putObject("data").put("value",
        Base64.getEncoder().encodeToString(kubeconfigYaml.getBytes(StandardCharsets.UTF_8)));
    http.send("POST", "/api/v1/namespaces/" + namespace + "/secrets", LabHttp.JSON_TYPE, secret)
        .ok("create Secret " + namespace + "/" + cluster + "-kubeconfig");
  }

  /** A ClusterStack of CSO's CRD: provider openstack, stack scs2, Kubernetes 1.34, version v2. */
  public static String clusterStackYaml(String namespace, String name, String channel) {
    return """
        apiVersion: clusterstack.x-k8s.io/v1alpha1
        kind: ClusterStack
        metadata:
          name: %s
          namespace: %s
        spec:
          provider: openstack
          name: scs2
          kubernetesVersion: "1.34"
          channel: %s
          autoSubscribe: false
          versions: [v2]
        """.formatted(name, namespace, channel);
  }

  /** A topology Cluster of class openstack-scs2-1-34-v2: 1 control-plane node, 2 workers in md-0. */
  public static String clusterYaml(String namespace, String name) {
    return """
        apiVersion: cluster.x-k8s.io/v1beta1
        kind: Cluster
        metadata:
          name: %s
          namespace: %s
        spec:
          clusterNetwork:
            apiServerPort: 6443
          topology:
            class: openstack-scs2-1-34-v2
            version: v1.34.7
            controlPlane:
              replicas: 1
            workers:
              machineDeployments:
              - class: default-worker
                name: md-0
                replicas: 2
        """.formatted(name, namespace);
  }

  /** Runs a command, failing with its output when it exits non-zero or takes longer than {@code limit}. */
  public static String run(List<String> command, Duration limit) {
    try {
      Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + limit);
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new AssertionError(command + " exited " + p.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
