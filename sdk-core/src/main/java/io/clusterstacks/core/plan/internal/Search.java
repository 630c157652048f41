package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.PlacementPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The planner's search for one role.
 *
 * <p>The ranking puts every policy-dependent term either entirely before (control plane) or entirely
 * after (workers) the flavor's own terms, and a policy's feasibility and metrics depend on the flavor
 * only through the hypervisors that serve it. So flavors that share their hypervisors (and, for the
 * control plane, their storage tier) share the best policy: the search groups the fitting flavors
 * that way, keeps the four cheapest per group, and tries the few non-dominated policies (hard,
 * the smallest workable {@code max_server_per_host}, soft, none) per group only. That is linear in the
 * number of flavors; {@link BruteForce} tries every combination instead and must agree.
 */
public final class Search {

  static final int KEEP_PER_GROUP = 4;
  static final int KEEP_REJECTED = 8;
  static final Comparator<FlavorFacts> COST = (a, b) -> {
    int c = Arrays.compare(costKey(a), costKey(b));
    return c != 0 ? c : a.flavor.name().compareTo(b.flavor.name());
  };

  private Search() {}

  static long[] costKey(FlavorFacts f) {
    return f.cost;
  }

  private static final class Group {
    final List<FlavorFacts> top = new ArrayList<>(KEEP_PER_GROUP + 1);

    void offer(FlavorFacts f) {
      if (top.size() == KEEP_PER_GROUP && COST.compare(f, top.get(KEEP_PER_GROUP - 1)) >= 0) {
        return;
      }
      int i = top.size();
      while (i > 0 && COST.compare(f, top.get(i - 1)) < 0) {
        i--;
      }
      top.add(i, f);
      if (top.size() > KEEP_PER_GROUP) {
        top.remove(KEEP_PER_GROUP);
      }
    }
  }

  /**
   * The flavors a role may use: all of them, or only the pinned one.
   *
   * @param ctx the role
   * @param all every flavor's facts
   * @return the candidates, and whether their requirement violations are ignored (pinned)
   */
  static List<FlavorFacts> candidates(RoleContext ctx, List<FlavorFacts> all) {
    if (ctx.pinnedFlavor() == null) {
      return all;
    }
    for (FlavorFacts f : all) {
      if (f.flavor.name().equals(ctx.pinnedFlavor())) {
        return List.of(f);
      }
    }
    for (FlavorFacts f : all) {
      if (f.flavor.id().equals(ctx.pinnedFlavor())) {
        return List.of(f);
      }
    }
    return List.of();
  }

  /**
   * The requirement violations that count for a flavor: none for a pinned flavor (they become warnings).
   *
   * @param ctx the role
   * @param f the flavor
   * @return the violations
   */
  static List<String> countedFlavorViolations(RoleContext ctx, FlavorFacts f) {
    return ctx.pinnedFlavor() != null ? List.of() : Scoring.flavorViolations(ctx, f);
  }

  /**
   * The policies worth trying on a number of hosts: the pinned one, or hard, the smallest workable
   * per-host limit, soft and none.
   *
   * @param ctx the role
   * @param hosts the hypervisors
   * @param maxMembers the most members of one group, surge included
   * @return the policies
   */
  static List<PlacementPolicy> policies(RoleContext ctx, HostCount hosts, int maxMembers) {
    if (ctx.pinnedPolicy() != null) {
      return List.of(ctx.pinnedPolicy());
    }
    List<PlacementPolicy> out = new ArrayList<>(4);
    out.add(PlacementPolicy.antiAffinity());
    int guaranteed = hosts.knowledge() == HostKnowledge.UNKNOWN ? 1 : hosts.count();
    int k = Math.max(2, (maxMembers + guaranteed - 1) / guaranteed);
    if (k < maxMembers) {
      out.add(PlacementPolicy.maxPerHost(k));
    }
    out.add(PlacementPolicy.softAntiAffinity());
    out.add(PlacementPolicy.none());
    return out;
  }

  /**
   * Searches one role.
   *
   * @param ctx the role
   * @param all every flavor's facts
   * @return the outcome
   */
  public static RoleOutcome run(RoleContext ctx, List<FlavorFacts> all) {
    // flavors of one host class share their HostCount instance; storage tiers 0..3 index the array
    Map<HostCount, Group[]> byHosts = new IdentityHashMap<>();
    List<Group> groups = new ArrayList<>();
    List<FlavorFacts> rejectedFlavors = new ArrayList<>(KEEP_REJECTED + 1);
    boolean pinned = ctx.pinnedFlavor() != null;
    for (FlavorFacts f : candidates(ctx, all)) {
      if (pinned || Scoring.fits(ctx, f)) {
        Group[] tiers = byHosts.computeIfAbsent(f.hosts, x -> new Group[4]);
        int tier = ctx.controlPlane() ? storageTier(f) : 0;
        if (tiers[tier] == null) {
          tiers[tier] = new Group();
          groups.add(tiers[tier]);
        }
        tiers[tier].offer(f);
      } else {
        offerCheapest(rejectedFlavors, f);
      }
    }
    List<RoleOutcome.Rejected> rejected = new ArrayList<>(rejectedFlavors.size());
    for (FlavorFacts f : rejectedFlavors) {
      rejected.add(new RoleOutcome.Rejected(f, Scoring.flavorViolations(ctx, f)));
    }
    Evaluation best = null;
    List<Evaluation> ranked = new ArrayList<>();
    Evaluation closestInfeasible = null;
    List<String> reasons = new ArrayList<>();
    for (Group g : groups) {
      FlavorFacts rep = g.top.get(0);
      Evaluation groupBest = null;
      for (Evaluation e : candidatesFor(ctx, rep, List.of())) {
        if (e.feasible()) {
          if (groupBest == null || e.compareTo(groupBest) < 0) {
            groupBest = e;
          }
        } else if (closestInfeasible == null || e.violations().size() < closestInfeasible.violations().size()
            || (e.violations().size() == closestInfeasible.violations().size() && e.compareTo(closestInfeasible) < 0)) {
          closestInfeasible = e;
        }
      }
      if (groupBest == null) {
        continue;
      }
      ranked.add(groupBest);
      for (int i = 1; i < g.top.size(); i++) {
        ranked.add(Scoring.evaluate(ctx, g.top.get(i), List.of(), groupBest.policy(), groupBest.surge(), groupBest.groups()));
      }
      if (best == null || groupBest.compareTo(best) < 0) {
        best = groupBest;
      }
    }
    if (best == null) {
      if (groups.isEmpty()) {
        reasons.add(ctx.pinnedFlavor() == null ? "no flavor meets the requirements" : "the pinned flavor is not in the profile");
      } else if (closestInfeasible != null) {
        for (Evaluation e : candidatesFor(ctx, closestInfeasible.flavor(), List.of())) {
          String label = e.flavor().flavor().name() + " with " + e.policy()
              + (ctx.surgeOptions().length > 1 ? " (maxSurge " + e.surge() + ")" : "");
          reasons.add(label + ": " + String.join("; ", e.violations()));
        }
      }
      return new RoleOutcome(null, List.of(), List.copyOf(rejected), dedupe(reasons));
    }
    ranked.sort(null);
    List<Evaluation> runnersUp = new ArrayList<>(3);
    for (Evaluation e : ranked) {
      if (e != best && runnersUp.size() < 3) {
        runnersUp.add(e);
      }
    }
    return new RoleOutcome(best, List.copyOf(runnersUp), List.copyOf(rejected), List.of());
  }

  /**
   * Every candidate worth trying for one flavor (all policies, surges and the required group count).
   *
   * @param ctx the role
   * @param f the flavor
   * @param flavorViolations its counted requirement violations
   * @return the evaluations
   */
  public static List<Evaluation> candidatesFor(RoleContext ctx, FlavorFacts f, List<String> flavorViolations) {
    List<Evaluation> out = new ArrayList<>(8);
    for (int surge : ctx.surgeOptions()) {
      int required = ctx.requiredGroups(surge);
      int groupsForPolicies = Math.max(1, required);
      int maxMembers = Scoring.split(ctx.replicas(), groupsForPolicies)[0] + surge;
      for (PlacementPolicy p : policies(ctx, f.hosts, maxMembers)) {
        out.add(Scoring.evaluate(ctx, f, flavorViolations, p, surge, p.needsGroup() ? groupsForPolicies : 1));
      }
    }
    return out;
  }

  static void offerCheapest(List<FlavorFacts> kept, FlavorFacts f) {
    if (kept.size() == KEEP_REJECTED && COST.compare(f, kept.get(KEEP_REJECTED - 1)) >= 0) {
      return;
    }
    int i = kept.size();
    while (i > 0 && COST.compare(f, kept.get(i - 1)) < 0) {
      i--;
    }
    kept.add(i, f);
    if (kept.size() > KEEP_REJECTED) {
      kept.remove(KEEP_REJECTED);
    }
  }

  static void offerRejected(List<RoleOutcome.Rejected> rejected, RoleOutcome.Rejected r) {
    if (rejected.size() == KEEP_REJECTED && COST.compare(r.flavor(), rejected.get(KEEP_REJECTED - 1).flavor()) >= 0) {
      return;
    }
    int i = rejected.size();
    while (i > 0 && COST.compare(r.flavor(), rejected.get(i - 1).flavor()) < 0) {
      i--;
    }
    rejected.add(i, r);
    if (rejected.size() > KEEP_REJECTED) {
      rejected.remove(KEEP_REJECTED);
    }
  }

  static int storageTier(FlavorFacts f) {
    return switch (f.storage) {
      case LOCAL_NVME, LOCAL_SSD -> 0;
      case LOCAL_UNSPECIFIED -> 1;
      case LOCAL_HDD -> 2;
      default -> 3;
    };
  }

  static List<String> dedupe(List<String> in) {
    Set<String> s = new LinkedHashSet<>(in);
    return List.copyOf(s);
  }

  static boolean same(Evaluation a, Evaluation b) {
    return a.flavor() == b.flavor() && Objects.equals(a.policy(), b.policy()) && a.surge() == b.surge() && a.groups() == b.groups();
  }
}
