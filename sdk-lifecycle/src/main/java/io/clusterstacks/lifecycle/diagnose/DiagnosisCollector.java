package io.clusterstacks.lifecycle.diagnose;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Taint;
import io.clusterstacks.openstack.OpenStackClient;
import io.clusterstacks.openstack.PlacementReport;
import io.clusterstacks.openstack.ServerDetails;
import io.clusterstacks.openstack.ServerGroup;
import io.clusterstacks.openstack.ServerGroupSet;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link ClusterObservations} snapshot of one running cluster from the real systems: OpenStack through
 * sdk-openstack (the plan's server groups and their members with status, {@code hostId}, flavor, metadata and
 * fault; the API load balancer's status tree) and the workload cluster through sdk-kubernetes (its Nodes, with
 * the kubeconfig CAPI keeps in the {@code <cluster>-kubeconfig} Secret on the management cluster).
 *
 * <pre>{@code
 * try (OpenStackClient os = OpenStackClient.fromCloudsYaml("prod");
 *     ManagementCluster mgmt = ManagementCluster.connect()) {
 *   DiagnosisReport report = ClusterDiagnosis.analyse(DiagnosisCollector.of(os, mgmt).collect(plan, "default"));
 * }
 * }</pre>
 *
 * <p>It only reads. What it cannot read (no load-balancer service, the workload API server not answering, the
 * kubeconfig Secret not yet written) is recorded in {@link ClusterObservations#notObserved()}, so the report
 * says so instead of calling it healthy. Servers are those of the plan's server groups: a plan without server
 * groups gives no server findings.
 */
public final class DiagnosisCollector {
  private static final Logger LOG = LoggerFactory.getLogger(DiagnosisCollector.class);
  private static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
  private static final String MASTER_LABEL = "node-role.kubernetes.io/master";

  private final OpenStackClient openStack;
  private final ManagementCluster management;
  private final Clock clock;

  private DiagnosisCollector(OpenStackClient openStack, ManagementCluster management, Clock clock) {
    this.openStack = openStack;
    this.management = management;
    this.clock = clock;
  }

  /**
   * A collector with the system clock.
   *
   * @param openStack the cloud the cluster runs on (the caller keeps it and closes it)
   * @param management the management cluster that holds the Cluster (the caller closes it)
   * @return the collector
   */
  public static DiagnosisCollector of(OpenStackClient openStack, ManagementCluster management) {
    return of(openStack, management, Clock.systemUTC());
  }

  /**
   * A collector with a clock for {@link ClusterObservations#observedAt()}.
   *
   * @param openStack the cloud
   * @param management the management cluster
   * @param clock the clock
   * @return the collector
   */
  public static DiagnosisCollector of(OpenStackClient openStack, ManagementCluster management, Clock clock) {
    InvalidInputException.requireArgument(openStack, "openStack");
    InvalidInputException.requireArgument(management, "management");
    InvalidInputException.requireArgument(clock, "clock");
    return new DiagnosisCollector(openStack, management, clock);
  }

  /**
   * Reads the snapshot of the cluster a plan describes.
   *
   * @param plan the cluster's plan (its server groups, roles and the cloud's provider quirks)
   * @param namespace the Cluster's namespace on the management cluster
   * @return the snapshot
   */
  public ClusterObservations collect(ClusterPlan plan, String namespace) {
    InvalidInputException.requireArgument(plan, "plan");
    InvalidInputException.requireArgument(namespace, "namespace");
    String cluster = plan.request().clusterName();
    ClusterObservations.Builder b = ClusterObservations.builder(namespace, cluster, clock.instant()).quirks(plan.cloud().quirks());
    servers(plan, b);
    if (plan.controlPlane().isPresent()) {
      try {
        b.apiLoadBalancer(openStack.loadBalancers().apiServer(namespace, cluster));
      } catch (ClusterStacksException e) {
        b.notObserved("the API load balancer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      }
    }
    nodes(namespace, cluster, b);
    ClusterObservations seen = b.build();
    LOG.debug("cluster {}/{}: {} groups, {} servers, {} nodes, load balancer {}, not observed {}", namespace, cluster,
        seen.groups().size(), seen.servers().size(), seen.nodes().size(),
        seen.apiLoadBalancer().map(h -> h.verdict().toString()).orElse("not looked at"), seen.notObserved().size());
    return seen;
  }

  private void servers(ClusterPlan plan, ClusterObservations.Builder b) {
    Set<String> controlPlane = new HashSet<>();
    plan.controlPlane().ifPresent(r -> r.deployments().forEach(d -> controlPlane.add(d.name())));
    Map<String, String> ids = new LinkedHashMap<>();
    List<ServerGroup> found = new ArrayList<>();
    for (RolePlan r : plan.roles()) {
      for (RolePlan.Deployment d : r.deployments()) {
        if (d.serverGroup().orElse(null) instanceof ServerGroupRef.ToCreate t) {
          Optional<ServerGroup> g = openStack.serverGroups().find(t.name());
          g.ifPresent(x -> {
            ids.put(t.name(), x.id());
            found.add(x);
          });
        }
      }
    }
    PlacementReport report = openStack.placement().verify(plan, new ServerGroupSet(ids, List.of(), found));
    Map<String, ServerDetails> servers = new HashMap<>();
    boolean anyMember = report.groups().stream().anyMatch(g -> !g.members().isEmpty());
    if (anyMember) {
      openStack.servers().forEach(s -> servers.put(s.id(), s));
    }
    for (PlacementReport.Group g : report.groups()) {
      boolean cp = controlPlane.contains(g.deployment());
      String groupId = g.groupName().isEmpty() ? "" : g.groupId();
      b.addGroup(new ClusterObservations.Group(g.deployment(), cp, groupId, g.groupName(), g.policy(), g.plannedMembers(),
          g.allowedPerHost()));
      for (PlacementReport.Member m : g.members()) {
        ServerDetails s = servers.get(m.serverId());
        if (s == null) {
          continue; // deleted since the group listed it: MEMBERS_MISSING counts it
        }
        b.addServer(new ClusterObservations.Server(s.id(), s.name(), g.deployment(), cp, groupId, s.status(), s.hostId(),
            s.flavorName(), s.flavorExtraSpecs(), s.metadata(), s.fault()));
      }
    }
  }

  private void nodes(String namespace, String cluster, ClusterObservations.Builder b) {
    try (KubernetesClient c = management.workload(namespace, cluster).client()) {
      for (Node n : c.nodes().list().getItems()) {
        Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
        NodeCondition ready = n.getStatus() == null || n.getStatus().getConditions() == null ? null
            : n.getStatus().getConditions().stream().filter(x -> "Ready".equals(x.getType())).findFirst().orElse(null);
        List<Taint> taints = new ArrayList<>();
        if (n.getSpec() != null && n.getSpec().getTaints() != null) {
          n.getSpec().getTaints().forEach(t -> taints.add(new Taint(text(t.getKey()), text(t.getValue()), text(t.getEffect()))));
        }
        b.addNode(new ClusterObservations.Node(n.getMetadata().getName(), n.getSpec() == null ? "" : text(n.getSpec().getProviderID()),
            labels.containsKey(CONTROL_PLANE_LABEL) || labels.containsKey(MASTER_LABEL), ready == null ? "" : text(ready.getStatus()),
            ready == null ? "" : text(ready.getReason()), ready == null ? "" : text(ready.getMessage()), taints));
      }
    } catch (ClusterStacksException | KubernetesClientException e) {
      b.notObserved("the workload cluster's nodes (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
