package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact problems, in order, that strict reading reports for wrongly typed fields: the path
 * below {@code documents[i]} as written in the document, the value received and what to use. Model
 * checks report the model's attribute (e.g. {@code machineDeployments[md-0].replicas}).
 */
class TypedReaderProblemsTest {

  private static List<String> problems(String yaml) {
    return assertThrows(ManifestParseException.class, () -> ManifestParser.parse(yaml)).problems().stream()
        .map(Object::toString).toList();
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
        "documents[0].metadata.namespace: got 5; use a string",
        "documents[0].metadata.labels.team: got 7; use a string",
        "documents[0].spec.topology.controlPlane.replicas: got \"3\"; use an integer",
        "documents[0].spec.topology.workers.machineDeployments[0].replicas: got 1.5; use an integer",
        "documents[0].spec.topology.workers.machineDeployments[0].failureDomain: got [\"a\"]; use a string",
        "documents[0].spec.topology.workers.machineDeployments[1].name: got <missing>; set it; it is required");
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
        "documents[0].spec.versions[1]: got 3; use a string",
        "documents[0].spec.autoSubscribe: got \"yes\"; use true or false",
        "documents[1].spec.resource.properties.hardware.qemuGuestAgent: got \"yes\"; use true or false",
        "documents[1].spec.resource.properties.minDiskGB: got \"20\"; use an integer",
        "documents[1].spec.resource.properties.minMemoryMB: got 1.5; use an integer");
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
        "documents[0].machineDeployments[md-0].replicas: got -1; use 0 or more",
        "documents[1].orcImage.url: got ftp://example.com/i.qcow2; use an http(s) URL ORC can download from");
    assertEquals(expected, problems(yaml));
  }
}
