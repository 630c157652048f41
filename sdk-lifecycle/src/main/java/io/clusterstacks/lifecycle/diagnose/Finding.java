package io.clusterstacks.lifecycle.diagnose;

import io.clusterstacks.core.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One thing a diagnosis found, in words a user can act on.
 *
 * @param kind what kind of finding it is
 * @param severity how much it matters ({@link Severity#CRITICAL}: the cluster fails or will fail unless someone
 *     acts; {@link Severity#WARNING}: a risk; {@link Severity#INFO}: worth knowing)
 * @param subject the object it concerns, e.g. {@code server prod-cp-0 (3f2a…)}, {@code node prod-md-0-x},
 *     {@code load balancer k8s-clusterapi-cluster-default-prod-kubeapi}
 * @param message what is wrong and why it matters, one or two sentences
 * @param evidence what was observed, one fact per entry (statuses, flavor, fault, condition, taint)
 * @param fix what to do
 */
public record Finding(Kind kind, Severity severity, String subject, String message, List<String> evidence, String fix) {
  /**
   * Checks and copies.
   *
   * @param kind the kind
   * @param severity the severity
   * @param subject the subject
   * @param message the message
   * @param evidence the evidence
   * @param fix the fix
   */
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(fix, "fix");
  }

  /** The kinds of finding, in the order a report lists them within one severity. */
  public enum Kind {
    /** A server-group member is in Nova's {@code ERROR} state; the fault says why. */
    MEMBER_ERROR,
    /** The API load balancer is missing, failed, pending, down, degraded or has no health data. */
    LOAD_BALANCER,
    /** A node's {@code Ready} condition is not {@code True} (e.g. no CNI: raw mode installs no addons). */
    NODE_NOT_READY,
    /** A node still has {@code node.cloudprovider.kubernetes.io/uninitialized}: no cloud controller manager ran. */
    NODE_UNINITIALIZED,
    /** A control-plane server is not on a local-SSD flavor, so etcd writes to network storage. */
    CONTROL_PLANE_NOT_ON_LOCAL_SSD,
    /** The planned server group does not exist in the project. */
    SERVER_GROUP_MISSING,
    /** More members of a server group share one hypervisor ({@code hostId}) than the plan allows. */
    SHARED_HOST,
    /** A server group has fewer members than the plan. */
    MEMBERS_MISSING,
    /** A server the provider stops during hypervisor maintenance lacks the restart opt-in. */
    MAINTENANCE_OPT_IN_MISSING,
    /** The provider announced maintenance for a server. */
    MAINTENANCE_ANNOUNCED,
    /** Part of the cluster could not be read, so the report is incomplete there. */
    NOT_OBSERVED,
    /** A control-plane server's flavor says nothing about its disk (not an SCS name, no disk extra_specs). */
    CONTROL_PLANE_DISK_UNKNOWN
  }

  /**
   * The finding in a few lines: severity, kind and subject, then message, evidence and fix.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return severity + " " + kind + " " + subject + ": " + message + " Evidence: " + evidence + ". Fix: " + fix;
  }
}
