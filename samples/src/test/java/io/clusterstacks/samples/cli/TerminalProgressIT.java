package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.manifest.ManifestParser;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterstacks status CLUSTER --watch} as a real process against the lab's API server: on a real
 * terminal (a tmux pane, where the JVM has a console) one status line per role is rewritten in place; in a
 * pipe every change is one plain, timestamped line. The test plays CAPI's part and writes the Cluster's
 * status step by step (see {@link ManagementLab}).
 */
class TerminalProgressIT {

  static List<String> cli(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        ClusterStacksCli.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static String run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not end within 30 s");
    }
    return out;
  }

  static String awaitPane(String session, String what, Predicate<String> ok) throws Exception {
    String pane = "";
    for (int i = 0; i < 600; i++) {
      pane = run("tmux", "capture-pane", "-p", "-t", session);
      if (ok.test(pane)) {
        return pane;
      }
      Thread.sleep(200);
    }
    fail("the terminal never showed " + what + " within 2 minutes; it shows:\n" + pane);
    return pane;
  }

  static long count(String pane, String needle) {
    return pane.lines().filter(l -> l.contains(needle)).count();
  }

  static void applyCluster(String ns) {
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(ManagementLab.kubeconfig()).build()) {
      mc.apply(ManifestParser.parseLenient(KubernetesLab.clusterYaml(ns, "c1"))).orThrow();
    }
  }

  @Test
  void onATerminalTheStatusLinesAreRewrittenInPlace() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/tmux"))) {
      fail("tmux is needed for this test: ./bin/test-all installs it (lab/terminal/ensure), or apt-get install tmux");
    }
    String ns = ManagementLab.namespace("tty");
    applyCluster(ns);
    ManagementLab.clusterAt(ns, "c1", Stage.PROVISIONING, 0, 0);
    String session = "cs-" + ns;
    StringBuilder cmd = new StringBuilder();
    for (String a : cli("status", "c1", "-n", ns, "--watch", "--timeout", "PT3M", "--kubeconfig",
        ManagementLab.kubeconfig().toString())) {
      cmd.append('\'').append(a.replace("'", "'\\''")).append("' ");
    }
    cmd.append("; echo \"exit code $?\"; sleep 60");
    run("tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "40", cmd.toString());
    try {
      String p1 = awaitPane(session, "the first status", p -> p.contains("phase Provisioning"));
      assertTrue(p1.contains("control plane: 0/1 ready"), p1);
      assertTrue(p1.contains("workers: 0/2 ready"), p1);

      ManagementLab.clusterAt(ns, "c1", Stage.CONTROL_PLANE_READY, 1, 1);
      String p2 = awaitPane(session, "workers 1/2 ready", p -> p.contains("workers: 1/2 ready"));
      assertEquals(1, count(p2, "control plane:"), "one control-plane line, rewritten in place:\n" + p2);
      assertEquals(1, count(p2, "workers:"), "one workers line:\n" + p2);
      assertTrue(p2.contains("control plane: 1/1 ready"), p2);
      assertEquals(0, count(p2, "phase Provisioning"), "the old status line was overwritten:\n" + p2);
      assertFalse(p2.contains("\\u001B"), "cursor movement is not printed as text:\n" + p2);

      ManagementLab.clusterAt(ns, "c1", Stage.AVAILABLE, 1, 2);
      ManagementLab.lab().writeKubeconfigSecret(ns, "c1");
      String p3 = awaitPane(session, "the end of the watch", p -> p.contains("exit code"));
      assertTrue(p3.contains("Cluster/" + ns + "/c1 is usable"), p3);
      assertTrue(p3.contains("exit code 0"), p3);
      assertEquals(1, count(p3, "workers:"), p3);
      assertTrue(p3.contains("workload API: answers (v1.20.2)"), p3);
    } finally {
      run("tmux", "kill-session", "-t", session);
    }
  }

  @Test
  void inAPipeEachChangeIsOnePlainLine(@TempDir Path dir) throws Exception {
    String ns = ManagementLab.namespace("pipe");
    applyCluster(ns);
    ManagementLab.clusterAt(ns, "c1", Stage.PROVISIONING, 0, 0);
    Path log = dir.resolve("out.txt");
    Process p = new ProcessBuilder(cli("status", "c1", "-n", ns, "--watch", "--timeout", "PT3M", "--kubeconfig",
        ManagementLab.kubeconfig().toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      for (int i = 0; i < 600 && !Files.readString(log).contains("Provisioning"); i++) {
        Thread.sleep(200);
      }
      assertTrue(Files.readString(log).contains("Provisioning"), "the first status in 2 minutes: " + Files.readString(log));
      ManagementLab.clusterAt(ns, "c1", Stage.AVAILABLE, 1, 2);
      ManagementLab.lab().writeKubeconfigSecret(ns, "c1");
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), Files.readString(log));
      assertEquals(0, p.exitValue(), Files.readString(log));
      List<String> lines = Files.readAllLines(log);
      assertTrue(lines.stream().noneMatch(l -> l.contains("\033")), "no escape sequence in a pipe: " + lines);
      String cluster = "Cluster/" + ns + "/c1";
      assertTrue(lines.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d " + cluster
          + " phase: Provisioning -> Provisioned")), String.join("\n", lines));
      assertTrue(lines.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d " + cluster
          + " workload API: .* -> ANSWERS")), String.join("\n", lines));
      assertEquals(cluster + " is usable", lines.get(lines.size() - 1));
    } finally {
      p.destroy();
    }
  }
}
