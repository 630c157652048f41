package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.Hypervisors;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.openstack.PlacementReport.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Placement verification after boot on the lab's real Nova (fake-driver computes, a flavor with a disk):
 * the SDK creates the plan's groups, the test boots the members one after another as CAPI would, and the
 * report is compared with what admin sees (the real host of each member).
 */
class PlacementVerificationIT {
  /** One discovery for both tests (admin, every host enabled): it is the slow part of the set-up. */
  private static CloudProfile profile;

  static synchronized CloudProfile profile(OpenStackClient admin) {
    if (profile == null) {
      profile = admin.discovery().discover("lab").profile();
    }
    return profile;
  }

  static ClusterPlan plan(CloudProfile cloud, String cluster, int controlPlane, int workers) {
    return Planner.plan(ClusterRequest.of(r -> r.clusterName(cluster)
        .className(ClusterClassName.of("scs2", "1.34", "v2"))
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(controlPlane).policy(PlacementPolicy.antiAffinity())))
        .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(workers).policy(PlacementPolicy.softAntiAffinity())))), cloud);
  }

  /** The Nova group ID of each deployment of the plan. */
  static Map<String, String> groupIds(ClusterPlan plan, ServerGroupSet set) {
    Map<String, String> out = new LinkedHashMap<>();
    for (RolePlan r : plan.roles()) {
      for (RolePlan.Deployment d : r.deployments()) {
        if (d.serverGroup().orElse(null) instanceof ServerGroupRef.ToCreate t) {
          out.put(d.name(), set.idsByPlanName().get(t.name()));
        }
      }
    }
    return out;
  }

  @Test
  void membersBootedAsPlannedGiveACleanReport() {
    String cluster = "it-pv-" + Long.toString(System.nanoTime() % 100_000, 36);
    try (OpenStackClient admin = Lab.connect(Lab.ADMIN); OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      NovaLab nova = new NovaLab(admin, member);
      ClusterPlan plan = plan(profile(admin), cluster, 3, 2);
      ServerGroupSet set = member.serverGroups().ensure(plan);
      List<String> servers = new ArrayList<>();
      try {
        Map<String, String> groups = groupIds(plan, set);
        assertEquals(Set.of("control-plane", "md-0"), groups.keySet(), plan.report());
        for (int i = 0; i < 3; i++) {
          servers.add(nova.boot(cluster + "-cp-" + i, groups.get("control-plane")));
        }
        for (int i = 0; i < 2; i++) {
          servers.add(nova.boot(cluster + "-md-0-" + i, groups.get("md-0")));
        }
        long mark = member.calls().total();
        PlacementReport report = member.placement().verify(plan, set);
        System.out.println(report.summary());
        assertTrue(report.ok(), report.summary());
        assertEquals(List.of("GET compute /os-server-groups", "GET compute /servers/detail"),
            member.calls().since(mark).stream().map(c -> c.method() + " " + c.service() + " " + c.path()).toList());
        PlacementReport.Group cp = report.groups().get(0);
        assertEquals(3, cp.members().size());
        assertEquals(3, cp.membersPerHost().size(), "three hostIds: " + cp.membersPerHost());
        Set<String> hosts = new HashSet<>();
        cp.members().forEach(m -> hosts.add(nova.host(m.serverId())));
        assertEquals(3, hosts.size(), "admin sees three hosts too: " + hosts);
      } finally {
        nova.deleteServers(servers);
        member.serverGroups().deleteFor(plan);
      }
    }
  }

  /**
   * Planned for a cloud of 8 hypervisors, booted on the lab's 4 (as when hosts were lost after planning):
   * the fifth hard anti-affinity member goes to ERROR with Nova's "No valid host", two of five
   * soft-anti-affinity members share a host (the plan allows one each), and the sixth worker, never booted,
   * is missing. The lab's hypervisors are not changed.
   */
  @Test
  void onFewerHostsThanPlannedTheReportNamesTheErrorTheSharedHostAndTheMissingMember() {
    String cluster = "it-pw-" + Long.toString(System.nanoTime() % 100_000, 36);
    try (OpenStackClient admin = Lab.connect(Lab.ADMIN); OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      NovaLab nova = new NovaLab(admin, member);
      CloudProfile lab = profile(admin);
      assertEquals(4, lab.hypervisors().total().count(), "the lab's enabled hypervisors");
      CloudProfile planned = lab.toBuilder().hypervisors(Hypervisors.of(HostCount.exact(8))).build();
      ClusterPlan plan = plan(planned, cluster, 5, 6);
      ServerGroupSet set = member.serverGroups().ensure(plan);
      List<String> servers = new ArrayList<>();
      try {
        Map<String, String> groups = groupIds(plan, set);
        List<String> cp = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          cp.add(nova.boot(cluster + "-cp-" + i, groups.get("control-plane")));
          servers.add(cp.get(i));
        }
        List<String> md = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          md.add(nova.boot(cluster + "-md-0-" + i, groups.get("md-0")));
          servers.add(md.get(i));
        }
        PlacementReport report = member.placement().verify(plan, set);
        System.out.println(report.summary());

        List<Finding> errors = report.findings(Finding.Kind.MEMBER_ERROR);
        assertEquals(1, errors.size(), report.summary());
        assertEquals(List.of(cp.get(4)), errors.get(0).serverIds(), report.summary());
        assertEquals("ERROR", nova.status(cp.get(4)));
        assertTrue(errors.get(0).message().contains("No valid host"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains(nova.fault(cp.get(4))), "Nova's own fault message is quoted");

        List<Finding> shared = report.findings(Finding.Kind.SHARED_HOST);
        assertEquals(1, shared.size(), report.summary());
        assertEquals("md-0", shared.get(0).deployment());
        List<String> together = shared.get(0).serverIds();
        assertEquals(2, together.size(), report.summary());
        assertEquals(nova.host(together.get(0)), nova.host(together.get(1)), "admin sees them on one host");

        List<Finding> missing = report.findings(Finding.Kind.MISSING_MEMBERS);
        assertEquals(1, missing.size(), report.summary());
        assertEquals("md-0", missing.get(0).deployment());
        assertTrue(missing.get(0).message().contains("the plan has 6 members"), missing.get(0).message());
        assertEquals(3, report.findings().size(), report.summary());
      } finally {
        nova.deleteServers(servers);
        member.serverGroups().deleteFor(plan);
      }
    }
  }
}
