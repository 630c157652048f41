package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.openstack.PlacementReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the control plane's members, as Nova placed them, lose etcd's quorum with one hypervisor. A plan on few
 * hypervisors may allow that (anti-affinity with max_server_per_host=2, or soft anti-affinity, so that rollouts
 * with a surge find a host: the planner's SURGE_TRADE_OFF warning), so Nova's placement can match the plan and
 * still put 2 of 3 members on one host (2/1/0). The placement check reports plan violations; this names the
 * risk the plan accepted when it has come true. Pure.
 */
final class QuorumSpread {
  private QuorumSpread() {}

  /**
   * The warning, when one hypervisor holds more control-plane members than etcd can lose.
   *
   * @param plan the plan (its control plane's deployments and the cloud's hypervisor count)
   * @param placement Nova's placement of the plan's groups
   * @return e.g. "control-plane members per hypervisor 2/1/0 ...", or empty
   */
  static Optional<String> atRisk(ClusterPlan plan, PlacementReport placement) {
    Set<String> deployments = plan.controlPlane().map(r -> r.deployments().stream().map(RolePlan.Deployment::name)
        .collect(Collectors.toSet())).orElse(Set.of());
    Map<String, List<PlacementReport.Member>> byHost = new LinkedHashMap<>();
    for (PlacementReport.Group g : placement.groups()) {
      if (!deployments.contains(g.deployment())) {
        continue;
      }
      for (PlacementReport.Member m : g.members()) {
        if (!m.hostId().isEmpty() && !"ERROR".equals(m.status())) {
          byHost.computeIfAbsent(m.hostId(), h -> new ArrayList<>()).add(m);
        }
      }
    }
    int members = byHost.values().stream().mapToInt(List::size).sum();
    int quorum = members / 2 + 1;
    Optional<Map.Entry<String, List<PlacementReport.Member>>> busiest = byHost.entrySet().stream()
        .max(Comparator.comparingInt(e -> e.getValue().size()));
    if (members < 2 || busiest.isEmpty() || members - busiest.get().getValue().size() >= quorum) {
      return Optional.empty();
    }
    List<Integer> counts = new ArrayList<>(byHost.values().stream().map(List::size).sorted(Comparator.reverseOrder()).toList());
    int hypervisors = Math.max(plan.cloud().hypervisors().total().count(), counts.size());
    while (counts.size() < hypervisors) {
      counts.add(0);
    }
    List<PlacementReport.Member> shared = busiest.get().getValue();
    String names = shared.stream().map(m -> m.name().isEmpty() ? m.serverId() : m.name()).collect(Collectors.joining(", "));
    String host = busiest.get().getKey();
    return Optional.of("control-plane members per hypervisor " + counts.stream().map(String::valueOf)
        .collect(Collectors.joining("/")) + ": " + shared.size() + " of " + members + " (" + names + ") share hostId "
        + host.substring(0, Math.min(12, host.length())) + ", so that hypervisor's failure or maintenance takes etcd's"
        + " quorum (" + quorum + " of " + members + " needed). The plan accepted this risk to keep rollouts working (its"
        + " surge trade-off); to spread again, delete the Machine of " + (shared.isEmpty() ? "one of them"
        : shared.get(shared.size() - 1).name().isEmpty() ? shared.get(shared.size() - 1).serverId()
        : shared.get(shared.size() - 1).name()) + " while the other hypervisors have room, and check again");
  }
}
