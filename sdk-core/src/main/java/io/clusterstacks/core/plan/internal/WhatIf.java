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
 * Decides which changes would make a role plannable or better, by planning again with each change
 * (more hypervisors, another mode, relaxed requirements, a raised quota), and words the outcome.
 */
final class WhatIf {

  /** The most hypervisors an alternative adds. */
  private static final int MAX_EXTRA_HOSTS = 8;


  /** The run this part explains or decides for: request, cloud, flavors' facts, warnings, dialect, mode. */
  private final Planning planning;

  WhatIf(Planning p) {
    this.planning = p;
  }

  /** Options that would make an infeasible role plannable, each checked by running the search again. */
  List<Alternative> options(RoleContext ctx, RoleOutcome failed) {
    List<Alternative> out = new ArrayList<>();
    if (ctx.controlPlane() && ctx.tolerance() == HostFailureTolerance.REQUIRED) {
      tryOption(out, ctx.withTolerance(HostFailureTolerance.PREFERRED), planning.facts(),
          "accept the quorum risk (hostFailureTolerance PREFERRED)");
    }
    if (ctx.pinnedPolicy() != null) {
      tryOption(out, ctx.withoutPinnedPolicy(), planning.facts(), "let the planner choose the policy (unpin " + ctx.pinnedPolicy() + ")");
    }
    if (ctx.controlPlane() && ctx.mode() == OutputMode.TOPOLOGY && ctx.replicas() >= 3) {
      tryOption(out, ctx.withMode(OutputMode.RAW_CAPI), planning.facts(), "use raw CAPI mode (control-plane maxSurge 0 becomes possible)");
    }
    if (ctx.controlPlane() && !ctx.allowNetworkStorage()) {
      tryOption(out, ctx.allowingNetworkStorage(), planning.facts(), "allow etcd on network storage (allowNetworkStorage, with the etcd risk)");
    }
    for (int extra = 1; extra <= MAX_EXTRA_HOSTS; extra++) {
      final int e = extra;
      List<FlavorFacts> more = planning.facts().stream().map(f -> f.withHosts(plus(f.hosts, e))).toList();
      RoleOutcome o = Search.run(ctx, more);
      if (o.best() != null) {
        out.add(Alternative.of("add " + extra + (extra == 1 ? " hypervisor" : " hypervisors") + " serving "
            + o.best().flavor().flavor().name() + " (" + plus(hostsOf(o.best().flavor().flavor()), e).count() + " in total)",
            summary(ctx, o.best())));
        break;
      }
    }
    int small = ctx.zoneCount() > 1 ? ctx.zones().smallest() : -1;
    for (int extra = 1; small >= 0 && extra <= MAX_EXTRA_HOSTS; extra++) {
      final int e = extra;
      RoleContext more = ctx.withZones(ctx.zones().withMore(small, extra));
      RoleOutcome o = Search.run(more, planning.facts().stream()
          .map(f -> f.flavor.hostClass().isEmpty() ? f.withHosts(plus(f.hosts, e)) : f).toList());
      if (o.best() != null) {
        out.add(Alternative.of(addToZone(ctx.zones(), small, extra), summary(more, o.best())));
        break;
      }
    }
    if (ctx.memberQuota() >= 0) {
      RoleContext raised = ctx.withMemberQuota(ctx.replicas() + 1L);
      tryOption(out, raised, planning.facts(), "raise the server_group_members quota to " + (ctx.replicas() + 1));
    }
    if (ctx.pinnedFlavor() != null && failed.best() == null && !failed.rejected().isEmpty()) {
      tryOption(out, ctx.withoutPinnedFlavor(), planning.facts(), "let the planner choose the flavor (unpin " + ctx.pinnedFlavor() + ")");
    } else if (failed.best() == null && !failed.rejected().isEmpty()) {
      relaxations(ctx, out);
    }
    return out;
  }

  /**
   * The nearest misses (fewest failed rules, then the largest flavors), each as the relaxed requirements that
   * admit it, planned again: only a relaxation that gives a plan is offered, once.
   */
  private void relaxations(RoleContext ctx, List<Alternative> out) {
    Requirement.Filter filter = new Requirement.Filter(ctx);
    List<FlavorFacts> near = new ArrayList<>();
    for (FlavorFacts f : planning.facts()) {
      int m = Requirement.failures(filter, f);
      if (m != 0 && (m & (1 << Requirement.ARCHITECTURE.ordinal())) == 0) {
        near.add(f);
      }
    }
    near.sort(java.util.Comparator.comparingInt((FlavorFacts f) -> Integer.bitCount(Requirement.failures(filter, f)))
        .thenComparing(java.util.Comparator.comparingLong((FlavorFacts f) -> f.flavor.vcpus()).reversed())
        .thenComparing(java.util.Comparator.comparingLong((FlavorFacts f) -> f.flavor.ramMiB()).reversed())
        .thenComparing(f -> f.flavor.name()));
    java.util.Set<String> offered = new java.util.HashSet<>();
    for (FlavorFacts f : near) {
      if (offered.size() == 3) {
        break;
      }
      int m = Requirement.failures(filter, f);
      io.clusterstacks.core.plan.RoleRequirements.Builder b = ctx.requirements().toBuilder();
      List<String> changes = new ArrayList<>();
      io.clusterstacks.core.plan.RoleRequirements r = ctx.requirements();
      if ((m & (1 << Requirement.VCPUS.ordinal())) != 0) {
        b.minVcpus(f.flavor.vcpus());
        changes.add("minVcpus from " + r.minVcpus() + " to " + f.flavor.vcpus());
      }
      if ((m & (1 << Requirement.RAM.ordinal())) != 0) {
        b.minRamMiB(f.flavor.ramMiB());
        changes.add("minRamMiB from " + r.minRamMiB() + " to " + f.flavor.ramMiB());
      }
      if ((m & (1 << Requirement.DISK.ordinal())) != 0) {
        b.minDiskGB(f.flavor.diskGB());
        changes.add("minDiskGB from " + r.minDiskGB() + " to " + f.flavor.diskGB());
      }
      if ((m & (1 << Requirement.CPU_TYPE.ordinal())) != 0 && f.cpuType != null) {
        b.addCpuTypes(f.cpuType);
        changes.add("allow " + Wording.cpuWords(f.cpuType));
      }
      if ((m & (1 << Requirement.RAM_OVERSUBSCRIPTION.ordinal())) != 0) {
        b.allowRamOversubscription(true);
        changes.add("allow oversubscribed RAM");
      }
      if ((m & (1 << Requirement.DISK_TYPE.ordinal())) != 0) {
        b.minDiskType(java.util.Optional.empty());
        changes.add("drop minDiskType");
      }
      boolean network = ctx.allowNetworkStorage() || (m & (1 << Requirement.ETCD_STORAGE.ordinal())) != 0;
      if (!ctx.allowNetworkStorage() && network) {
        changes.add("allow etcd on network storage");
      }
      String change = "relax the requirements: " + String.join(", ", changes);
      if (offered.contains(change)) {
        continue;
      }
      RoleContext relaxed = ctx.withRequirements(b.build(), network);
      RoleOutcome o = Search.run(relaxed, planning.facts());
      if (o.best() != null) {
        offered.add(change);
        out.add(Alternative.of(change, summary(relaxed, o.best())));
      }
    }
  }

  private void tryOption(List<Alternative> out, RoleContext changed, List<FlavorFacts> fs, String change) {
    RoleOutcome o = Search.run(changed, fs);
    if (o.best() != null) {
      out.add(Alternative.of(change, summary(changed, o.best())));
    }
  }

  private HostCount hostsOf(CloudFlavor f) {
    return planning.cloud().hypervisors().forFlavor(f);
  }

  private static HostCount plus(HostCount h, int extra) {
    return switch (h.knowledge()) {
      case UNKNOWN -> HostCount.declared(extra + 1);
      case EXACT -> HostCount.exact(h.count() + extra);
      case DECLARED -> HostCount.declared(h.count() + extra);
      case LOWER_BOUND -> HostCount.lowerBound(h.count() + extra);
    };
  }

  static String summary(RoleContext ctx, Evaluation e) {
    StringBuilder sb = new StringBuilder(e.flavor().flavor().name()).append(" with ").append(e.policy());
    if (ctx.controlPlane()) {
      sb.append(", maxSurge ").append(e.surge());
    }
    if (e.groups() > 1) {
      sb.append(", split into ").append(e.groups()).append(" deployments");
    }
    sb.append("; at most ").append(e.worstPerHost()).append(" per hypervisor in the worst case");
    if (ctx.controlPlane()) {
      sb.append(e.survivesWorst() ? ", quorum survives the loss of any hypervisor"
          : e.survivesExpected() ? ", quorum survives a hypervisor loss in the expected case only"
          : ", quorum can be lost with one hypervisor");
    }
    return sb.toString();
  }

  /** The alternatives to a control-plane decision, each checked by planning again. */
  List<Alternative> alternatives(RoleContext ctx, Evaluation best) {
    List<Alternative> out = new ArrayList<>();
    FlavorFacts f = best.flavor();
    for (int extra = 1; extra <= MAX_EXTRA_HOSTS; extra++) {
      FlavorFacts more = f.withHosts(plus(f.hosts, extra));
      Evaluation e = bestOf(Search.candidatesFor(ctx, more, List.of()));
      if (e != null && e.survivesWorst() && e.policy().kind() == PlacementPolicy.Kind.ANTI_AFFINITY) {
        out.add(Alternative.of("add " + extra + (extra == 1 ? " hypervisor" : " hypervisors") + " serving " + f.flavor.name()
            + " (" + more.hosts.count() + " in total)", e.policy() + ", one member per host through every rollout; quorum survives"
            + " the loss of any hypervisor"));
        break;
      }
    }
    int small = ctx.zoneCount() > 1 && f.flavor.hostClass().isEmpty() ? ctx.zones().smallest() : -1;
    for (int extra = 1; small >= 0 && extra <= MAX_EXTRA_HOSTS; extra++) {
      RoleContext more = ctx.withZones(ctx.zones().withMore(small, extra));
      Evaluation e = bestOf(Search.candidatesFor(more, f.withHosts(plus(f.hosts, extra)), List.of()));
      if (e != null && e.survivesWorst()) {
        out.add(Alternative.of(addToZone(ctx.zones(), small, extra), summary(more, e)));
        break;
      }
    }
    if (ctx.mode() == OutputMode.TOPOLOGY && ctx.replicas() >= 3) {
      Evaluation e = bestOf(Search.candidatesFor(ctx.withMode(OutputMode.RAW_CAPI), f, List.of()));
      if (e != null && (e.worstPerHost() < best.worstPerHost() || e.survivesWorst())) {
        out.add(Alternative.of("raw CAPI mode with control-plane maxSurge " + e.surge(), e.policy() + " on "
            + Wording.describeHosts(f.hosts) + ": a rollout removes a member before creating its replacement; the stack"
            + " operator then installs no addons"));
      }
    }
    // one line per softer policy: candidates differing only in surge would repeat the same advice
    Set<String> softerPolicies = new HashSet<>();
    for (Evaluation e : Search.candidatesFor(ctx, f, List.of())) {
      if (e.feasible() && !Search.same(e, best) && e.policy().kind() != best.policy().kind()
          && e.policy().kind() != PlacementPolicy.Kind.NONE && e.policy().kind() != PlacementPolicy.Kind.ANTI_AFFINITY
          && softerPolicies.add(e.policy().toString())) {
        out.add(Alternative.of(e.policy().toString(), "a softer policy: up to " + e.worstPerHost() + " of " + ctx.replicas()
            + " members on one hypervisor in the worst case" + (e.survivesWorst() ? "" : ", so quorum can be lost with one host")));
      }
    }
    if (best.policy().kind() != PlacementPolicy.Kind.ANTI_AFFINITY) {
      out.add(Alternative.of("keep this plan and check after each rollout", "compare the members' hostIds and re-create a member"
          + " that shares a hypervisor with another"));
    }
    return out;
  }

  private static String addToZone(Zones zones, int zone, int extra) {
    return "add " + Wording.plural(extra, "hypervisor") + " to zone " + zones.names().get(zone) + " ("
        + (zones.guaranteed()[zone] + extra) + " there)";
  }

  private static @Nullable Evaluation bestOf(List<Evaluation> es) {
    Evaluation best = null;
    for (Evaluation e : es) {
      if (e.feasible() && (best == null || e.compareTo(best) < 0)) {
        best = e;
      }
    }
    return best;
  }
}
