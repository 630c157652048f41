package io.clusterstacks.kamaji.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of two-level placement, each with its reasoning. Layouts are written as
 * "hypervisor:workers" pairs: {@code layout("hv-a:2", "hv-b:1")} is two workers on hv-a, one on hv-b.
 */
class TwoLevelScenarioTest {

  static List<ManagementWorker> layout(String... hosts) {
    List<ManagementWorker> ws = new ArrayList<>();
    for (String h : hosts) {
      String[] p = h.split(":");
      for (int i = 1; i <= Integer.parseInt(p[1]); i++) {
        String name = p[0] + "-w" + i;
        ws.add(ManagementWorker.of(w -> w.name(name).hypervisor(p[0])));
      }
    }
    return ws;
  }

  static TenantRequest tenant(int replicas) {
    return TenantRequest.of(t -> t.name("tenant-a").replicas(replicas));
  }

  /** The surge pods a rollout may start: a count, or Kamaji's percentage of the replicas (rounded up, as Kubernetes does). */
  static int surge(TenantPlacementPlan p) {
    var s = p.strategy().maxSurge().orElseThrow();
    return s.percent() ? (p.tenant().replicas() * s.value() + 99) / 100 : s.value();
  }

  static DomainImpact impact(TenantPlacementPlan p, DomainKind kind, String name) {
    return p.impacts().stream().filter(i -> i.kind() == kind && i.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void threeReplicasOnThreeWorkersOverTwoHypervisorsSplitTwoOneAndSurviveEitherHypervisor() {
    // 3 replicas, 2 hypervisors: one per hypervisor is impossible. The plan keeps one per worker
    // (required on the hostname: 3 workers) and bounds the skew over hypervisors to 1 with DoNotSchedule:
    // the only admitted split is 2/1 (hv-a's two workers, hv-b's one). Losing hv-a leaves 1 replica,
    // losing hv-b leaves 2: the API stays up either way, with reduced capacity.
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3), layout("hv-a:2", "hv-b:1"));
    assertEquals(RuleStrength.REQUIRED, p.rules().hostnameAntiAffinity());
    assertEquals(RuleStrength.NONE, p.rules().hypervisorAntiAffinity());
    assertEquals(WhenUnsatisfiable.DO_NOT_SCHEDULE, p.rules().hypervisorSpread().orElseThrow().whenUnsatisfiable());
    assertEquals(0, p.analysis().pending());
    DomainImpact a = impact(p, DomainKind.HYPERVISOR, "hv-a");
    DomainImpact b = impact(p, DomainKind.HYPERVISOR, "hv-b");
    assertEquals(2, a.worstCaseReplicas());
    assertEquals(1, b.worstCaseReplicas());
    assertTrue(a.apiSurvivesWorstCase() && b.apiSurvivesWorstCase(), p::report);
    // every slot is taken: no surge pod fits, so Kamaji's default rollout would stall
    assertTrue(p.kamajiDefaultRolloutStalls());
    assertEquals(0, surge(p));
    assertEquals(1, p.strategy().maxUnavailable().orElseThrow().value());

    // The hard rule one might write by hand, one per hypervisor, leaves the third pod Pending.
    PodRules onePerHypervisor = PodRules.of(r -> r.hostnameAntiAffinity(RuleStrength.REQUIRED)
        .hypervisorAntiAffinity(RuleStrength.REQUIRED));
    PlacementAnalysis hand = TwoLevelPlanner.analyse(tenant(3), onePerHypervisor, layout("hv-a:2", "hv-b:1"));
    assertEquals(2, hand.scheduled());
    assertEquals(1, hand.pending());
  }

  @Test
  void anEtcdOfThreeOnTwoHypervisorsCannotKeepItsQuorumAndThePlanSaysWhatWould() {
    // etcd of 3 needs 2 alive. On 2 hypervisors one of them holds at least 2 members in any placement,
    // and losing it leaves 1: no rule can help. The plan says so and names 3 hypervisors as the fix.
    EtcdDataStore etcd = EtcdDataStore.of(d -> d.name("default").namespace("kamaji-system")
        .podSelector(Map.of("app.kubernetes.io/name", "etcd")));
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3).toBuilder().dataStore(etcd).build(),
        layout("hv-a:2", "hv-b:2"));
    DataStorePlan ds = p.dataStore().orElseThrow();
    assertEquals(2, ds.quorum());
    assertFalse(ds.survivesAnyHypervisorLoss());
    assertEquals(OptionalInt.of(3), ds.hypervisorsNeeded());
    assertTrue(ds.reasons().stream().anyMatch(r -> r.startsWith("No placement of 3 etcd members")
        && r.contains("needs 3 hypervisors")), () -> String.join("\n", ds.reasons()));
    // the hypervisor that holds 2 members (worst case: either) loses the quorum
    assertTrue(p.impacts().stream().filter(i -> i.kind() == DomainKind.HYPERVISOR)
        .allMatch(i -> !i.quorumSurvivesWorstCase() && i.remedy().isPresent()), p::report);
    assertEquals(1, ds.disruptionBudgetMaxUnavailable());

    // On 3 hypervisors it can: one member each, required.
    DataStorePlan three = TwoLevelPlanner.plan(tenant(3).toBuilder().dataStore(etcd).build(),
        layout("hv-a:1", "hv-b:1", "hv-c:1")).dataStore().orElseThrow();
    assertTrue(three.survivesAnyHypervisorLoss());
    assertEquals(RuleStrength.REQUIRED, three.rules().hypervisorAntiAffinity());
  }

  @Test
  void threeOverThreeIsOnePerHypervisorRequiredAndRollsOneAtATime() {
    // 3 replicas, 3 hypervisors with one worker each: required anti-affinity on both levels holds every
    // replica apart, and any one failure costs one replica. Nothing is left for a surge pod, so the
    // strategy replaces one replica at a time instead of Kamaji's default.
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3), layout("hv-a:1", "hv-b:1", "hv-c:1"));
    assertEquals(RuleStrength.REQUIRED, p.rules().hypervisorAntiAffinity());
    assertEquals(RuleStrength.REQUIRED, p.rules().hostnameAntiAffinity());
    assertTrue(p.rules().hypervisorSpread().isEmpty());
    assertTrue(p.impacts().stream().allMatch(i -> i.worstCaseReplicas() == 1 && i.apiSurvivesWorstCase()));
    assertEquals(0, surge(p));
    assertEquals(1, p.strategy().maxUnavailable().orElseThrow().value());
    assertEquals(OptionalInt.of(1), p.disruptionBudgetMaxUnavailable());
  }

  @Test
  void unevenWorkersGetAnEnforcedSpreadOnlyWhereTheNumbersAdmitIt() {
    // hv-a has 4 workers, hv-b 1. The least loaded hypervisor caps the others at its count + 1, and hv-b
    // holds at most 1 (one per worker): a DoNotSchedule spread admits 1 + 2 = 3 replicas.
    List<ManagementWorker> uneven = layout("hv-a:4", "hv-b:1");
    TenantPlacementPlan three = TwoLevelPlanner.plan(tenant(3), uneven);
    assertEquals(WhenUnsatisfiable.DO_NOT_SCHEDULE, three.rules().hypervisorSpread().orElseThrow().whenUnsatisfiable());
    assertEquals(3, three.analysis().slots());
    assertEquals(2, impact(three, DomainKind.HYPERVISOR, "hv-a").worstCaseReplicas());
    assertTrue(three.impacts().stream().allMatch(DomainImpact::apiSurvivesWorstCase), three::report);

    // 4 replicas: DoNotSchedule would leave one Pending, so the spread becomes a preference, and the plan
    // warns that then hv-a may hold all 4 (its loss takes the API down in the worst case).
    TenantPlacementPlan four = TwoLevelPlanner.plan(tenant(4), uneven);
    assertEquals(WhenUnsatisfiable.SCHEDULE_ANYWAY, four.rules().hypervisorSpread().orElseThrow().whenUnsatisfiable());
    assertEquals(0, four.analysis().pending());
    DomainImpact a = impact(four, DomainKind.HYPERVISOR, "hv-a");
    assertEquals(4, a.worstCaseReplicas());
    assertFalse(a.apiSurvivesWorstCase());
    assertTrue(a.apiSurvivesExpected(), "the scheduler's preference puts one on hv-b when it can");
    assertTrue(four.warnings().stream().anyMatch(w -> w.contains("only preferred")), four::report);
    // the hostname rule stays required (5 workers), so 1 worker slot is free: one surge pod at a time
    assertEquals(1, surge(four));
    assertEquals(0, four.strategy().maxUnavailable().orElseThrow().value());
    assertFalse(four.kamajiDefaultRolloutStalls());
  }

  @Test
  void kamajisDefaultOfTwoReplicasOnTwoHypervisorsIsOnePerHypervisorAndCannotSurge() {
    // 2 replicas (Kamaji's default) on 3 workers over 2 hypervisors: one per hypervisor fits exactly, so
    // it is required; a surge pod would need a third hypervisor. Kamaji's default rollout would start 2
    // surge pods that no hypervisor takes and stall; one at a time rolls.
    TenantPlacementPlan p = TwoLevelPlanner.plan(TenantRequest.of(t -> t.name("tenant-b")),
        layout("hv-a:2", "hv-b:1"));
    assertEquals(2, p.tenant().replicas());
    assertEquals(RuleStrength.REQUIRED, p.rules().hypervisorAntiAffinity());
    assertTrue(p.kamajiDefaultRolloutStalls());
    assertEquals(0, surge(p));
    assertTrue(p.impacts().stream().allMatch(DomainImpact::apiSurvivesWorstCase));
  }

  @Test
  void anUpgradeOfThreeReplicasOnThreeWorkersRollsWithoutPendingPods() {
    // A version upgrade is a rollout: with maxSurge s, up to r + s pods exist at once, so the rollout
    // has no Pending pod exactly when the rules admit r + s. The chosen strategy does (s = 0: r pods);
    // Kamaji's default (s = r) leaves all r surge pods Pending.
    List<ManagementWorker> ws = layout("hv-a:1", "hv-b:1", "hv-c:1");
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3), ws);
    int during = 3 + surge(p);
    assertEquals(0, TwoLevelPlanner.analyse(tenant(during), p.rules(), ws).pending());
    assertEquals(3, TwoLevelPlanner.analyse(tenant(6), p.rules(), ws).pending());

    // With a fourth worker on a fourth hypervisor there is room for one surge pod at a time.
    List<ManagementWorker> four = layout("hv-a:1", "hv-b:1", "hv-c:1", "hv-d:1");
    TenantPlacementPlan q = TwoLevelPlanner.plan(tenant(3), four);
    assertEquals(1, surge(q));
    assertEquals(0, q.strategy().maxUnavailable().orElseThrow().value());
    assertEquals(0, TwoLevelPlanner.analyse(tenant(3 + surge(q)), q.rules(), four).pending());
  }

  @Test
  void softSpreadOnlyPrefersSoTheWorstCaseCanLoseTheApiWhileTheExpectedCaseDoesNot() {
    // Soft rules are scores: the worst placement they allow is all replicas on one worker. The expected
    // placement, when the scores win, is one per hypervisor.
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3).toBuilder().spread(Spread.SOFT).build(),
        layout("hv-a:2", "hv-b:2", "hv-c:2"));
    assertEquals(RuleStrength.PREFERRED, p.rules().hostnameAntiAffinity());
    DomainImpact w = impact(p, DomainKind.WORKER, "hv-a-w1");
    assertEquals(3, w.worstCaseReplicas());
    assertFalse(w.apiSurvivesWorstCase());
    assertTrue(w.apiSurvivesExpected());
    assertTrue(p.impacts().stream().filter(i -> i.kind() == DomainKind.HYPERVISOR).allMatch(i -> i.expectedReplicas() == 1));
    // nothing required: room for Kamaji's default surge (100%)
    assertEquals("100%", p.strategy().maxSurge().orElseThrow().toString());
    assertEquals(3, surge(p));
    assertFalse(p.kamajiDefaultRolloutStalls());
  }

  @Test
  void moreReplicasThanWorkersWeakenTheHostnameRuleAndSaySo() {
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3), layout("hv-a:1", "hv-b:1"));
    assertEquals(RuleStrength.PREFERRED, p.rules().hostnameAntiAffinity());
    assertEquals(0, p.analysis().pending());
    assertTrue(p.warnings().stream().anyMatch(x -> x.startsWith("3 API-server replicas but only 2 workers")), p::report);
  }

  @Test
  void requestsAndAllocatableLimitReplicasPerWorker() {
    // Each worker has room for 1 replica by memory (3 GiB allocatable, 2 GiB requested): soft rules
    // cannot stack them, so the worst case on a worker is 1.
    List<ManagementWorker> ws = new ArrayList<>();
    for (String hv : List.of("hv-a", "hv-a", "hv-b")) {
      int n = ws.size();
      ws.add(ManagementWorker.of(w -> w.name("w" + n).hypervisor(hv).allocatableMemoryMiB(3072)));
    }
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3).toBuilder().spread(Spread.SOFT).memoryMiB(2048).build(), ws);
    assertTrue(p.analysis().workers().stream().allMatch(l -> l.worstCase() == 1));
    assertEquals(3, p.analysis().slots());
    assertTrue(p.kamajiDefaultRolloutStalls(), "no room for a surge pod by memory");
  }

  @Test
  void cordonedWorkersTakeNoPodsButTheirHypervisorStillCountsForTheSkew() {
    // hv-c's only worker is cordoned: it takes no pod, yet a DoNotSchedule spread still counts hv-c
    // (kube-scheduler counts every domain of the nodes the pod may match), holding the others at 1.
    List<ManagementWorker> ws = new ArrayList<>(layout("hv-a:2", "hv-b:2"));
    ws.add(ManagementWorker.of(w -> w.name("hv-c-w1").hypervisor("hv-c").schedulable(false)));
    PodRules enforced = PodRules.of(r -> r.hostnameAntiAffinity(RuleStrength.REQUIRED)
        .hypervisorAntiAffinity(RuleStrength.NONE)
        .hypervisorSpread(HypervisorSpread.of(s -> s.maxSkew(1).whenUnsatisfiable(WhenUnsatisfiable.DO_NOT_SCHEDULE))));
    assertEquals(2, TwoLevelPlanner.analyse(tenant(3), enforced, ws).slots());
  }

  @Test
  void theReportNamesRulesStrategyAndEveryFailure() {
    TenantPlacementPlan p = TwoLevelPlanner.plan(tenant(3), layout("hv-a:2", "hv-b:1"));
    String r = p.report();
    assertTrue(r.contains("topologySpread topology.clusterstacks.io/hypervisor: maxSkew 1, DoNotSchedule"), r);
    assertTrue(r.contains("strategy: maxSurge 0, maxUnavailable 1 (Kamaji's default would stall)"), r);
    assertTrue(r.contains("hypervisor hv-a: loses 2 of 3 replicas, API stays up, reduced capacity"), r);
    assertTrue(r.contains("  hv-a  2 [2]   hv-a-w1 1 [1]   hv-a-w2 1 [1]"), r);
  }
}
