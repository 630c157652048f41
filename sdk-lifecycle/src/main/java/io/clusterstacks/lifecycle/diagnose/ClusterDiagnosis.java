package io.clusterstacks.lifecycle.diagnose;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.flavor.DiskType;
import io.clusterstacks.core.flavor.FlavorDisk;
import io.clusterstacks.core.flavor.FlavorNameParseResult;
import io.clusterstacks.core.flavor.ScsFlavorName;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Group;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Node;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Server;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations.Taint;
import io.clusterstacks.lifecycle.diagnose.Finding.Kind;
import io.clusterstacks.openstack.LoadBalancerHealth;
import io.clusterstacks.openstack.MaintenanceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The analysis of a running cluster: pure, from one {@link ClusterObservations} snapshot to a
 * {@link DiagnosisReport}. No network, no clock: the snapshot's {@link ClusterObservations#observedAt()} is "now".
 *
 * <p>What it reports, each with evidence and a fix:
 * <ul>
 *   <li>control-plane servers not on a local-SSD flavor (etcd on network storage: slow fsyncs, leader elections,
 *       failing daily runs), decided from the flavor's extra_specs where known and else from its scs-0100 name;</li>
 *   <li>members in Nova's {@code ERROR} with Nova's fault, members missing, planned groups missing, and more
 *       members of a group on one hypervisor ({@code hostId}) than the plan allows;</li>
 *   <li>the API load balancer's verdict with its status tree (load balancer, listeners, pools, members);</li>
 *   <li>Nodes not {@code Ready} (a kubelet that reports no CNI: raw mode installs no addons) and Nodes still
 *       tainted {@code node.cloudprovider.kubernetes.io/uninitialized} (no cloud controller manager);</li>
 *   <li>the provider's restart opt-in missing on servers it stops in maintenance, and announced maintenance.</li>
 * </ul>
 */
public final class ClusterDiagnosis {
  /** The taint a kubelet started with {@code --cloud-provider=external} sets until a cloud controller manager clears it. */
  public static final String UNINITIALIZED_TAINT = "node.cloudprovider.kubernetes.io/uninitialized";

  private ClusterDiagnosis() {}

  /**
   * Analyses a snapshot.
   *
   * @param seen the snapshot
   * @return the report, findings ordered by severity (critical first), kind and subject
   */
  public static DiagnosisReport analyse(ClusterObservations seen) {
    InvalidInputException.requireArgument(seen, "observations");
    List<Finding> out = new ArrayList<>();
    for (String gap : seen.notObserved()) {
      out.add(new Finding(Kind.NOT_OBSERVED, Severity.WARNING, "cluster " + seen.namespace() + "/" + seen.clusterName(),
          "part of the cluster could not be read, so this report says nothing about it: " + gap, List.of(gap),
          "fix the access named above and diagnose again"));
    }
    for (Group g : seen.groups()) {
      groupFindings(seen, g, out);
    }
    for (Server s : seen.servers()) {
      if (s.controlPlane()) {
        controlPlaneDisk(s, out);
      }
      if (s.status().equals("ERROR")) {
        out.add(memberError(s));
      }
      maintenance(seen, s, out);
    }
    seen.apiLoadBalancer().ifPresent(h -> loadBalancer(h, out));
    for (Node n : seen.nodes()) {
      node(seen, n, out);
    }
    return new DiagnosisReport(seen, out);
  }

  // --- server groups -----------------------------------------------------------------------------------------

  private static void groupFindings(ClusterObservations seen, Group g, List<Finding> out) {
    String subject = "server group " + (g.name().isEmpty() ? "of " + g.deployment() : g.name());
    if (g.groupId().isEmpty()) {
      out.add(new Finding(Kind.SERVER_GROUP_MISSING, Severity.CRITICAL, subject, "the plan's server group for " + g.deployment()
          + " is not in the project: machines that name it cannot be created, and nothing keeps its members apart.",
          List.of("deployment " + g.deployment() + ", policy " + g.policy() + ", " + g.plannedMembers() + " members planned"),
          "create the plan's groups (ServerGroups.ensure(plan)) and render the plan with their IDs"));
      return;
    }
    List<Server> members = seen.servers().stream().filter(s -> s.groupId().equals(g.groupId())).toList();
    if (members.size() < g.plannedMembers()) {
      out.add(new Finding(Kind.MEMBERS_MISSING, Severity.WARNING, subject, "the plan has " + g.plannedMembers()
          + (g.plannedMembers() == 1 ? " member in " : " members in ")
          + g.name() + ", Nova has " + members.size() + ".", List.of("members: " + names(members)),
          "if a rollout or the first creation is still running, diagnose again when it is done (CAPI creates machines one "
              + "after another); if it stays so, look at the Machines' conditions for the failed creations"));
    }
    Map<String, List<Server>> byHost = new TreeMap<>();
    for (Server s : members) {
      if (!s.hostId().isEmpty()) {
        byHost.computeIfAbsent(s.hostId(), h -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<String, List<Server>> e : byHost.entrySet()) {
      List<Server> on = e.getValue();
      if (on.size() <= g.allowedPerHost()) {
        continue;
      }
      boolean hard = g.policy().startsWith("anti-affinity");
      out.add(new Finding(Kind.SHARED_HOST, g.controlPlane() ? Severity.CRITICAL : Severity.WARNING, subject, on.size()
          + " members of " + g.name() + " share one hypervisor, the plan allows " + g.allowedPerHost() + " per host with "
          + g.policy() + ": that host's failure or maintenance takes " + on.size() + " of " + members.size()
          + " members down at once" + (g.controlPlane() ? ", and with them etcd's quorum if they are a majority." : "."),
          List.of("hostId " + e.getKey() + ": " + names(on), "policy " + g.policy() + ", " + members.size() + " members"),
          hard ? "Nova enforces hard anti-affinity, so the group in Nova does not have the planned policy: delete its members "
              + "and the group, and create it again with ServerGroups.ensure(plan)"
              : "soft anti-affinity is a preference: Nova put them together because no other host had room or the cloud has "
                  + "fewer usable hypervisors than planned. Delete the newest of these servers' Machines once other hosts have "
                  + "room, or plan with the cloud's current profile so the planner can pick a hard policy"));
    }
  }

  private static Finding memberError(Server s) {
    String fault = s.fault().isEmpty() ? "(Nova gave no fault message)" : s.fault();
    boolean noHost = s.fault().toLowerCase(Locale.ROOT).contains("no valid host");
    return new Finding(Kind.MEMBER_ERROR, Severity.CRITICAL, server(s), "the server is in ERROR: " + fault,
        List.of("status ERROR", "fault: " + fault, "deployment " + s.deployment() + ", flavor " + s.flavorName()),
        noHost ? "Nova found no hypervisor that the group's policy and the flavor allow: free or add hosts (or plan with the "
            + "cloud's discovered profile so the planner picks a policy these hosts can hold), then delete the server's "
            + "Machine so that it is created again"
            : "delete the server's Machine so that it is created again; if it fails again, quote the fault and the server ID "
                + "to the provider");
  }

  // --- etcd's disk --------------------------------------------------------------------------------------------

  /** What a flavor says about its disk: local SSD, something else, or nothing. */
  enum Disk { LOCAL_SSD, NOT_LOCAL_SSD, UNKNOWN }

  /**
   * Decides from the flavor's extra_specs where they tell, else from its scs-0100 name.
   *
   * @param s the server
   * @param evidence gets what the decision rests on
   * @return the disk
   */
  static Disk disk(Server s, List<String> evidence) {
    String localdisk = s.flavorExtraSpecs().get(CloudFlavor.LOCALDISK_EXTRA_SPEC);
    if (localdisk != null && localdisk.equalsIgnoreCase("true")) {
      evidence.add("flavor " + s.flavorName() + ": extra_spec " + CloudFlavor.LOCALDISK_EXTRA_SPEC + "=" + localdisk);
      return Disk.LOCAL_SSD;
    }
    String type = s.flavorExtraSpecs().get(CloudFlavor.DISK0_TYPE_EXTRA_SPEC);
    if (type != null) {
      Optional<DiskType> t = DiskType.fromExtraSpecValue(type);
      evidence.add("flavor " + s.flavorName() + ": extra_spec " + CloudFlavor.DISK0_TYPE_EXTRA_SPEC + "=" + type);
      if (t.isPresent()) {
        return t.get() == DiskType.SSD || t.get() == DiskType.NVME ? Disk.LOCAL_SSD : Disk.NOT_LOCAL_SSD;
      }
    }
    FlavorNameParseResult parsed = ScsFlavorName.tryParse(s.flavorName());
    if (parsed instanceof FlavorNameParseResult.Valid v) {
      ScsFlavorName name = v.flavorName();
      Optional<FlavorDisk> d = name.disk();
      if (d.isEmpty()) {
        evidence.add("flavor " + s.flavorName() + " (scs-0100): no root disk, so the root disk is a network volume");
        return Disk.NOT_LOCAL_SSD;
      }
      Optional<DiskType> t = d.get().type();
      evidence.add("flavor " + s.flavorName() + " (scs-0100): disk " + d.get() + ", "
          + t.map(DiskType::description).orElse("type not given (network storage, or a disk that promises nothing)"));
      return t.isPresent() && (t.get() == DiskType.SSD || t.get() == DiskType.NVME) ? Disk.LOCAL_SSD : Disk.NOT_LOCAL_SSD;
    }
    evidence.add("flavor " + s.flavorName() + ": " + (parsed instanceof FlavorNameParseResult.Invalid i
        ? "an invalid SCS name (" + i.error().getMessage() + ")" : "not an SCS name") + ", and no disk extra_specs known");
    return Disk.UNKNOWN;
  }

  private static void controlPlaneDisk(Server s, List<Finding> out) {
    List<String> evidence = new ArrayList<>();
    Disk d = disk(s, evidence);
    if (d == Disk.NOT_LOCAL_SSD) {
      out.add(new Finding(Kind.CONTROL_PLANE_NOT_ON_LOCAL_SSD, Severity.WARNING, server(s), "this control-plane member's etcd "
          + "writes to network storage, not local SSD: slow fsyncs cause leader elections and failing requests under load "
          + "(the daily E2E failures SCS answered with scs-0110's local-SSD flavors).", evidence,
          "give the control plane a local-SSD flavor (one whose SCS name ends in s, e.g. SCS-2V-4-20s; the planner picks one "
              + "where the cloud has one) and roll the control plane onto it (change the flavor in the plan and apply: "
              + "KubeadmControlPlane replaces its machines one by one)"));
    } else if (d == Disk.UNKNOWN) {
      out.add(new Finding(Kind.CONTROL_PLANE_DISK_UNKNOWN, Severity.INFO, server(s), "nothing says whether this control-plane "
          + "member's disk is local SSD, so etcd's risk on network storage cannot be judged.", evidence,
          "ask the provider whether the flavor's disk is local SSD, or use a flavor with an SCS name that says so (…s)"));
    }
  }

  // --- maintenance --------------------------------------------------------------------------------------------

  /**
   * The servers that need the provider's restart opt-in and lack it: those {@link Kind#MAINTENANCE_OPT_IN_MISSING}
   * reports. A server needs it when the provider stops local-disk servers during maintenance
   * ({@link ProviderQuirks#localDiskServersStoppedInMaintenance()}), it has a known opt-in key, and the server's
   * disk is local SSD. Pure, in the snapshot's order; what {@code MaintenanceOptIn.reconcile} sets.
   *
   * @param seen the snapshot
   * @return the servers, possibly none
   */
  public static List<Server> missingOptIn(ClusterObservations seen) {
    InvalidInputException.requireArgument(seen, "seen");
    return seen.servers().stream().filter(s -> needsOptIn(seen.quirks(), s, new ArrayList<>())).toList();
  }

  /** The one rule behind {@link #missingOptIn} and the MAINTENANCE_OPT_IN_MISSING finding. */
  private static boolean needsOptIn(ProviderQuirks q, Server s, List<String> diskEvidence) {
    return stoppedInMaintenance(q, s, diskEvidence) && q.restartAfterMaintenanceKey().isPresent() && !optedIn(q, s);
  }

  private static boolean stoppedInMaintenance(ProviderQuirks q, Server s, List<String> diskEvidence) {
    return q.localDiskServersStoppedInMaintenance() && disk(s, diskEvidence) == Disk.LOCAL_SSD;
  }

  private static boolean optedIn(ProviderQuirks q, Server s) {
    Optional<String> key = q.restartAfterMaintenanceKey();
    return key.isPresent() && q.restartAfterMaintenanceValue().equals(s.metadata().get(key.get()));
  }

  private static void maintenance(ClusterObservations seen, Server s, List<Finding> out) {
    ProviderQuirks q = seen.quirks();
    List<String> diskEvidence = new ArrayList<>();
    boolean stopped = stoppedInMaintenance(q, s, diskEvidence);
    Optional<String> key = q.restartAfterMaintenanceKey();
    boolean optedIn = optedIn(q, s);
    if (needsOptIn(q, s, new ArrayList<>()) && key.isPresent()) {
      List<String> evidence = new ArrayList<>(diskEvidence);
      evidence.add("metadata " + key.get() + (s.metadata().containsKey(key.get()) ? "=" + s.metadata().get(key.get())
          : " not set"));
      out.add(new Finding(Kind.MAINTENANCE_OPT_IN_MISSING, Severity.WARNING, server(s), "the provider stops local-disk servers "
          + "during hypervisor maintenance instead of migrating them, and this one stays off afterwards: it lacks "
          + key.get() + "=" + q.restartAfterMaintenanceValue() + ".", evidence,
          "set it: OpenStackClient.maintenance(quirks).optIn(\"" + s.id() + "\"), or openstack server set --property "
              + key.get() + "=" + q.restartAfterMaintenanceValue() + " " + s.id()));
    }
    for (String k : q.maintenanceAnnouncementKeys()) {
      String value = s.metadata().get(k);
      if (value == null || value.isBlank()) {
        continue;
      }
      Optional<Instant> at = MaintenanceEvent.announcedTime(value);
      List<String> evidence = new ArrayList<>(List.of("metadata " + k + "=" + value, "hostId " + s.hostId()));
      if (key.isPresent()) {
        evidence.add("restart opt-in " + key.get() + (optedIn ? " set" : " not set"));
      }
      if (at.isEmpty()) {
        out.add(new Finding(Kind.MAINTENANCE_ANNOUNCED, Severity.WARNING, server(s), "the provider announced maintenance ("
            + k + ") with a time that is no ISO-8601 date-time, so when it happens is unknown.", evidence,
            "ask the provider when the maintenance is; drain the node and replace its machine before then"));
      } else if (at.get().isAfter(seen.observedAt())) {
        Duration in = Duration.between(seen.observedAt(), at.get());
        out.add(new Finding(Kind.MAINTENANCE_ANNOUNCED, Severity.WARNING, server(s), "the provider announced maintenance of this "
            + "server's hypervisor for " + at.get() + " (in " + hours(in) + ")" + (stopped ? ": the server will be stopped"
            + (optedIn ? " and restarted after it." : " and stay off unless the opt-in is set.") : "."), evidence,
            "before then, drain the node and have Cluster API replace its machine on another hypervisor (delete the Machine, or "
                + "roll the control plane, never below etcd quorum)" + (stopped && !optedIn && key.isPresent()
                    ? "; at least set " + key.get() + "=" + q.restartAfterMaintenanceValue() : "")));
      } else {
        out.add(new Finding(Kind.MAINTENANCE_ANNOUNCED, Severity.INFO, server(s), "the provider's maintenance announcement ("
            + k + ") is for " + at.get() + ", which has passed; the server is " + s.status() + ".", evidence,
            s.status().equals("ACTIVE") ? "nothing, unless the node is unhealthy since"
                : "start the server (openstack server start " + s.id() + ") or delete its Machine so that it is replaced"));
      }
    }
  }

  private static String hours(Duration d) {
    long h = d.toHours();
    return h >= 48 ? (h / 24) + " days" : h >= 1 ? h + " h" : Math.max(1, d.toMinutes()) + " min";
  }

  // --- API load balancer --------------------------------------------------------------------------------------

  private static void loadBalancer(LoadBalancerHealth h, List<Finding> out) {
    Severity severity = switch (h.verdict()) {
      case HEALTHY -> null;
      case NO_HEALTH_DATA -> Severity.INFO;
      case DEGRADED, SEVERAL_FOUND -> Severity.WARNING;
      case DOWN, DISABLED, PENDING, PROVISIONING_ERROR, NOT_FOUND -> Severity.CRITICAL;
    };
    if (severity == null) {
      return;
    }
    List<String> evidence = new ArrayList<>();
    h.objects().forEach(o -> evidence.add(o.toString()));
    evidence.addAll(h.problems());
    String subject = "load balancer " + (h.name().isEmpty() ? h.loadBalancerId() : h.name());
    String what = switch (h.verdict()) {
      case NO_HEALTH_DATA -> "the API load balancer is ACTIVE but its provider has reported no health data yet, so whether "
          + "its members answer is unknown (not a failure).";
      case DEGRADED -> "some of the API load balancer's members (or a listener) fail; the API answers through the others.";
      case SEVERAL_FOUND -> "several load balancers have the API load balancer's name, so it is unclear which one serves the API.";
      case DOWN -> "no member of the API load balancer answers: the API server is unreachable through it.";
      case DISABLED -> "the API load balancer is switched off (admin_state_up=false): the API is unreachable through it.";
      case PENDING -> "Octavia is still creating or changing the API load balancer; it cannot be changed or deleted meanwhile.";
      case PROVISIONING_ERROR -> "Octavia failed to build the API load balancer (or a part of it): provisioning ERROR.";
      case NOT_FOUND -> "the cluster has no API load balancer in this project, so nothing forwards to its API servers.";
      default -> h.verdict().toString();
    };
    out.add(new Finding(Kind.LOAD_BALANCER, severity, subject, what + " " + h.verdict() + (h.loadBalancerId().isEmpty() ? ""
        : ": " + h.provisioningStatus() + "/" + h.operatingStatus()) + ".", evidence, h.action()));
  }

  // --- nodes --------------------------------------------------------------------------------------------------

  private static void node(ClusterObservations seen, Node n, List<Finding> out) {
    String subject = "node " + n.name();
    if (!n.ready().equals("True")) {
      String m = (n.readyReason() + " " + n.readyMessage()).toLowerCase(Locale.ROOT);
      boolean cni = m.contains("cni") || m.contains("networkpluginnotready") || m.contains("network plugin");
      List<String> evidence = new ArrayList<>();
      evidence.add(n.ready().isEmpty() ? "no Ready condition" : "Ready=" + n.ready() + (n.readyReason().isEmpty() ? "" : " "
          + n.readyReason()) + (n.readyMessage().isEmpty() ? "" : ": " + n.readyMessage()));
      n.taints().forEach(t -> evidence.add("taint " + t));
      String message;
      String fix;
      if (cni) {
        message = "the node is not Ready because its container network is not: no CNI plugin runs (in raw CAPI mode the SDK "
            + "renders every template itself and nothing installs the stack's addons, the CNI among them).";
        fix = "install a CNI on the workload cluster (e.g. Cilium or Calico, through a ClusterResourceSet, Helm or kubectl), or "
            + "use topology mode where the cluster stack's addons include one";
      } else if (n.ready().equals("Unknown") || n.ready().isEmpty()) {
        message = "the node's kubelet stopped reporting (Ready=" + (n.ready().isEmpty() ? "none" : n.ready()) + "): its server "
            + "is off, unreachable or overloaded.";
        fix = "look at the node's server in Nova (SHUTOFF after a hypervisor maintenance needs the restart opt-in, ERROR needs "
            + "a new machine); if it stays so, delete its Machine so that it is replaced";
      } else {
        message = "the node is not Ready: " + (n.readyMessage().isEmpty() ? n.readyReason() : n.readyMessage());
        fix = "read the kubelet's log on the node (journalctl -u kubelet) for the reason; delete its Machine if it does not "
            + "recover";
      }
      out.add(new Finding(Kind.NODE_NOT_READY, Severity.CRITICAL, subject, message, evidence, fix));
    }
    for (Taint t : n.taints()) {
      if (t.key().equals(UNINITIALIZED_TAINT)) {
        out.add(new Finding(Kind.NODE_UNINITIALIZED, Severity.CRITICAL, subject, "the node still has the taint " + t
            + ": no cloud controller manager has initialised it, so it has no providerID and addresses from the cloud, "
            + "ordinary pods are not scheduled on it and load-balancer Services get no Octavia load balancer.",
            List.of("taint " + t, n.providerId().isEmpty() ? "no spec.providerID" : "spec.providerID " + n.providerId()),
            "install the OpenStack cloud controller manager (openstack-cloud-controller-manager with a clouds.yaml Secret) on "
                + "the workload cluster; topology mode's cluster stack installs it, raw mode does not"));
      }
    }
  }

  // --- words --------------------------------------------------------------------------------------------------

  static String server(Server s) {
    return "server " + (s.name().isEmpty() ? s.id() : s.name() + " (" + s.id() + ")");
  }

  private static String names(List<Server> servers) {
    List<String> n = new ArrayList<>();
    servers.forEach(s -> n.add(s.name().isEmpty() ? s.id() : s.name()));
    return n.isEmpty() ? "none" : String.join(", ", n);
  }
}
