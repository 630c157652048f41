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

  private final ClusterRequest request;
  private final CloudProfile cloud;
  private final List<FlavorFacts> facts;
  private final List<PlanWarning> warnings;
  private final @Nullable StackDialect dialect;
  private final OutputMode mode;

  private final WhatIf whatIf;

  PlacementExplainer(Planning p, WhatIf whatIf) {
    this.whatIf = whatIf;
    this.request = p.request();
    this.cloud = p.cloud();
    this.facts = p.facts();
    this.warnings = p.warnings();
    this.dialect = p.dialect();
    this.mode = p.mode();
  }

  PolicyDecision policyDecision(RoleContext ctx, Evaluation best) {
    FlavorFacts f = best.flavor();
    int r = ctx.replicas();
    int members = best.groupSizes().length == 0 ? 0 : best.groupSizes()[0] + best.surge();
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
          + ": Nova enforces it (a filter), and rollouts always find a free host");
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
    if (ctx.controlPlane() && ctx.zones() > 1 && r > 1) {
      reasons.add("KubeadmControlPlane balances the members over the " + ctx.zones() + " availability zones (failure"
          + " domains): at most " + ((r + ctx.zones() - 1) / ctx.zones()) + " per zone, and a hypervisor belongs to one zone");
    }
    reasons.add("worst case " + best.worstPerHost() + (best.worstPerHost() == 1 ? " member" : " members")
        + " per hypervisor, expected " + best.expectedPerHost() + " on the busiest one after rollouts");

    List<RunnerUp> rejected = new ArrayList<>();
    for (Evaluation e : Search.candidatesFor(ctx.withoutPinnedPolicy(), f, List.of())) {
      if (Search.same(e, best)) {
        continue;
      }
      String name = e.policy() + (ctx.controlPlane() && ctx.surgeOptions().length > 1 ? " (maxSurge " + e.surge() + ")" : "");
      rejected.add(RunnerUp.of(name, e.feasible() ? FlavorExplainer.whyLost(ctx, e, best) : String.join("; ", e.violations())));
    }

    Optional<String> tradeOff = Optional.empty();
    List<Alternative> alternatives = new ArrayList<>();
    if (ctx.controlPlane() && r >= 3 && !(p.kind() == PlacementPolicy.Kind.ANTI_AFFINITY)) {
      String storageNote = f.storage.isLocal() && cloud.quirks().localDiskServersStoppedInMaintenance()
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
        tradeOff = Optional.of("No plan on " + hosts + " keeps etcd quorum through the loss of any one hypervisor: with " + p
            + " up to " + best.worstPerHost() + " of " + r + " members can share one." + lose);
      }
      if (tradeOff.isPresent()) {
        warnings.add(PlanWarning.of(best.survivesWorst() ? Severity.INFO : Severity.WARNING,
            surgeConflict ? Code.SURGE_TRADE_OFF : Code.QUORUM_AT_RISK,
            ctx.name(), tradeOff.get()));
        alternatives.addAll(whatIf.alternatives(ctx, best));
      }
    }
    if (!ctx.controlPlane() && p.kind() == PlacementPolicy.Kind.SOFT_ANTI_AFFINITY && r >= 2) {
      String msg = "soft-anti-affinity is a weigher, not a filter: a machine deployment creates its machines in parallel, and"
          + " concurrent boots can land on the same hypervisor (the lab saw stacking in 7 of 20 parallel tries on 3 hosts)."
          + " Raise replicas in steps (one machine at a time), or use hard anti-affinity with max_server_per_host (compute"
          + " 2.64; Nova re-checks hard policies on the host and reschedules), and compare the servers' hostIds after scaling.";
      warnings.add(PlanWarning.of(Severity.WARNING, Code.PARALLEL_BOOT_RACE, ctx.name(), msg));
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
