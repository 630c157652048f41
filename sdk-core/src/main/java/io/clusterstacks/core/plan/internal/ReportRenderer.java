package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.plan.Alternative;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.QuorumAnalysis;
import io.clusterstacks.core.plan.QuotaCheck;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.plan.RunnerUp;

/** Renders a {@link ClusterPlan} as a readable text report. */
public final class ReportRenderer {

  private ReportRenderer() {}

  /**
   * Renders the report.
   *
   * @param plan the plan
   * @return the report
   */
  public static String report(ClusterPlan plan) {
    StringBuilder sb = new StringBuilder();
    sb.append("Cluster plan: ").append(plan.request().clusterName()).append(", Kubernetes ")
        .append(plan.request().kubernetesVersion()).append(", on cloud profile '").append(plan.cloud().name()).append("'\n");
    sb.append("Mode: ").append(plan.modeReason()).append("\n");
    if (plan.mode() != plan.request().mode()) {
      sb.append("  (requested: ").append(plan.request().mode()).append("; planned and rendered: ").append(plan.mode())
          .append(")\n");
    }
    sb.append('\n');
    if (plan.controlPlane().isEmpty()) {
      sb.append("Control plane: no machines in this stack (it runs as pods elsewhere).\n\n");
    }
    for (RolePlan r : plan.roles()) {
      role(sb, r);
    }
    plan.quorum().ifPresent(q -> quorum(sb, q));
    if (!plan.levels().isEmpty()) {
      sb.append("Placement levels:\n");
      for (io.clusterstacks.core.plan.LevelPlan l : plan.levels()) {
        sb.append("  ").append(l.name()).append(" on ").append(l.onRole()).append(": worst case ").append(l.worstCasePerHost())
            .append(", expected ").append(l.expectedPerHost()).append(" of ").append(l.members()).append(" per hypervisor")
            .append(l.needsQuorum() ? (l.survivesHostLossWorstCase() ? "; quorum survives the loss of any hypervisor"
                : "; quorum can be lost with one hypervisor") : "").append('\n');
        for (String r : l.reasons()) {
          sb.append("    - ").append(r).append('\n');
        }
      }
      sb.append('\n');
    }
    sb.append("Quotas (used + needed, peak during rollouts):\n");
    for (QuotaCheck q : plan.quotas()) {
      sb.append("  ").append(q.resource()).append(": ").append(q.used()).append(" used + ").append(q.steady())
          .append(" (peak ").append(q.peak()).append(") of ").append(q.limit() < 0 ? "unlimited" : String.valueOf(q.limit()))
          .append(q.steadyFits() ? q.peakFits() ? "  ok" : "  ROLLOUTS DO NOT FIT" : "  DOES NOT FIT").append('\n');
    }
    sb.append('\n');
    if (!plan.warnings().isEmpty()) {
      sb.append("Warnings:\n");
      for (PlanWarning w : plan.warnings()) {
        sb.append("  ").append(w.severity()).append(' ').append(w.code()).append(" [").append(w.role()).append("]: ")
            .append(w.message()).append('\n');
      }
      sb.append('\n');
    }
    sb.append("Placement map:\n").append(plan.placementMap().toText());
    return sb.toString();
  }

  private static void role(StringBuilder sb, RolePlan r) {
    sb.append(r.role() == io.clusterstacks.core.stack.Role.CONTROL_PLANE ? "Control plane" : "Workers '" + r.name() + "'")
        .append(": ").append(r.replicas()).append(r.replicas() == 1 ? " replica" : " replicas").append('\n');
    sb.append("  Flavor: ").append(r.flavor().name()).append(" (").append(r.flavor().flavor().vcpus()).append(" vCPU, ")
        .append(r.flavor().flavor().ramMiB()).append(" MiB, ")
        .append(r.flavor().flavor().diskGB() == 0 ? "diskless" : r.flavor().flavor().diskGB() + " GB")
        .append(", ").append(r.flavor().storage().description()).append("; hypervisors: ").append(r.flavor().hosts())
        .append(")\n");
    for (String reason : r.flavor().reasons()) {
      sb.append("    - ").append(reason).append('\n');
    }
    for (String n : r.flavor().nameCheck()) {
      sb.append("    ! name check: ").append(n).append('\n');
    }
    if (!r.flavor().runnersUp().isEmpty()) {
      sb.append("    runners-up:\n");
      for (RunnerUp u : r.flavor().runnersUp()) {
        sb.append("      ").append(u.name()).append(": ").append(u.whyLost()).append('\n');
      }
    }
    sb.append("  Root disk: ").append(r.rootDisk().expression()).append('\n');
    sb.append("  Placement: ").append(r.placement().policy()).append(", maxSurge ").append(r.placement().maxSurge());
    if (r.deployments().size() > 1) {
      sb.append(", split into ").append(r.deployments().size()).append(" deployments ").append(r.placement().groupSizes());
    }
    sb.append('\n');
    for (String reason : r.placement().reasons()) {
      sb.append("    - ").append(reason).append('\n');
    }
    r.placement().tradeOff().ifPresent(t -> sb.append("    Trade-off: ").append(t).append('\n'));
    if (!r.placement().alternatives().isEmpty()) {
      sb.append("    Alternatives:\n");
      for (Alternative a : r.placement().alternatives()) {
        sb.append("      * ").append(a.change()).append(": ").append(a.outcome()).append('\n');
      }
    }
    if (!r.placement().rejected().isEmpty()) {
      sb.append("    other policies:\n");
      for (RunnerUp u : r.placement().rejected()) {
        sb.append("      ").append(u.name()).append(": ").append(u.whyLost()).append('\n');
      }
    }
    for (RolePlan.Deployment d : r.deployments()) {
      d.serverGroup().ifPresent(g -> sb.append("  Server group: ").append(describe(g)).append(" for ").append(d.name())
          .append(" (").append(d.replicas()).append(")\n"));
    }
    sb.append("  Maintenance: ").append(r.maintenance().method()).append(" - ").append(r.maintenance().explanation()).append('\n');
    // the whole image plan: image, mode (and a switch with its cost), variables, bootstrap, requirements,
    // trade-offs, reasons and warnings
    sb.append("  Image: ").append(imageName(r.image().image())).append(" (").append(r.image().strategy()).append(")\n");
    for (String line : r.image().describe().split("\n")) {
      sb.append("    ").append(line).append('\n');
    }
    sb.append('\n');
  }

  private static String describe(io.clusterstacks.core.model.ServerGroupRef g) {
    if (g instanceof io.clusterstacks.core.model.ServerGroupRef.ToCreate t) {
      return t.name() + " (" + t.policy().novaName()
          + (t.maxServerPerHost().isPresent() ? ", max_server_per_host=" + t.maxServerPerHost().getAsInt() : "") + ", to create)";
    }
    return g.toString();
  }

  private static String imageName(io.clusterstacks.core.model.ImageRef ref) {
    if (ref instanceof io.clusterstacks.core.model.ImageRef.GlanceName g) {
      return "Glance image " + g.value();
    }
    if (ref instanceof io.clusterstacks.core.model.ImageRef.GlanceId g) {
      return "Glance image ID " + g.value();
    }
    if (ref instanceof io.clusterstacks.core.model.ImageRef.OrcRef o) {
      return "ORC Image " + o.value();
    }
    if (ref instanceof io.clusterstacks.core.model.ImageRef.OrcCreate o) {
      return "ORC Image " + o.image().name() + " (to create)";
    }
    return ref.toString();
  }

  private static void quorum(StringBuilder sb, QuorumAnalysis q) {
    sb.append("Quorum: ").append(q.members()).append(" etcd members, quorum ").append(q.quorum()).append('\n');
    for (String l : q.lines()) {
      sb.append("  ").append(l).append('\n');
    }
    sb.append('\n');
  }
}
