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

/** Checks the project's quotas against what the planned cluster needs, steady and during rollouts. */
final class QuotaChecker {

  /** The run this part explains or decides for: request, cloud, flavors' facts, warnings, dialect, mode. */
  private final Planning planning;

  QuotaChecker(Planning p) {
    this.planning = p;
  }

  List<QuotaCheck> quotas(@Nullable RolePlan cp, List<RolePlan> workers) {
    Quotas q = planning.cloud().quotas();
    long inst = 0;
    long instPeak = 0;
    long cores = 0;
    long coresPeak = 0;
    long ram = 0;
    long ramPeak = 0;
    long groups = 0;
    List<RolePlan> all = new ArrayList<>();
    if (cp != null) {
      all.add(cp);
    }
    all.addAll(workers);
    for (RolePlan p : all) {
      long surge = (long) p.placement().maxSurge() * p.deployments().size();
      if (p.replicas() == 0) {
        surge = 0;
      }
      CloudFlavor f = p.flavor().flavor();
      inst += p.replicas();
      instPeak += surge;
      cores += (long) p.replicas() * f.vcpus();
      coresPeak += surge * f.vcpus();
      ram += (long) p.replicas() * f.ramMiB();
      ramPeak += surge * f.ramMiB();
      groups += p.placement().serverGroupCount();
    }
    String err = q.instancesInError() > 0 ? q.instancesInError() + " of the used servers are in ERROR and still count;"
        + " deleting them frees their quota" : "servers in ERROR would count too";
    List<QuotaCheck> checks = List.of(
        quotaCheck("instances", q.instances().limit(), q.instances().used(), inst, inst + instPeak, err),
        quotaCheck("cores", q.cores().limit(), q.cores().used(), cores, cores + coresPeak, "vCPUs of all servers"),
        quotaCheck("ramMiB", q.ramMiB().limit(), q.ramMiB().used(), ram, ram + ramPeak, "RAM of all servers"),
        quotaCheck("serverGroups", q.serverGroups().limit(), q.serverGroups().used(), groups, groups,
            "one per role with a policy (per deployment after a split)"));
    List<String> violations = new ArrayList<>();
    List<Alternative> options = new ArrayList<>();
    for (QuotaCheck c : checks) {
      if (!c.steadyFits()) {
        violations.add(c.resource() + ": the cluster needs " + c.steady() + ", " + (c.limit() - c.used()) + " of " + c.limit()
            + " are left (" + c.used() + " used)");
        options.add(Alternative.of("raise the " + c.resource() + " quota to at least " + (c.used() + c.peak()),
            "the cluster fits including rollouts"));
        if (c.resource().equals("instances") && q.instancesInError() > 0) {
          options.add(Alternative.of("delete the " + q.instancesInError() + " servers in ERROR", "they hold instance quota"));
        }
      } else if (!c.peakFits()) {
        planning.warnings().add(PlanWarning.of(Severity.CRITICAL, Code.QUOTA, "cluster", c.resource() + ": the cluster fits ("
            + c.steady() + " needed, " + (c.limit() - c.used()) + " left) but rollouts need " + c.peak()
            + ": surge machines will be refused (403) and upgrades stall; " + c.note() + ". Raise the quota to "
            + (c.used() + c.peak()) + surgeAdvice(cp, workers) + "."));
      }
    }
    if (!violations.isEmpty()) {
      options.add(Alternative.of("fewer replicas or smaller flavors", "less quota needed"));
      throw new InfeasiblePlanException("cluster", violations, options);
    }
    return checks;
  }

  /**
   * Which surges could be lowered instead of raising the quota: the workers' maxSurge always (a machine
   * deployment with maxSurge 0 replaces a machine after deleting one), the control plane's only in raw
   * CAPI mode with 3 or more replicas (in topology mode the ClusterClass fixes it at 1; KubeadmControlPlane
   * rejects 0 below 3 replicas).
   */
  private String surgeAdvice(@Nullable RolePlan cp, List<RolePlan> workers) {
    boolean cpCan = cp != null && planning.mode() == OutputMode.RAW_CAPI && cp.replicas() >= 3 && cp.placement().maxSurge() > 0;
    boolean workersCan = workers.stream().anyMatch(w -> w.replicas() > 0 && w.placement().maxSurge() > 0);
    String fixed = cp != null && planning.mode() == OutputMode.TOPOLOGY && cp.placement().maxSurge() > 0
        ? " (the control plane's maxSurge 1 is fixed by the ClusterClass in topology mode)" : "";
    if (cpCan && workersCan) {
      return " or lower the surge (control-plane maxSurge 0, or the workers' maxSurge)";
    }
    if (cpCan) {
      return " or set the control plane's maxSurge to 0";
    }
    if (workersCan) {
      return " or lower the workers' maxSurge" + fixed;
    }
    return fixed;
  }

  private static QuotaCheck quotaCheck(String resource, long limit, long used, long steady, long peak, String note) {
    return QuotaCheck.builder().resource(resource).limit(limit).used(used).steady(steady).peak(peak).note(note).build();
  }
}
