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
    long r = ctx.replicas();
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
    // groups and sizes: g groups, r mod g of them one member larger (no per-group or per-member arrays)
    int g = Math.max(1, groups);
    long largest = largestGroup(r, g);
    long maxMembers = largest + surge;
    int hardGroups = hardGroups(ctx, hosts, surge);
    if (policy.needsGroup()) {
      int required = ctx.requiredGroups(surge);
      boolean hardSplit = policy.kind() == PlacementPolicy.Kind.ANTI_AFFINITY && g == hardGroups;
      if (required == 0) {
        v.add((r + surge) + " members (" + r + " replicas + surge " + surge + ") exceed the member quota of "
            + ctx.memberQuota() + " per server group" + (ctx.controlPlane() ? " and a control plane cannot be split" : ""));
      } else if (g != required && !hardSplit) {
        v.add(required == 1 ? "splitting is only done when the member quota needs it"
            : "the member quota needs exactly " + required + " groups (the fewest that fit)"
                + (hardGroups > 0 ? ", or " + hardGroups + " for hard anti-affinity" : ""));
      }
      if (g > r && r > 0) {
        v.add("more groups than replicas");
      }
      if (g > MAX_DEPLOYMENTS) {
        v.add("a split into " + g + " deployments: the planner splits a deployment into at most " + MAX_DEPLOYMENTS
            + "; raise the server_group_members quota or plan fewer replicas per deployment");
      }
      if (ctx.groupHeadroom() < g) {
        v.add("needs " + Wording.plural(g, "server group") + ", " + ctx.groupHeadroom()
            + " left of the project's server-group quota");
      }
      if (!ctx.microversions().supports(policy.requiredMicroversion())) {
        v.add("needs compute microversion " + policy.requiredMicroversion() + ", the cloud offers " + ctx.microversions());
      }
    } else if (g != 1) {
      v.add("without a server group there is nothing to split");
    }
    if (policy.kind() == PlacementPolicy.Kind.ANTI_AFFINITY && maxMembers > guaranteedHosts) {
      v.add(hostShortage(hosts, maxMembers, surge, g));
    }
    int k = policy.maxServerPerHost().orElse(0);
    // Zones: KubeadmControlPlane fills the zone with the fewest machines, whatever its host count, so the
    // smallest zone gets as many members as any other (see Zones). Per-zone counts describe the hosts of
    // flavors without a host class; for a host-class flavor they are not known (the reasons say so).
    Zones zones = ctx.zones();
    boolean zoned = ctx.zoneCount() > 1 && !singleHost;
    int zoneHosts = zoned && f.flavor.hostClass().isEmpty() ? zones.smallestHosts() : 0;
    if (zoneHosts > 0 && policy.needsGroup()) {
      long peak = zones.perZone(maxMembers);
      if (policy.kind() == PlacementPolicy.Kind.ANTI_AFFINITY && peak > zoneHosts) {
        v.add(zoneShortage(zones, peak, maxMembers, "hard anti-affinity needs one hypervisor per member there"));
      } else if (policy.kind() == PlacementPolicy.Kind.ANTI_AFFINITY_MAX_PER_HOST && (long) k * zoneHosts < peak) {
        v.add(zoneShortage(zones, peak, maxMembers, "max_server_per_host=" + k + " lets only " + (long) k * zoneHosts
            + " fit there"));
      }
    }
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

    // metrics, summed over the two group sizes (r mod g groups of the larger size, the rest of the smaller)
    long larger = r % g;
    long smaller = g - larger;
    long small = r / g;
    long worst;
    long expected;
    switch (policy.kind()) {
      case ANTI_AFFINITY -> {
        worst = Math.min(r, g);
        expected = worst;
      }
      case ANTI_AFFINITY_MAX_PER_HOST -> {
        long w = larger * Math.min(k, small + 1) + smaller * Math.min(k, small);
        long e = larger * Math.min(k, softExpected(small + 1, surge, knownHosts))
            + smaller * Math.min(k, softExpected(small, surge, knownHosts));
        worst = Math.min(r, w);
        expected = Math.min(r, e);
      }
      case SOFT_ANTI_AFFINITY -> {
        long e = larger * softExpected(small + 1, surge, knownHosts) + smaller * softExpected(small, surge, knownHosts);
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
    if (zoned) {
      // KubeadmControlPlane balances its machines over the failure domains (the availability zones), and a
      // hypervisor belongs to one zone: at most ceil(r / zones) members can share a host after any rollout
      long zoneBound = zones.perZone(r);
      worst = Math.min(worst, zoneBound);
      expected = Math.min(expected, zoneBound);
      if (zoneHosts > 0) {
        // the smallest zone holds as many members as the others on fewer hosts: its busiest host decides
        long inZone = switch (policy.kind()) {
          case ANTI_AFFINITY -> 1;
          case ANTI_AFFINITY_MAX_PER_HOST -> Math.min(k, softExpected(zoneBound, surge, zoneHosts));
          case SOFT_ANTI_AFFINITY -> softExpected(zoneBound, surge, zoneHosts);
          default -> zoneBound;
        };
        expected = Math.min(worst, Math.max(expected, inZone));
      }
    }
    long tolerable = (r - 1) / 2;
    boolean survivesWorst = r > 0 && worst <= tolerable;
    boolean survivesExpected = r > 0 && expected <= tolerable;
    if (ctx.controlPlane() && ctx.tolerance() == HostFailureTolerance.REQUIRED && !survivesWorst) {
      v.add("etcd quorum is lost when the worst hypervisor fails: up to " + worst + " of " + r
          + " members on one host, quorum needs " + (r / 2 + 1));
    }

    boolean pointless = policy.needsGroup() && (r <= 1 || singleHost);
    return new Evaluation(ctx, f, policy, surge, g, List.copyOf(v), (int) worst, (int) expected, survivesWorst,
        survivesExpected, pointless);
  }

  /**
   * The expected most members on one host for a soft-spread group after surge-first rollouts. Each new
   * member goes to a least-loaded host (the weigher; ties go to the same first host every time), so a
   * rollout can stack up to ceil((members + surge) / hosts) on one host and the later deletion of the
   * oldest member need not undo it: on 3 hosts with 3 members that is 2, the 2/1/0 the lab saw after
   * every surge-first rollout. Without a surge it is the even spread ceil(members / hosts).
   */
  static long softExpected(long members, int surge, int knownHosts) {
    if (members <= 0) {
      return 0;
    }
    if (knownHosts <= 0) {
      return members;
    }
    long during = members + Math.max(0, surge);
    return Math.min(members, (during + knownHosts - 1) / knownHosts);
  }

  /** The most groups a split makes (more cost more than they spread). */
  static final int MAX_DEPLOYMENTS = 1000;

  /**
   * The size of the largest of g groups of r members split as evenly as possible.
   *
   * @param replicas the members
   * @param groups the groups, at least 1
   * @return ceil(replicas / groups)
   */
  static long largestGroup(long replicas, int groups) {
    return (replicas + groups - 1) / groups;
  }

  /**
   * The group sizes of an even split, largest first.
   *
   * @param replicas the members
   * @param groups the groups
   * @return one size per group
   */
  public static int[] split(int replicas, int groups) {
    int[] sizes = new int[groups];
    for (int i = 0; i < groups; i++) {
      sizes[i] = replicas / groups + (i < replicas % groups ? 1 : 0);
    }
    return sizes;
  }

  /**
   * When the member quota splits a worker deployment anyway, the fewest groups small enough for hard
   * anti-affinity on the flavor's certain hypervisors: e.g. 12 workers with surge 1 and a quota of 10 need 2
   * groups (of 6, 7 members during a rollout, more than 6 hosts), while 3 groups of 4 (5 during a rollout)
   * fit one per host. More groups than the quota needs are worth it only for hard anti-affinity, which holds
   * within each group.
   *
   * @param ctx the role
   * @param hosts the flavor's hypervisors
   * @param surge the rollout surge
   * @return the group count, or 0 when there is no such split (no split needed, too few hosts, or the quota's
   *     split already fits)
   */
  static int hardGroups(RoleContext ctx, HostCount hosts, int surge) {
    int required = ctx.requiredGroups(surge);
    int guaranteed = hosts.knowledge() == HostKnowledge.UNKNOWN ? 1 : hosts.count();
    if (ctx.controlPlane() || required < 2 || guaranteed - (long) surge < 2) {
      // groups of one member spread nothing
      return 0;
    }
    long perGroup = guaranteed - (long) surge;
    long g = (ctx.replicas() + perGroup - 1) / perGroup;
    return g > required && g <= ctx.replicas() ? (int) g : 0;
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

  private static String hostShortage(HostCount hosts, long maxMembers, int surge, int g) {
    String members = maxMembers + (g > 1 ? " members per group" : " members") + " (" + (maxMembers - surge)
        + " replicas + surge " + surge + ")";
    long extra = maxMembers - (hosts.knowledge() == HostKnowledge.UNKNOWN ? 1 : hosts.count());
    return "hard anti-affinity needs " + maxMembers + " hypervisors for " + members + ", the flavor is served by "
        + Wording.describeHosts(hosts) + "; " + (extra == 1 ? "the extra member" : "the " + extra + " extra members")
        + " would go to ERROR (No valid host was found)";
  }

  private static String zoneShortage(Zones zones, long peak, long members, String why) {
    int h = zones.smallestHosts();
    return "KubeadmControlPlane spreads the " + members + " members of a rollout over the " + zones.count()
        + " availability zones fewest-first, whatever their hosts, so zone " + zones.smallestName() + " ("
        + Wording.plural(h, "hypervisor") + ") gets up to " + peak + ": " + why + ", and a member beyond that goes to"
        + " ERROR (No valid host was found), which stalls the rollout";
  }
}
