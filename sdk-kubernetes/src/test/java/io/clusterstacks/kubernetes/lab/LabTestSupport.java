package io.clusterstacks.kubernetes.lab;

import java.time.Duration;

/** Small helpers shared by the lab's own tests. */
final class LabTestSupport {
  private LabTestSupport() {}

  /** A name unique to this run (others may use the same lab at the same time). */
  static String unique(String prefix) {
    return prefix + "-" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
        + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1296), 36);
  }

  /** Waits until the namespace's {@code default} ServiceAccount has its token Secret (pods need it). */
  static void awaitDefaultServiceAccount(LabHttp h, String ns) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      LabHttp.Response r = h.get("/api/v1/namespaces/" + ns + "/serviceaccounts/default");
      if (r.status() == 200 && r.json().path("secrets").size() > 0) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("no token Secret for " + ns + "/default after 60 s (kube-controller-manager down?)");
      }
      KubernetesLab.sleep(Duration.ofMillis(200));
    }
  }

  /** Polls {@code check} every 200 ms until it is true; fails with {@code what} and the last state. */
  static void await(Duration timeout, String what, java.util.function.Supplier<String> state,
      java.util.function.BooleanSupplier check) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + " not reached within " + timeout.toSeconds() + " s; last: " + state.get());
      }
      KubernetesLab.sleep(Duration.ofMillis(200));
    }
  }

  /** Deletes {@code name} if it exists (waiting until it is gone) and creates it again. */
  static void freshNamespace(LabHttp h, String name) {
    String path = "/api/v1/namespaces/" + name;
    if (h.get(path).status() == 200) {
      h.send("DELETE", path, null, (String) null);
      long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (h.get(path).status() != 404) {
        if (System.nanoTime() > end) {
          throw new AssertionError("namespace " + name + " left by an earlier run is still there after 90 s: "
              + h.get(path).body());
        }
        KubernetesLab.sleep(Duration.ofMillis(300));
      }
    }
    h.send("POST", "/api/v1/namespaces", LabHttp.JSON_TYPE,
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}").ok("create namespace " + name);
  }
}
