package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Readiness, change lines and the terminal rendering of a Cluster's status. */
class ClusterStatusTest {
  static final ObjectRef C = new ObjectRef("cluster.x-k8s.io/v1beta1", "Cluster", "ns", "c1");

  static ClusterStatus status(String phase, boolean cp, int cpReady, int wReady, WorkloadApi api) {
    return new ClusterStatus(Instant.parse("2026-12-01T10:00:00Z"), C, true, phase, true, cp,
        List.of(new Condition("Ready", cp ? "True" : "False", "", "")),
        new RoleStatus("control plane", true, 3, 3, cpReady, cpReady, cpReady),
        new RoleStatus("workers", true, 2, 2, wReady, wReady, wReady), Optional.empty(), true, api, "");
  }

  @Test
  void readyConditionsAreNotUsableUntilTheWorkloadApiAnswers() {
    ClusterStatus s = status("Provisioned", true, 3, 2, WorkloadApi.NO_KUBECONFIG);
    assertTrue(s.conditionsReady());
    assertFalse(s.usable());
    assertTrue(status("Provisioned", true, 3, 2, WorkloadApi.ANSWERS).usable());
    assertFalse(status("Provisioned", true, 2, 2, WorkloadApi.ANSWERS).usable(), "a control-plane machine not ready");
    assertFalse(status("Provisioning", true, 3, 2, WorkloadApi.ANSWERS).usable());
  }

  @Test
  void changesNameWhatMoved() {
    ClusterStatus a = status("Provisioning", false, 1, 0, WorkloadApi.NOT_CHECKED);
    ClusterStatus b = status("Provisioned", true, 3, 0, WorkloadApi.NOT_CHECKED);
    assertEquals(List.of("phase: Provisioning -> Provisioned", "control plane ready: false -> true",
        "control plane: 3/3 ready, 3/3 up to date", "condition Ready=True"), b.changesSince(a));
    assertTrue(a.sameAs(status("Provisioning", false, 1, 0, WorkloadApi.NOT_CHECKED)));
  }

  @Test
  void plainProgressIsOneTimestampedLinePerChange() {
    StringWriter w = new StringWriter();
    TerminalProgress p = TerminalProgress.plain(new PrintWriter(w));
    ClusterStatus a = status("Provisioning", false, 1, 0, WorkloadApi.NOT_CHECKED);
    ClusterStatus b = status("Provisioned", false, 1, 0, WorkloadApi.NOT_CHECKED);
    p.onProgress(new ProgressEvent(a.observedAt(), b, b.changesSince(a)));
    assertEquals("10:00:00 Cluster/ns/c1 phase: Provisioning -> Provisioned\n", w.toString());
  }

  @Test
  void inPlaceProgressMovesTheCursorBackOverItsBlock() {
    StringWriter w = new StringWriter();
    TerminalProgress p = TerminalProgress.inPlace(new PrintWriter(w));
    ClusterStatus a = status("Provisioning", false, 1, 0, WorkloadApi.NOT_CHECKED);
    p.onProgress(new ProgressEvent(a.observedAt(), a, a.changesSince(null)));
    assertFalse(w.toString().contains("\033[4A"));
    p.onProgress(new ProgressEvent(a.observedAt(), a, List.of("x")));
    assertTrue(w.toString().contains("\033[4A\r\033[2KCluster/ns/c1  phase Provisioning"), w.toString());
  }

  @Test
  void textFromTheServerCannotMoveTheCursorNorBreakALine() {
    ClusterStatus hostile = status("Pro\033[2Jvisioning\nX\u202e", false, 1, 0, WorkloadApi.NOT_CHECKED);
    StringWriter w = new StringWriter();
    TerminalProgress.inPlace(new PrintWriter(w)).onProgress(new ProgressEvent(hostile.observedAt(), hostile,
        hostile.changesSince(null)));
    String shown = w.toString();
    assertTrue(shown.contains("phase Pro\\u001B[2Jvisioning\\u000AX\\u202E  infrastructure"), shown);
    assertEquals(4, shown.chars().filter(c -> c == '\033').count(), "only the four line clears: " + shown);
    assertEquals(4, shown.chars().filter(c -> c == '\n').count(), "four lines: " + shown);

    StringWriter p = new StringWriter();
    ClusterStatus before = status("Provisioning", false, 1, 0, WorkloadApi.NOT_CHECKED);
    TerminalProgress.plain(new PrintWriter(p)).onProgress(new ProgressEvent(hostile.observedAt(), hostile,
        hostile.changesSince(before)));
    assertEquals("10:00:00 Cluster/ns/c1 phase: Provisioning -> Pro\\u001B[2Jvisioning\\u000AX\\u202E\n",
        p.toString());
  }
}
