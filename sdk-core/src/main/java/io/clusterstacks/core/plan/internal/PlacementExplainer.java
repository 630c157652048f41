package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.flavor.FlavorConsistency;
import io.clusterstacks.core.flavor.FlavorDiscrepancy;
import io.clusterstacks.core.flavor.InvalidFlavorNameException;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.NodeShape;
import io.clusterstacks.core.image.UnsupportedCombinationException;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.Alternative;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.FlavorChoice;
import io.clusterstacks.core.plan.FlavorNotFoundException;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import io.clusterstacks.core.plan.MaintenanceOptIn;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.PlanWarning.Code;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.PolicyDecision;
import io.clusterstacks.core.plan.QuorumAnalysis;
import io.clusterstacks.core.plan.QuotaCheck;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.plan.RoleRequirements;
import io.clusterstacks.core.plan.RootDiskDecision;
import io.clusterstacks.core.plan.RunnerUp;
import io.clusterstacks.core.plan.Scs0214Verdict;
import io.clusterstacks.core.plan.StorageClass;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.FlavorDiskBoot;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.VariableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Explains a role's placement decision: reasons, the other policies and why they lost, the trade-off and
 * the alternatives (from {@link WhatIf}), and the warnings it implies; decides nothing.
 */
final class PlacementExplainer {

  /** The run this part explains or decides for: request, cloud, flavors' facts, warnings, dialect, mode. */
  private final Planning planning;
  private final WhatIf whatIf;

  PlacementExplainer(Planning p, WhatIf whatIf) {
    this.planning = p;
    this.whatIf = whatIf;
  }

  PolicyDecision policyDecision(RoleContext ctx, Evaluation best) {
    FlavorFacts f = best.flavor();
    int r = ctx.replicas();
    long members = (long) best.largestGroup() + best.surge();
    List<String> reasons = new ArrayList<>();
    String hosts = Wording.describeHosts(f.hosts);
    PlacementPolicy p = best.policy();
    if (ctx.pinnedPolicy() != null) {
      reasons.add("pinned by the request");
    }
    if (ctx.controlPlane()) {
      reasons.add(ctx.mode() == OutputMode.TOPOLOGY
          ? "topology mode: the SCS ClusterClass rolls the control plane out with maxSurge 1, so every upgrade briefly runs "
              + (r + 1) + " members"
          : best.surge() == 0
              ? "raw CAPI mode with maxSurge 0: a rollout deletes a member before creating its replacement, so never more than "
                  + r + " members exist"
              : "raw CAPI mode with maxSurge 1: every upgrade briefly runs " + (r + 1) + " members");
    } else {
      reasons.add("machine deployment with maxSurge " + best.surge() + ": up to " + members + " members per group during a rollout");
    }
    switch (p.kind()) {
      case ANTI_AFFINITY -> reasons.add(members + " members fit one per hypervisor on " + hosts
          + ": Nova enforces it (a filter), and rollouts always find a free host"
          + (ctx.zoneCount() > 1 ? (f.flavor.hostClass().isEmpty() && ctx.zones().perZoneKnown()
              ? ", in every zone (the smallest, " + ctx.zones().smallestName() + ", has "
                  + Wording.plural(ctx.zones().smallestHosts(), "hypervisor") + " for up to "
                  + ctx.zones().perZone(members) + " members)"
              : " if every zone has enough of them (see the assumption below)") : ""));
      case ANTI_AFFINITY_MAX_PER_HOST -> reasons.add("hard anti-affinity would need " + members + " hypervisors, " + hosts
          + " serve the flavor; max_server_per_host=" + p.maxServerPerHost().getAsInt()
          + " (compute 2.64) lets every member and rollout find a host while capping each hypervisor at "
          + p.maxServerPerHost().getAsInt());
      case SOFT_ANTI_AFFINITY -> reasons.add("soft-anti-affinity (compute 2.15) never blocks a boot, but only prefers spreading"
          + (ctx.controlPlane() ? " (control-plane machines are created one at a time, so each boot sees the others; rollouts"
              + " are where members double up)" : "")
          + (ctx.microversions().supports(io.clusterstacks.core.cloud.ComputeMicroversion.MAX_SERVER_PER_HOST) ? ""
              : "; max_server_per_host needs compute 2.64 and the cloud offers " + ctx.microversions()));
      case NONE -> reasons.add(r <= 1 ? "one member: a server group would spread nothing"
          : f.hosts.isAssumedExact() && f.hosts.count() == 1 ? "one hypervisor: a server group would spread nothing"
          : "no server group: " + noGroupReason(ctx, f, best));
    }
    if (!p.needsGroup() && ctx.groupHeadroom() < Long.MAX_VALUE) {
      quotaStarved(ctx, best).ifPresent(better -> {
        io.clusterstacks.core.cloud.Quota q = planning.cloud().quotas().serverGroups();
        String msg = ctx.name() + " gets no server group: the project's server-group quota is used up ("
            + q.used() + " of " + q.limit() + " in use before this cluster"
            + (ctx.groupHeadroom() < q.headroom() ? ", and the roles planned before take " + (q.headroom() - ctx.groupHeadroom())
                : "") + "). With " + Wording.plural(better.groups(), "server group") + " it would be " + better.policy()
            + ": at most " + better.worstPerHost() + " of " + r + " members per hypervisor in the worst case, instead of "
            + best.worstPerHost() + ". Raise the serverGroups quota by " + (better.groups() - ctx.groupHeadroom())
            + " or delete unused server groups.";
        planning.warnings().add(PlanWarning.of(Severity.WARNING, Code.QUOTA, ctx.name(), msg));
        reasons.add("no server group left in the project's server-group quota: see the warning");
      });
    }
    if (ctx.zoneCount() > 1 && r > 1) {
      Zones z = ctx.zones();
      reasons.add("KubeadmControlPlane balances the members over the " + z.count() + " availability zones (failure"
          + " domains) fewest-first, whatever their hosts: at most " + z.perZone(r) + " per zone (" + z.perZone(members)
          + " during a rollout), and a hypervisor belongs to one zone");
      long peak = z.perZone(members);
      long needed = p.kind() == PlacementPolicy.Kind.ANTI_AFFINITY ? peak
          : p.kind() == PlacementPolicy.Kind.ANTI_AFFINITY_MAX_PER_HOST ? (peak + p.maxServerPerHost().getAsInt() - 1)
              / p.maxServerPerHost().getAsInt() : 0;
      if (needed > 1 && (f.flavor.hostClass().isPresent() || !z.perZoneKnown())) {
        reasons.add("assumed: every zone has at least " + Wording.plural(needed, "hypervisor") + " serving "
            + f.flavor.name() + (f.flavor.hostClass().isPresent() ? " (the profile does not say how the "
                + f.flavor.hostClass().get() + " hosts are spread over the zones)"
                : " (the profile gives no per-zone hypervisor counts)")
            + "; in a zone with fewer, a member goes to ERROR (No valid host was found)");
      }
    }
    reasons.add("worst case " + Wording.plural(best.worstPerHost(), "member") + " per hypervisor, expected "
        + best.expectedPerHost() + " on the busiest one after rollouts" + expectedAssumes(p));

    List<RunnerUp> rejected = new ArrayList<>();
    for (Evaluation e : Search.candidatesFor(ctx.withoutPinnedPolicy(), f, List.of())) {
      if (Search.same(e, best)) {
        continue;
      }
      String name = e.policy() + (ctx.controlPlane() && ctx.surgeOptions().length > 1 ? " (maxSurge " + e.surge() + ")" : "")
          + (e.groups() != best.groups() && e.policy().needsGroup() ? " in " + e.groups() + " groups" : "");
      rejected.add(RunnerUp.of(name, e.feasible() ? FlavorExplainer.whyLost(ctx, e, best) : String.join("; ", e.violations())));
    }

    Optional<String> tradeOff = Optional.empty();
    List<Alternative> alternatives = new ArrayList<>();
    if (ctx.controlPlane() && r >= 3 && !(p.kind() == PlacementPolicy.Kind.ANTI_AFFINITY)) {
      String storageNote = f.storage.isLocal() && planning.cloud().quirks().localDiskServersStoppedInMaintenance()
          ? " fails or goes into maintenance (local-disk servers are powered off, not migrated)"
          : " fails";
      String lose = best.survivesWorst() ? "" : " When that hypervisor" + storageNote + ", etcd loses quorum ("
          + best.worstPerHost() + " of " + r + " members down, quorum needs " + (r / 2 + 1) + ") until it is back.";
      boolean surgeConflict = ctx.mode() == OutputMode.TOPOLOGY && members > hostsGuaranteed(f.hosts)
          && members - 1 <= hostsGuaranteed(f.hosts);
      if (surgeConflict && best.expectedPerHost() > 1) {
        tradeOff = Optional.of("Surge-safe upgrades and one member per hypervisor cannot both be had on " + hosts
            + " in topology mode: every upgrade briefly runs " + members + " members and hard anti-affinity would put the extra"
            + " one in ERROR (No valid host was found), stalling the rollout. The plan keeps upgrades working with " + p
            + ", at the price that after an upgrade " + best.expectedPerHost()
            + " members can share a hypervisor (the lab saw 2/1/0 after every surge-first rollout on 3 hosts)." + lose);
      } else if (!best.survivesWorst()) {
        Zones z = ctx.zones();
        String zoneNote = ctx.zoneCount() > 1 && f.flavor.hostClass().isEmpty() && z.smallest() >= 0
            && z.smallestHosts() < z.perZone(r + best.surge())
            ? " KubeadmControlPlane puts up to " + z.perZone(r) + " members into every zone, whatever its hosts, and zone "
                + z.smallestName() + " has " + Wording.plural(z.smallestHosts(), "hypervisor") + "."
            : "";
        tradeOff = Optional.of("No plan on " + hosts + " keeps etcd quorum through the loss of any one hypervisor: with " + p
            + " up to " + best.worstPerHost() + " of " + r + " members can share one." + zoneNote + lose);
      }
      if (tradeOff.isPresent()) {
        planning.warnings().add(PlanWarning.of(best.survivesWorst() ? Severity.INFO : Severity.WARNING,
            surgeConflict ? Code.SURGE_TRADE_OFF : Code.QUORUM_AT_RISK,
            ctx.name(), tradeOff.get()));
        alternatives.addAll(whatIf.alternatives(ctx, best));
      }
    }
    boolean oneHost = f.hosts.isAssumedExact() && f.hosts.count() == 1;
    if (!ctx.controlPlane() && p.kind() == PlacementPolicy.Kind.SOFT_ANTI_AFFINITY && r >= 2 && !oneHost) {
      // on one hypervisor there is nothing to race for: every member lands on it anyway
      String msg = "soft-anti-affinity is a weigher, not a filter: a machine deployment creates its machines in parallel, and"
          + " concurrent boots can land on the same hypervisor (the lab saw stacking in 7 of 20 parallel tries on 3 hosts)."
          + " Raise replicas in steps (one machine at a time), or use hard anti-affinity with max_server_per_host (compute"
          + " 2.64; Nova re-checks hard policies on the host and reschedules), and compare the servers' hostIds after scaling.";
      planning.warnings().add(PlanWarning.of(Severity.WARNING, Code.PARALLEL_BOOT_RACE, ctx.name(), msg));
      reasons.add("parallel boots race under soft-anti-affinity: see the warning");
      if (!ctx.microversions().supports(io.clusterstacks.core.cloud.ComputeMicroversion.MAX_SERVER_PER_HOST)) {
        alternatives.add(Alternative.of("a cloud with compute 2.64",
            "hard anti-affinity with max_server_per_host: no parallel-boot race"));
      }
      alternatives.add(Alternative.of("raise replicas in steps", "each boot sees the previous members, so soft spreading works"));
    }
    if (ctx.controlPlane() && r >= 3 && p.kind() == PlacementPolicy.Kind.ANTI_AFFINITY && best.surge() == 0) {
      tradeOff = Optional.of("maxSurge 0 keeps hard anti-affinity on " + hosts + ": each rollout step removes a member before"
          + " creating its replacement, so " + (r - 1) + " of " + r + " members carry etcd during the step and one more"
          + " failure then stops it; raw mode also means no stack-managed addons.");
      alternatives.addAll(whatIf.alternatives(ctx, best));
    }
    return PolicyDecision.builder().policy(p).maxSurge(best.surge()).groupSizes(toList(best.groupSizes()))
        .worstCasePerHost(best.worstPerHost()).expectedPerHost(best.expectedPerHost()).reasons(reasons).tradeOff(tradeOff)
        .alternatives(alternatives).rejected(rejected).build();
  }

  /**
   * The better plan the role would get if the server-group quota left room, when only the quota keeps it
   * without a group.
   */
  private static Optional<Evaluation> quotaStarved(RoleContext ctx, Evaluation best) {
    Evaluation better = null;
    for (Evaluation e : Search.candidatesFor(ctx.withGroupHeadroom(Long.MAX_VALUE), best.flavor(), List.of())) {
      if (e.feasible() && e.policy().needsGroup() && e.compareTo(best) < 0 && (better == null || e.compareTo(better) < 0)) {
        better = e;
      }
    }
    return Optional.ofNullable(better);
  }

  /** What the even spread assumes, per policy (hard anti-affinity and the worst case assume nothing). */
  private static String expectedAssumes(PlacementPolicy p) {
    return switch (p.kind()) {
      case ANTI_AFFINITY_MAX_PER_HOST -> "; the placement map's even spread assumes equally loaded hypervisors:"
          + " max_server_per_host only caps, it does not spread (a real Nova placed 2/1/0 at creation on unevenly loaded"
          + " hosts)";
      case SOFT_ANTI_AFFINITY -> "; the placement map's even spread assumes that Nova's soft-anti-affinity weigher"
          + " decides (other weighers, e.g. free RAM, can outweigh it)";
      default -> "";
    };
  }

  private static String noGroupReason(RoleContext ctx, FlavorFacts f, Evaluation best) {
    List<String> why = new ArrayList<>();
    for (Evaluation e : Search.candidatesFor(ctx, f, List.of())) {
      if (e.policy().needsGroup() && !e.feasible()) {
        why.add(e.policy() + ": " + String.join("; ", e.violations()));
      }
    }
    return why.isEmpty() ? "no group policy does better here" : String.join(" | ", why);
  }

  private static int hostsGuaranteed(HostCount h) {
    return h.knowledge() == HostKnowledge.UNKNOWN ? 1 : h.count();
  }

  private static List<Integer> toList(int[] a) {
    List<Integer> out = new ArrayList<>(a.length);
    for (int x : a) {
      out.add(x);
    }
    return out;
  }
}
