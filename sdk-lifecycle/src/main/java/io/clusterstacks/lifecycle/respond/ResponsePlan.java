package io.clusterstacks.lifecycle.respond;

import io.clusterstacks.core.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the responder will do for one cluster at one moment: the announced events, a decision per affected server
 * and the ordered steps. Computed by {@link ResponsePlanner#plan}; {@link #text()} says what would be done.
 *
 * <p>The steps are in the order they must run: control-plane members are replaced one at a time, each
 * replacement awaited before the next member's Machine is deleted, and none when that would leave etcd below
 * quorum.
 *
 * @param namespace the Cluster's namespace
 * @param clusterName the Cluster's name
 * @param now the moment the plan was computed for
 * @param options the lead time and window
 * @param events the announced events, by time and host
 * @param decisions one per server of an event being acted on
 * @param steps the steps, in order
 * @param nextState the state for the next pass, as it is once every step has succeeded
 */
public record ResponsePlan(String namespace, String clusterName, Instant now, ResponseOptions options, List<Event> events,
    List<Decision> decisions, List<Step> steps, ResponseState nextState) {
  /**
   * Checks and copies.
   *
   * @param namespace the namespace
   * @param clusterName the cluster
   * @param now the moment
   * @param options the options
   * @param events the events
   * @param decisions the decisions
   * @param steps the steps
   * @param nextState the next state
   */
  public ResponsePlan {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(clusterName, "clusterName");
    InvalidInputException.requireArgument(now, "now");
    InvalidInputException.requireArgument(options, "options");
    events = List.copyOf(events);
    decisions = List.copyOf(decisions);
    steps = List.copyOf(steps);
    InvalidInputException.requireArgument(nextState, "nextState");
  }

  /**
   * The decision for a server.
   *
   * @param serverId the server
   * @return the decision, if the server is in an event being acted on
   */
  public Optional<Decision> decision(String serverId) {
    return decisions.stream().filter(d -> d.serverId().equals(serverId)).findFirst();
  }

  /**
   * The plan in words: one line per event, decision and step.
   *
   * @return the text, ending with a newline
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("maintenance response for cluster ").append(namespace).append('/').append(clusterName).append(" at ").append(now)
        .append(" (lead time ").append(options.leadTime()).append(", window ").append(options.window()).append(")\n");
    if (events.isEmpty()) {
      b.append("  no maintenance announced\n");
    }
    for (Event e : events) {
      b.append("  event ").append(e.status()).append(": hostId ").append(e.hostId().isEmpty() ? "(none)" : e.hostId()).append(' ')
          .append(e.announcedAt().map(Instant::toString).orElse("(unreadable time)")).append(", servers ")
          .append(e.serverNames()).append(": ").append(e.reason()).append('\n');
    }
    for (Decision d : decisions) {
      b.append("  ").append(d.action()).append(' ').append(d.serverName()).append(" (").append(d.serverId()).append("): ")
          .append(d.reason()).append('\n');
    }
    int i = 1;
    for (Step s : steps) {
      b.append("  ").append(i++).append(". ").append(s).append('\n');
    }
    return b.toString();
  }

  /** What is done about a server. */
  public enum Action {
    /** Nothing (yet): the announcement is pending, past or unreadable. */
    NONE,
    /** Cordon, drain, have Cluster API replace the Machine, verify the replacement is on another hypervisor. */
    REPLACE,
    /** Set the restart opt-in, cordon and drain, uncordon after the window; the Machine is never deleted. */
    HOLD
  }

  /** Where an event stands relative to now. */
  public enum EventStatus {
    /** Further away than the lead time: nothing is done yet. */
    PENDING,
    /** Within the lead time or the window: the responder acts. */
    ACTIVE,
    /** The window is over: only what the responder cordoned is uncordoned. */
    PAST,
    /** The announced value is no ISO-8601 date-time: nothing is done, the reason says so. */
    UNREADABLE
  }

  /** One step's kind. */
  public enum StepKind {
    /** Set the provider's restart opt-in on the server. */
    SET_OPT_IN,
    /** Mark the node unschedulable. */
    CORDON,
    /** Evict the node's pods through the Eviction API, which respects PodDisruptionBudgets. */
    DRAIN,
    /** Delete the server's Machine, so that Cluster API creates a replacement. */
    DELETE_MACHINE,
    /** Wait for the replacement server in the group and report its hypervisor. */
    AWAIT_REPLACEMENT,
    /** Mark the node schedulable again. */
    UNCORDON
  }

  /**
   * One announced maintenance: the servers announced for the same {@code hostId} and time.
   *
   * @param hostId Nova's {@code hostId} of the servers
   * @param announcedAt the announced time, empty when unreadable
   * @param status where it stands relative to now
   * @param serverIds the servers
   * @param serverNames their names
   * @param reason why it has this status, in words
   */
  public record Event(String hostId, Optional<Instant> announcedAt, EventStatus status, List<String> serverIds,
      List<String> serverNames, String reason) {
    /**
     * Checks and copies.
     *
     * @param hostId the host
     * @param announcedAt the time
     * @param status the status
     * @param serverIds the servers
     * @param serverNames the names
     * @param reason the reason
     */
    public Event {
      Objects.requireNonNull(hostId, "hostId");
      Objects.requireNonNull(announcedAt, "announcedAt");
      Objects.requireNonNull(status, "status");
      serverIds = List.copyOf(serverIds);
      serverNames = List.copyOf(serverNames);
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * What is done about one server, and why.
   *
   * @param serverId the server
   * @param serverName its name
   * @param deployment its deployment, e.g. {@code control-plane}
   * @param controlPlane whether it is a control-plane (etcd) member
   * @param hostId the announced host
   * @param action REPLACE or HOLD
   * @param candidateHosts for REPLACE, the known hypervisors ({@code hostId}s) the replacement may land on
   * @param reason why, in words
   */
  public record Decision(String serverId, String serverName, String deployment, boolean controlPlane, String hostId,
      Action action, List<String> candidateHosts, String reason) {
    /**
     * Checks and copies.
     *
     * @param serverId the server
     * @param serverName the name
     * @param deployment the deployment
     * @param controlPlane whether control plane
     * @param hostId the host
     * @param action the action
     * @param candidateHosts the candidate hosts
     * @param reason the reason
     */
    public Decision {
      Objects.requireNonNull(serverId, "serverId");
      Objects.requireNonNull(serverName, "serverName");
      Objects.requireNonNull(deployment, "deployment");
      Objects.requireNonNull(hostId, "hostId");
      Objects.requireNonNull(action, "action");
      candidateHosts = List.copyOf(candidateHosts);
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * One step.
   *
   * @param kind what is done
   * @param serverId the server it concerns
   * @param serverName its name
   * @param nodeName its Node's name where the snapshot had it, {@code ""} otherwise (the responder then finds the
   *     Node by {@code spec.providerID})
   * @param groupId the server's group (where {@link StepKind#AWAIT_REPLACEMENT} looks)
   * @param hostId the server's {@code hostId} (the hypervisor the replacement must not be on)
   * @param controlPlane whether the server is a control-plane member
   * @param reason why, in words
   */
  public record Step(StepKind kind, String serverId, String serverName, String nodeName, String groupId, String hostId,
      boolean controlPlane, String reason) {
    /**
     * Checks.
     *
     * @param kind the kind
     * @param serverId the server
     * @param serverName the name
     * @param nodeName the node
     * @param groupId the group
     * @param hostId the host
     * @param controlPlane whether control plane
     * @param reason the reason
     */
    public Step {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(serverId, "serverId");
      Objects.requireNonNull(serverName, "serverName");
      Objects.requireNonNull(nodeName, "nodeName");
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(hostId, "hostId");
      Objects.requireNonNull(reason, "reason");
    }

    /** The step in words. */
    @Override
    public String toString() {
      return kind + " " + serverName + " (" + serverId + ")" + (nodeName.isEmpty() ? "" : " node " + nodeName) + ": " + reason;
    }
  }
}
