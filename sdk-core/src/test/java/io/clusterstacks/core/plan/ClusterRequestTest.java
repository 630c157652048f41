package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import org.junit.jupiter.api.Test;

class ClusterRequestTest {

  @Test
  void theKubernetesVersionComesFromTheReleaseCatalogueWhenOnlyTheClassIsGiven() {
    ClusterClassName cls = ClusterClassName.of("scs2", "1.34", "v2");
    String expected = ReleaseCatalogue.builtIn().find(cls).orElseThrow().kubernetesVersion();
    ClusterRequest r = ClusterRequest.of(b -> b.className(cls));
    assertEquals(expected, r.kubernetesVersion());
    assertEquals("scs2", r.dialect().orElseThrow().generation().stackName());
  }

  @Test
  void aMissingVersionNamesBothWaysToGiveIt() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> ClusterRequest.of(b -> { }));
    assertTrue(e.getMessage().contains("kubernetesVersion: missing"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> ClusterRequest.of(b -> b
        .clusterName("Bad_Name").kubernetesVersion("1.34").addWorkers(WorkerRequest.of("md-0", 1))
        .addWorkers(WorkerRequest.of("md-0", 2))));
    assertTrue(e.getMessage().contains("clusterName: got 'Bad_Name'"), e.getMessage());
    assertTrue(e.getMessage().contains("kubernetesVersion: got '1.34'"), e.getMessage());
    assertTrue(e.getMessage().contains("'md-0' is used twice"), e.getMessage());
  }

  @Test
  void theVersionMustMatchTheClass() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> ClusterRequest.of(b -> b
        .className(ClusterClassName.of("scs2", "1.34", "v2")).kubernetesVersion("v1.33.10")));
    assertTrue(e.getMessage().contains("for Kubernetes 1.34.x"), e.getMessage());
  }

  @Test
  void controlPlaneRulesFollowKubeadmControlPlane() {
    assertThrows(ClusterStacksException.class, () -> ControlPlaneRequest.of(c -> c.replicas(2)));
    assertThrows(ClusterStacksException.class, () -> ControlPlaneRequest.of(c -> c.replicas(1).maxSurge(0)));
    assertThrows(ClusterStacksException.class, () -> ControlPlaneRequest.of(c -> c.maxSurge(2)));
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> ClusterRequest.of(b -> b.kubernetesVersion("v1.34.7")
        .mode(OutputMode.TOPOLOGY).controlPlane(ControlPlaneRequest.of(c -> c.maxSurge(0)))));
    assertTrue(e.getMessage().contains("RAW_CAPI"), e.getMessage());
  }

  @Test
  void placementPoliciesValidateTheirRule() {
    assertThrows(ClusterStacksException.class, () -> PlacementPolicy.maxPerHost(1));
    assertEquals("2.64", PlacementPolicy.maxPerHost(2).requiredMicroversion().toString());
    assertEquals("2.15", PlacementPolicy.softAntiAffinity().requiredMicroversion().toString());
    assertTrue(PlacementPolicy.none().serverGroupPolicy().isEmpty());
  }

  @Test
  void requirementsRejectNonsense() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> RoleRequirements.of(q -> q.minVcpus(0).minDiskGB(0)));
    assertTrue(e.getMessage().contains("minVcpus") && e.getMessage().contains("minDiskGB"), e.getMessage());
  }
}
