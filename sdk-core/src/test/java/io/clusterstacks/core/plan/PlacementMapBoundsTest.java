package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.HostCount;
import org.junit.jupiter.api.Test;

/**
 * A map lists at most {@link PlacementMap#MAX_LISTED_HOSTS} hosts per section and sums the members on
 * the others, in the values, the text table and the SVG alike; every host with members among the listed
 * ones is shown, and hosts are said to be "without members" only when they are.
 */
class PlacementMapBoundsTest {

  private static ClusterPlan plan(int hosts, int workers) {
    return Planner.plan(ClusterRequest.of(r -> r.kubernetesVersion("v1.34.7")
        .addWorkers(WorkerRequest.of("md-0", workers))), TestClouds.cloud(HostCount.exact(hosts)));
  }

  private static PlacementMap.RoleColumn md0(PlacementMap.Section s) {
    return s.roles().stream().filter(r -> r.role().equals("md-0")).findFirst().orElseThrow();
  }

  @Test
  void hostsBeyondTheBoundAreCountedNotListed() {
    ClusterPlan plan = plan(250, 250);
    PlacementMap.Section s = plan.placementMap().sections().get(0);
    assertEquals(PlacementMap.MAX_LISTED_HOSTS, s.hostNames().size());
    assertEquals(50, s.moreHosts());
    PlacementMap.RoleColumn w = md0(s);
    long listed = w.membersPerHost().stream().mapToLong(Integer::longValue).sum();
    assertEquals(plan.worker("md-0").orElseThrow().replicas(), listed + w.membersOnMoreHosts(),
        "every member is either on a listed host or in the sum");
    assertTrue(w.membersOnMoreHosts() > 0);
    String text = plan.placementMap().toText();
    
    assertTrue(text.contains("+50 more hosts"), text);
    assertTrue(text.contains("sum " + w.membersOnMoreHosts()), text);
    assertTrue(text.contains("at most 200 hosts are listed"), text);
    assertFalse(text.contains("without members"), "every host has a member: " + text);
    String svg = plan.placementMap().toSvg();
    assertTrue(svg.contains("50 more hosts, not listed; members there: "), svg);
  }

  @Test
  void everyListedHostWithMembersIsShownInTheText() {
    // 100 hosts with one worker each: all 100 rows, none claimed to be empty
    ClusterPlan plan = plan(100, 100);
    PlacementMap.Section s = plan.placementMap().sections().get(0);
    assertEquals(100, s.hostNames().size());
    assertEquals(0, s.moreHosts());
    String text = plan.placementMap().toText();
    for (String h : s.hostNames()) {
      assertTrue(text.contains(h + " "), h + " missing: " + text);
    }
    assertFalse(text.contains("without members"), text);
    assertFalse(text.contains("more host"), text);
  }

  @Test
  void emptyHostsAreSummarisedAsEmpty() {
    ClusterPlan plan = plan(150, 3);
    String text = plan.placementMap().toText();
    long shownRows = text.lines().filter(l -> l.startsWith("hypervisor-") || l.matches("^h\\S* .*")).count();
    assertTrue(text.contains("more hosts without members)"), text);
    assertTrue(shownRows < 20, text);
  }
}
