package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kubernetes.lab.FakeCapiController.Stage;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's management-cluster commands ({@code apply}, {@code status}, {@code kubeconfig},
 * {@code delete}) in-process against the lab's real kube-apiserver v1.20.2: what each prints, its exit
 * code, and what the server holds afterwards.
 */
class ManagementCommandsIT {
  static final String CONFIG_MAPS = "/api/v1/namespaces/";
  static final String STACKS = "/apis/clusterstack.x-k8s.io/v1alpha1/namespaces/";

  static String kc() {
    return ManagementLab.kubeconfig().toString();
  }

  /** A line of {@code apply}: the verdict in a column of 14, then the object. */
  static String row(String verdict, String object) {
    return String.format("%-14s %s", verdict, object);
  }

  static List<String> lines(String out) {
    return out.lines().toList();
  }

  @Test
  void applyWithDryRunThenForRealThenAgainThenDelete(@TempDir Path dir) throws Exception {
    String ns = ManagementLab.namespace("apply");
    Path f = Files.writeString(dir.resolve("plan.yaml"), ManagementLab.join(ManagementLab.configMapYaml(ns, "cfg"),
        KubernetesLab.clusterStackYaml(ns, "scs2-1-34", "stable"), KubernetesLab.clusterYaml(ns, "c1")));

    CliRun dry = CliRun.of("apply", "--dry-run", "--kubeconfig", kc(), f.toString());
    assertEquals(0, dry.exitCode(), dry.toString());
    assertEquals(List.of(row("created*", "ConfigMap/" + ns + "/cfg"), row("created*", "ClusterStack/" + ns + "/scs2-1-34"),
        row("created*", "Cluster/" + ns + "/c1"), "* dry run: the server checked the objects and stored nothing"),
        lines(dry.out()), dry.toString());
    assertFalse(ManagementLab.exists(CONFIG_MAPS + ns + "/configmaps/cfg"), "a dry run stores nothing");
    assertFalse(ManagementLab.exists(ManagementLab.clusterPath(ns, "c1")), "a dry run stores nothing");

    CliRun applied = CliRun.of("apply", "--kubeconfig", kc(), f.toString());
    assertEquals(0, applied.exitCode(), applied.toString());
    assertEquals(List.of(row("created", "ConfigMap/" + ns + "/cfg"), row("created", "ClusterStack/" + ns + "/scs2-1-34"),
        row("created", "Cluster/" + ns + "/c1")), lines(applied.out()), applied.toString());
    assertTrue(ManagementLab.exists(ManagementLab.clusterPath(ns, "c1")));

    CliRun again = CliRun.of("apply", "--kubeconfig", kc(), f.toString());
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(lines(again.out()).stream().allMatch(l -> l.startsWith("unchanged ")), again.toString());

    CliRun deleted = CliRun.of("delete", "--timeout", "PT2M", "--kubeconfig", kc(), f.toString());
    assertEquals(0, deleted.exitCode(), deleted.toString());
    assertTrue(deleted.out().contains(String.format("%-17s %s", "deleted", "Cluster/" + ns + "/c1")), deleted.toString());
    assertFalse(ManagementLab.exists(ManagementLab.clusterPath(ns, "c1")));
    assertFalse(ManagementLab.exists(STACKS + ns + "/clusterstacks/scs2-1-34"));
    assertFalse(ManagementLab.exists(CONFIG_MAPS + ns + "/configmaps/cfg"));
  }

  @Test
  void aRejectedObjectStopsTheApplyWithEveryCauseAndExit5(@TempDir Path dir) throws Exception {
    String ns = ManagementLab.namespace("reject");
    Path f = Files.writeString(dir.resolve("plan.yaml"), ManagementLab.join(ManagementLab.configMapYaml(ns, "cfg"),
        KubernetesLab.clusterStackYaml(ns, "scs2-1-34", "beta"), KubernetesLab.clusterYaml(ns, "c1")));
    CliRun r = CliRun.of("apply", "--kubeconfig", kc(), f.toString());
    assertEquals(5, r.exitCode(), r.toString());
    List<String> out = lines(r.out());
    assertEquals(row("created", "ConfigMap/" + ns + "/cfg"), out.get(0), r.toString());
    assertEquals(row("rejected", "ClusterStack/" + ns + "/scs2-1-34"), out.get(1), r.toString());
    assertTrue(out.get(2).contains("422") && out.get(2).contains("spec.channel"), r.toString());
    assertEquals(row("not attempted", "Cluster/" + ns + "/c1"), out.get(3), r.toString());
    assertFalse(ManagementLab.exists(ManagementLab.clusterPath(ns, "c1")));
  }

  @Test
  void statusOnceWatchWithATimeoutAndTheKubeconfig(@TempDir Path dir) throws Exception {
    String ns = ManagementLab.namespace("status");
    Path f = Files.writeString(dir.resolve("c.yaml"), KubernetesLab.clusterYaml(ns, "c1"));
    assertEquals(0, CliRun.of("apply", "--kubeconfig", kc(), f.toString()).exitCode());
    ManagementLab.clusterAt(ns, "c1", Stage.PROVISIONING, 0, 0);

    CliRun once = CliRun.of("status", "c1", "-n", ns, "--kubeconfig", kc());
    assertEquals(0, once.exitCode(), once.toString());
    assertEquals(List.of("Cluster/" + ns + "/c1  phase Provisioning  infrastructure not ready",
        "  control plane: 0/1 ready, 0/1 up to date (control plane not ready)", "  workers: 0/2 ready, 0/2 up to date",
        "  workload API: not checked"), lines(once.out()), once.toString());

    CliRun timedOut = CliRun.of("status", "c1", "-n", ns, "--watch", "--timeout", "PT3S", "--kubeconfig", kc());
    assertEquals(6, timedOut.exitCode(), timedOut.toString());
    assertTrue(timedOut.err().contains("timed out after PT3S") && timedOut.err().contains("phase Provisioning"),
        timedOut.toString());

    CliRun noSecret = CliRun.of("kubeconfig", "c1", "-n", ns, "--kubeconfig", kc());
    assertEquals(5, noSecret.exitCode(), noSecret.toString());
    assertTrue(noSecret.err().contains(ns + "/c1-kubeconfig"), noSecret.toString());

    ManagementLab.lab().writeKubeconfigSecret(ns, "c1");
    Path out = dir.resolve("workload.kubeconfig");
    CliRun written = CliRun.of("kubeconfig", "c1", "-n", ns, "-o", out.toString(), "--kubeconfig", kc());
    assertEquals(0, written.exitCode(), written.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertTrue(Files.readString(out).equals(Files.readString(ManagementLab.kubeconfig())),
        "the file holds the Secret's kubeconfig (not shown: it holds a token)");
    assertTrue(!written.out().contains("token"), "the command names the file, not its content");

    CliRun printed = CliRun.of("kubeconfig", "c1", "-n", ns, "--kubeconfig", kc());
    assertEquals(0, printed.exitCode());
    assertTrue(printed.out().equals(Files.readString(ManagementLab.kubeconfig())),
        "without -o the kubeconfig goes to standard output (not shown: it holds a token)");
  }
}
