package io.clusterstacks.core.plan;

import io.clusterstacks.core.Severity;
import static io.clusterstacks.core.plan.TestClouds.cloud;
import static io.clusterstacks.core.plan.TestClouds.scs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackDialects;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived scenarios. Each comment derives the expected answer from the rules: members during a
 * rollout m = replicas + surge; hard anti-affinity needs m hypervisors that are certain; max_server_per_host
 * k needs k x hosts >= m and k < m; etcd quorum q = r/2+1 survives a host loss when the worst-case
 * members on one host w <= (r-1)/2. Control planes rank quorum, then spread, then etcd storage, then
 * members per host; workers rank the flavor first.
 */
class PlannerScenarioTest {

  private static final PlacementPolicy HARD = PlacementPolicy.antiAffinity();
  private static final PlacementPolicy SOFT = PlacementPolicy.softAntiAffinity();
  private static final PlacementPolicy NONE = PlacementPolicy.none();

  private static PlacementPolicy max(int k) {
    return PlacementPolicy.maxPerHost(k);
  }

  private static ClusterPlan plan(CloudProfile cloud, Consumer<ClusterRequest.Builder> spec) {
    return Planner.plan(ClusterRequest.of(r -> {
      r.clusterName("t").kubernetesVersion("v1.34.7");
      spec.accept(r);
    }), cloud);
  }

  private static ClusterPlan cp(CloudProfile cloud, int replicas, OutputMode mode) {
    return plan(cloud, r -> r.mode(mode).controlPlane(ControlPlaneRequest.of(c -> c.replicas(replicas))));
  }

  private static void assertRole(RolePlan role, String flavor, PlacementPolicy policy, int surge, int worst) {
    assertEquals(flavor, role.flavor().name(), "flavor");
    assertEquals(policy, role.placement().policy(), "policy");
    assertEquals(surge, role.placement().maxSurge(), "surge");
    assertEquals(worst, role.placement().worstCasePerHost(), "worst case per host");
  }

  private static RolePlan cpOf(ClusterPlan p) {
    return p.controlPlane().orElseThrow();
  }

  // ---------------------------------------------------------------- exact hosts, topology, 3 replicas

  @Test
  void oneHostTopologyThreeReplicasGetsNoGroupAndFailsScs0214() {
    // H=1 exact, m=3+1=4. Hard needs 4 hosts; max_server_per_host would need k>=4=m (no limit at all);
    // every group on one host spreads nothing, so no group wins. All 3 members share the host: scs-0214 not met.
    ClusterPlan p = cp(cloud(HostCount.exact(1)), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", NONE, 1, 3);
    assertEquals(Scs0214Verdict.NOT_MET, p.quorum().orElseThrow().scs0214());
    assertFalse(p.warnings(PlanWarning.Code.SCS_0214).isEmpty());
  }

  @Test
  void twoHostsTopologyThreeReplicasGetsMaxTwoPerHostAndLosesQuorumWithOneHost() {
    // H=2, m=4: hard needs 4 > 2. k = ceil(4/2) = 2 < 4 fits 2x2=4. Worst 2 > (3-1)/2=1: quorum lost,
    // but spread over 2 hosts is guaranteed (2 < 3), which beats soft (no guarantee). Local SSD kept.
    ClusterPlan p = cp(cloud(HostCount.exact(2)), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 2);
    assertFalse(p.quorum().orElseThrow().survivesHostLossWorstCase());
    assertEquals(Scs0214Verdict.GUARANTEED, p.quorum().orElseThrow().scs0214());
  }

  @Test
  void threeHostsTopologyThreeReplicasGetsMaxTwoPerHostWithTheSurgeTradeOff() {
    // H=3, m=4 (maxSurge 1 fixed by the ClusterClass): hard needs 4 > 3. k=ceil(4/3)=2 places all.
    // Worst 2 per host > 1 tolerable: quorum lost when that host fails; the plan must say so.
    ClusterPlan p = cp(cloud(HostCount.exact(3)), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 2);
    assertTrue(cpOf(p).placement().tradeOff().isPresent());
    assertFalse(p.warnings(PlanWarning.Code.SURGE_TRADE_OFF).isEmpty());
  }

  @Test
  void fourHostsTopologyThreeReplicasGetsHardAntiAffinity() {
    // H=4, m=4 <= 4: hard fits, worst 1 <= 1, quorum survives any host loss (tier 0).
    ClusterPlan p = cp(cloud(HostCount.exact(4)), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", HARD, 1, 1);
    assertTrue(p.quorum().orElseThrow().survivesHostLossWorstCase());
    assertTrue(cpOf(p).placement().tradeOff().isEmpty());
  }

  @Test
  void fiveHostsTopologyThreeReplicasGetsHardAntiAffinity() {
    // H=5 > m=4: hard fits with a spare host.
    assertRole(cpOf(cp(cloud(HostCount.exact(5)), 3, OutputMode.TOPOLOGY)), "SCS-2V-4-20s", HARD, 1, 1);
  }

  @Test
  void sixHostsTopologyThreeReplicasGetsHardAntiAffinity() {
    // H=6 > m=4: hard fits.
    assertRole(cpOf(cp(cloud(HostCount.exact(6)), 3, OutputMode.TOPOLOGY)), "SCS-2V-4-20s", HARD, 1, 1);
  }

  // ---------------------------------------------------------------- raw mode, 3 replicas

  @Test
  void twoHostsRawThreeReplicasKeepsSurgeOneWithMaxTwo() {
    // H=2: surge 0 gives m=3 > 2 (no hard); k=2 works with either surge and gives worst 2 either way,
    // so surge 1 is kept (surge 0 only pays off when it buys a stronger placement).
    assertRole(cpOf(cp(cloud(HostCount.exact(2)), 3, OutputMode.RAW_CAPI)), "SCS-2V-4-20s", max(2), 1, 2);
  }

  @Test
  void threeHostsRawThreeReplicasUsesMaxSurgeZeroForHardAntiAffinity() {
    // H=3: surge 0 gives m=3 <= 3, so hard anti-affinity fits and quorum survives (w=1); with surge 1 only k=2.
    ClusterPlan p = cp(cloud(HostCount.exact(3)), 3, OutputMode.RAW_CAPI);
    assertRole(cpOf(p), "SCS-2V-4-20s", HARD, 0, 1);
    assertTrue(cpOf(p).placement().tradeOff().orElseThrow().contains("maxSurge 0"));
  }

  @Test
  void fourHostsRawThreeReplicasKeepsSurgeOneWithHard() {
    // H=4: hard fits with surge 1 (m=4) and surge 0 (m=3); same placement, so surge 1 is kept.
    assertRole(cpOf(cp(cloud(HostCount.exact(4)), 3, OutputMode.RAW_CAPI)), "SCS-2V-4-20s", HARD, 1, 1);
  }

  // ---------------------------------------------------------------- microversions

  @Test
  void threeHostsTopologyWithoutMicroversion264FallsBackToSoft() {
    // No 2.64: k rules are rejected. Hard needs 4 > 3. Soft: worst 3 (no bound), expected ceil(4/3) = 2 < 3
    // (spread likely); no group: worst and expected 3. Soft wins on expected spread.
    ClusterPlan p = cp(cloud(HostCount.exact(3), "2.60", 10, b -> {}), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", SOFT, 1, 3);
    assertEquals(2, cpOf(p).placement().expectedPerHost());
    assertEquals(Scs0214Verdict.LIKELY_NOT_GUARANTEED, p.quorum().orElseThrow().scs0214());
  }

  @Test
  void threeHostsTopologyWithOnlyMicroversion21HasNoGroupAndSuggestsRawMode() {
    // Only 2.1: no soft, no k. Hard needs 4 > 3. Left: no group, worst 3. The alternatives must include
    // raw mode (surge 0: hard on 3 hosts works at 2.1) and a 4th hypervisor.
    ClusterPlan p = cp(cloud(HostCount.exact(3), "2.1", 10, b -> {}), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", NONE, 1, 3);
    List<String> changes = cpOf(p).placement().alternatives().stream().map(Alternative::change).toList();
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("raw CAPI mode")), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("add 1 hypervisor")), changes.toString());
  }

  @Test
  void fourHostsTopologyWithOnlyMicroversion21StillGetsHard() {
    // Hard anti-affinity needs only 2.1; H=4 >= m=4.
    assertRole(cpOf(cp(cloud(HostCount.exact(4), "2.1", 10, b -> {}), 3, OutputMode.TOPOLOGY)), "SCS-2V-4-20s", HARD, 1, 1);
  }

  // ---------------------------------------------------------------- five replicas

  @Test
  void threeHostsTopologyFiveReplicasGetsMaxTwoAndKeepsQuorum() {
    // r=5, m=6, H=3: k=ceil(6/3)=2 < 6. Worst 2 <= (5-1)/2 = 2: quorum (3) survives losing any host.
    ClusterPlan p = cp(cloud(HostCount.exact(3)), 5, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 2);
    assertTrue(p.quorum().orElseThrow().survivesHostLossWorstCase());
  }

  @Test
  void fiveHostsTopologyFiveReplicasGetsMaxTwo() {
    // r=5, m=6 > H=5: no hard. k=ceil(6/5)=2: worst 2 <= 2, quorum survives.
    assertRole(cpOf(cp(cloud(HostCount.exact(5)), 5, OutputMode.TOPOLOGY)), "SCS-2V-4-20s", max(2), 1, 2);
  }

  @Test
  void sixHostsTopologyFiveReplicasGetsHard() {
    // m=6 <= H=6: hard, worst 1.
    assertRole(cpOf(cp(cloud(HostCount.exact(6)), 5, OutputMode.TOPOLOGY)), "SCS-2V-4-20s", HARD, 1, 1);
  }

  @Test
  void fiveHostsRawFiveReplicasUsesSurgeZeroForHard() {
    // Raw: surge 0 gives m=5 <= 5, hard with worst 1; surge 1 only k=2 (worst 2). Both keep quorum,
    // so the worst-case term decides: hard with surge 0.
    assertRole(cpOf(cp(cloud(HostCount.exact(5)), 5, OutputMode.RAW_CAPI)), "SCS-2V-4-20s", HARD, 0, 1);
  }

  @Test
  void twoHostsTopologyFiveReplicasGetsMaxThree() {
    // m=6, H=2: k=3 (3x2=6). Worst 3 > 2: quorum can be lost, but the spread is guaranteed.
    ClusterPlan p = cp(cloud(HostCount.exact(2)), 5, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", max(3), 1, 3);
    assertFalse(p.quorum().orElseThrow().survivesHostLossWorstCase());
  }

  @Test
  void fourHostsTopologyFiveReplicasWithoutMaxRuleGetsSoft() {
    // No 2.64, m=6 > 4: soft; rollouts add each member to a least-loaded host, so at most ceil(6/4) = 2
    // are expected on one host: quorum (3 of 5) holds in the expected case, not in the worst case (5).
    ClusterPlan p = cp(cloud(HostCount.exact(4), "2.60", 10, b -> {}), 5, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", SOFT, 1, 5);
    assertEquals(2, cpOf(p).placement().expectedPerHost());
    assertTrue(p.quorum().orElseThrow().survivesHostLossExpected());
    assertFalse(p.quorum().orElseThrow().survivesHostLossWorstCase());
  }

  // ---------------------------------------------------------------- one replica

  @Test
  void oneReplicaGetsNoGroupAndFailsScs0214() {
    // r=1: a group with one member spreads nothing; the single node cannot be spread (scs-0214 not met).
    ClusterPlan p = cp(cloud(HostCount.exact(3)), 1, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", NONE, 1, 1);
    assertEquals(Scs0214Verdict.NOT_MET, p.quorum().orElseThrow().scs0214());
  }

  @Test
  void oneReplicaRawCannotUseSurgeZero() {
    // KubeadmControlPlane rejects maxSurge 0 below 3 replicas, so surge stays 1.
    assertRole(cpOf(cp(cloud(HostCount.exact(6)), 1, OutputMode.RAW_CAPI)), "SCS-2V-4-20s", NONE, 1, 1);
  }

  // ---------------------------------------------------------------- lower bounds, unknown, declared

  @Test
  void lowerBoundThreeIsTreatedAsThreeCertainHosts() {
    // "At least 3": hard needs 4 certain hosts; only 3 are certain. k=2 fits 2x3 >= 4.
    ClusterPlan p = cp(cloud(HostCount.lowerBound(3)), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 2);
    assertFalse(p.warnings(PlanWarning.Code.HOST_COUNT).isEmpty());
  }

  @Test
  void lowerBoundFourAllowsHard() {
    // At least 4 certain hosts >= m=4: hard.
    assertRole(cpOf(cp(cloud(HostCount.lowerBound(4)), 3, OutputMode.TOPOLOGY)), "SCS-2V-4-20s", HARD, 1, 1);
  }

  @Test
  void lowerBoundTwoRawKeepsSurgeOneWithMaxTwo() {
    // At least 2: surge 0 gives m=3 > 2 (no hard). k=2 either way: surge 1 kept.
    assertRole(cpOf(cp(cloud(HostCount.lowerBound(2)), 3, OutputMode.RAW_CAPI)), "SCS-2V-4-20s", max(2), 1, 2);
  }

  @Test
  void unknownHostsGetSoftAntiAffinity() {
    // Unknown: only 1 host is certain, so hard (m=4) and any k < m are impossible. Soft never blocks a boot
    // and spreads when hosts exist; it beats no group on policy strength.
    ClusterPlan p = cp(cloud(HostCount.unknown()), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", SOFT, 1, 3);
    assertFalse(p.warnings(PlanWarning.Code.HOST_COUNT).isEmpty());
  }

  @Test
  void unknownHostsRawKeepsSurgeOne() {
    // Surge 0 buys nothing when no host count is certain.
    assertRole(cpOf(cp(cloud(HostCount.unknown()), 3, OutputMode.RAW_CAPI)), "SCS-2V-4-20s", SOFT, 1, 3);
  }

  @Test
  void declaredThreeIsPlannedLikeExactThree() {
    // Declared counts are planned as exact (and reported as unverified).
    ClusterPlan p = cp(cloud(HostCount.declared(3)), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 2);
    assertTrue(p.warnings(PlanWarning.Code.HOST_COUNT).get(0).message().contains("declared"));
  }

  @Test
  void declaredFourGetsHard() {
    assertRole(cpOf(cp(cloud(HostCount.declared(4)), 3, OutputMode.TOPOLOGY)), "SCS-2V-4-20s", HARD, 1, 1);
  }

  // ---------------------------------------------------------------- tolerance

  @Test
  void requiredToleranceOnThreeHostsTopologyIsInfeasibleWithOptions() {
    // No topology plan on 3 hosts keeps quorum in the worst case (see the 3-host scenario). The options:
    // raw mode (hard with surge 0), a 4th hypervisor (hard with surge 1), or accepting the risk.
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> plan(cloud(HostCount.exact(3)),
        r -> r.hostFailureTolerance(HostFailureTolerance.REQUIRED)));
    assertEquals("control-plane", e.role());
    List<String> changes = e.options().stream().map(Alternative::change).toList();
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("use raw CAPI mode")), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("add 1 hypervisor")), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("accept the quorum risk")), changes.toString());
    assertTrue(e.violations().stream().anyMatch(v -> v.contains("quorum")), e.violations().toString());
  }

  @Test
  void requiredToleranceOnThreeHostsRawIsMetBySurgeZero() {
    ClusterPlan p = plan(cloud(HostCount.exact(3)), r -> r.mode(OutputMode.RAW_CAPI)
        .hostFailureTolerance(HostFailureTolerance.REQUIRED));
    assertRole(cpOf(p), "SCS-2V-4-20s", HARD, 0, 1);
  }

  /** Local SSD on 2 hosts (class local-ssd), everything else on 4 hosts. */
  private static CloudProfile fewSsdHosts() {
    return cloud(HostCount.exact(4), "2.96", 10, b -> b
        .hypervisors(Hypervisors.of(h -> h.total(HostCount.exact(4)).putByHostClass("local-ssd", HostCount.exact(2))))
        .flavors(List.of(
            CloudFlavor.builder().from(scs("SCS-2V-4-20s", 2, 4, 20, "ssd")).hostClass("local-ssd").build(),
            scs("SCS-2V-4", 2, 4, 0, ""))));
  }

  @Test
  void preferredToleranceTradesLocalSsdForQuorumWhenSsdHostsAreTooFew() {
    // SSD flavor: 2 hosts, k=2, worst 2 > 1 (quorum lost). Diskless: 4 hosts, hard, worst 1 (quorum kept).
    // Quorum ranks above storage, so etcd goes to network storage, with a warning that names the SSD flavor.
    ClusterPlan p = cp(fewSsdHosts(), 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4", HARD, 1, 1);
    String warning = p.warnings(PlanWarning.Code.ETCD_ON_NETWORK_STORAGE).get(0).message();
    assertTrue(warning.contains("SCS-2V-4-20s"), warning);
  }

  @Test
  void notNeededToleranceKeepsLocalSsdOnFewHosts() {
    // Without the quorum term both candidates guarantee spread; etcd storage decides: local SSD with k=2.
    ClusterPlan p = plan(fewSsdHosts(), r -> r.hostFailureTolerance(HostFailureTolerance.NOT_NEEDED));
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 2);
  }

  // ---------------------------------------------------------------- storage and CPU

  @Test
  void noLocalFlavorFallsBackToNetworkStorageWithTheEtcdWarning() {
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.flavors(List.of(scs("SCS-2V-4", 2, 4, 0, ""),
        scs("SCS-4V-8", 4, 8, 0, ""))));
    ClusterPlan p = cp(c, 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4", HARD, 1, 1);
    String w = p.warnings(PlanWarning.Code.ETCD_ON_NETWORK_STORAGE).get(0).message();
    assertTrue(w.contains("leader") && w.contains("no local-SSD/NVMe flavor"), w);
    assertFalse(cpOf(p).rootDisk().fromFlavorDisk());
  }

  @Test
  void networkStorageForbiddenWithoutLocalFlavorIsInfeasible() {
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.flavors(List.of(scs("SCS-2V-4", 2, 4, 0, ""))));
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> plan(c,
        r -> r.controlPlane(ControlPlaneRequest.of(cp -> cp.allowNetworkStorage(false)))));
    assertTrue(e.options().stream().anyMatch(o -> o.change().startsWith("allow etcd on network storage")), e.getMessage());
  }

  @Test
  void moreVcpusRequiredPicksTheLargerSsdFlavor() {
    // min 4 vCPU: SCS-2V-4-20s misses; SCS-4V-16-100s is the only local-SSD flavor that fits.
    ClusterPlan p = plan(cloud(HostCount.exact(4)), r -> r.controlPlane(ControlPlaneRequest.of(c -> c
        .requirements(RoleRequirements.of(q -> q.minVcpus(4))))));
    assertEquals("SCS-4V-16-100s", cpOf(p).flavor().name());
    assertTrue(cpOf(p).flavor().runnersUp().stream().anyMatch(u -> u.name().equals("SCS-2V-4-20s")
        && u.whyLost().contains("2 vCPU, needs at least 4")), cpOf(p).flavor().runnersUp().toString());
  }

  @Test
  void crowdedAndOversubscribedFlavorsAreNotUsedForEtcd() {
    // SCS-2L-4-20s (crowded cores) and SCS-2V-4o-20s (RAM oversubscribed) have the same size as
    // SCS-2V-4-20s; the control plane excludes L and o by default.
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.flavors(List.of(
        scs("SCS-2L-4-20s", 2, 4, 20, "ssd"), scs("SCS-2V-4o-20s", 2, 4, 20, "ssd"), scs("SCS-2V-4-20s", 2, 4, 20, "ssd"))));
    ClusterPlan p = cp(c, 3, OutputMode.TOPOLOGY);
    assertEquals("SCS-2V-4-20s", cpOf(p).flavor().name());
  }

  @Test
  void aFlavorThatUnderDeliversItsNameLosesToAnHonestOne() {
    // "SCS-4V-8-20s" has only 2 real vCPUs (scs-0100 semantics violated); an honest SCS-2V-8-20s has the
    // same real values. The honest one wins on the consistency term.
    CloudFlavor liar = CloudFlavor.builder().from(scs("SCS-4V-8-20s", 2, 8, 20, "ssd")).build();
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.flavors(List.of(liar, scs("SCS-2V-8-20s", 2, 8, 20, "ssd"))));
    ClusterPlan p = cp(c, 3, OutputMode.TOPOLOGY);
    assertEquals("SCS-2V-8-20s", cpOf(p).flavor().name());
    assertTrue(cpOf(p).flavor().runnersUp().get(0).whyLost().contains("fall short"), cpOf(p).flavor().runnersUp().toString());
  }

  @Test
  void anUnderDeliveringFlavorThatIsTheOnlyChoiceIsUsedWithAWarning() {
    CloudFlavor liar = scs("SCS-4V-8-20s", 2, 8, 20, "ssd");
    ClusterPlan p = cp(cloud(HostCount.exact(4), "2.96", 10, b -> b.flavors(List.of(liar))), 3, OutputMode.TOPOLOGY);
    assertEquals("SCS-4V-8-20s", cpOf(p).flavor().name());
    assertTrue(p.warnings(PlanWarning.Code.FLAVOR_NAME_MISMATCH).get(0).message().contains("promises 4 vCPU"));
  }

  // ---------------------------------------------------------------- pins

  @Test
  void aFlavorPinnedByIdIsUsed() {
    CloudProfile ref = CloudProfiles.bundled("scs-reference");
    String id = ref.flavor("SCS-4V-16-100s").orElseThrow().id();
    ClusterPlan p = plan(ref, r -> r.controlPlane(ControlPlaneRequest.of(c -> c.flavor(id))));
    assertEquals("SCS-4V-16-100s", cpOf(p).flavor().name());
    assertTrue(cpOf(p).flavor().pinned());
  }

  @Test
  void aMissingPinnedFlavorSuggestsTheNearest() {
    // SCS-2V-4-20 does not exist on the reference cloud (cluster-stacks#190); nearest by decoded values.
    FlavorNotFoundException e = assertThrows(FlavorNotFoundException.class, () -> plan(CloudProfiles.bundled("scs-reference"),
        r -> r.controlPlane(ControlPlaneRequest.of(c -> c.flavor("SCS-2V-4-20")))));
    assertTrue(e.nearest().contains("SCS-2V-4-20s"), e.nearest().toString());
    assertTrue(e.getMessage().contains("SCS-2V-4-20"), e.getMessage());
  }

  @Test
  void pinnedHardPolicyThatCannotWorkIsInfeasibleWithOptions() {
    // Hard with m=4 on 3 hosts cannot place the rollout member; options: unpin, raw mode, add a host.
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> plan(cloud(HostCount.exact(3)),
        r -> r.controlPlane(ControlPlaneRequest.of(c -> c.policy(HARD)))));
    List<String> changes = e.options().stream().map(Alternative::change).toList();
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("let the planner choose")), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("use raw CAPI mode")), changes.toString());
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("add 1 hypervisor")), changes.toString());
  }

  @Test
  void aPinnedCrowdedFlavorIsUsedButWarned() {
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.addFlavors(scs("SCS-2L-4-20s", 2, 4, 20, "ssd")));
    ClusterPlan p = plan(c, r -> r.controlPlane(ControlPlaneRequest.of(cp -> cp.flavor("SCS-2L-4-20s"))));
    assertEquals("SCS-2L-4-20s", cpOf(p).flavor().name());
    assertTrue(p.warnings(PlanWarning.Code.PINNED_CHOICE).get(0).message().contains("crowded"));
  }

  // ---------------------------------------------------------------- workers

  private static RolePlan worker(CloudProfile c, int replicas) {
    return plan(c, r -> r.addWorkers(WorkerRequest.of("md-0", replicas))).worker("md-0").orElseThrow();
  }

  @Test
  void threeWorkersOnThreeHostsGetMaxTwo() {
    // Workers: smallest fitting flavor first (SCS-2V-4, diskless). m=3+1=4 > 3: k=2, worst 2 (soft: 3).
    assertRole(worker(cloud(HostCount.exact(3)), 3), "SCS-2V-4", max(2), 1, 2);
  }

  @Test
  void threeWorkersOnFourHostsGetHard() {
    assertRole(worker(cloud(HostCount.exact(4)), 3), "SCS-2V-4", HARD, 1, 1);
  }

  @Test
  void workersWithoutMaxRuleGetSoftAndTheParallelBootWarning() {
    // No 2.64: soft is the best bounded-by-nothing option; machine deployments boot in parallel, so the race is warned.
    ClusterPlan p = plan(cloud(HostCount.exact(3), "2.60", 10, b -> {}), r -> r.addWorkers(WorkerRequest.of("md-0", 3)));
    assertRole(p.worker("md-0").orElseThrow(), "SCS-2V-4", SOFT, 1, 3);
    String w = p.warnings(PlanWarning.Code.PARALLEL_BOOT_RACE).get(0).message();
    assertTrue(w.contains("in steps") && w.contains("max_server_per_host"), w);
  }

  @Test
  void eightWorkersFitOneGroupUnderTheMemberQuota() {
    // m=8+1=9 <= 10: one group; k=ceil(9/3)=3, worst 3.
    RolePlan w = worker(cloud(HostCount.exact(3)), 8);
    assertRole(w, "SCS-2V-4", max(3), 1, 3);
    assertEquals(1, w.deployments().size());
  }

  @Test
  void nineWorkersExactlyFillTheMemberQuota() {
    // m=9+1=10 <= 10: still one group; k=ceil(10/3)=4, worst 4.
    RolePlan w = worker(cloud(HostCount.exact(3)), 9);
    assertRole(w, "SCS-2V-4", max(4), 1, 4);
    assertEquals(1, w.deployments().size());
  }

  @Test
  void tenWorkersAreSplitIntoTwoGroups() {
    // m=11 > 10 members: split into ceil(10/9)=2 deployments of 5+5, m=6 each: k=2, worst 2+2=4,
    // better than no group (worst 10).
    ClusterPlan p = plan(cloud(HostCount.exact(3)), r -> r.addWorkers(WorkerRequest.of("md-0", 10)));
    RolePlan w = p.worker("md-0").orElseThrow();
    assertRole(w, "SCS-2V-4", max(2), 1, 4);
    assertEquals(List.of("md-0-1", "md-0-2"), w.deployments().stream().map(RolePlan.Deployment::name).toList());
    assertEquals(List.of(5, 5), w.placement().groupSizes());
    assertFalse(p.warnings(PlanWarning.Code.DEPLOYMENT_SPLIT).isEmpty());
  }

  @Test
  void elevenWorkersAreSplitIntoSixAndFive() {
    // 11 workers: 2 groups (6+5), m=7: k=ceil(7/3)=3, worst min(3,6)+min(3,5)=6.
    RolePlan w = worker(cloud(HostCount.exact(3)), 11);
    assertRole(w, "SCS-2V-4", max(3), 1, 6);
    assertEquals(List.of(6, 5), w.placement().groupSizes());
  }

  @Test
  void tenWorkersOnTwelveHostsSplitIntoTwoHardGroups() {
    // Split 5+5, m=6 <= 12: hard per group; two groups may share hosts, worst 2.
    assertRole(worker(cloud(HostCount.exact(12)), 10), "SCS-2V-4", HARD, 1, 2);
  }

  @Test
  void tenWorkersWithUnlimitedMembersStayInOneGroup() {
    // Member quota -1: one group of m=11 on 3 hosts: k=4, worst 4.
    RolePlan w = worker(cloud(HostCount.exact(3), "2.96", -1, b -> {}), 10);
    assertRole(w, "SCS-2V-4", max(4), 1, 4);
    assertEquals(1, w.deployments().size());
  }

  @Test
  void workersGetNoGroupWhenTheServerGroupQuotaIsUsedUp() {
    // One server group left: the control plane takes it; the workers must do without.
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.quotas(Quotas.of(q -> q.instances(Quota.of(500))
        .cores(Quota.of(5000)).ramMiB(Quota.of(10_000_000)).serverGroups(new Quota(10, 9)))));
    ClusterPlan p = plan(c, r -> r.addWorkers(WorkerRequest.of("md-0", 3)));
    assertEquals(HARD, cpOf(p).placement().policy());
    assertEquals(NONE, p.worker("md-0").orElseThrow().placement().policy());
    assertTrue(p.worker("md-0").orElseThrow().placement().reasons().stream().anyMatch(s -> s.contains("server-group quota")));
  }

  @Test
  void zeroWorkersGetNoGroup() {
    assertRole(worker(cloud(HostCount.exact(3)), 0), "SCS-2V-4", NONE, 1, 0);
  }

  @Test
  void workerRequirementsPickTheSmallestFittingFlavor() {
    // min 4 vCPU / 8 GiB: SCS-4V-8 (diskless) is the only fit besides SCS-4V-16-100s, and smaller.
    ClusterPlan p = plan(cloud(HostCount.exact(4)), r -> r.addWorkers(WorkerRequest.of(w -> w.name("big").replicas(2)
        .requirements(RoleRequirements.of(q -> q.minVcpus(4).minRamMiB(8192))))));
    assertEquals("SCS-4V-8", p.worker("big").orElseThrow().flavor().name());
  }

  @Test
  void aControlPlaneMemberQuotaBelowTheSurgeForbidsGroupsInTopologyButNotInRawMode() {
    // Member quota 3: m=4 in topology does not fit a group (a control plane cannot be split): no group.
    // Raw mode: surge 0 gives m=3 <= 3 and H=5: hard.
    CloudProfile c = cloud(HostCount.exact(5), "2.96", 3, b -> {});
    assertEquals(NONE, cpOf(cp(c, 3, OutputMode.TOPOLOGY)).placement().policy());
    assertRole(cpOf(cp(c, 3, OutputMode.RAW_CAPI)), "SCS-2V-4-20s", HARD, 0, 1);
  }

  // ---------------------------------------------------------------- bundled profiles, dialects, maintenance

  @Test
  void largeMultiAzPutsThreeReplicasOnSixSsdHostsWithHardAntiAffinity() {
    // Local-SSD class: 6 exact hosts >= m=4: hard. 3 zones: at most 1 member per zone, a zone loss keeps quorum.
    ClusterPlan p = plan(CloudProfiles.bundled("large-multi-az"), r -> {});
    assertRole(cpOf(p), "SCS-2V-4-20s", HARD, 1, 1);
    assertTrue(p.quorum().orElseThrow().zones().contains("keeps quorum"), p.quorum().orElseThrow().zones());
  }

  @Test
  void largeMultiAzSevenReplicasStayOnSsdWithMaxTwo() {
    // r=7, m=8 > 6 SSD hosts: k=2 (12 >= 8), worst 2 <= 3 keeps quorum. Network flavors (24 hosts) could
    // be hard, but both keep quorum and spread, so etcd storage decides: local SSD with k=2.
    ClusterPlan p = plan(CloudProfiles.bundled("large-multi-az"), r -> r.controlPlane(ControlPlaneRequest.of(c -> c.replicas(7))));
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 2);
    assertTrue(p.quorum().orElseThrow().survivesHostLossWorstCase());
  }

  @Test
  void threeZonesOfOneHostKeepQuorumWhereOneZoneOfThreeHostsCannot() {
    // 3 hosts, one per availability zone. Hard needs 4 > 3 in topology mode; k=2 fits. KubeadmControlPlane
    // balances the 3 members over the 3 zones (one host each), so after any rollout at most ceil(3/3) = 1
    // member shares a host: worst 1, quorum survives. The same 3 hosts in one zone give worst 2 (see above).
    CloudProfile c = cloud(HostCount.exact(3), "2.96", 10, b -> b.availabilityZones(List.of("az1", "az2", "az3"))
        .hypervisors(Hypervisors.of(h -> h.total(HostCount.exact(3)).putByZone("az1", HostCount.exact(1))
            .putByZone("az2", HostCount.exact(1)).putByZone("az3", HostCount.exact(1)))));
    ClusterPlan p = cp(c, 3, OutputMode.TOPOLOGY);
    assertRole(cpOf(p), "SCS-2V-4-20s", max(2), 1, 1);
    assertTrue(p.quorum().orElseThrow().survivesHostLossWorstCase());
    assertTrue(cpOf(p).placement().tradeOff().isEmpty());
    assertTrue(p.quorum().orElseThrow().zones().contains("at most 1 per zone"), p.quorum().orElseThrow().zones());
  }

  @Test
  void workersAreNotSpreadByZones() {
    // A machine deployment has one failure domain: zones do not bound its members per host.
    CloudProfile c = cloud(HostCount.exact(3), "2.96", 10, b -> b.availabilityZones(List.of("az1", "az2", "az3")));
    assertRole(worker(c, 3), "SCS-2V-4", max(2), 1, 2);
  }

  @Test
  void kamajiHasNoControlPlaneMachines() {
    ClusterPlan p = plan(CloudProfiles.bundled("scs-reference"), r -> r.dialect(StackDialects.kamaji())
        .addWorkers(WorkerRequest.of("md-0", 2)));
    assertTrue(p.controlPlane().isEmpty());
    assertTrue(p.quorum().isEmpty());
    assertEquals(1, p.workers().size());
  }

  @Test
  void rawKamajiRendersTheRequestedApiServersAsAKamajiControlPlane() {
    // Kubernetes 1.33 has no kamaji ClusterClass: raw CAPI mode with the dialect; the API servers are pods,
    // so the request's control-plane replicas go to the KamajiControlPlane, and no server is planned for them
    ClusterPlan p = plan(CloudProfiles.bundled("scs-reference"), r -> r.dialect(StackDialects.kamaji())
        .mode(io.clusterstacks.core.model.OutputMode.RAW_CAPI).kubernetesVersion("v1.33.4")
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(5))).addWorkers(WorkerRequest.of("md-0", 2)));
    assertTrue(p.controlPlane().isEmpty());
    var m = p.manifests(b -> b.dataStore("default"));
    var kcp = m.find("KamajiControlPlane", p.request().clusterName() + "-control-plane").orElseThrow();
    assertEquals(5, ((Number) ((java.util.Map<?, ?>) kcp.toMap().get("spec")).get("replicas")).intValue());
    assertTrue(m.ofKind("KubeadmControlPlane").isEmpty());
    assertTrue(io.clusterstacks.core.validation.CrdValidator.strict().validate(m).isValid());
  }

  @Test
  void scs2Release133v1CannotBootTheControlPlaneFromItsSsd() {
    // controlPlaneRootDisk has minimum 1 and default 50 in 1-33-v1: every server gets a network volume.
    ClusterPlan p = Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.33.10").dialect(StackDialects.scs2Release133v1())),
        CloudProfiles.bundled("scs-reference"));
    assertFalse(cpOf(p).rootDisk().expressible());
    assertTrue(p.warnings(PlanWarning.Code.ROOT_DISK).get(0).message().contains("etcd runs on network storage"));
  }

  @Test
  void scsDialectOmitsTheRootDiskVariable() {
    ClusterPlan p = Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.32.5")
        .className(ClusterClassName.of("scs", "1.32", "v1"))), CloudProfiles.bundled("scs-reference"));
    assertTrue(cpOf(p).rootDisk().fromFlavorDisk());
    assertTrue(cpOf(p).rootDisk().expression().startsWith("leave controller_root_disk unset"), cpOf(p).rootDisk().expression());
  }

  @Test
  void scs2SetsTheRootDiskToZero() {
    ClusterPlan p = plan(CloudProfiles.bundled("scs-reference"), r -> r.className(ClusterClassName.of("scs2", "1.34", "v1")));
    assertTrue(cpOf(p).rootDisk().expression().startsWith("controlPlaneRootDisk: 0"), cpOf(p).rootDisk().expression());
  }

  @Test
  void rawModePutsTheRestartOptInIntoServerMetadata() {
    ClusterPlan p = plan(CloudProfiles.bundled("two-hypervisors"), r -> r.mode(OutputMode.RAW_CAPI));
    MaintenanceOptIn m = cpOf(p).maintenance();
    assertEquals(MaintenanceOptIn.Method.SERVER_METADATA, m.method());
    assertEquals("ps_restart_after_maint", m.key().orElseThrow());
    assertTrue(cpOf(p).rootDisk().expression().startsWith("no rootVolume"));
  }

  @Test
  void topologyModeSetsTheRestartOptInAfterBoot() {
    ClusterPlan p = plan(CloudProfiles.bundled("two-hypervisors"), r -> {});
    assertEquals(MaintenanceOptIn.Method.CLOUD_API_AFTER_BOOT, cpOf(p).maintenance().method());
    assertTrue(cpOf(p).maintenance().explanation().contains("POST"), cpOf(p).maintenance().explanation());
  }

  @Test
  void pluscloudOpenStyleProfileOptsLocalSsdServersIntoARestartInEachMode() {
    CloudProfile edge = CloudProfiles.bundled("two-hypervisors");
    assertEquals(Optional.of("ps_restart_after_maint"), edge.quirks().restartAfterMaintenanceKey());
    ClusterPlan raw = plan(edge, r -> r.mode(OutputMode.RAW_CAPI));
    assertTrue(cpOf(raw).flavor().flavor().diskGB() > 0, "the control plane is on a local-SSD flavor");
    assertEquals(Map.of("ps_restart_after_maint", "true"), raw.toClusterSpec().controlPlane().serverMetadata());
    assertTrue(raw.warnings(PlanWarning.Code.MAINTENANCE).isEmpty(), raw.warnings(PlanWarning.Code.MAINTENANCE).toString());
    ClusterPlan topology = plan(edge, r -> r.className(ClusterClassName.of("scs2", "1.34", "v2")));
    MaintenanceOptIn m = cpOf(topology).maintenance();
    assertEquals(MaintenanceOptIn.Method.CLOUD_API_AFTER_BOOT, m.method());
    assertTrue(topology.toClusterSpec(b -> { }).controlPlane().serverMetadata().isEmpty(),
        "the ClusterClass has no variable for server metadata");
    List<PlanWarning> w = topology.warnings(PlanWarning.Code.MAINTENANCE);
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).message().contains("ps_restart_after_maint=true") && w.get(0).message().contains("through the cloud API"),
        w.get(0).message());
    assertTrue(topology.report().contains("CLOUD_API_AFTER_BOOT"), topology.report());
  }

  @Test
  void aGenericCloudHasNoKnownRestartOptInForLocalSsdServers() {
    ClusterPlan p = plan(CloudProfiles.bundled("scs-reference"), r -> r.mode(OutputMode.RAW_CAPI));
    assertEquals(MaintenanceOptIn.Method.NO_KNOWN_OPT_IN, cpOf(p).maintenance().method());
    assertTrue(p.toClusterSpec().controlPlane().serverMetadata().isEmpty());
    List<PlanWarning> w = p.warnings(PlanWarning.Code.MAINTENANCE);
    assertEquals(1, w.size(), w.toString());
    assertTrue(w.get(0).message().contains("no known restart opt-in"), w.get(0).message());
  }

  // ---------------------------------------------------------------- quotas

  @Test
  void serversInErrorLeaveTooLittleHeadroomForRollouts() {
    // 8 instances used (3 in ERROR) of 10; CP 1 + 1 worker = 2 fits exactly, rollouts need 2 more: critical.
    CloudProfile c = cloud(HostCount.exact(3), "2.96", 10, b -> b.quotas(Quotas.of(q -> q.instances(new Quota(10, 8))
        .instancesInError(3).cores(Quota.of(100)).ramMiB(Quota.of(100_000)))));
    ClusterPlan p = plan(c, r -> r.controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(1)))
        .addWorkers(WorkerRequest.of("md-0", 1)));
    PlanWarning w = p.warnings(PlanWarning.Code.QUOTA).get(0);
    assertEquals(Severity.CRITICAL, w.severity());
    assertTrue(w.message().contains("3 of the used servers are in ERROR"), w.message());
  }

  @Test
  void aClusterOverQuotaIsInfeasibleAndSuggestsDeletingErrorServers() {
    CloudProfile c = cloud(HostCount.exact(3), "2.96", 10, b -> b.quotas(Quotas.of(q -> q.instances(new Quota(10, 9))
        .instancesInError(4).cores(Quota.of(100)).ramMiB(Quota.of(100_000)))));
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> plan(c, r -> {}));
    assertEquals("cluster", e.role());
    assertTrue(e.options().stream().anyMatch(o -> o.change().contains("ERROR")), e.getMessage());
  }
}
