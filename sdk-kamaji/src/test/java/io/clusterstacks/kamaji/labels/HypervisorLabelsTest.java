package io.clusterstacks.kamaji.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kubernetes.ManagementNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HypervisorLabelsTest {
  private static final String HOST_A = "a".repeat(56);
  private static final String HOST_B = "b".repeat(56);

  private static ManagementNode node(String name, String providerId, Map<String, String> labels) {
    return new ManagementNode(name, Optional.ofNullable(providerId), labels, true);
  }

  @Test
  void newStaleUnchangedAndUnresolvedNodesAreToldApartAndOnlyNewAndStaleArePatched() {
    List<ManagementNode> nodes = List.of(
        node("w1", "openstack:///s1", Map.of()),
        node("w2", "openstack:///s2", Map.of(Kamaji.HYPERVISOR_LABEL, HOST_A)),   // migrated to B
        node("w3", "openstack:///s3", Map.of(Kamaji.HYPERVISOR_LABEL, HOST_B)),
        node("w4", null, Map.of()),
        node("w5", "aws:///i-123", Map.of()),
        node("w6", "openstack:///gone", Map.of()),
        node("w7", "openstack:///s7", Map.of()));
    Map<String, String> hosts = Map.of("s1", HOST_A, "s2", HOST_B, "s3", HOST_B, "s7", "");
    HypervisorLabels l = HypervisorLabels.of(nodes, hosts);
    assertEquals(List.of("w1"), names(l, LabelFinding.Kind.NEW));
    assertEquals(List.of("w2"), names(l, LabelFinding.Kind.STALE));
    assertEquals(List.of("w3"), names(l, LabelFinding.Kind.UNCHANGED));
    assertEquals(List.of("w4", "w5", "w6", "w7"), names(l, LabelFinding.Kind.UNRESOLVED));
    assertEquals(2, l.patches().documents().size());
    assertEquals("""
        apiVersion: v1
        kind: Node
        metadata:
          name: w1
          labels:
            topology.clusterstacks.io/hypervisor: %s
        """.formatted(HOST_A), l.patches().documents().get(0).toYaml());
    assertEquals(3, l.workers().size());
    String report = l.report();
    assertTrue(report.contains("w2: stale, was " + HOST_A + ", now " + HOST_B), report);
    assertTrue(report.contains("w7: unresolved (server s7 has no hostId yet"), report);
    assertTrue(report.contains("w6: unresolved (server gone is not in this project's server list"), report);
  }

  @Test
  void labellingTheLabelledChangesNothing() {
    List<ManagementNode> nodes = List.of(node("w1", "openstack:///s1", Map.of()));
    HypervisorLabels first = HypervisorLabels.of(nodes, Map.of("s1", HOST_A));
    List<ManagementNode> after = List.of(node("w1", "openstack:///s1", Map.of(Kamaji.HYPERVISOR_LABEL, HOST_A)));
    HypervisorLabels second = HypervisorLabels.of(after, Map.of("s1", HOST_A));
    assertEquals(1, first.patches().documents().size());
    assertTrue(second.patches().documents().isEmpty());
  }

  private static List<String> names(HypervisorLabels l, LabelFinding.Kind kind) {
    return l.of(kind).stream().map(LabelFinding::node).toList();
  }
}
