package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.Severity;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.plan.LevelPlacement;
import io.clusterstacks.core.plan.LevelPlan;
import io.clusterstacks.core.plan.PlacementLevel;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.RolePlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the request's {@link PlacementLevel}s on the planned roles: asks each level for its members
 * and rule, then combines that with the role's placement over hypervisors (worst case: at most
 * {@code p} members per machine times the role's worst-case machines per hypervisor).
 */
final class Levels {

  private Levels() {}

  static List<LevelPlan> plan(List<PlacementLevel> levels, List<RolePlan> roles, List<PlanWarning> warnings) {
    List<LevelPlan> out = new ArrayList<>(levels.size());
    for (int i = 0; i < levels.size(); i++) {
      PlacementLevel level = levels.get(i);
      RolePlan role = roles.stream().filter(r -> r.name().equals(level.onRole())).findFirst().orElse(null);
      if (role == null) {
        // the request checks the role names; a control-plane level on a stack without control-plane machines lands here
        throw new InvalidInputException(List.of(Problem.of("clusterRequest.placementLevels[" + i + "].onRole",
            level.onRole(), "name a role with machines in this plan: " + roles.stream().map(RolePlan::name).toList())));
      }
      LevelPlacement lp = level.place(role);
      if (lp == null) {
        throw new InvalidInputException(List.of(Problem.of("clusterRequest.placementLevels[" + i + "]", "null",
            "PlacementLevel.place must return a LevelPlacement (" + level.name() + ")")));
      }
      out.add(plan(level, role, lp, warnings));
    }
    return out;
  }

  private static LevelPlan plan(PlacementLevel level, RolePlan role, LevelPlacement lp, List<PlanWarning> warnings) {
    int n = lp.members();
    int machines = role.replicas();
    int machinesWorst = role.placement().worstCasePerHost();
    int machinesExpected = role.placement().expectedPerHost();
    List<String> reasons = new ArrayList<>(lp.reasons());
    int placed;
    int worstPerMachine;
    int worstPerHost;
    if (lp.maxPerMachine().isPresent()) {
      long p = lp.maxPerMachine().getAsInt();
      placed = (int) Math.min(n, p * machines);
      worstPerMachine = (int) Math.min(placed, p);
      worstPerHost = (int) Math.min(placed, p * machinesWorst);
    } else {
      placed = machines == 0 ? 0 : n;
      worstPerMachine = placed;
      worstPerHost = placed;
    }
    int perMachineEven = machines == 0 ? 0 : (placed + machines - 1) / machines;
    int expectedPerHost = (int) Math.min(placed, (long) perMachineEven * machinesExpected);
    int unschedulable = n - placed;
    int tolerable = (n - 1) / 2;
    boolean survivesWorst = !lp.needsQuorum() || (n > 0 && unschedulable == 0 && worstPerHost <= tolerable);
    boolean survivesExpected = !lp.needsQuorum() || (n > 0 && unschedulable == 0 && expectedPerHost <= tolerable);
    reasons.add(Wording.plural(n, "member") + " on the " + Wording.plural(machines, "machine") + " of " + role.name()
        + (lp.maxPerMachine().isPresent() ? ", at most " + lp.maxPerMachine().getAsInt() + " per machine" : ", nothing limits the members per machine")
        + "; " + role.name() + " has up to " + machinesWorst + " per hypervisor (" + role.placement().policy() + "), so worst case "
        + worstPerHost + " and expected " + expectedPerHost + " on one hypervisor");
    if (unschedulable > 0) {
      String msg = level.name() + ": " + Wording.plural(unschedulable, "member") + " of " + n + " fit on no machine of "
          + role.name() + " (" + machines + " machines, at most " + lp.maxPerMachine().orElse(0) + " each) and stay Pending;"
          + " add machines to " + role.name() + " or lower the members";
      warnings.add(PlanWarning.of(Severity.CRITICAL, PlanWarning.Code.PLACEMENT_LEVEL, role.name(), msg));
      reasons.add(msg);
    } else if (lp.needsQuorum() && !survivesWorst) {
      String msg = level.name() + ": up to " + worstPerHost + " of " + n + " members can share one hypervisor (through "
          + role.name() + "'s " + role.placement().policy() + "), quorum needs " + (n / 2 + 1) + "; losing that hypervisor"
          + " stops them" + (survivesExpected ? " (in the expected case quorum holds)" : "")
          + ". Spread " + role.name() + " one machine per hypervisor, or add hypervisors";
      warnings.add(PlanWarning.of(Severity.WARNING, PlanWarning.Code.PLACEMENT_LEVEL, role.name(), msg));
      reasons.add(msg);
    }
    return LevelPlan.builder().name(level.name()).onRole(role.name()).members(n).machines(machines)
        .maxPerMachine(lp.maxPerMachine()).unschedulable(unschedulable).worstCasePerMachine(worstPerMachine)
        .worstCasePerHost(worstPerHost).expectedPerHost(expectedPerHost).needsQuorum(lp.needsQuorum())
        .survivesHostLossWorstCase(survivesWorst).survivesHostLossExpected(survivesExpected).reasons(reasons).build();
  }
}
