package io.clusterstacks.kubernetes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clusterstacks.kubernetes.ObjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The delete plan: Clusters, then the rest in reverse apply order, credentials, ClusterStacks, Namespaces. */
class DeleteOrderTest {
  static ObjectRef r(String apiVersion, String kind, String name) {
    return new ObjectRef(apiVersion, kind, "ns", name);
  }

  @Test
  void clustersFirstCredentialsAndClusterStacksLast() {
    List<ObjectRef> apply = List.of(
        r("v1", "Namespace", "ns"),
        r("clusterstack.x-k8s.io/v1alpha1", "ClusterStack", "cs"),
        r("v1", "Secret", "openstack"),
        r("openstack.k-orc.cloud/v1alpha1", "Image", "img"),
        r("infrastructure.cluster.x-k8s.io/v1beta1", "OpenStackMachineTemplate", "omt"),
        r("cluster.x-k8s.io/v1beta1", "Cluster", "c1"),
        r("cluster.x-k8s.io/v1beta1", "MachineDeployment", "md"));
    assertEquals(List.of("Cluster/c1", "MachineDeployment/md", "OpenStackMachineTemplate/omt", "Image/img",
        "Secret/openstack", "ClusterStack/cs", "Namespace/ns"),
        Deleter.deleteOrder(apply).stream().map(x -> x.kind() + "/" + x.name()).toList());
  }

  @Test
  void aKindOfAnotherGroupWithTheSameNameIsNotTakenForACluster() {
    List<ObjectRef> apply = List.of(r("example.io/v1", "Cluster", "x"), r("cluster.x-k8s.io/v1beta1", "Cluster", "c"));
    assertEquals(List.of("c", "x"), Deleter.deleteOrder(apply).stream().map(ObjectRef::name).toList());
  }
}
