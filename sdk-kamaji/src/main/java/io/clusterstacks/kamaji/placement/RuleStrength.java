package io.clusterstacks.kamaji.placement;

/** How a pod anti-affinity rule is given to the scheduler. */
public enum RuleStrength {
  /** {@code requiredDuringSchedulingIgnoredDuringExecution}: a pod that cannot obey it stays Pending. */
  REQUIRED,
  /** {@code preferredDuringSchedulingIgnoredDuringExecution}: a score; the pod is placed regardless. */
  PREFERRED,
  /** No rule. */
  NONE
}
