package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.CloudProfiles;
import java.util.List;
import java.util.Map;
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
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterRequest.of(b -> { }));
    assertEquals(List.of("clusterRequest.kubernetesVersion"), paths(e));
    assertEquals(Problem.MISSING, e.problems().get(0).value());
    assertTrue(e.problems().get(0).fix().contains("className"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterRequest.of(b -> b
        .clusterName("Bad_Name").kubernetesVersion("1.34").addWorkers(WorkerRequest.of("md-0", 1))
        .addWorkers(WorkerRequest.of("md-0", 2))));
    assertEquals(List.of("clusterRequest.clusterName", "clusterRequest.kubernetesVersion", "clusterRequest.workers[1].name"),
        paths(e));
    assertEquals(List.of("Bad_Name", "1.34", "md-0"), e.problems().stream().map(Problem::value).toList());
  }

  @Test
  void theVersionMustMatchTheClass() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterRequest.of(b -> b
        .className(ClusterClassName.of("scs2", "1.34", "v2")).kubernetesVersion("v1.33.10")));
    assertTrue(e.getMessage().contains("for Kubernetes 1.34.x"), e.getMessage());
  }

  @Test
  void controlPlaneRulesFollowKubeadmControlPlane() {
    assertThrows(InvalidInputException.class, () -> ControlPlaneRequest.of(c -> c.replicas(2)));
    assertThrows(InvalidInputException.class, () -> ControlPlaneRequest.of(c -> c.replicas(1).maxSurge(0)));
    assertThrows(InvalidInputException.class, () -> ControlPlaneRequest.of(c -> c.maxSurge(2)));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ClusterRequest.of(b -> b.kubernetesVersion("v1.34.7")
        .mode(OutputMode.TOPOLOGY).controlPlane(ControlPlaneRequest.of(c -> c.maxSurge(0)))));
    assertTrue(e.getMessage().contains("RAW_CAPI"), e.getMessage());
  }

  @Test
  void placementPoliciesValidateTheirRule() {
    assertThrows(InvalidInputException.class, () -> PlacementPolicy.maxPerHost(1));
    assertEquals("2.64", PlacementPolicy.maxPerHost(2).requiredMicroversion().toString());
    assertEquals("2.15", PlacementPolicy.softAntiAffinity().requiredMicroversion().toString());
    assertTrue(PlacementPolicy.none().serverGroupPolicy().isEmpty());
  }

  @Test
  void requirementsRejectNonsense() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> RoleRequirements.of(q -> q.minVcpus(0).minDiskGB(0)));
    assertEquals(List.of("roleRequirements.minVcpus", "roleRequirements.minDiskGB"), paths(e));
  }

  @Test
  void anEmptyWorkerBuilderListsEveryMissingAttributeAtOnce() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> WorkerRequest.builder().build());
    assertEquals(List.of("workerRequest.name", "workerRequest.replicas"), paths(e));
    assertTrue(e.problems().stream().allMatch(p -> p.value().equals(Problem.MISSING)), e.getMessage());
  }

  @Test
  void invalidWorkerValuesAreAllReported() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> WorkerRequest.of(w -> w.name("MD_0").replicas(-1).maxSurge(-2).flavor(" ")));
    assertEquals(List.of("workerRequest.name", "workerRequest.replicas", "workerRequest.maxSurge", "workerRequest.flavor"),
        paths(e));
  }

  @Test
  void toBuilderChangesOneAttributeAndKeepsTheRest() {
    ClusterRequest r = ClusterRequest.of(b -> b.clusterName("prod").kubernetesVersion("v1.34.7")
        .addWorkers(WorkerRequest.of("md-0", 3)));
    ClusterRequest changed = r.toBuilder().clusterName("stage").build();
    assertEquals("stage", changed.clusterName());
    assertEquals(r.workers(), changed.workers());
    assertEquals(r, changed.toBuilder().clusterName("prod").build());
    assertEquals(5, WorkerRequest.of("md-0", 3).toBuilder().replicas(5).build().replicas());
    assertEquals(1, ControlPlaneRequest.DEFAULT.toBuilder().replicas(1).build().replicas());
    assertEquals(8, RoleRequirements.DEFAULTS.toBuilder().minVcpus(8).build().minVcpus());
  }

  @Test
  void nullArgumentsAreNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Planner.plan(null, CloudProfiles.bundled("scs-reference")));
    assertEquals(List.of("request"), paths(e));
    e = assertThrows(InvalidInputException.class,
        () -> Planner.plan(ClusterRequest.of(b -> b.kubernetesVersion("v1.34.7")), null));
    assertEquals(List.of("cloud"), paths(e));
  }

  @Test
  void serverGroupIdsMustBeGivenForEveryGroup() {
    ClusterPlan plan = Planner.plan(ClusterRequest.of(b -> b.kubernetesVersion("v1.34.7")
        .addWorkers(WorkerRequest.of("md-0", 3))), CloudProfiles.bundled("scs-reference"));
    List<String> groups = plan.serverGroupsToCreate().stream().map(g -> g.name()).toList();
    assertEquals(2, groups.size(), groups.toString());
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> plan.withServerGroupIds(Map.of(groups.get(0), "00000000-0000-4000-8000-000000000000")));
    assertEquals(List.of("idsByName[" + groups.get(1) + "]"), paths(e));
    assertTrue(plan.withServerGroupIds(Map.of(groups.get(0), "00000000-0000-4000-8000-000000000000", groups.get(1), "00000000-0000-4000-8000-000000000001")).serverGroupsToCreate().isEmpty());
  }

  private static List<String> paths(InvalidInputException e) {
    return e.problems().stream().map(Problem::path).toList();
  }
}
