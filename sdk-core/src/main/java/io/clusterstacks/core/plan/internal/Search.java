package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.plan.PlacementPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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

  /** The cheapest {@link #KEEP_PER_GROUP} flavors of one group, as indices into the table, cheapest first. */
  private static final class Group {
    final int[] top = new int[KEEP_PER_GROUP];
    int size;

    void offer(FlavorTable t, int f) {
      size = offerCheapest(t, top, size, f);
    }
  }

  /**
   * Keeps the cheapest flavors (by {@link #COST}) in a bounded array: a flavor that is not cheaper than
   * the last kept one costs one comparison, so a pass over n flavors is linear.
   *
   * @param t the table
   * @param kept the kept indices, cheapest first; earlier ones win ties
   * @param size how many are kept
   * @param f the offered flavor's index
   * @return the new number kept
   */
  static int offerCheapest(FlavorTable t, int[] kept, int size, int f) {
    int cap = kept.length;
    if (size == cap && t.compareCost(f, kept[cap - 1]) >= 0) {
      return size;
    }
    int i = size;
    while (i > 0 && t.compareCost(f, kept[i - 1]) < 0) {
      i--;
    }
    int end = Math.min(size, cap - 1);
    System.arraycopy(kept, i, kept, i + 1, end - i);
    kept[i] = f;
    return Math.min(size + 1, cap);
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
   * The requirement violations that count for a flavor: for a pinned flavor only the explicit refusals
   * ({@link Requirement#NOT_OVERRIDDEN_BY_A_PIN}); the rest become warnings.
   *
   * @param ctx the role
   * @param f the flavor
   * @return the violations
   */
  static List<String> countedFlavorViolations(RoleContext ctx, FlavorFacts f) {
    return ctx.pinnedFlavor() != null ? Requirement.violations(ctx, f, Requirement.NOT_OVERRIDDEN_BY_A_PIN)
        : Scoring.flavorViolations(ctx, f);
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
  static List<PlacementPolicy> policies(RoleContext ctx, HostCount hosts, long maxMembers) {
    if (ctx.pinnedPolicy() != null) {
      return List.of(ctx.pinnedPolicy());
    }
    List<PlacementPolicy> out = new ArrayList<>(4);
    out.add(PlacementPolicy.antiAffinity());
    int guaranteed = hosts.knowledge() == HostKnowledge.UNKNOWN ? 1 : hosts.count();
    int k = (int) Math.min(Integer.MAX_VALUE, Math.max(2, (maxMembers + guaranteed - 1) / guaranteed));
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
    // one pass over primitive arrays; flavors of one host class share their HostCount instance (the
    // table numbers them by identity) and storage tiers 0..3 index the groups of a host class
    FlavorTable t = FlavorTable.of(candidates(ctx, all));
    Requirement.Filter filter = new Requirement.Filter(ctx);
    Group[] byKey = new Group[t.hosts.length * 4];
    List<Group> groups = new ArrayList<>();
    int[] rejectedFlavors = new int[KEEP_REJECTED];
    int rejectedCount = 0;
    boolean pinned = ctx.pinnedFlavor() != null;
    boolean controlPlane = ctx.controlPlane();
    for (int i = 0, n = t.size(); i < n; i++) {
      if (pinned ? (t.failures(filter, i) & Requirement.NOT_OVERRIDDEN_BY_A_PIN) == 0 : t.fits(filter, i)) {
        int key = t.hostIndex[i] * 4 + (controlPlane ? t.tier[i] : 0);
        Group g = byKey[key];
        if (g == null) {
          g = new Group();
          byKey[key] = g;
          groups.add(g);
        }
        g.offer(t, i);
      } else {
        rejectedCount = offerCheapest(t, rejectedFlavors, rejectedCount, i);
      }
    }
    List<RoleOutcome.Rejected> rejected = new ArrayList<>(rejectedCount);
    for (int r = 0; r < rejectedCount; r++) {
      FlavorFacts f = t.get(rejectedFlavors[r]);
      rejected.add(new RoleOutcome.Rejected(f, Requirement.violations(ctx, filter, f, -1)));
    }
    Evaluation best = null;
    List<Evaluation> ranked = new ArrayList<>();
    Evaluation closestInfeasible = null;
    List<String> reasons = new ArrayList<>();
    for (Group g : groups) {
      FlavorFacts rep = t.get(g.top[0]);
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
      for (int i = 1; i < g.size; i++) {
        ranked.add(Scoring.evaluate(ctx, t.get(g.top[i]), List.of(), groupBest.policy(), groupBest.surge(), groupBest.groups()));
      }
      if (best == null || groupBest.compareTo(best) < 0) {
        best = groupBest;
      }
    }
    if (best == null) {
      if (groups.isEmpty()) {
        if (ctx.pinnedFlavor() == null) {
          reasons.add("no flavor meets the requirements");
        } else if (rejectedCount > 0) {
          FlavorFacts f = t.get(rejectedFlavors[0]);
          reasons.add("the pinned flavor " + f.flavor.name() + " has " + String.join("; ",
              Requirement.violations(ctx, f, Requirement.NOT_OVERRIDDEN_BY_A_PIN))
              + ": allowNetworkStorage(false) is an explicit no, which a pin does not override");
        } else {
          reasons.add("the pinned flavor is not in the profile");
        }
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
      long maxMembers = Scoring.largestGroup(ctx.replicas(), groupsForPolicies) + surge;
      for (PlacementPolicy p : policies(ctx, f.hosts, maxMembers)) {
        out.add(Scoring.evaluate(ctx, f, flavorViolations, p, surge, p.needsGroup() ? groupsForPolicies : 1));
      }
      // a split the member quota forces anyway may as well be fine enough for hard anti-affinity
      int hard = Scoring.hardGroups(ctx, f.hosts, surge);
      if (hard > 0 && (ctx.pinnedPolicy() == null || ctx.pinnedPolicy().kind() == PlacementPolicy.Kind.ANTI_AFFINITY)) {
        out.add(Scoring.evaluate(ctx, f, flavorViolations, PlacementPolicy.antiAffinity(), surge, hard));
      }
    }
    return out;
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

  static List<String> dedupe(List<String> in) {
    Set<String> s = new LinkedHashSet<>(in);
    return List.copyOf(s);
  }

  static boolean same(Evaluation a, Evaluation b) {
    return a.flavor() == b.flavor() && Objects.equals(a.policy(), b.policy()) && a.surge() == b.surge() && a.groups() == b.groups();
  }
}
