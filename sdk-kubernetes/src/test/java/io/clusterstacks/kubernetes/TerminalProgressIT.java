package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live progress on a real terminal (a tmux pane: the JVM has a console there) updates one status line per
 * role in place; in a pipe it prints one plain line per change.
 */
class TerminalProgressIT {

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  static String awaitPane(String session, Predicate<String> ok) throws Exception {
    String pane = "";
    for (int i = 0; i < 600; i++) {
      pane = run("tmux", "capture-pane", "-p", "-t", session);
      if (ok.test(pane)) {
        return pane;
      }
      Thread.sleep(200);
    }
    fail("the terminal never showed what was expected; it shows:\n" + pane);
    return pane;
  }

  static long count(String pane, String needle) {
    return pane.lines().filter(l -> l.contains(needle)).count();
  }

  @Test
  void onATerminalTheStatusLinesAreUpdatedInPlace() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/tmux"))) {
      fail("tmux is needed for this test (apt-get install tmux); ./bin/test-all's lab installs it");
    }
    String ns = Lab.namespace("tty");
    Lab.connect().apply(Lab.manifests(Lab.join(Lab.clusterStackYaml(ns, "scs2-1-34", "stable"),
        Lab.clusterYaml(ns, "c1")))).orThrow();
    Lab.writeStatus(Lab.CLUSTER, ns, "c1", WaitIT.clusterStatus("Provisioning", true, false, 0, 0));
    String session = "cs-" + ns;
    String cmd = String.join(" ", java(), "-cp", "'" + System.getProperty("java.class.path") + "'",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ProgressDemo.class.getName(), Lab.kubeconfig().toString(),
        ns, "c1", "; sleep 60");
    run("tmux", "new-session", "-d", "-s", session, "-x", "220", "-y", "30", cmd);
    try {
      String p1 = awaitPane(session, p -> p.contains("phase Provisioning"));
      assertTrue(p1.contains("control plane: 0/1 ready"), p1);

      Lab.writeStatus(Lab.CLUSTER, ns, "c1", WaitIT.clusterStatus("Provisioned", true, true, 1, 1));
      String p2 = awaitPane(session, p -> p.contains("workers: 1/2 ready"));
      assertEquals(1, count(p2, "control plane:"), "one control-plane line, rewritten in place:\n" + p2);
      assertEquals(1, count(p2, "workers:"), p2);
      assertTrue(p2.contains("control plane: 1/1 ready"), p2);
      assertEquals(0, count(p2, "phase Provisioning"), "the old status line was overwritten:\n" + p2);

      Lab.writeStatus(Lab.CLUSTER, ns, "c1", WaitIT.clusterStatus("Provisioned", true, true, 1, 2));
      WaitIT.writeKubeconfigSecret(ns, "c1");
      String p3 = awaitPane(session, p -> p.contains("USABLE"));
      assertEquals(1, count(p3, "workers:"), p3);
      assertTrue(p3.contains("workload API: answers (v1.20.2)"), p3);
    } finally {
      run("tmux", "kill-session", "-t", session);
    }
  }

  @Test
  void inAPipeEachChangeIsOnePlainLine(@TempDir Path dir) throws Exception {
    String ns = Lab.namespace("pipe");
    Lab.connect().apply(Lab.manifests(Lab.clusterYaml(ns, "c1"))).orThrow();
    Lab.writeStatus(Lab.CLUSTER, ns, "c1", WaitIT.clusterStatus("Provisioning", true, false, 0, 0));
    Path log = dir.resolve("out.txt");
    Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ProgressDemo.class.getName(), Lab.kubeconfig().toString(),
        ns, "c1").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      for (int i = 0; i < 600 && !Files.readString(log).contains("Provisioning"); i++) {
        Thread.sleep(200);
      }
      assertTrue(Files.readString(log).contains("Provisioning"), "the first status in 2 minutes: " + Files.readString(log));
      Lab.writeStatus(Lab.CLUSTER, ns, "c1", WaitIT.clusterStatus("Provisioned", true, true, 1, 2));
      WaitIT.writeKubeconfigSecret(ns, "c1");
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), Files.readString(log));
      List<String> lines = Files.readAllLines(log);
      assertTrue(lines.stream().noneMatch(l -> l.contains("\033[")), "no cursor movement in a pipe: " + lines);
      assertTrue(lines.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d Cluster/" + ns
          + "/c1 phase: Provisioning -> Provisioned")), String.join("\n", lines));
      assertEquals("USABLE", lines.get(lines.size() - 1));
    } finally {
      p.destroy();
    }
  }
}
