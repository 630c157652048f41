package io.clusterstacks.kamaji.labels;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kubernetes.ManagementNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which hypervisor label each management node should carry, from its {@code providerID}
 * ({@code openstack:///<server id>}, as the OpenStack cloud controller manager sets it) and the servers'
 * Nova {@code hostId}s. Pure: no network. Re-running on labelled nodes finds nothing to change.
 */
public final class HypervisorLabels {
  /** The prefix of an OpenStack node's {@code spec.providerID}; the server ID follows. */
  public static final String OPENSTACK_PROVIDER_PREFIX = "openstack:///";

  private final List<ManagementNode> nodes;
  private final List<LabelFinding> findings;

  private HypervisorLabels(List<ManagementNode> nodes, List<LabelFinding> findings) {
    this.nodes = List.copyOf(nodes);
    this.findings = List.copyOf(findings);
  }

  /**
   * Compares each node's label with its server's {@code hostId}.
   *
   * @param nodes the management nodes
   * @param hostIdByServer server ID to {@code hostId} (sdk-openstack's {@code OpenStackClient.serverHostIds()})
   * @return the findings, one per node, in the nodes' order
   */
  public static HypervisorLabels of(List<ManagementNode> nodes, Map<String, String> hostIdByServer) {
    InvalidInputException.requireArgument(nodes, "nodes");
    InvalidInputException.requireArgument(hostIdByServer, "hostIdByServer");
    List<LabelFinding> out = new ArrayList<>();
    for (ManagementNode n : nodes) {
      Optional<String> current = Optional.ofNullable(n.labels().get(Kamaji.HYPERVISOR_LABEL));
      Optional<String> server = n.providerId().filter(p -> p.startsWith(OPENSTACK_PROVIDER_PREFIX))
          .map(p -> p.substring(OPENSTACK_PROVIDER_PREFIX.length()));
      if (server.isEmpty()) {
        out.add(new LabelFinding(n.name(), LabelFinding.Kind.UNRESOLVED, current, Optional.empty(),
            n.providerId().isEmpty()
                ? "no spec.providerID yet (the OpenStack cloud controller manager sets it): label by hand with the"
                    + " server's hostId, or run again once it is set"
                : "providerID " + n.providerId().get() + " is not an OpenStack server (" + OPENSTACK_PROVIDER_PREFIX
                    + "<id>): label it by hand with the hypervisor it runs on"));
        continue;
      }
      String hostId = hostIdByServer.getOrDefault(server.get(), "");
      if (hostId.isEmpty()) {
        out.add(new LabelFinding(n.name(), LabelFinding.Kind.UNRESOLVED, current, Optional.empty(),
            hostIdByServer.containsKey(server.get())
                ? "server " + server.get() + " has no hostId yet (not scheduled): run again once it is ACTIVE"
                : "server " + server.get() + " is not in this project's server list: use the credentials of the"
                    + " project that owns the management cluster's servers"));
      } else if (current.isEmpty()) {
        out.add(new LabelFinding(n.name(), LabelFinding.Kind.NEW, current, Optional.of(hostId),
            "labelled with its server's hostId"));
      } else if (!current.get().equals(hostId)) {
        out.add(new LabelFinding(n.name(), LabelFinding.Kind.STALE, current, Optional.of(hostId),
            "the label names another hypervisor than server " + server.get() + " runs on now (live migration, or"
                + " set by hand): corrected; pods placed by the old label may now share a hypervisor: evict the"
                + " newest replica of each tenant that has two on one hypervisor"));
      } else {
        out.add(new LabelFinding(n.name(), LabelFinding.Kind.UNCHANGED, current, Optional.of(hostId), "label is right"));
      }
    }
    return new HypervisorLabels(nodes, out);
  }

  /**
   * Every node's finding.
   *
   * @return one per node
   */
  public List<LabelFinding> findings() {
    return findings;
  }

  /**
   * The findings of one kind.
   *
   * @param kind the kind
   * @return those findings
   */
  public List<LabelFinding> of(LabelFinding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * The server-side-apply patches that set the label on the nodes that are new or stale: each a Node with
   * only {@code metadata.labels}, so nothing else of the node changes.
   *
   * @return the patches (empty when every label is right)
   */
  public Manifests patches() {
    List<ManifestDocument> docs = new ArrayList<>();
    for (LabelFinding f : findings) {
      if (f.kind() == LabelFinding.Kind.NEW || f.kind() == LabelFinding.Kind.STALE) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", f.node());
        metadata.put("labels", Map.of(Kamaji.HYPERVISOR_LABEL, f.wanted().orElseThrow()));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("apiVersion", "v1");
        node.put("kind", "Node");
        node.put("metadata", metadata);
        docs.add(ManifestDocument.of(node));
      }
    }
    return Manifests.of(docs, List.of());
  }

  /**
   * The nodes whose hypervisor is known, as workers for {@link io.clusterstacks.kamaji.placement.TwoLevelPlanner}
   * (cordoned nodes as not schedulable).
   *
   * @return one worker per resolved node, in the nodes' order
   */
  public List<ManagementWorker> workers() {
    List<ManagementWorker> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      LabelFinding f = findings.get(i);
      boolean on = nodes.get(i).schedulable();
      if (f.wanted().isPresent()) {
        out.add(ManagementWorker.of(w -> w.name(f.node()).hypervisor(f.wanted().get()).schedulable(on)));
      }
    }
    return out;
  }

  /**
   * The findings in words, one line per node.
   *
   * @return lines ending with a newline
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    for (LabelFinding f : findings) {
      sb.append(f.node()).append(": ").append(f.kind().name().toLowerCase(java.util.Locale.ROOT));
      f.current().ifPresent(c -> sb.append(", was ").append(c));
      f.wanted().filter(w -> f.kind() != LabelFinding.Kind.UNCHANGED).ifPresent(w -> sb.append(", now ").append(w));
      sb.append(" (").append(f.detail()).append(")\n");
    }
    return sb.toString();
  }
}
