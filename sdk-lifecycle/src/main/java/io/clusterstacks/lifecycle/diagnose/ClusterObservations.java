package io.clusterstacks.lifecycle.diagnose;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.openstack.LoadBalancerHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What was seen of one running cluster at one moment: an immutable snapshot, read by {@link DiagnosisCollector}
 * or built by hand, that {@link ClusterDiagnosis#analyse(ClusterObservations)} turns into a report.
 *
 * <pre>{@code
 * ClusterObservations seen = ClusterObservations.builder("default", "prod", Instant.parse("2026-12-02T10:00:00Z"))
 *     .quirks(ProviderQuirks.PLUSCLOUD_OPEN)
 *     .addGroup(new ClusterObservations.Group("control-plane", true, "g-1", "clusterstacks-prod-control-plane",
 *         "anti-affinity", 3, 1))
 *     .addServer(ClusterObservations.Server.of("s-1", "prod-cp-0", "control-plane", true, "g-1", "ACTIVE", "h-1",
 *         "SCS-2V-4-20s"))
 *     .build();
 * }</pre>
 *
 * @param namespace the Cluster's namespace on the management cluster
 * @param clusterName the Cluster's name
 * @param observedAt when the snapshot was taken (announcements are pending or past relative to it)
 * @param quirks the provider's maintenance facts (opt-in key and value, announcement keys)
 * @param groups the cluster's planned server groups as Nova has them
 * @param servers the members of those groups as Nova shows them
 * @param apiLoadBalancer the API load balancer's health; empty when it was not looked at (a Kamaji control plane
 *     has none)
 * @param nodes the workload cluster's Nodes
 * @param notObserved what could not be read, one sentence each with the reason (e.g. the workload API server
 *     did not answer); the report says so instead of reporting an absence as health
 */
public record ClusterObservations(String namespace, String clusterName, Instant observedAt, ProviderQuirks quirks,
    List<Group> groups, List<Server> servers, Optional<LoadBalancerHealth> apiLoadBalancer, List<Node> nodes,
    List<String> notObserved) {
  /**
   * Checks and copies.
   *
   * @param namespace the namespace
   * @param clusterName the cluster's name
   * @param observedAt the time
   * @param quirks the provider facts
   * @param groups the groups
   * @param servers the servers
   * @param apiLoadBalancer the API load balancer's health
   * @param nodes the nodes
   * @param notObserved what could not be read
   */
  public ClusterObservations {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(clusterName, "clusterName");
    InvalidInputException.requireArgument(observedAt, "observedAt");
    InvalidInputException.requireArgument(quirks, "quirks");
    groups = List.copyOf(groups);
    servers = List.copyOf(servers);
    Objects.requireNonNull(apiLoadBalancer, "apiLoadBalancer");
    nodes = List.copyOf(nodes);
    notObserved = List.copyOf(notObserved);
  }

  /**
   * A builder for a snapshot of one cluster.
   *
   * @param namespace the Cluster's namespace
   * @param clusterName the Cluster's name
   * @param observedAt when it was observed
   * @return the builder, with {@link ProviderQuirks#NONE} and nothing observed yet
   */
  public static Builder builder(String namespace, String clusterName, Instant observedAt) {
    return new Builder(namespace, clusterName, observedAt);
  }

  /** Builds a {@link ClusterObservations}; the lists keep the order things were added in. */
  public static final class Builder {
    private final String namespace;
    private final String clusterName;
    private final Instant observedAt;
    private ProviderQuirks quirks = ProviderQuirks.NONE;
    private final List<Group> groups = new ArrayList<>();
    private final List<Server> servers = new ArrayList<>();
    private Optional<LoadBalancerHealth> apiLoadBalancer = Optional.empty();
    private final List<Node> nodes = new ArrayList<>();
    private final List<String> notObserved = new ArrayList<>();

    private Builder(String namespace, String clusterName, Instant observedAt) {
      this.namespace = namespace;
      this.clusterName = clusterName;
      this.observedAt = observedAt;
    }

    /**
     * The provider's maintenance facts.
     *
     * @param q the quirks, e.g. {@link ProviderQuirks#PLUSCLOUD_OPEN}
     * @return this builder
     */
    public Builder quirks(ProviderQuirks q) {
      this.quirks = InvalidInputException.requireArgument(q, "quirks");
      return this;
    }

    /**
     * Adds a server group.
     *
     * @param g the group
     * @return this builder
     */
    public Builder addGroup(Group g) {
      groups.add(InvalidInputException.requireArgument(g, "group"));
      return this;
    }

    /**
     * Adds a server.
     *
     * @param s the server
     * @return this builder
     */
    public Builder addServer(Server s) {
      servers.add(InvalidInputException.requireArgument(s, "server"));
      return this;
    }

    /**
     * Sets the API load balancer's health.
     *
     * @param h the health
     * @return this builder
     */
    public Builder apiLoadBalancer(LoadBalancerHealth h) {
      this.apiLoadBalancer = Optional.of(InvalidInputException.requireArgument(h, "apiLoadBalancer"));
      return this;
    }

    /**
     * Adds a node.
     *
     * @param n the node
     * @return this builder
     */
    public Builder addNode(Node n) {
      nodes.add(InvalidInputException.requireArgument(n, "node"));
      return this;
    }

    /**
     * Records what could not be read.
     *
     * @param what one sentence with the reason
     * @return this builder
     */
    public Builder notObserved(String what) {
      notObserved.add(InvalidInputException.requireArgument(what, "notObserved"));
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     */
    public ClusterObservations build() {
      return new ClusterObservations(namespace, clusterName, observedAt, quirks, groups, servers, apiLoadBalancer, nodes,
          notObserved);
    }
  }

  /**
   * One planned server group as Nova has it.
   *
   * @param deployment the plan's deployment, e.g. {@code control-plane} or {@code md-0}
   * @param controlPlane whether the deployment is the control plane
   * @param groupId Nova's group ID, {@code ""} when the group does not exist
   * @param name Nova's group name, e.g. {@code clusterstacks-prod-control-plane}
   * @param policy the planned policy, e.g. {@code anti-affinity}
   * @param plannedMembers the members the plan has
   * @param allowedPerHost the most members the plan allows on one hypervisor
   */
  public record Group(String deployment, boolean controlPlane, String groupId, String name, String policy, int plannedMembers,
      int allowedPerHost) {
    /**
     * Checks.
     *
     * @param deployment the deployment
     * @param controlPlane whether it is the control plane
     * @param groupId the group ID
     * @param name the group name
     * @param policy the policy
     * @param plannedMembers the planned members
     * @param allowedPerHost the limit per host
     */
    public Group {
      Objects.requireNonNull(deployment, "deployment");
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
      if (plannedMembers < 0 || allowedPerHost < 1) {
        throw new InvalidInputException(List.of(io.clusterstacks.core.Problem.of(plannedMembers < 0 ? "plannedMembers"
            : "allowedPerHost", String.valueOf(plannedMembers < 0 ? plannedMembers : allowedPerHost),
            "give at least 0 planned members and at least 1 allowed per host")));
      }
    }
  }

  /**
   * One server of the cluster as Nova shows it.
   *
   * @param id the server ID
   * @param name the server name
   * @param deployment the plan's deployment whose group holds it
   * @param controlPlane whether it is a control-plane member
   * @param groupId its server group's ID
   * @param status Nova's status, e.g. {@code ACTIVE}, {@code ERROR}
   * @param hostId Nova's opaque {@code hostId}, {@code ""} when not scheduled
   * @param flavorName its flavor's name
   * @param flavorExtraSpecs its flavor's extra_specs where known (empty otherwise)
   * @param metadata its server metadata (maintenance announcements, the restart opt-in)
   * @param fault Nova's fault message, {@code ""} when none
   */
  public record Server(String id, String name, String deployment, boolean controlPlane, String groupId, String status,
      String hostId, String flavorName, SortedMap<String, String> flavorExtraSpecs, SortedMap<String, String> metadata,
      String fault) {
    /**
     * Checks and copies.
     *
     * @param id the ID
     * @param name the name
     * @param deployment the deployment
     * @param controlPlane whether it is a control-plane member
     * @param groupId the group ID
     * @param status the status
     * @param hostId the host ID
     * @param flavorName the flavor name
     * @param flavorExtraSpecs the flavor's extra_specs
     * @param metadata the metadata
     * @param fault the fault
     */
    public Server {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(deployment, "deployment");
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(hostId, "hostId");
      Objects.requireNonNull(flavorName, "flavorName");
      flavorExtraSpecs = sorted(flavorExtraSpecs);
      metadata = sorted(metadata);
      Objects.requireNonNull(fault, "fault");
    }

    /**
     * A server with no extra_specs, metadata or fault.
     *
     * @param id the ID
     * @param name the name
     * @param deployment the deployment
     * @param controlPlane whether it is a control-plane member
     * @param groupId the group ID
     * @param status the status
     * @param hostId the host ID
     * @param flavorName the flavor name
     * @return the server
     */
    public static Server of(String id, String name, String deployment, boolean controlPlane, String groupId, String status,
        String hostId, String flavorName) {
      return new Server(id, name, deployment, controlPlane, groupId, status, hostId, flavorName, new TreeMap<>(),
          new TreeMap<>(), "");
    }

    /**
     * This server with other metadata.
     *
     * @param m the metadata
     * @return the copy
     */
    public Server withMetadata(Map<String, String> m) {
      return new Server(id, name, deployment, controlPlane, groupId, status, hostId, flavorName, flavorExtraSpecs, sorted(m), fault);
    }

    /**
     * This server with other flavor extra_specs.
     *
     * @param specs the extra_specs
     * @return the copy
     */
    public Server withFlavorExtraSpecs(Map<String, String> specs) {
      return new Server(id, name, deployment, controlPlane, groupId, status, hostId, flavorName, sorted(specs), metadata, fault);
    }

    /**
     * This server with another status and fault.
     *
     * @param newStatus the status, e.g. {@code ERROR}
     * @param newFault Nova's fault message
     * @return the copy
     */
    public Server withStatus(String newStatus, String newFault) {
      return new Server(id, name, deployment, controlPlane, groupId, newStatus, hostId, flavorName, flavorExtraSpecs, metadata,
          newFault);
    }

    /**
     * Names the server, its status, host and flavor, and its metadata keys (not their values).
     *
     * @return the text
     */
    @Override
    public String toString() {
      return "Server[" + name + " (" + id + "), " + deployment + ", " + status + ", hostId " + hostId + ", flavor " + flavorName
          + ", metadata keys " + metadata.keySet() + "]";
    }

    private static SortedMap<String, String> sorted(Map<String, String> m) {
      return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(m)));
    }
  }

  /**
   * One Node of the workload cluster.
   *
   * @param name the node name
   * @param providerId {@code spec.providerID} (e.g. {@code openstack:///<server id>}), {@code ""} when unset: the
   *     cloud controller manager sets it
   * @param controlPlane whether it has the {@code node-role.kubernetes.io/control-plane} (or {@code master}) label
   * @param ready the {@code Ready} condition's status ({@code True}, {@code False}, {@code Unknown}), {@code ""}
   *     when the node has no such condition
   * @param readyReason the condition's reason, e.g. {@code KubeletNotReady}
   * @param readyMessage the condition's message, e.g. {@code container runtime network not ready: ... cni ...}
   * @param taints the node's taints
   */
  public record Node(String name, String providerId, boolean controlPlane, String ready, String readyReason, String readyMessage,
      List<Taint> taints) {
    /**
     * Checks and copies.
     *
     * @param name the name
     * @param providerId the provider ID
     * @param controlPlane whether it is a control-plane node
     * @param ready the Ready status
     * @param readyReason the reason
     * @param readyMessage the message
     * @param taints the taints
     */
    public Node {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(providerId, "providerId");
      Objects.requireNonNull(ready, "ready");
      Objects.requireNonNull(readyReason, "readyReason");
      Objects.requireNonNull(readyMessage, "readyMessage");
      taints = List.copyOf(taints);
    }
  }

  /**
   * A node taint.
   *
   * @param key the key, e.g. {@code node.cloudprovider.kubernetes.io/uninitialized}
   * @param value the value, {@code ""} when none
   * @param effect the effect, e.g. {@code NoSchedule}
   */
  public record Taint(String key, String value, String effect) {
    /**
     * Checks.
     *
     * @param key the key
     * @param value the value
     * @param effect the effect
     */
    public Taint {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(effect, "effect");
    }

    @Override
    public String toString() {
      return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
    }
  }
}
