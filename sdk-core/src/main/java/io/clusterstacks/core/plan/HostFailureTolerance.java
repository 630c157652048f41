package io.clusterstacks.core.plan;

/**
 * Whether the control plane must keep etcd quorum when any one hypervisor is lost (a crash, or
 * maintenance, where local-disk servers are powered off rather than migrated).
 */
public enum HostFailureTolerance {
  /** Only plans whose worst case keeps quorum are acceptable; otherwise planning fails with the options. */
  REQUIRED,
  /** Prefer plans that keep quorum; when none can, choose the best and state the risk (the default). */
  PREFERRED,
  /** Not needed (e.g. a throw-away test cluster): quorum after a host loss does not influence the choice. */
  NOT_NEEDED
}
