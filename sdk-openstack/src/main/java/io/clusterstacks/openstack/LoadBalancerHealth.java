package io.clusterstacks.openstack;

import java.util.List;
import java.util.Objects;

/**
 * The health of one Octavia load balancer as its status tree shows it, in words a user can act on. Made by
 * {@link LoadBalancers#health(String)} and {@link LoadBalancers#apiServer(String, String)}.
 *
 * <p>The rules are those of Octavia's {@code amphora} provider, where an amphora's heartbeats set the
 * operating statuses (so {@code OFFLINE} on an ACTIVE load balancer means no health data, not down). Other
 * providers (OVN) set them differently; their statuses are read the same way but were not tested.
 *
 * @param verdict the overall verdict
 * @param loadBalancerId the load balancer's ID, empty when none was found
 * @param name its name, e.g. {@code k8s-clusterapi-cluster-default-prod-kubeapi}
 * @param provider the Octavia provider, e.g. {@code amphora}; empty when none was found
 * @param provisioningStatus Octavia's provisioning status, e.g. {@code ACTIVE}, {@code PENDING_CREATE}, {@code ERROR}
 * @param operatingStatus Octavia's operating status, e.g. {@code ONLINE}, {@code OFFLINE}, {@code DEGRADED}
 * @param problems what is wrong with which listener, pool or member, one sentence each
 * @param action what to do, in one or two sentences
 * @param objects every object of the status tree with its statuses, load balancer first
 */
public record LoadBalancerHealth(Verdict verdict, String loadBalancerId, String name, String provider, String provisioningStatus,
    String operatingStatus, List<String> problems, String action, List<ObjectStatus> objects) {
  /**
   * Checks and copies.
   *
   * @param verdict the verdict
   * @param loadBalancerId the ID
   * @param name the name
   * @param provider the provider
   * @param provisioningStatus the provisioning status
   * @param operatingStatus the operating status
   * @param problems the problems
   * @param action the action
   * @param objects the objects
   */
  public LoadBalancerHealth {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(loadBalancerId, "loadBalancerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(provisioningStatus, "provisioningStatus");
    Objects.requireNonNull(operatingStatus, "operatingStatus");
    problems = List.copyOf(problems);
    Objects.requireNonNull(action, "action");
    objects = List.copyOf(objects);
  }

  /** The overall verdict. */
  public enum Verdict {
    /** ACTIVE and ONLINE, every member answering its health monitor. */
    HEALTHY,
    /** ACTIVE, but the provider has reported no health data yet (amphora: no heartbeat arrived); not "down". */
    NO_HEALTH_DATA,
    /** ACTIVE, some members (or a listener) fail: the API still answers through the others. */
    DEGRADED,
    /** ACTIVE, but no member answers: the API is unreachable through the load balancer. */
    DOWN,
    /** Switched off ({@code admin_state_up=false}). */
    DISABLED,
    /** Octavia is still creating or changing it ({@code PENDING_*}); it cannot be changed or deleted meanwhile. */
    PENDING,
    /** Octavia failed to build it (or one of its parts): provisioning {@code ERROR}. */
    PROVISIONING_ERROR,
    /** There is no such load balancer (Kamaji clusters and clusters without an API load balancer have none). */
    NOT_FOUND,
    /** Several load balancers have the name looked for. */
    SEVERAL_FOUND
  }

  /**
   * One object of the status tree.
   *
   * @param type {@code loadbalancer}, {@code listener}, {@code pool}, {@code healthmonitor} or {@code member}
   * @param id its ID
   * @param name its name, possibly empty
   * @param provisioningStatus its provisioning status
   * @param operatingStatus its operating status
   */
  public record ObjectStatus(String type, String id, String name, String provisioningStatus, String operatingStatus) {
    @Override
    public String toString() {
      return type + " " + (name.isEmpty() ? id : name) + " " + provisioningStatus + "/" + operatingStatus;
    }
  }

  /**
   * The health in words: verdict, statuses, problems and what to do.
   *
   * @return the text
   */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(verdict).append(": ");
    if (!loadBalancerId.isEmpty()) {
      b.append("load balancer ").append(name.isEmpty() ? loadBalancerId : name + " (" + loadBalancerId + ")").append(", provider ")
          .append(provider).append(", ").append(provisioningStatus).append("/").append(operatingStatus).append(". ");
    }
    for (String p : problems) {
      b.append(p).append(" ");
    }
    b.append("What to do: ").append(action);
    return b.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
