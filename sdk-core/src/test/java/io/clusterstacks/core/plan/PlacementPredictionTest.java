package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The static outcome of members created one after another into one server group, for 1-4 hypervisors
 * x 1-5 members x the three group policies, against the rule in planner-facts.md ("hard anti-affinity
 * places min(n, H) members one per host and the rest go ERROR; soft-anti-affinity and anti-affinity +
 * max_server_per_host=2 place all (up to 2H for the latter) and spread evenly, e.g. 5 on 3 hosts:
 * 2/2/1"). The tables are written out by hand, one row per hypervisor count, one column per member
 * count, so that they read as the rule and can disagree with the code. sdk-openstack checks the same
 * 60 cases against a real Nova.
 */
class PlacementPredictionTest {

  private static final Map<String, String[][]> EXPECTED = Map.of(
      "anti-affinity", new String[][] {
          {"1", "1 +1 ERROR", "1 +2 ERROR", "1 +3 ERROR", "1 +4 ERROR"},
          {"1/0", "1/1", "1/1 +1 ERROR", "1/1 +2 ERROR", "1/1 +3 ERROR"},
          {"1/0/0", "1/1/0", "1/1/1", "1/1/1 +1 ERROR", "1/1/1 +2 ERROR"},
          {"1/0/0/0", "1/1/0/0", "1/1/1/0", "1/1/1/1", "1/1/1/1 +1 ERROR"}},
      "soft-anti-affinity", new String[][] {
          {"1", "2", "3", "4", "5"},
          {"1/0", "1/1", "2/1", "2/2", "3/2"},
          {"1/0/0", "1/1/0", "1/1/1", "2/1/1", "2/2/1"},
          {"1/0/0/0", "1/1/0/0", "1/1/1/0", "1/1/1/1", "2/1/1/1"}},
      "anti-affinity with max_server_per_host=2", new String[][] {
          {"1", "2", "2 +1 ERROR", "2 +2 ERROR", "2 +3 ERROR"},
          {"1/0", "1/1", "2/1", "2/2", "2/2 +1 ERROR"},
          {"1/0/0", "1/1/0", "1/1/1", "2/1/1", "2/2/1"},
          {"1/0/0/0", "1/1/0/0", "1/1/1/0", "1/1/1/1", "2/1/1/1"}});

  @Test
  void sixtyStaticOutcomesFollowTheObservedRule() {
    int cases = 0;
    for (PlacementPolicy policy : List.of(PlacementPolicy.antiAffinity(), PlacementPolicy.softAntiAffinity(),
        PlacementPolicy.maxPerHost(2))) {
      String[][] table = EXPECTED.get(policy.toString());
      for (int hosts = 1; hosts <= 4; hosts++) {
        for (int members = 1; members <= 5; members++) {
          PlacementPrediction p = PlacementPrediction.sequentialCreate(policy, members, hosts);
          assertEquals(table[hosts - 1][members - 1], p.toString(), policy + ", " + members + " on " + hosts);
          assertEquals(members, p.activeMembers() + p.errorMembers());
          assertEquals(hosts, p.membersPerHost().size());
          cases++;
        }
      }
    }
    assertEquals(60, cases);
  }

  @Test
  void onlyHardAntiAffinityGuaranteesTheSpreadTheCapIsGuaranteedToo() {
    assertTrue(PlacementPrediction.sequentialCreate(PlacementPolicy.antiAffinity(), 3, 3).spreadGuaranteed());
    PlacementPrediction capped = PlacementPrediction.sequentialCreate(PlacementPolicy.maxPerHost(2), 3, 3);
    // max_server_per_host caps but does not spread: a real Nova placed 2/1/0 on unevenly loaded hosts
    assertFalse(capped.spreadGuaranteed());
    assertEquals(2, capped.maxPerHostGuaranteed());
    assertEquals(3, PlacementPrediction.sequentialCreate(PlacementPolicy.softAntiAffinity(), 3, 3).maxPerHostGuaranteed());
  }

  @Test
  void badArgumentsAreAllNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PlacementPrediction.sequentialCreate(PlacementPolicy.none(), -1, 0));
    assertEquals(List.of("policy", "members", "hypervisors"), e.problems().stream().map(Problem::path).toList());
    e = assertThrows(InvalidInputException.class, () -> PlacementPrediction.sequentialCreate(null, 1, 1));
    assertEquals("policy", e.problems().get(0).path());
  }

  @Test
  void aHugeMemberCountCostsNothingExtra() {
    PlacementPrediction p = PlacementPrediction.sequentialCreate(PlacementPolicy.maxPerHost(2), Integer.MAX_VALUE, 3);
    assertEquals(6, p.activeMembers());
    assertEquals(Integer.MAX_VALUE - 6, p.errorMembers());
  }
}
