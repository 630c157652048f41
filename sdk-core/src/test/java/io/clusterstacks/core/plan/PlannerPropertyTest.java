package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.internal.BruteForce;
import io.clusterstacks.core.plan.internal.PlanAssembler;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants over seeded random clouds and requests, and agreement with the brute-force oracle. */
class PlannerPropertyTest {

  private static final int CASES = 1500;

  private static int certainHosts(HostCount h) {
    return h.knowledge() == HostKnowledge.UNKNOWN ? 1 : h.count();
  }

  @Test
  void everyPlanKeepsTheInvariants() {
    Random rnd = new Random(20261125L);
    int planned = 0;
    int infeasible = 0;
    for (int i = 0; i < CASES; i++) {
      CloudProfile cloud = RandomPlans.cloud(rnd);
      ClusterRequest request = RandomPlans.request(rnd);
      ClusterPlan plan;
      try {
        plan = Planner.plan(request, cloud);
      } catch (InfeasiblePlanException e) {
        infeasible++;
        assertTrue(!e.violations().isEmpty(), "an infeasible plan names what is violated: " + e.getMessage());
        continue;
      }
      planned++;
      String where = "case " + i + ": " + request + "\n" + cloud;
      long groups = 0;
      for (RolePlan role : plan.roles()) {
        PolicyDecision d = role.placement();
        HostCount hosts = role.flavor().hosts();
        int surge = d.maxSurge();
        for (int size : d.groupSizes()) {
          int members = size + surge;
          switch (d.policy().kind()) {
            case ANTI_AFFINITY -> assertTrue(members <= certainHosts(hosts),
                "hard anti-affinity with more members (surge included) than hypervisors: " + members + " on " + hosts + " " + where);
            case ANTI_AFFINITY_MAX_PER_HOST -> {
              // every group fits k per host; the limit binds on the largest group (the first), unless the user pinned
              // the policy: Nova runs a pinned max_server_per_host=k on k or fewer members (one per host when it can)
              int k = d.policy().maxServerPerHost().getAsInt();
              boolean pinned = pinnedPolicy(request, role.name());
              assertTrue(members <= (long) k * certainHosts(hosts) && (pinned || k < d.groupSizes().get(0) + surge),
                  "max_server_per_host " + k + " for " + members + " on " + hosts + " " + where);
            }
            default -> { }
          }
          if (d.policy().needsGroup() && cloud.quotas().serverGroupMembers() >= 0) {
            assertTrue(members <= cloud.quotas().serverGroupMembers(), "member quota exceeded " + where);
          }
        }
        if (d.policy().needsGroup()) {
          assertTrue(cloud.supports(d.policy().requiredMicroversion()), "microversion not offered " + where);
        }
        groups += d.serverGroupCount();
        // every plan states its worst case per hypervisor, and it is consistent
        int r = role.replicas();
        assertTrue(d.worstCasePerHost() >= Math.min(1, r) && d.worstCasePerHost() <= r, "worst case out of range " + where);
        assertTrue(d.expectedPerHost() <= d.worstCasePerHost(), "expected above worst " + where);
        assertTrue(d.reasons().stream().anyMatch(s -> s.startsWith("worst case " + d.worstCasePerHost())), "worst case stated " + where);
        assertEquals(r, d.groupSizes().stream().mapToInt(Integer::intValue).sum());
        if (role.role() == io.clusterstacks.core.stack.Role.CONTROL_PLANE && r >= 3 && surge == 0) {
          assertEquals(io.clusterstacks.core.model.OutputMode.RAW_CAPI, request.mode(), "maxSurge 0 only in raw mode " + where);
        }
      }
      assertTrue(groups <= cloud.quotas().serverGroups().headroom(), "server-group quota exceeded " + where);
      plan.quorum().ifPresent(q -> {
        RolePlan cp = plan.controlPlane().orElseThrow();
        assertEquals(cp.placement().worstCasePerHost(), q.worstCasePerHost());
        assertEquals(q.worstCasePerHost() <= (q.members() - 1) / 2, q.survivesHostLossWorstCase());
        if (q.scs0214() == Scs0214Verdict.GUARANTEED) {
          assertTrue(q.worstCasePerHost() < q.members());
        }
        if (request.hostFailureTolerance() == HostFailureTolerance.REQUIRED) {
          assertTrue(q.survivesHostLossWorstCase(), "REQUIRED tolerance planned without quorum survival " + where);
        }
      });
      assertTrue(plan.controlPlane().isEmpty() || plan.quorum().isPresent());
      // deterministic
      ClusterPlan again = Planner.plan(request, cloud);
      assertEquals(plan, again);
      if (i % 50 == 0) {
        assertEquals(plan.report(), again.report());
        assertEquals(plan.placementMap().toSvg(), again.placementMap().toSvg());
      }
    }
    assertTrue(planned > CASES / 3 && infeasible > 0, "the generator covers both outcomes: " + planned + " planned, " + infeasible + " infeasible");
  }

  @Test
  void theSearchAgreesWithTheBruteForceOracle() {
    Random rnd = new Random(42L);
    int compared = 0;
    for (int i = 0; i < CASES; i++) {
      CloudProfile cloud = RandomPlans.cloud(rnd);
      ClusterRequest request = RandomPlans.request(rnd);
      ClusterPlan fast = null;
      ClusterPlan oracle = null;
      String fastError = null;
      String oracleError = null;
      try {
        fast = Planner.plan(request, cloud);
      } catch (InfeasiblePlanException e) {
        fastError = e.getClass().getSimpleName() + " " + e.role();
      }
      try {
        oracle = PlanAssembler.assemble(request, cloud, BruteForce::run);
      } catch (InfeasiblePlanException e) {
        oracleError = e.getClass().getSimpleName() + " " + e.role();
      }
      if (fastError != null || oracleError != null) {
        assertEquals(oracleError, fastError, "case " + i + ": both infeasible for the same role");
        continue;
      }
      if (!fast.equals(oracle)) {
        fail("case " + i + ": the planner and the oracle differ\nrequest: " + request + "\ncloud: " + cloud
            + "\n--- planner\n" + fast.report() + "\n--- oracle\n" + oracle.report());
      }
      compared++;
    }
    assertTrue(compared > CASES / 3, "enough feasible cases compared: " + compared);
  }

  private static boolean pinnedPolicy(ClusterRequest request, String role) {
    if (role.equals("control-plane")) {
      return request.controlPlane().policy().isPresent();
    }
    return request.workers().stream().anyMatch(w -> w.name().equals(role) && w.policy().isPresent());
  }
}
