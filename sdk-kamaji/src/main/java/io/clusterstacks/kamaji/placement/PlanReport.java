package io.clusterstacks.kamaji.placement;

import static io.clusterstacks.kamaji.placement.TwoLevelPlanner.plural;

import io.clusterstacks.kamaji.Kamaji;
import java.util.List;

/** The words of {@link TenantPlacementPlan#report()}. */
final class PlanReport {
  private PlanReport() {}

  static String of(TenantPlacementPlan p) {
    StringBuilder sb = new StringBuilder();
    PlacementAnalysis a = p.analysis();
    long workers = a.workers().size();
    sb.append("Tenant ").append(p.tenant().name()).append(": ").append(plural(p.tenant().replicas(), "API-server replica"))
        .append(", ").append(p.tenant().spread() == Spread.HARD ? "hard" : "soft").append(" spread, on ")
        .append(plural(workers, "schedulable worker")).append(" over ").append(plural(a.hypervisors().size(), "hypervisor"))
        .append('\n');
    sb.append("Rules:\n");
    rules(sb, p.rules(), "  ");
    sb.append("  strategy: maxSurge ").append(p.strategy().maxSurge().orElseThrow()).append(", maxUnavailable ")
        .append(p.strategy().maxUnavailable().orElseThrow())
        .append(p.kamajiDefaultRolloutStalls() ? " (Kamaji's default would stall)" : "").append('\n');
    sb.append("  PodDisruptionBudget: ").append(p.disruptionBudgetMaxUnavailable().isPresent()
        ? "maxUnavailable " + p.disruptionBudgetMaxUnavailable().getAsInt() : "none").append('\n');
    if (a.pending() > 0) {
      sb.append("  Pending: ").append(a.pending()).append(" of ").append(a.members()).append('\n');
    }
    sb.append("Placement (replicas expected, worst case in brackets), workers under their hypervisors:\n");
    for (DomainLoad h : a.hypervisors()) {
      sb.append("  ").append(h.name()).append("  ").append(h.expected()).append(" [").append(h.worstCase()).append("]");
      for (DomainLoad w : a.workers()) {
        if (h.workers().contains(w.name())) {
          sb.append("   ").append(w.name()).append(' ').append(w.expected()).append(" [").append(w.worstCase()).append(']');
        }
      }
      if (h.workers().isEmpty()) {
        sb.append("   (no schedulable worker)");
      }
      sb.append('\n');
    }
    sb.append("If one fails (worst case):\n");
    for (DomainImpact i : p.impacts()) {
      sb.append("  ").append(i.kind() == DomainKind.HYPERVISOR ? "hypervisor " : "worker ").append(i.name())
          .append(": loses ").append(i.worstCaseReplicas()).append(" of ").append(a.scheduled()).append(" replicas, API ")
          .append(i.apiSurvivesWorstCase() ? (i.worstCaseReplicas() > 0 ? "stays up, reduced capacity" : "stays up")
              : "DOWN");
      if (i.apiSurvivesWorstCase() != i.apiSurvivesExpected()) {
        sb.append(" (expected: ").append(i.apiSurvivesExpected() ? "stays up" : "down").append(')');
      }
      i.dataStoreWorstCaseMembers().ifPresent(m -> sb.append("; etcd loses ").append(m)
          .append(i.quorumSurvivesWorstCase() ? ", keeps quorum" : ", LOSES QUORUM"));
      sb.append('\n');
      i.remedy().ifPresent(r -> sb.append("    would help: ").append(r).append('\n'));
    }
    p.dataStore().ifPresent(ds -> {
      sb.append("DataStore ").append(ds.dataStore().name()).append(" (etcd, ").append(plural(ds.dataStore().members(), "member"))
          .append(", quorum ").append(ds.quorum()).append("; pods ").append(ds.dataStore().namespace()).append('/')
          .append(ds.dataStore().podSelector()).append("):\n");
      rules(sb, ds.rules(), "  ");
      sb.append("  PodDisruptionBudget: maxUnavailable ").append(ds.disruptionBudgetMaxUnavailable()).append('\n');
      list(sb, "  - ", ds.reasons());
    });
    sb.append("Why:\n");
    list(sb, "  - ", p.reasons());
    if (!p.warnings().isEmpty()) {
      sb.append("Warnings:\n");
      list(sb, "  ! ", p.warnings());
    }
    return sb.toString();
  }

  private static void rules(StringBuilder sb, PodRules r, String indent) {
    sb.append(indent).append("podAntiAffinity kubernetes.io/hostname: ").append(word(r.hostnameAntiAffinity())).append('\n');
    sb.append(indent).append("podAntiAffinity ").append(Kamaji.HYPERVISOR_LABEL).append(": ")
        .append(word(r.hypervisorAntiAffinity())).append('\n');
    r.hypervisorSpread().ifPresent(s -> sb.append(indent).append("topologySpread ").append(Kamaji.HYPERVISOR_LABEL)
        .append(": maxSkew ").append(s.maxSkew()).append(", ").append(s.whenUnsatisfiable().apiValue()).append('\n'));
  }

  private static String word(RuleStrength s) {
    return s.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static void list(StringBuilder sb, String bullet, List<String> lines) {
    for (String l : lines) {
      sb.append(bullet).append(l).append('\n');
    }
  }
}
