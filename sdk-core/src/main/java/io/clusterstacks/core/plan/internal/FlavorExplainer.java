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

/** Explains a role's flavor choice: reasons, runners-up and the warnings it implies; decides nothing. */
final class FlavorExplainer {

  /** The run this part explains or decides for: request, cloud, flavors' facts, warnings, dialect, mode. */
  private final Planning planning;

  FlavorExplainer(Planning p) {
    this.planning = p;
  }

  FlavorChoice flavorChoice(RoleContext ctx, RoleOutcome outcome) {
    Evaluation best = outcome.best();
    FlavorFacts f = best.flavor();
    List<String> reasons = new ArrayList<>();
    RoleRequirements req = ctx.requirements();
    boolean pinned = ctx.pinnedFlavor() != null;
    if (pinned) {
      reasons.add("pinned by the request (" + ctx.pinnedFlavor() + ")");
      List<String> misses = Scoring.flavorViolations(ctx, f);
      for (String m : misses) {
        planning.warnings().add(PlanWarning.of(Severity.WARNING, Code.PINNED_CHOICE, ctx.name(), "pinned flavor " + f.flavor.name()
            + " has " + m));
      }
      if (ctx.controlPlane() && f.cpuType != null && f.cpuType == io.clusterstacks.core.flavor.CpuType.CROWDED_CORE) {
        reasons.add("crowded cores (L) risk etcd heartbeats missing their deadlines");
      }
    } else {
      reasons.add("fits the requirements on its real values: " + f.flavor.vcpus() + " vCPU >= " + req.minVcpus() + ", "
          + f.flavor.ramMiB() + " MiB >= " + req.minRamMiB() + ", "
          + (f.flavor.diskGB() == 0 ? "diskless (gets a root volume)" : f.flavor.diskGB() + " GB >= " + req.minDiskGB()));
    }
    if (ctx.controlPlane()) {
      if (f.storage.isEtcdGrade()) {
        reasons.add(f.storage.description() + " for etcd (scs-0110): local disks give the low write latency etcd needs;"
            + " network storage's long latency tail makes etcd miss heartbeats and elect new leaders");
      } else {
        String why = etcdFallbackReason(ctx, outcome);
        planning.warnings().add(PlanWarning.of(Severity.WARNING, Code.ETCD_ON_NETWORK_STORAGE, ctx.name(), "etcd runs on "
            + f.storage.description() + ": remote storage has a long tail of write latency, etcd misses heartbeats and"
            + " elects new leaders (the reason for scs-0110's local-SSD flavors such as SCS-2V-4-20s). " + why));
        reasons.add(f.storage.description() + " (fallback: " + why + ")");
      }
      if (f.cpuType != null) {
        reasons.add(Wording.cpuWords(f.cpuType) + (f.cpuType == io.clusterstacks.core.flavor.CpuType.SHARED_CORE
            ? " are fine for etcd" : "") + "; RAM " + (f.ramOversubscribed ? "oversubscribed (o)" : "not oversubscribed"));
      }
    } else if (!pinned) {
      reasons.add("the smallest fitting flavor (fewest vCPUs, then least RAM, then smallest disk)");
    }
    List<String> nameCheck = new ArrayList<>(f.nameProblems);
    try {
      for (FlavorDiscrepancy d : FlavorConsistency.check(f.flavor.name(), f.flavor.vcpus(), f.flavor.ramMiB(),
          f.flavor.diskGB(), f.flavor.extraSpecs())) {
        String line = "scs-0103 property " + d.field() + ": found " + d.found() + ", the name implies " + d.expected();
        if (!nameCheck.contains(line)) {
          nameCheck.add(line);
        }
      }
    } catch (InvalidFlavorNameException e) {
      // already reported by the semantics check
    }
    if (!f.nameProblems.isEmpty()) {
      planning.warnings().add(PlanWarning.of(Severity.WARNING, Code.FLAVOR_NAME_MISMATCH, ctx.name(), f.flavor.name()
          + " does not deliver what its SCS name promises (scs-0100 semantics): " + String.join("; ", f.nameProblems)
          + ". The plan judges it by its real values."));
    } else if (f.scsName != null) {
      reasons.add("its real vCPU, RAM and disk deliver what its SCS name promises (scs-0100 semantics)");
    }
    List<RunnerUp> runnersUp = new ArrayList<>();
    for (Evaluation e : outcome.runnersUp()) {
      runnersUp.add(RunnerUp.of(e.flavor().flavor().name(), whyLost(ctx, e, best)));
    }
    for (RoleOutcome.Rejected r : outcome.rejected()) {
      if (runnersUp.size() >= 6) {
        break;
      }
      if (Search.COST.compare(r.flavor(), f) < 0) {
        runnersUp.add(RunnerUp.of(r.flavor().flavor().name(), "does not fit: " + String.join("; ", r.violations())));
      }
    }
    return FlavorChoice.builder().flavor(f.flavor).storage(f.storage).hosts(f.hosts).pinned(pinned).reasons(reasons)
        .nameCheck(nameCheck).runnersUp(runnersUp).build();
  }

  private String etcdFallbackReason(RoleContext ctx, RoleOutcome outcome) {
    for (RoleOutcome.Rejected r : outcome.rejected()) {
      if (r.flavor().storage.isEtcdGrade()) {
        return "the local-SSD/NVMe flavor " + r.flavor().flavor().name() + " does not fit (" + String.join("; ", r.violations())
            + ")";
      }
    }
    for (Evaluation e : outcome.runnersUp()) {
      if (e.flavor().storage.isEtcdGrade()) {
        return "the local-SSD/NVMe flavor " + e.flavor().flavor().name() + " lost on " + whyLost(ctx, e, outcome.best());
      }
    }
    boolean anyLocal = planning.facts().stream().anyMatch(x -> x.storage.isEtcdGrade());
    if (ctx.pinnedFlavor() != null) {
      return "the flavor was pinned";
    }
    return anyLocal ? "no local-SSD/NVMe flavor fits the requirements"
        : "the cloud offers no local-SSD/NVMe flavor; ask the provider for SCS-2V-4-20s (mandatory per scs-0110/scs-0103)";
  }

  /** Why a candidate lost to the winner: the first ranking term in which it is worse, worded by that term. */
  static String whyLost(RoleContext ctx, Evaluation loser, Evaluation winner) {
    Term t = loser.firstWorseTerm(winner);
    return t == null ? "the same candidate" : t.whyLost(ctx, loser, winner);
  }
}
