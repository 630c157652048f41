package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.VersionCheck;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a running topology-mode cluster may move to a target plan's class and Kubernetes version, by the rules
 * the cluster stack operator's and Cluster API's webhooks enforce, and the target plan's surge and placement
 * warnings, so that a caller can show them before anything is applied. Pure: {@link #evaluate} reads nothing;
 * {@link ClusterLifecycle#checkUpgrade} reads the running Cluster first.
 *
 * <p>Refused (each a {@link Problem} naming the field, the value and the fix):
 * <ul>
 *   <li>a target plan in raw mode (this SDK renders CAPO's OpenStackMachineTemplates, which CAPO keeps immutable,
 *       under fixed names, so a raw cluster's images cannot roll by apply);
 *   <li>another provider or stack than the running class (the operator's Cluster webhook refuses it);
 *   <li>a Kubernetes minor that goes down or up by more than one (operator and Cluster API refuse both), or a
 *       lower patch of the same minor (Cluster API refuses decreasing versions);
 *   <li>a version other than the one the target release is built for ({@code topology.version} must equal the
 *       ClusterStackRelease's {@code status.kubernetesVersion}).
 * </ul>
 * A release the catalogue does not know is a warning (only the minor was checked), as in
 * {@link ReleaseCatalogue#check}.
 *
 * @param cluster the cluster's name
 * @param fromClass the running Cluster's {@code spec.topology.class}
 * @param fromVersion the running Cluster's {@code spec.topology.version}
 * @param toClass the target plan's class
 * @param toVersion the target plan's Kubernetes version
 * @param refusals why the upgrade may not run (empty when it may)
 * @param warnings what the target plan warns about the rollout and the placement, and unchecked versions
 */
public record UpgradeCheck(String cluster, String fromClass, String fromVersion, String toClass, String toVersion,
    List<Problem> refusals, List<String> warnings) {

  /** The plan warnings an upgrade shows before it applies: surge, quorum and spread over hypervisors and zones. */
  static final Set<PlanWarning.Code> ROLLOUT_WARNINGS = EnumSet.of(PlanWarning.Code.SURGE_TRADE_OFF,
      PlanWarning.Code.QUORUM_AT_RISK, PlanWarning.Code.SCS_0214, PlanWarning.Code.ZONES, PlanWarning.Code.HOST_COUNT,
      PlanWarning.Code.ETCD_ON_NETWORK_STORAGE);

  private static final Pattern VERSION = Pattern.compile("v(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");

  /**
   * Copies the lists.
   *
   * @param cluster the cluster
   * @param fromClass the running class
   * @param fromVersion the running version
   * @param toClass the target class
   * @param toVersion the target version
   * @param refusals why not
   * @param warnings what to know
   */
  public UpgradeCheck {
    InvalidInputException.requireArgument(cluster, "cluster");
    InvalidInputException.requireArgument(fromClass, "fromClass");
    InvalidInputException.requireArgument(fromVersion, "fromVersion");
    InvalidInputException.requireArgument(toClass, "toClass");
    InvalidInputException.requireArgument(toVersion, "toVersion");
    refusals = List.copyOf(InvalidInputException.requireArgument(refusals, "refusals"));
    warnings = List.copyOf(InvalidInputException.requireArgument(warnings, "warnings"));
  }

  /**
   * Checks a move from a running class and version to a target plan, with the built-in release catalogue.
   *
   * @param fromClass the running Cluster's {@code spec.topology.class}
   * @param fromVersion the running Cluster's {@code spec.topology.version}
   * @param target the plan to move to
   * @return the check
   */
  public static UpgradeCheck evaluate(String fromClass, String fromVersion, ClusterPlan target) {
    return evaluate(fromClass, fromVersion, target, ReleaseCatalogue.builtIn());
  }

  /**
   * Checks a move from a running class and version to a target plan.
   *
   * @param fromClass the running Cluster's {@code spec.topology.class}
   * @param fromVersion the running Cluster's {@code spec.topology.version}
   * @param target the plan to move to
   * @param catalogue the releases whose Kubernetes versions are known
   * @return the check
   */
  public static UpgradeCheck evaluate(String fromClass, String fromVersion, ClusterPlan target,
      ReleaseCatalogue catalogue) {
    InvalidInputException.requireArgument(fromClass, "fromClass");
    InvalidInputException.requireArgument(fromVersion, "fromVersion");
    InvalidInputException.requireArgument(target, "target");
    InvalidInputException.requireArgument(catalogue, "catalogue");
    String cluster = target.request().clusterName();
    String toVersion = target.request().kubernetesVersion();
    Optional<ClusterClassName> to = target.request().className();
    String toClass = to.map(ClusterClassName::format).orElse("");
    List<Problem> refusals = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (target.mode() != OutputMode.TOPOLOGY || to.isEmpty()) {
      refusals.add(Problem.of("clusterPlan.mode", target.mode().toString(), "upgrades run in topology mode only: this"
          + " SDK renders a raw cluster's OpenStackMachineTemplates under fixed names and CAPO keeps their spec immutable,"
          + " so new images cannot roll out by apply; plan the upgrade in topology mode with a className"));
      return new UpgradeCheck(cluster, fromClass, fromVersion, toClass, toVersion, refusals, warnings);
    }
    Optional<ClusterClassName> from = ClusterClassName.tryParse(fromClass);
    if (from.isEmpty()) {
      refusals.add(Problem.of("spec.topology.class", fromClass, "the running Cluster's class is not a cluster stack"
          + " release name (<provider>-<stack>-<major>-<minor>-<version>), so the operator's rules cannot be checked;"
          + " upgrade it with the tool that created it"));
    } else if (!from.get().provider().equals(to.get().provider()) || !from.get().stackName().equals(to.get().stackName())) {
      refusals.add(Problem.of("clusterRequest.className", toClass, "the cluster stack operator refuses to change a"
          + " Cluster's provider or stack (it runs " + fromClass + "): keep " + from.get().provider() + "-"
          + from.get().stackName() + ", or create a new cluster for " + to.get().provider() + "-" + to.get().stackName()));
    }
    Matcher f = VERSION.matcher(fromVersion);
    Matcher t = VERSION.matcher(toVersion);
    if (!f.matches()) {
      refusals.add(Problem.of("spec.topology.version", fromVersion, "the running Cluster's version is not v<major>"
          + ".<minor>.<patch>, so the minor rule cannot be checked; correct the Cluster first"));
    } else if (t.matches()) {
      int fMaj = Integer.parseInt(f.group(1));
      int fMin = Integer.parseInt(f.group(2));
      int fPatch = Integer.parseInt(f.group(3));
      int tMaj = Integer.parseInt(t.group(1));
      int tMin = Integer.parseInt(t.group(2));
      int tPatch = Integer.parseInt(t.group(3));
      String next = "v" + fMaj + "." + (fMin + 1);
      if (tMaj != fMaj || tMin > fMin + 1) {
        refusals.add(Problem.of("clusterRequest.kubernetesVersion", toVersion, "the minor may stay or go up by one"
            + " (the cluster runs " + fromVersion + "): upgrade to a " + next + ".x release first, then on"));
      } else if (tMin < fMin || (tMin == fMin && tPatch < fPatch)) {
        refusals.add(Problem.of("clusterRequest.kubernetesVersion", toVersion, "Kubernetes versions cannot go down"
            + " (the cluster runs " + fromVersion + "): choose " + fromVersion + " or a newer release"));
      }
    }
    VersionCheck vc = catalogue.check(to.get(), toVersion);
    if (vc.status() == VersionCheck.Status.MISMATCH) {
      refusals.add(Problem.of("clusterRequest.kubernetesVersion", toVersion, vc.message()));
    } else if (vc.status() == VersionCheck.Status.PARTIAL) {
      warnings.add(vc.message());
    }
    for (PlanWarning w : target.warnings()) {
      if (ROLLOUT_WARNINGS.contains(w.code())) {
        warnings.add(w.code() + " [" + w.role() + "]: " + w.message());
      }
    }
    return new UpgradeCheck(cluster, fromClass, fromVersion, toClass, toVersion, refusals, warnings);
  }

  /**
   * Whether the upgrade may run.
   *
   * @return true when nothing refuses it
   */
  public boolean allowed() {
    return refusals.isEmpty();
  }

  /**
   * Whether the target differs from what runs (false: a rerun that continues a rollout, or nothing to do).
   *
   * @return true when the class or the version changes
   */
  public boolean changes() {
    return !fromClass.equals(toClass) || !fromVersion.equals(toVersion);
  }

  /**
   * One line for the move, then each refusal and warning on its own line.
   *
   * @return the text
   */
  public String text() {
    StringBuilder b = new StringBuilder(cluster).append(": ").append(fromClass).append(' ').append(fromVersion)
        .append(" -> ").append(toClass).append(' ').append(toVersion)
        .append(allowed() ? (changes() ? " allowed" : " (no change: continues a rollout in progress)") : " refused");
    refusals.forEach(p -> b.append("\n  refused: ").append(p));
    warnings.forEach(w -> b.append("\n  warning: ").append(w));
    return b.toString();
  }
}
