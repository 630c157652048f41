package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.PlacementPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that judges a candidate: which constraints it violates and how it ranks. The planner's
 * search and the brute-force oracle both call {@link #evaluate}, so they rank by the same rules.
 *
 * <p>A control plane spread over several availability zones (CAPO failure domains, balanced by the
 * KubeadmControlPlane) never has more than ceil(replicas / zones) members in one zone, so on one host.
 *
 * <p>The ranking itself is the typed table {@link Ranking} of {@link Term}s; the flavor rules are
 * {@link Requirement}s.
 */
public final class Scoring {

  private Scoring() {}

  /**
   * The constraints a flavor itself violates for a role (requirements on its real values, etcd storage).
   *
   * @param ctx the role
   * @param f the flavor
   * @return one sentence per violation; empty when the flavor fits
   */
  public static List<String> flavorViolations(RoleContext ctx, FlavorFacts f) {
    return Requirement.violations(ctx, f);
  }

  /**
   * Whether a flavor meets the role's requirements: {@link Requirement#failures} finds nothing.
   *
   * @param ctx the role
   * @param f the flavor
   * @return true when {@link #flavorViolations} would be empty
   */
  public static boolean fits(RoleContext ctx, FlavorFacts f) {
    return Requirement.failures(new Requirement.Filter(ctx), f) == 0;
  }

  /**
   * Judges one candidate.
   *
   * @param ctx the role
   * @param f the flavor
   * @param flavorViolations {@link #flavorViolations} of the flavor (passed in so the search computes them once)
   * @param policy the policy
   * @param surge the rollout surge
   * @param groups the number of server groups (deployments after a split)
   * @return the evaluation
   */
  public static Evaluation evaluate(RoleContext ctx, FlavorFacts f, List<String> flavorViolations, PlacementPolicy policy,
      int surge, int groups) {
    List<String> v = new ArrayList<>(flavorViolations);
    int r = ctx.replicas();
    HostCount hosts = f.hosts;
    int guaranteedHosts = hosts.knowledge() == HostKnowledge.UNKNOWN ? 1 : hosts.count();
    int knownHosts = hosts.knowledge() == HostKnowledge.UNKNOWN ? 0 : hosts.count();
    boolean singleHost = hosts.isAssumedExact() && hosts.count() == 1;

    // surge
    boolean surgeAllowed = false;
    for (int s : ctx.surgeOptions()) {
      surgeAllowed |= s == surge;
    }
    if (!surgeAllowed) {
      v.add(surgeViolation(ctx, surge));
    }
    // groups and sizes
    int g = Math.max(1, groups);
    int[] sizes = split(r, g);
    int maxMembers = (sizes.length == 0 ? 0 : sizes[0]) + surge;
    if (policy.needsGroup()) {
      int required = ctx.requiredGroups(surge);
      if (required == 0) {
        v.add((r + surge) + " members (" + r + " replicas + surge " + surge + ") exceed the member quota of "
            + ctx.memberQuota() + " per server group" + (ctx.controlPlane() ? " and a control plane cannot be split" : ""));
      } else if (g != required) {
        v.add(required == 1 ? "splitting is only done when the member quota needs it"
            : "the member quota needs exactly " + required + " groups (the fewest that fit)");
      }
      if (g > r && r > 0) {
        v.add("more groups than replicas");
      }
      if (ctx.groupHeadroom() < g) {
        v.add("needs " + g + (g == 1 ? " server group" : " server groups") + ", " + ctx.groupHeadroom()
            + " left of the project's server-group quota");
      }
      if (!ctx.microversions().supports(policy.requiredMicroversion())) {
        v.add("needs compute microversion " + policy.requiredMicroversion() + ", the cloud offers " + ctx.microversions());
      }
    } else if (g != 1) {
      v.add("without a server group there is nothing to split");
    }
    if (policy.kind() == PlacementPolicy.Kind.ANTI_AFFINITY && maxMembers > guaranteedHosts) {
      v.add(hostShortage(hosts, maxMembers, r, surge, g));
    }
    int k = policy.maxServerPerHost().orElse(0);
    if (policy.kind() == PlacementPolicy.Kind.ANTI_AFFINITY_MAX_PER_HOST) {
      if (k >= maxMembers && ctx.pinnedPolicy() == null) {
        // not an option the planner offers (it limits nothing); pinned, Nova runs it like anti-affinity that never
        // refuses a member, so the plan keeps it
        v.add("max_server_per_host=" + k + " does not limit " + Wording.plural(maxMembers, "member"));
      } else if ((long) k * guaranteedHosts < maxMembers) {
        v.add(maxMembers + " members do not fit " + k + " per host on " + Wording.describeHosts(hosts));
      }
    }
    if (ctx.pinnedPolicy() != null && !ctx.pinnedPolicy().equals(policy)) {
      v.add("the policy is pinned to " + ctx.pinnedPolicy());
    }

    // metrics
    int worst;
    int expected;
    switch (policy.kind()) {
      case ANTI_AFFINITY -> {
        worst = Math.min(r, g);
        expected = worst;
      }
      case ANTI_AFFINITY_MAX_PER_HOST -> {
        int w = 0;
        int e = 0;
        for (int s : sizes) {
          w += Math.min(k, s);
          e += Math.min(k, softExpected(s, surge, knownHosts));
        }
        worst = Math.min(r, w);
        expected = Math.min(r, e);
      }
      case SOFT_ANTI_AFFINITY -> {
        int e = 0;
        for (int s : sizes) {
          e += softExpected(s, surge, knownHosts);
        }
        worst = r;
        expected = Math.min(r, e);
      }
      default -> {
        worst = r;
        expected = r;
      }
    }
    if (singleHost) {
      worst = r;
      expected = r;
    }
    if (ctx.controlPlane() && ctx.zones() > 1 && !singleHost) {
      // KubeadmControlPlane balances its machines over the failure domains (the availability zones), and a
      // hypervisor belongs to one zone: at most ceil(r / zones) members can share a host after any rollout
      int zoneBound = (r + ctx.zones() - 1) / ctx.zones();
      worst = Math.min(worst, zoneBound);
      expected = Math.min(expected, zoneBound);
    }
    int tolerable = (r - 1) / 2;
    boolean survivesWorst = r > 0 && worst <= tolerable;
    boolean survivesExpected = r > 0 && expected <= tolerable;
    if (ctx.controlPlane() && ctx.tolerance() == HostFailureTolerance.REQUIRED && !survivesWorst) {
      v.add("etcd quorum is lost when the worst hypervisor fails: up to " + worst + " of " + r
          + " members on one host, quorum needs " + (r / 2 + 1));
    }

    boolean pointless = policy.needsGroup() && (r <= 1 || singleHost);
    return new Evaluation(ctx, f, policy, surge, g, sizes, List.copyOf(v), worst, expected, survivesWorst, survivesExpected,
        pointless);
  }

  /**
   * The expected most members on one host for a soft-spread group after surge-first rollouts. Each new
   * member goes to a least-loaded host (the weigher; ties go to the same first host every time), so a
   * rollout can stack up to ceil((members + surge) / hosts) on one host and the later deletion of the
   * oldest member need not undo it: on 3 hosts with 3 members that is 2, the 2/1/0 the lab saw after
   * every surge-first rollout. Without a surge it is the even spread ceil(members / hosts).
   */
  static int softExpected(int members, int surge, int knownHosts) {
    if (members <= 0) {
      return 0;
    }
    if (knownHosts <= 0) {
      return members;
    }
    int during = members + Math.max(0, surge);
    return Math.min(members, (during + knownHosts - 1) / knownHosts);
  }

  public static int[] split(int replicas, int groups) {
    int[] sizes = new int[groups];
    for (int i = 0; i < groups; i++) {
      sizes[i] = replicas / groups + (i < replicas % groups ? 1 : 0);
    }
    return sizes;
  }

  private static String surgeViolation(RoleContext ctx, int surge) {
    if (ctx.requestedSurge().isPresent()) {
      return "the surge is set to " + ctx.requestedSurge().getAsInt();
    }
    if (ctx.controlPlane() && ctx.mode() == OutputMode.TOPOLOGY) {
      return "in topology mode the SCS ClusterClass rolls the control plane out with maxSurge 1";
    }
    if (ctx.controlPlane() && surge == 0) {
      return "maxSurge 0 needs at least 3 replicas (KubeadmControlPlane webhook)";
    }
    return "surge " + surge + " is not an option";
  }

  private static String hostShortage(HostCount hosts, int maxMembers, int r, int surge, int g) {
    String members = maxMembers + (g > 1 ? " members per group" : " members") + " (" + (maxMembers - surge)
        + " replicas + surge " + surge + ")";
    return "hard anti-affinity needs " + maxMembers + " hypervisors for " + members + ", the flavor is served by "
        + Wording.describeHosts(hosts) + "; the extra member would go to ERROR (No valid host was found)";
  }
}
