package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Server groups on the lab's real Nova: create, reuse, conflicts, cleanup, and faults part way. */
class ServerGroupsIT {

  static ClusterPlan plan(CloudProfile cloud, String cluster) {
    return Planner.plan(ClusterRequest.of(r -> r.clusterName(cluster)
        .className(ClusterClassName.of("scs2", "1.34", "v2"))
        .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3))).addWorkers(WorkerRequest.of("md-0", 3))), cloud);
  }

  static Set<String> novaNames(ServerGroups sg, ClusterPlan plan) {
    Set<String> out = new TreeSet<>();
    plan.serverGroupsToCreate().forEach(t -> out.add(sg.novaName(t.name())));
    return out;
  }

  static List<ServerGroup> existing(ServerGroups sg, Set<String> names) {
    return sg.list().stream().filter(g -> names.contains(g.name())).toList();
  }

  @Test
  void ensureCreatesWithTheRightMicroversionReusesAndCleansUpOnlyItsOwn() {
    try (OpenStackClient os = Lab.connect(Lab.MEMBER)) {
      CloudProfile cloud = os.discovery().discover("lab").profile();
      String cluster = "it-sg-" + Long.toString(System.nanoTime() % 100_000, 36);
      ClusterPlan plan = plan(cloud, cluster);
      assertTrue(!plan.serverGroupsToCreate().isEmpty(), plan.report());
      ServerGroups sg = os.serverGroups();
      // a group of another cluster whose name shares the prefix must survive the cleanup
      ClusterPlan other = plan(cloud, cluster + "-x");
      ServerGroupSet otherSet = sg.ensure(other);
      try {
        ServerGroupSet first = sg.ensure(plan);
        assertEquals(plan.serverGroupsToCreate().size(), first.created().size());
        for (ServerGroupRef.ToCreate t : plan.serverGroupsToCreate()) {
          ServerGroup g = sg.find(t.name()).orElseThrow();
          assertEquals(t.policy().novaName(), g.policy(), g.toString());
          assertEquals(t.maxServerPerHost(), g.maxServerPerHost(), g.toString());
        }
        ServerGroupSet second = sg.ensure(plan);
        assertEquals(0, second.created().size());
        assertEquals(first.idsByPlanName(), second.idsByPlanName());
        ClusterPlan resolved = second.applyTo(plan);
        assertTrue(resolved.serverGroupsToCreate().isEmpty());
        resolved.manifests();
        List<ServerGroup> deleted = sg.deleteFor(plan);
        assertEquals(first.created().size(), deleted.size());
        assertTrue(existing(sg, novaNames(sg, plan)).isEmpty());
        assertEquals(otherSet.created().size(), existing(sg, novaNames(sg, other)).size(), "the other cluster's groups stay");
      } finally {
        sg.deleteFor(plan);
        sg.deleteFor(other);
      }
    }
  }

  @Test
  void aGroupOfTheSameNameWithAnotherPolicyIsATypedConflictAndDuplicatesListBothIds() {
    try (OpenStackClient os = Lab.connect(Lab.ADMIN); OpenStackClient member = Lab.connect(Lab.MEMBER)) {
      NovaLab nova = new NovaLab(os, member);
      CloudProfile cloud = member.discovery().discover("lab").profile();
      String cluster = "it-cf-" + Long.toString(System.nanoTime() % 100_000, 36);
      ClusterPlan plan = plan(cloud, cluster);
      ServerGroups sg = member.serverGroups();
      ServerGroupRef.ToCreate t = plan.serverGroupsToCreate().get(0);
      String wrongPolicy = t.policy().novaName().equals("affinity") ? "anti-affinity" : "affinity";
      String a = nova.createGroup(sg.novaName(t.name()), wrongPolicy, null);
      try {
        ServerGroupException e = assertThrows(ServerGroupException.class, () -> sg.ensure(plan));
        assertEquals(ServerGroupException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().contains(a) && e.getMessage().contains(wrongPolicy), e.getMessage());
        assertTrue(existing(sg, novaNames(sg, plan)).size() == 1, "nothing created on a conflict");
        String b = nova.createGroup(sg.novaName(t.name()), wrongPolicy, null);
        ServerGroupException d = assertThrows(ServerGroupException.class, () -> sg.ensure(plan));
        assertEquals(ServerGroupException.Reason.DUPLICATE_NAMES, d.reason());
        assertTrue(d.getMessage().contains(a) && d.getMessage().contains(b), d.getMessage());
      } finally {
        sg.deleteFor(plan);
      }
    }
  }
}
