package io.clusterstacks.openstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where Nova really put the members of a plan's server groups, and what differs from the plan: members
 * sharing a host beyond what the plan allows, members in ERROR with Nova's fault, missing members, groups
 * that do not exist. Made by {@link PlacementVerification#verify}.
 *
 * <p>Hosts are Nova's {@code hostId}s: a hash of project and host that any project member can read; two
 * servers of one project with the same {@code hostId} are on the same hypervisor.
 *
 * @param groups what each planned group holds
 * @param findings what differs from the plan, each with what to do; empty when the placement is as planned
 */
public record PlacementReport(List<Group> groups, List<Finding> findings) {
  /**
   * Copies.
   *
   * @param groups the groups
   * @param findings the findings
   */
  public PlacementReport {
    groups = List.copyOf(groups);
    findings = List.copyOf(findings);
  }

  /**
   * Whether Nova placed everything as planned.
   *
   * @return true without findings
   */
  public boolean ok() {
    return findings.isEmpty();
  }

  /**
   * The findings of one kind.
   *
   * @param kind the kind
   * @return those findings, in report order
   */
  public List<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * The report in words: one line per group, then one per finding with what to do.
   *
   * @return the text
   */
  public String summary() {
    List<String> lines = new ArrayList<>();
    for (Group g : groups) {
      lines.add(g.deployment() + ": server group " + (g.groupId().isEmpty() ? "(none)" : g.groupName() + " " + g.groupId())
          + ", " + g.policy() + ", " + g.members().size() + " of " + g.plannedMembers() + " planned members, at most "
          + g.allowedPerHost() + " per host allowed, per host " + g.membersPerHost().values());
    }
    for (Finding f : findings) {
      lines.add(f.kind() + " " + f.deployment() + ": " + f.message() + " What to do: " + f.fix());
    }
    if (findings.isEmpty()) {
      lines.add("placement as planned");
    }
    return String.join("\n", lines);
  }

  @Override
  public String toString() {
    return summary();
  }

  /**
   * One planned server group and its members as Nova reports them.
   *
   * @param deployment the plan's deployment, e.g. {@code control-plane} or {@code md-0}
   * @param groupId the Nova group's ID, empty when the plan has none for it
   * @param groupName the Nova group's name, empty when the group was not found
   * @param policy the planned policy in words, e.g. {@code anti-affinity}
   * @param plannedMembers the deployment's planned replicas
   * @param allowedPerHost the most members the plan allows on one host (hard policies: Nova's limit;
   *     soft-anti-affinity: an even spread over the hypervisors the plan was made for)
   * @param members the members, in Nova's order
   */
  public record Group(String deployment, String groupId, String groupName, String policy, int plannedMembers,
      int allowedPerHost, List<Member> members) {
    /**
     * Checks and copies.
     *
     * @param deployment the deployment
     * @param groupId the group ID
     * @param groupName the group name
     * @param policy the policy
     * @param plannedMembers the planned members
     * @param allowedPerHost the limit per host
     * @param members the members
     */
    public Group {
      Objects.requireNonNull(deployment, "deployment");
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(groupName, "groupName");
      Objects.requireNonNull(policy, "policy");
      members = List.copyOf(members);
    }

    /**
     * The members placed on each host.
     *
     * @return {@code hostId} to the number of members on it, for members that have a host
     */
    public Map<String, Integer> membersPerHost() {
      Map<String, Integer> out = new TreeMap<>();
      for (Member m : members) {
        if (!m.hostId().isEmpty()) {
          out.merge(m.hostId(), 1, Integer::sum);
        }
      }
      return out;
    }
  }

  /**
   * One member server.
   *
   * @param serverId the server's ID
   * @param name the server's name, empty when the server was not found
   * @param status Nova's status, e.g. {@code ACTIVE}, {@code ERROR}; {@code NOT_FOUND} when the group lists
   *     a server the project does not have
   * @param hostId Nova's {@code hostId}, empty when the server has no host (e.g. in ERROR before scheduling)
   * @param fault Nova's fault message for a server in ERROR, else empty
   */
  public record Member(String serverId, String name, String status, String hostId, String fault) {
    /**
     * Checks.
     *
     * @param serverId the ID
     * @param name the name
     * @param status the status
     * @param hostId the host
     * @param fault the fault
     */
    public Member {
      Objects.requireNonNull(serverId, "serverId");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(hostId, "hostId");
      Objects.requireNonNull(fault, "fault");
    }
  }

  /**
   * One difference from the plan.
   *
   * @param kind what kind of difference
   * @param deployment the plan's deployment it concerns
   * @param serverIds the servers concerned, possibly none
   * @param message what is wrong
   * @param fix what to do
   */
  public record Finding(Kind kind, String deployment, List<String> serverIds, String message, String fix) {
    /**
     * Checks and copies.
     *
     * @param kind the kind
     * @param deployment the deployment
     * @param serverIds the servers
     * @param message the message
     * @param fix the fix
     */
    public Finding {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(deployment, "deployment");
      serverIds = List.copyOf(serverIds);
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(fix, "fix");
    }

    /** The kinds of differences. */
    public enum Kind {
      /** More members on one host than the plan allows. */
      SHARED_HOST,
      /** A member is in ERROR (the message quotes Nova's fault). */
      MEMBER_ERROR,
      /** Fewer members than planned (not created yet, deleted, or listed by the group but gone). */
      MISSING_MEMBERS,
      /** The plan refers to a group ID that the project does not have. */
      GROUP_NOT_FOUND,
      /** The plan's group was never created (no ID for it). */
      GROUP_NOT_CREATED
    }

    @Override
    public String toString() {
      return kind + " " + deployment + ": " + message + " What to do: " + fix;
    }
  }
}
