package io.clusterstacks.openstack;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A Nova server group as the cloud reports it.
 *
 * @param id the group's ID
 * @param name the group's name (Nova does not make names unique)
 * @param policy the policy, e.g. {@code anti-affinity}, {@code soft-anti-affinity}
 * @param maxServerPerHost the {@code max_server_per_host} rule (compute 2.64), when set
 * @param members the member server IDs (members in ERROR included)
 * @param projectId the owning project's ID, empty when the cloud does not say (before 2.13)
 */
public record ServerGroup(String id, String name, String policy, OptionalInt maxServerPerHost, List<String> members,
    String projectId) {
  /**
   * Checks and copies.
   *
   * @param id the ID
   * @param name the name
   * @param policy the policy
   * @param maxServerPerHost the per-host rule
   * @param members the members
   * @param projectId the project
   */
  public ServerGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(maxServerPerHost, "maxServerPerHost");
    Objects.requireNonNull(projectId, "projectId");
    members = List.copyOf(members);
  }

  /**
   * The policy in words, with the rule.
   *
   * @return e.g. {@code anti-affinity (max_server_per_host=2)}
   */
  public String policyText() {
    return policy + (maxServerPerHost.isPresent() ? " (max_server_per_host=" + maxServerPerHost.getAsInt() + ")" : "");
  }

  @Override
  public String toString() {
    return name + " " + id + " " + policyText() + ", " + members.size() + " members";
  }
}
