package io.clusterstacks.kubernetes;

/** What a delete did to one object of the plan. */
public enum DeleteVerdict {
  /** Deleted by the SDK, and gone (its finalizers done). */
  DELETED,
  /** Was not there. */
  ABSENT,
  /** Owned by an object the SDK deleted; the garbage collector removed it, and it is gone. */
  REMOVED_BY_OWNER,
  /** A ClusterStack still used by a Cluster in its namespace: kept (see the outcome's detail). */
  KEPT_IN_USE,
  /** Not reached: the delete stopped (a timeout) before this object's turn. */
  NOT_ATTEMPTED
}
