package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the exact problem lines, in order, that strict reading reports for wrongly typed fields. */
class TypedReaderProblemsTest {

  private static List<String> problems(String yaml) {
    return assertThrows(ManifestParseException.class, () -> ManifestParser.parse(yaml)).problems();
  }

  @Test
  void wronglyTypedScalarsInAClusterAreEachReported() {
    String yaml = """
        apiVersion: cluster.x-k8s.io/v1beta1
        kind: Cluster
        metadata:
          name: c1
          namespace: 5
          labels: {team: 7}
        spec:
          topology:
            class: openstack-scs2-1-34-v2
            version: v1.34.7
            controlPlane:
              replicas: "3"
            workers:
              machineDeployments:
              - class: default-worker
                name: md-0
                replicas: 1.5
                failureDomain: [a]
              - class: default-worker
                replicas: 2
        """;
    List<String> expected = List.of(
        "document 0 (Cluster/c1) metadata.namespace: expected a string, got 5",
        "document 0 (Cluster/c1) metadata.labels.team: expected a string, got 7",
        "document 0 (Cluster/c1) spec.topology.controlPlane.replicas: expected an integer, got \"3\"",
        "document 0 (Cluster/c1) spec.topology.workers.machineDeployments[0].replicas: expected an integer, got 1.5",
        "document 0 (Cluster/c1) spec.topology.workers.machineDeployments[0].failureDomain: expected a string, got [\"a\"]",
        "document 0 (Cluster/c1) spec.topology.workers.machineDeployments[1].name: required");
    assertEquals(expected, problems(yaml));
  }

  @Test
  void wronglyTypedScalarsInAClusterStackAndAnImageAreEachReported() {
    String yaml = """
        apiVersion: clusterstack.x-k8s.io/v1alpha1
        kind: ClusterStack
        metadata:
          name: s
        spec:
          provider: openstack
          name: scs2
          kubernetesVersion: "1.34"
          versions: [v2, 3]
          autoSubscribe: "yes"
          noProvider: true
        ---
        apiVersion: openstack.k-orc.cloud/v1alpha1
        kind: Image
        metadata:
          name: img
        spec:
          managementPolicy: managed
          resource:
            properties:
              hardware:
                qemuGuestAgent: "yes"
              minDiskGB: "20"
              minMemoryMB: 1.5
            content:
              download:
                url: https://example.com/i.qcow2
                hash:
                  value: abc
        """;
    List<String> expected = List.of(
        "document 0 (ClusterStack/s) spec.versions[1]: expected a string, got 3",
        "document 0 (ClusterStack/s) spec.autoSubscribe: expected true or false, got \"yes\"",
        "document 1 (Image/img) hardware.qemuGuestAgent: expected true or false, got \"yes\"",
        "document 1 (Image/img) properties.minDiskGB: expected an integer, got \"20\"",
        "document 1 (Image/img) properties.minMemoryMB: expected an integer, got 1.5");
    assertEquals(expected, problems(yaml));
  }

  @Test
  void modelChecksOnAMachineDeploymentAndAnImageAreReportedWithTheDocument() {
    String yaml = """
        apiVersion: cluster.x-k8s.io/v1beta1
        kind: Cluster
        metadata:
          name: c1
        spec:
          topology:
            class: openstack-scs2-1-34-v2
            version: v1.34.7
            controlPlane:
              replicas: 3
            workers:
              machineDeployments:
              - class: default-worker
                name: md-0
                replicas: -1
        ---
        apiVersion: openstack.k-orc.cloud/v1alpha1
        kind: Image
        metadata:
          name: img
        spec:
          resource:
            content:
              download:
                url: ftp://example.com/i.qcow2
                hash:
                  value: abc
        """;
    List<String> expected = List.of(
        "document 0 (Cluster/c1) machineDeployments[md-0].replicas: got -1; use 0 or more",
        "document 1 (Image/img) orcImage.url: got ftp://example.com/i.qcow2; use an http(s) URL ORC can download from");
    assertEquals(expected, problems(yaml));
  }
}
