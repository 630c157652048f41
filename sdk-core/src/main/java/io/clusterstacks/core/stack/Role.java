package io.clusterstacks.core.stack;

/** A role of machines in a cluster. */
public enum Role {
  /** Control-plane machines (kubeadm); a Kamaji control plane has none, it runs as pods. */
  CONTROL_PLANE,
  /** Worker machines of the machine deployments. */
  WORKER
}
