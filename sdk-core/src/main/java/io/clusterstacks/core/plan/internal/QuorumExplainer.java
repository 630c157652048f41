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

/** States what losing a hypervisor, maintenance and a zone loss do to etcd under the chosen plan. */
final class QuorumExplainer {

  /** The run this part explains or decides for: request, cloud, flavors' facts, warnings, dialect, mode. */
  private final Planning planning;

  QuorumExplainer(Planning p) {
    this.planning = p;
  }

  QuorumAnalysis quorum(RolePlan cp, Evaluation e) {
    int r = cp.replicas();
    int q = r / 2 + 1;
    int w = e.worstPerHost();
    int x = e.expectedPerHost();
    FlavorFacts f = e.flavor();
    String hostLoss;
    if (r == 1) {
      hostLoss = "One member: losing its hypervisor stops etcd and the API server until the host is back.";
    } else if (e.survivesWorst()) {
      hostLoss = "Losing any one hypervisor leaves at least " + (r - w) + " of " + r + " members: quorum (" + q + ") holds.";
    } else {
      hostLoss = "Worst case " + w + " of " + r + " members on one hypervisor: losing it leaves " + (r - w) + ", below quorum ("
          + q + "), and the API server stops until the host is back"
          + (e.survivesExpected() ? "; in the expected case (" + x + " on the busiest host) quorum holds."
              : "; expected " + x + " on the busiest host after rollouts" + (x > (r - 1) / 2 ? ", which also loses quorum." : "."));
    }
    String maintenance;
    if (f.storage.isLocal() && planning.cloud().quirks().localDiskServersStoppedInMaintenance()) {
      maintenance = "Maintenance: local-disk servers are powered off, not migrated, while their hypervisor reboots (~15 min"
          + " monthly on pluscloud open), which for etcd is the same as losing the host"
          + (e.survivesWorst() ? " (quorum holds)" : " (quorum can be lost, see above)")
          + (cp.maintenance().method() == MaintenanceOptIn.Method.NO_KNOWN_OPT_IN ? "; with no known restart opt-in they may stay off."
              : cp.maintenance().key().map(k -> "; " + k + " brings them back.").orElse("."));
    } else {
      maintenance = "Maintenance: servers without a local disk are live-migrated, so maintenance does not take members down.";
    }
    int zones = planning.cloud().availabilityZones().size();
    String zoneText;
    if (zones <= 1) {
      zoneText = "One availability zone: no spread over failure zones (scs-0214 SHOULD); the hypervisor spread comes from the"
          + " server group alone.";
    } else {
      int perZone = (r + zones - 1) / zones;
      zoneText = "CAPO spreads control-plane machines over the " + zones + " availability zones (failure domains): at most "
          + perZone + " per zone, so losing a zone " + (perZone <= (r - 1) / 2 ? "keeps" : "loses") + " quorum.";
    }
    Scs0214Verdict verdict;
    String why;
    if (r == 1) {
      verdict = Scs0214Verdict.NOT_MET;
      why = "a single control-plane node cannot be spread over physical machines";
    } else if (f.hosts.isAssumedExact() && f.hosts.count() == 1) {
      verdict = Scs0214Verdict.NOT_MET;
      why = "the flavor is served by one hypervisor";
    } else if (w < r) {
      verdict = Scs0214Verdict.GUARANTEED;
      why = e.policy() + " keeps at least two hypervisors in use (at most " + w + " of " + r + " per host)";
    } else if (x < r) {
      verdict = Scs0214Verdict.LIKELY_NOT_GUARANTEED;
      why = e.policy() + " spreads when it can but does not guarantee it";
    } else {
      verdict = Scs0214Verdict.NOT_MET;
      why = "nothing spreads the members over hypervisors";
    }
    if (verdict == Scs0214Verdict.NOT_MET) {
      planning.warnings().add(PlanWarning.of(Severity.WARNING, Code.SCS_0214, "control-plane", "scs-0214 requires control-plane nodes on"
          + " several physical machines: " + why + "."));
    }
    return QuorumAnalysis.builder().members(r).quorum(q).worstCasePerHost(w).expectedPerHost(x)
        .survivesHostLossWorstCase(e.survivesWorst()).survivesHostLossExpected(e.survivesExpected()).hostLoss(hostLoss)
        .maintenance(maintenance).zones(zoneText).scs0214(verdict).scs0214Explanation(why).build();
  }
}
