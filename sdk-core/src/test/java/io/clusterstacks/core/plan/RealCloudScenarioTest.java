package io.clusterstacks.core.plan;

import static io.clusterstacks.core.plan.TestClouds.cloud;
import static io.clusterstacks.core.plan.TestClouds.scs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.model.OutputMode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Planner scenarios where real clouds differ from the easy case (issue 10): availability zones with
 * uneven hypervisor counts, a pinned max_server_per_host on few members, a used-up server-group quota,
 * a pinned flavor against an explicit "no", the expected spread's assumptions, smaller hard groups
 * when the member quota splits a deployment, and the wording of counts.
 *
 * <p>The rules the comments use (../shared/reference/planner-facts.md): during a rollout a role has
 * m = replicas + surge members; KubeadmControlPlane puts every new machine into the availability zone
 * (failure domain) with the fewest machines, whatever that zone's host count, so r members over Z zones
 * put up to ceil(r/Z) into every zone, ceil(m/Z) during a rollout; hard anti-affinity places one member
 * per host and sends the rest to ERROR (No valid host was found); max_server_per_host k caps a host at k
 * (it does not spread); etcd keeps quorum r/2+1 through a host loss when at most (r-1)/2 members share it.
 */
class RealCloudScenarioTest {

  private static final PlacementPolicy HARD = PlacementPolicy.antiAffinity();
  private static final PlacementPolicy SOFT = PlacementPolicy.softAntiAffinity();
  private static final PlacementPolicy NONE = PlacementPolicy.none();

  private static ClusterPlan plan(CloudProfile cloud, Consumer<ClusterRequest.Builder> spec) {
    return Planner.plan(ClusterRequest.of(r -> {
      r.clusterName("t").kubernetesVersion("v1.34.7");
      spec.accept(r);
    }), cloud);
  }

  private static RolePlan cp(ClusterPlan p) {
    return p.controlPlane().orElseThrow();
  }

  /** A cloud with the standard flavors (no host class) and the given zones and per-zone hypervisors. */
  private static CloudProfile zoned(int total, List<String> zones, int... perZone) {
    return cloud(HostCount.exact(total), "2.96", 10, b -> {
      b.availabilityZones(zones);
      b.hypervisors(Hypervisors.of(h -> {
        h.total(HostCount.exact(total));
        for (int i = 0; i < perZone.length; i++) {
          h.putByZone(zones.get(i), HostCount.exact(perZone[i]));
        }
      }));
    });
  }

  // ---------------------------------------------------------------- availability zones

  @Test
  void zonesOfThreeAndOneHostsDoNotGetHardAntiAffinityInTopologyMode() {
    // 4 hosts in two zones, 3 + 1. Globally hard anti-affinity fits m = 3 + 1 = 4 members on 4 hosts, but
    // KubeadmControlPlane balances over the 2 zones fewest-first: up to ceil(4/2) = 2 members land in az2
    // during a rollout, and az2 has one host. Hard anti-affinity would send the second one to ERROR and stall
    // the rollout, so it must not be chosen (nor claim "rollouts always find a free host").
    ClusterPlan p = plan(zoned(4, List.of("az1", "az2"), 3, 1), r -> r.mode(OutputMode.TOPOLOGY));
    RolePlan c = cp(p);
    assertNotEquals(HARD, c.placement().policy(), c.placement().reasons().toString());
    assertFalse(String.join(" ", c.placement().reasons()).contains("rollouts always find a free host"),
        c.placement().reasons().toString());
    // Why hard lost: the one-host zone, named.
    String whyNotHard = c.placement().rejected().stream().filter(x -> x.name().equals(HARD.toString())).findFirst()
        .orElseThrow().whyLost();
    assertTrue(whyNotHard.contains("zone az2 (1 hypervisor) gets up to 2"), whyNotHard);
    // max_server_per_host=2 places everything (2 x 1 host in az2 >= 2), but up to ceil(3/2) = 2 of the 3
    // members share az2's one host after a rollout: worst and expected 2, quorum lost with that host.
    assertEquals(PlacementPolicy.maxPerHost(2), c.placement().policy());
    assertEquals(2, c.placement().worstCasePerHost());
    assertEquals(2, c.placement().expectedPerHost());
    assertFalse(p.quorum().orElseThrow().survivesHostLossWorstCase());
    String tradeOff = c.placement().tradeOff().orElseThrow();
    assertTrue(tradeOff.contains("zone az2 has 1 hypervisor"), tradeOff);
    // The way out, planned again: a second host in az2 makes hard anti-affinity fit in every zone.
    assertTrue(c.placement().alternatives().stream().anyMatch(a -> a.change().equals("add 1 hypervisor to zone az2 (2 there)")
        && a.outcome().contains("anti-affinity")), c.placement().alternatives().toString());
  }

  @Test
  void zonesOfTwoHostsEachKeepHardAntiAffinityAndSayWhy() {
    // 3 zones x 2 hosts: m = 4 members put at most ceil(4/3) = 2 into one zone, which has 2 hosts: hard fits in
    // every zone, and the reason says so with the smallest zone's numbers.
    ClusterPlan p = plan(zoned(6, List.of("az1", "az2", "az3"), 2, 2, 2), r -> r.mode(OutputMode.TOPOLOGY));
    RolePlan c = cp(p);
    assertEquals(HARD, c.placement().policy());
    assertTrue(c.placement().reasons().stream().anyMatch(s -> s.contains("in every zone (the smallest, az1, has 2 hypervisors"
        + " for up to 2 members)")), c.placement().reasons().toString());
  }

  @Test
  void zoneCountsThatDoNotAddUpToTheTotalAreRefused() {
    // Every hypervisor is in exactly one zone: exact counts 3 + 1 cannot describe an exact total of 5.
    CloudProfile c = zoned(5, List.of("az1", "az2"), 3, 1);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> plan(c, r -> { }));
    assertEquals("hypervisors.byZone", e.problems().get(0).path(), e.getMessage());
    assertTrue(e.problems().get(0).value().contains("az1 3 + az2 1 = 4, hypervisors.total 5"), e.getMessage());
  }

  @Test
  void aZoneLeftWithoutHypervisorsIsRefused() {
    // az1 3 + az2 1 already hold the whole exact total of 4, so the listed az3 has none: KubeadmControlPlane
    // would still send a member there, which no policy can place. A count of 0 itself is refused by HostCount.
    CloudProfile c = zoned(4, List.of("az1", "az2", "az3"), 3, 1);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> plan(c, r -> { }));
    assertEquals("hypervisors.byZone.az3", e.problems().get(0).path(), e.getMessage());
    assertThrows(InvalidInputException.class, () -> HostCount.exact(0));
  }

  @Test
  void aZoneWithoutACountIsPlannedAsOneHostWithAWarning() {
    // Total unknown-ish (lower bound), az3 not counted: the planner cannot refuse, so it counts az3 as one
    // certain host and says so. One host in az3 then rules out hard anti-affinity for m = 4 over 3 zones (2 in az3).
    CloudProfile c = cloud(HostCount.lowerBound(6), "2.96", 10, b -> b.availabilityZones(List.of("az1", "az2", "az3"))
        .hypervisors(Hypervisors.of(h -> h.total(HostCount.lowerBound(6)).putByZone("az1", HostCount.exact(3))
            .putByZone("az2", HostCount.exact(3)))));
    ClusterPlan p = plan(c, r -> r.mode(OutputMode.TOPOLOGY));
    assertTrue(p.warnings(PlanWarning.Code.ZONES).stream().anyMatch(w -> w.message().contains("no count for az3")),
        p.warnings().toString());
    assertNotEquals(HARD, cp(p).placement().policy());
  }

  @Test
  void threeMembersOfAThreeZoneCloudAreDrawnOnePerZone() {
    // 3 zones x 2 hosts, 3 members: KubeadmControlPlane puts one into each zone, so the map draws them on
    // the first host of az1, az2 and az3, not (as plain round robin over six hosts would) az1, az1, az2.
    ClusterPlan p = plan(zoned(6, List.of("az1", "az2", "az3"), 2, 2, 2), r -> r.mode(OutputMode.TOPOLOGY));
    PlacementMap.Section s = p.placementMap().sections().get(0);
    assertEquals(List.of("az1", "az1", "az2", "az2", "az3", "az3"), s.hostZones());
    PlacementMap.RoleColumn col = s.roles().stream().filter(r -> r.role().equals("control-plane")).findFirst().orElseThrow();
    assertEquals(List.of(1, 0, 1, 0, 1, 0), col.membersPerHost());
    String text = p.placementMap().toText();
    assertTrue(text.contains("zone"), text);
    assertTrue(p.placementMap().toSvg().contains("zone az2"), "zones are drawn as bands");
  }

  @Test
  void aHostClassFlavorInAZonedCloudStatesWhatItAssumesAboutTheZones() {
    // The bundled large-multi-az profile counts hosts per zone for the whole cloud, but its 6 local-SSD hosts
    // only as a class: how they are spread over the 3 zones is not known, so hard anti-affinity (4 members in a
    // rollout, up to 2 per zone) assumes 2 SSD hosts per zone, and the plan says so.
    ClusterPlan p = Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7")),
        io.clusterstacks.core.cloud.CloudProfiles.bundled("large-multi-az"));
    assertEquals(HARD, cp(p).placement().policy());
    assertTrue(cp(p).placement().reasons().stream().anyMatch(s -> s.startsWith("assumed: every zone has at least 2"
        + " hypervisors serving SCS-2V-4-20s (the profile does not say how the local-ssd hosts are spread")),
        cp(p).placement().reasons().toString());
  }

  // ---------------------------------------------------------------- max_server_per_host pinned on few members

  @Test
  void maxTwoPerHostPinnedOnOneOrTwoMembersIsPlanned() {
    // A real Nova runs anti-affinity + max_server_per_host=2 with 1 or 2 members all ACTIVE, one per host
    // (the cap is never reached). With 1 replica + surge 1 = 2 members, k = 2 limits nothing, so the planner
    // would never offer it, but pinned it is planned, not refused. 2 workers + surge 1 = 3 members > k: normal.
    CloudProfile c = cloud(HostCount.exact(3));
    ClusterPlan one = plan(c, r -> r.controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(1)
        .policy(PlacementPolicy.maxPerHost(2)))));
    assertEquals(PlacementPolicy.maxPerHost(2), cp(one).placement().policy());
    assertEquals(1, cp(one).placement().worstCasePerHost());
    ClusterPlan two = plan(c, r -> r.addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(2)
        .policy(PlacementPolicy.maxPerHost(2)))));
    assertEquals(PlacementPolicy.maxPerHost(2), two.worker("md-0").orElseThrow().placement().policy());
    ClusterPlan oneWorker = plan(c, r -> r.addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(1)
        .policy(PlacementPolicy.maxPerHost(2)))));
    assertEquals(1, oneWorker.worker("md-0").orElseThrow().placement().worstCasePerHost());
  }

  // ---------------------------------------------------------------- server-group quota

  @Test
  void aUsedUpServerGroupQuotaWarnsInsteadOfSilentlyDroppingTheWorkersGroup() {
    // 9 of 10 server groups used: the control plane takes the last one, md-0 gets none. That is a real loss
    // (3 workers on 4 hosts would get hard anti-affinity with a group), so it is a warning that names the quota
    // and how many groups to add, not only a reason.
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.quotas(Quotas.of(q -> q.instances(Quota.of(500))
        .cores(Quota.of(5000)).ramMiB(Quota.of(10_000_000)).serverGroups(new Quota(10, 9)))));
    ClusterPlan p = plan(c, r -> r.addWorkers(WorkerRequest.of("md-0", 3)));
    assertEquals(HARD, cp(p).placement().policy());
    assertEquals(NONE, p.worker("md-0").orElseThrow().placement().policy());
    List<PlanWarning> w = p.warnings(PlanWarning.Code.QUOTA);
    assertEquals(1, w.size(), p.warnings().toString());
    assertEquals(io.clusterstacks.core.Severity.WARNING, w.get(0).severity());
    assertEquals("md-0", w.get(0).role());
    assertTrue(w.get(0).message().contains("9 of 10 in use") && w.get(0).message().contains("it would be anti-affinity")
        && w.get(0).message().contains("Raise the serverGroups quota by 1"), w.get(0).message());
  }

  @Test
  void quotaAdviceInTopologyModeDoesNotSayLowerTheControlPlaneSurge() {
    // Instances: 5 used of 8; CP 3 fits steady (5 + 3 = 8) but the rollout needs 3 + 1 = 4, one more than left.
    // In topology mode the control plane's maxSurge 1 comes from the ClusterClass: the only advice is the quota.
    CloudProfile c = cloud(HostCount.exact(4), "2.96", 10, b -> b.quotas(Quotas.of(q -> q.instances(new Quota(8, 5))
        .cores(Quota.of(5000)).ramMiB(Quota.of(10_000_000)).serverGroups(Quota.of(10)))));
    String topology = plan(c, r -> r.mode(OutputMode.TOPOLOGY)).warnings(PlanWarning.Code.QUOTA).get(0).message();
    assertFalse(topology.contains("lower the surge"), topology);
    assertTrue(topology.contains("fixed by the ClusterClass"), topology);
    // raw CAPI mode can set the control plane's maxSurge 0 (3 replicas)
    CloudProfile c5 = cloud(HostCount.exact(5), "2.96", 10, b -> b.quotas(Quotas.of(q -> q.instances(new Quota(8, 5))
        .cores(Quota.of(5000)).ramMiB(Quota.of(10_000_000)).serverGroups(Quota.of(10)))));
    ClusterPlan raw = plan(c5, r -> r.mode(OutputMode.RAW_CAPI));
    assertEquals(1, cp(raw).placement().maxSurge(), "hard fits with surge 1 on 5 hosts");
    assertTrue(raw.warnings(PlanWarning.Code.QUOTA).get(0).message().contains("set the control plane's maxSurge to 0"),
        raw.warnings(PlanWarning.Code.QUOTA).toString());
  }

  // ---------------------------------------------------------------- a pin against an explicit "no"

  @Test
  void aPinnedDisklessControlPlaneFlavorDoesNotOverrideAnExplicitNoToNetworkStorage() {
    // A pin replaces the planner's choice (its minimums become warnings), but allowNetworkStorage(false) is the
    // user's explicit no to etcd on network storage: a pinned diskless flavor must not plan, and the options are
    // the two ways to resolve the contradiction, each planned again.
    CloudProfile c = cloud(HostCount.exact(4));
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> plan(c, r -> r.controlPlane(
        ControlPlaneRequest.of(cp -> cp.flavor("SCS-2V-4").allowNetworkStorage(false)))));
    assertEquals("control-plane", e.role());
    assertTrue(e.violations().get(0).contains("pinned flavor SCS-2V-4") && e.violations().get(0).contains("explicit no"),
        e.violations().toString());
    assertTrue(e.options().stream().anyMatch(o -> o.change().startsWith("allow etcd on network storage")), e.getMessage());
    assertTrue(e.options().stream().anyMatch(o -> o.change().startsWith("let the planner choose the flavor")), e.getMessage());
    // With the default (network storage allowed as a fallback), the pin wins and etcd on network storage is warned.
    ClusterPlan p = plan(c, r -> r.controlPlane(ControlPlaneRequest.of(cp -> cp.flavor("SCS-2V-4"))));
    assertEquals("SCS-2V-4", cp(p).flavor().name());
    assertFalse(p.warnings(PlanWarning.Code.ETCD_ON_NETWORK_STORAGE).isEmpty());
    // A pin below a minimum is still planned: minimums are how the planner chooses, and the pin chose.
    ClusterPlan small = plan(c, r -> r.controlPlane(ControlPlaneRequest.of(cp -> cp.flavor("SCS-2V-4-20s")
        .requirements(RoleRequirements.of(q -> q.minVcpus(4))))));
    assertTrue(small.warnings(PlanWarning.Code.PINNED_CHOICE).stream().anyMatch(w -> w.message().contains("2 vCPU")),
        small.warnings().toString());
  }

  // ---------------------------------------------------------------- what the expected spread assumes

  @Test
  void theExpectedSpreadUnderMaxServerPerHostSaysWhatItAssumes() {
    // 3 workers + surge 1 on 3 hosts: k = 2, worst 2 per host. The placement map draws 1/1/1 and the expected
    // case counts on an even spread, which only holds on equally loaded hosts: max_server_per_host caps, it does
    // not spread (a real Nova placed 2/1/0 at creation on unevenly loaded hosts). The reason must say so.
    RolePlan w = plan(cloud(HostCount.exact(3)), r -> r.addWorkers(WorkerRequest.of("md-0", 3))).worker("md-0").orElseThrow();
    assertEquals(PlacementPolicy.maxPerHost(2), w.placement().policy());
    String spread = w.placement().reasons().stream().filter(s -> s.startsWith("worst case")).findFirst().orElseThrow();
    assertTrue(spread.contains("assumes equally loaded hypervisors") && spread.contains("only caps, it does not spread"),
        spread);
  }

  // ---------------------------------------------------------------- splitting for the member quota

  @Test
  void twelveWorkersOnSixHostsBecomeThreeHardGroupsOfFourNotTwoCappedGroupsOfSix() {
    // Member quota 10, surge 1: 12 + 1 > 10, so the deployment is split anyway. The fewest groups are 2 of 6
    // (7 members during a rollout > 6 hosts: hard cannot place them; max_server_per_host=2 can, worst 2 + 2 = 4
    // per host over both groups). Three groups of 4 (5 during a rollout <= 6 hosts) fit hard anti-affinity:
    // worst one member per host per group, 3 in all. One more server group buys a better worst case.
    CloudProfile c = cloud(HostCount.exact(6));
    RolePlan w = plan(c, r -> r.addWorkers(WorkerRequest.of("md-0", 12))).worker("md-0").orElseThrow();
    assertEquals(HARD, w.placement().policy());
    assertEquals(List.of(4, 4, 4), w.deployments().stream().map(RolePlan.Deployment::replicas).toList());
    assertEquals(3, w.placement().worstCasePerHost());
    PlanWarning split = plan(c, r -> r.addWorkers(WorkerRequest.of("md-0", 12))).warnings(PlanWarning.Code.DEPLOYMENT_SPLIT)
        .get(0);
    assertTrue(split.message().contains("the quota needs 2; 3 are small enough for hard anti-affinity"), split.message());
    // Without a split forced by the quota, no extra groups: 8 workers on 6 hosts stay one group (max 2).
    RolePlan eight = plan(c, r -> r.addWorkers(WorkerRequest.of("md-0", 8))).worker("md-0").orElseThrow();
    assertEquals(1, eight.deployments().size());
  }

  // ---------------------------------------------------------------- wording

  @Test
  void hostShortagesCountTheExtraMembers() {
    // 7 workers + surge 1 = 8 members on 4 hosts: hard anti-affinity leaves 4 members without a host, "the 4
    // extra members", not "the extra member".
    RolePlan w = plan(cloud(HostCount.exact(4)), r -> r.addWorkers(WorkerRequest.of("md-0", 7))).worker("md-0").orElseThrow();
    String whyNotHard = w.placement().rejected().stream().filter(x -> x.name().equals(HARD.toString())).findFirst()
        .orElseThrow().whyLost();
    assertTrue(whyNotHard.contains("the 4 extra members would go to ERROR"), whyNotHard);
  }

  @Test
  void aOneHostCloudGetsNoParallelBootWarning() {
    // Pinned soft-anti-affinity on one hypervisor: every member lands on it anyway, there is no race to warn of.
    ClusterPlan p = plan(cloud(HostCount.exact(1)), r -> r.addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(3)
        .policy(SOFT))));
    assertEquals(SOFT, p.worker("md-0").orElseThrow().placement().policy());
    assertTrue(p.warnings(PlanWarning.Code.PARALLEL_BOOT_RACE).isEmpty(), p.warnings().toString());
  }

  @Test
  void everyOptionOfAnInfeasiblePlanWorksWhenApplied() {
    // "Options that would work" are planned again before they are offered: relaxing minVcpus to what the
    // offered flavor has gives a plan.
    CloudProfile c = cloud(HostCount.exact(3), "2.96", 10, b -> b.addFlavors(scs("SCS-8V-32", 8, 32, 0, "")));
    InfeasiblePlanException e = assertThrows(InfeasiblePlanException.class, () -> plan(c, r -> r.addWorkers(
        WorkerRequest.of(w -> w.name("md-0").replicas(2).requirements(RoleRequirements.of(q -> q.minVcpus(16)))))));
    Alternative relax = e.options().stream().filter(o -> o.change().startsWith("relax the requirements")).findFirst()
        .orElseThrow(() -> new AssertionError(e.getMessage()));
    assertEquals("relax the requirements: minVcpus from 16 to 8", relax.change());
    assertTrue(relax.outcome().startsWith("SCS-8V-32"), relax.outcome());
    assertEquals("SCS-8V-32", plan(c, r -> r.addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(2)
        .requirements(RoleRequirements.of(q -> q.minVcpus(8)))))).worker("md-0").orElseThrow().flavor().name());
  }
}
