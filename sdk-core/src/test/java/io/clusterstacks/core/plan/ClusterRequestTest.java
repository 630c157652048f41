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
    assertThrows(InvalidInputException.class, () -> ControlPlaneRequest.of(c -> c.replicas(0)));
    // even counts: refused where the stack has control-plane machines (stacked etcd), allowed for Kamaji
    InvalidInputException even = assertThrows(InvalidInputException.class, () -> ClusterRequest.of(b -> b
        .kubernetesVersion("v1.34.7").controlPlane(ControlPlaneRequest.of(c -> c.replicas(2)))));
    assertEquals("clusterRequest.controlPlane.replicas", even.problems().get(0).path());
    assertEquals(2, ClusterRequest.of(b -> b.kubernetesVersion("v1.33.4").dialect(io.clusterstacks.core.stack.StackDialects.kamaji())
        .mode(io.clusterstacks.core.model.OutputMode.RAW_CAPI).controlPlane(ControlPlaneRequest.of(c -> c.replicas(2))))
        .controlPlane().replicas());
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

  @Test
  void fixTextsShortenWhatTheyEchoSoAHugeNameGivesABoundedMessage() {
    // a 100,000-character ID key is echoed in the fix's list of the keys received: shortened, as every value is
    ClusterPlan plan = Planner.plan(ClusterRequest.of(b -> b.kubernetesVersion("v1.34.7")
        .addWorkers(WorkerRequest.of("md-0", 3))), CloudProfiles.bundled("scs-reference"));
    String huge = "g".repeat(100_000);
    InvalidInputException ids = assertThrows(InvalidInputException.class,
        () -> plan.withServerGroupIds(Map.of(huge, "00000000-0000-4000-8000-000000000000")));
    assertEquals(2, ids.problems().size(), ids.getMessage());
    assertBounded(ids);
    assertTrue(ids.problems().get(0).fix().contains("100002 characters"), ids.problems().get(0).fix());

    // the role list of a placement level's fix: 2,500 workers of 40-character names (100,000 characters of
    // names), and an onRole of 100,000 characters
    ClusterRequest.Builder b = ClusterRequest.builder().kubernetesVersion("v1.34.7")
        .addPlacementLevels(PlacementLevel.of("tenant", huge, LevelPlacement.of(l -> l.members(1))));
    for (int i = 0; i < 2_500; i++) {
      b.addWorkers(WorkerRequest.of(String.format("md-%037d", i), 1));
    }
    InvalidInputException roles = assertThrows(InvalidInputException.class, b::build);
    assertEquals(List.of("clusterRequest.placementLevels[0].onRole"), paths(roles));
    assertBounded(roles);
    assertTrue(roles.problems().get(0).fix().startsWith("name a role of this request: one of [control-plane, md-0"),
        roles.problems().get(0).fix());
  }

  /** Each problem's value and fix stay short, whatever the input's size. */
  private static void assertBounded(InvalidInputException e) {
    for (Problem p : e.problems()) {
      assertTrue(p.value().length() <= Problem.MAX_VALUE_CHARS, p.value());
      assertTrue(p.fix().length() <= 300, p.fix());
    }
    assertTrue(e.getMessage().length() <= 1_000 * e.problems().size(), e.getMessage().length() + " characters");
  }

  @Test
  void aPlacementMapSectionWhoseListsDisagreeIsATypedError() {
    PlacementMap.RoleColumn two = PlacementMap.RoleColumn.of(c -> c.role("md-0").policy(PlacementPolicy.softAntiAffinity())
        .membersPerHost(List.of(1, 1)).worstCasePerHost(2).expectedPerHost(1));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlacementMap.Section.of(s -> s
        .hosts(io.clusterstacks.core.cloud.HostCount.exact(3)).hostNames(List.of("h1", "h2", "h3"))
        .hostZones(List.of("az1", "az2")).addRoles(two)));
    assertEquals(List.of("placementMap.section.hostZones", "placementMap.section.roles[0].membersPerHost"), paths(e));
    assertEquals("2 zones [az1, az2]", e.problems().get(0).value());
    assertTrue(e.problems().get(0).fix().contains("one zone per host name (3 host names)"), e.getMessage());
    assertEquals("2 counts [1, 1]", e.problems().get(1).value());
    // no zones at all, and one count per host, is a consistent section
    PlacementMap.Section ok = PlacementMap.Section.of(s -> s.hosts(io.clusterstacks.core.cloud.HostCount.exact(2))
        .hostNames(List.of("h1", "h2")).addRoles(two));
    assertEquals(List.of(), ok.hostZones());
  }

  private static List<String> paths(InvalidInputException e) {
    return e.problems().stream().map(Problem::path).toList();
  }
}
