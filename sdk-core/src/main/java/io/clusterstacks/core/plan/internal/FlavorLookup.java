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

/** Finds the nearest flavors when a pinned flavor is not in the profile, and words them. */
final class FlavorLookup {

  /** The run this part explains or decides for: request, cloud, flavors' facts, warnings, dialect, mode. */
  private final Planning planning;

  FlavorLookup(Planning p) {
    this.planning = p;
  }

  FlavorNotFoundException flavorNotFound(RoleContext ctx) {
    String wanted = ctx.pinnedFlavor();
    // the three nearest by (distance, name), earlier flavors first on ties: one pass, the wanted name parsed once
    var parsed = io.clusterstacks.core.flavor.ScsFlavorName.tryParse(wanted);
    FlavorFacts[] top = new FlavorFacts[3];
    double[] topDistance = new double[3];
    int kept = 0;
    for (FlavorFacts f : planning.facts()) {
      double d = distance(wanted, parsed, f);
      if (kept == 3 && nearer(d, f, topDistance[2], top[2]) >= 0) {
        continue;
      }
      int i = kept;
      while (i > 0 && nearer(d, f, topDistance[i - 1], top[i - 1]) < 0) {
        i--;
      }
      int end = Math.min(kept, 2);
      System.arraycopy(top, i, top, i + 1, end - i);
      System.arraycopy(topDistance, i, topDistance, i + 1, end - i);
      top[i] = f;
      topDistance[i] = d;
      kept = Math.min(kept + 1, 3);
    }
    List<String> nearest = new ArrayList<>();
    List<Alternative> options = new ArrayList<>();
    for (FlavorFacts f : java.util.Arrays.asList(top).subList(0, kept)) {
      nearest.add(f.flavor.name());
      options.add(Alternative.of("pin " + f.flavor.name() + " (ID " + f.flavor.id() + ")", describe(f.flavor)
          + ", " + f.storage.description()));
    }
    return new FlavorNotFoundException(ctx.name(), wanted, nearest, options);
  }

  /** Nearness of a flavor to a wanted name: by the decoded SCS values when the name parses, else by text. */
  private static double distance(String wanted, io.clusterstacks.core.flavor.FlavorNameParseResult parsed, FlavorFacts f) {
    if (parsed instanceof io.clusterstacks.core.flavor.FlavorNameParseResult.Valid v) {
      var n = v.flavorName();
      double d = Math.abs(Math.log((double) f.flavor.vcpus() / n.vcpus()))
          + Math.abs(Math.log((double) f.flavor.ramMiB() / Math.max(1, n.ramMiB())));
      int wantDisk = n.disk().flatMap(x -> x.sizeGB().isPresent() ? Optional.of(x.sizeGB().getAsInt()) : Optional.empty()).orElse(0);
      d += Math.abs(Math.log((1.0 + f.flavor.diskGB()) / (1.0 + wantDisk))) * 0.5;
      boolean wantLocal = n.disk().flatMap(x -> x.type()).map(t -> t.ordinal() >= 2).orElse(false);
      if (wantLocal != f.storage.isEtcdGrade()) {
        d += 1.0;
      }
      return d;
    }
    return editDistance(wanted.toLowerCase(Locale.ROOT), f.flavor.name().toLowerCase(Locale.ROOT));
  }

  /** Orders two flavors by nearness as a sort by distance, then name, would. */
  private static int nearer(double d, FlavorFacts f, double otherDistance, FlavorFacts other) {
    int c = Double.compare(d, otherDistance);
    return c != 0 ? c : f.flavor.name().compareTo(other.flavor.name());
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String describe(CloudFlavor f) {
    return f.vcpus() + " vCPU, " + f.ramMiB() + " MiB, " + (f.diskGB() == 0 ? "diskless" : f.diskGB() + " GB");
  }
}
