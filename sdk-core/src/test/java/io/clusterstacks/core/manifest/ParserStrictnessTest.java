package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class ParserStrictnessTest {
  static final String CLUSTER = """
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
          variables:
          - name: workerRootDisk
            value: 0
      """;

  @Test
  void aKnownDialectIsReadStrictly() {
    assertEquals(1, ManifestParser.parse(CLUSTER).clusters().size());
    ManifestParseException unknownField = assertThrows(ManifestParseException.class,
        () -> ManifestParser.parse(CLUSTER.replace("    replicas: 3", "    replicas: 3\n      nodeDrainTimeout: 5m")));
    assertEquals("documents[0].spec.topology.controlPlane.nodeDrainTimeout", unknownField.problems().get(0).path(),
        unknownField.getMessage());
    ManifestParseException badVariable = assertThrows(ManifestParseException.class,
        () -> ManifestParser.parse(CLUSTER.replace("value: 0", "value: \"0\"")));
    assertTrue(badVariable.getMessage().contains("expected integer"), badVariable.getMessage());
    ManifestParseException unknownVariable = assertThrows(ManifestParseException.class,
        () -> ManifestParser.parse(CLUSTER.replace("workerRootDisk", "worker_root_disk")));
    assertTrue(unknownVariable.getMessage().contains("valid names: imageName"), unknownVariable.getMessage());
    ManifestParseException even = assertThrows(ManifestParseException.class,
        () -> ManifestParser.parse(CLUSTER.replace("replicas: 3", "replicas: 2")));
    assertTrue(even.problems().stream().anyMatch(x -> x.path().equals("documents[0].controlPlaneReplicas")), even.getMessage());
  }

  @Test
  void unknownStacksAndOtherKindsStayGenericWithANotice() {
    ParsedManifests p = ManifestParser.parse(CLUSTER.replace("openstack-scs2-1-34-v2", "openstack-alpha-1-29-v2")
        + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"1\"\n");
    assertEquals(2, p.generic().size());
    assertEquals(2, p.notices().stream().filter(n -> n.code() == Notice.Code.KEPT_GENERIC).count());
    assertEquals(p.generic(), ManifestParser.parseLenient(p.render().toYaml()).documents());
  }

  @Test
  void malformedYamlSaysWhere() {
    ManifestParseException e = assertThrows(ManifestParseException.class, () -> ManifestParser.parseLenient("a: [1,\nb: 2"));
    assertTrue(e.problems().get(0).value().contains("line"), e.getMessage());
    InvalidInputException list = assertThrows(InvalidInputException.class,
        () -> ManifestParser.parseLenient("- just\n- a list\n"));
    assertEquals("documents[0]", list.problems().get(0).path());
  }

  @Test
  void clusterStacksNeedAProviderOrNoProvider() {
    String cs = """
        apiVersion: clusterstack.x-k8s.io/v1alpha1
        kind: ClusterStack
        metadata:
          name: s
        spec:
          provider: openstack
          name: scs2
          kubernetesVersion: "1.34"
          versions: [v2]
        """;
    ManifestParseException e = assertThrows(ManifestParseException.class, () -> ManifestParser.parse(cs));
    assertTrue(e.getMessage().contains("providerRef"), e.getMessage());
    assertTrue(ManifestParser.parse(cs + "  noProvider: true\n").clusterStacks().get(0).autoSubscribe(),
        "autoSubscribe defaults to true as in the CRD");
  }
}
