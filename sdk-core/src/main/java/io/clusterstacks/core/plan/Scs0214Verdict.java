package io.clusterstacks.core.plan;

/** Whether the control plane is spread over several physical machines, as scs-0214 requires (MUST). */
public enum Scs0214Verdict {
  /** The policy guarantees at least two hypervisors carry control-plane members. */
  GUARANTEED,
  /** Spread is expected but Nova does not guarantee it (soft policy or no group). */
  LIKELY_NOT_GUARANTEED,
  /** Not met: one replica, or one hypervisor, or nothing spreads the members. */
  NOT_MET,
  /** No control-plane machines (e.g. a Kamaji control plane runs as pods). */
  NOT_APPLICABLE
}
