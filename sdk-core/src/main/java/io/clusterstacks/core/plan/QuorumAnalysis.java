package io.clusterstacks.core.plan;

import java.util.List;
import java.util.Objects;

/**
 * What losing one hypervisor does to etcd under the chosen plan, and the scs-0214 verdict.
 *
 * @param members the etcd members (control-plane replicas)
 * @param quorum the members needed for a majority
 * @param worstCasePerHost the most members one hypervisor can carry after rollouts under the policy
 * @param expectedPerHost the most members one hypervisor is expected to carry after rollouts
 * @param survivesHostLossWorstCase whether quorum survives losing the hypervisor with the most members in the worst case
 * @param survivesHostLossExpected whether it survives in the expected case
 * @param hostLoss what a crash of that hypervisor does, in words
 * @param maintenance what hypervisor maintenance does (local-disk servers are powered off, not migrated)
 * @param zones what losing an availability zone does, or that there is only one
 * @param scs0214 the verdict on spreading over physical machines
 * @param scs0214Explanation why that verdict
 */
public record QuorumAnalysis(int members, int quorum, int worstCasePerHost, int expectedPerHost,
    boolean survivesHostLossWorstCase, boolean survivesHostLossExpected, String hostLoss, String maintenance,
    String zones, Scs0214Verdict scs0214, String scs0214Explanation) {
  /**
   * Checks the texts are present.
   *
   * @param members the etcd members
   * @param quorum the majority
   * @param worstCasePerHost worst-case members per hypervisor
   * @param expectedPerHost expected members per hypervisor
   * @param survivesHostLossWorstCase quorum after the worst host loss, worst case
   * @param survivesHostLossExpected quorum after the worst host loss, expected case
   * @param hostLoss crash statement
   * @param maintenance maintenance statement
   * @param zones zone statement
   * @param scs0214 the verdict
   * @param scs0214Explanation why
   */
  public QuorumAnalysis {
    Objects.requireNonNull(hostLoss, "hostLoss");
    Objects.requireNonNull(maintenance, "maintenance");
    Objects.requireNonNull(zones, "zones");
    Objects.requireNonNull(scs0214, "scs0214");
    Objects.requireNonNull(scs0214Explanation, "scs0214Explanation");
  }

  /**
   * The statements in order, for reports.
   *
   * @return the lines
   */
  public List<String> lines() {
    return List.of(hostLoss, maintenance, zones, "scs-0214: " + scs0214 + " - " + scs0214Explanation);
  }
}
