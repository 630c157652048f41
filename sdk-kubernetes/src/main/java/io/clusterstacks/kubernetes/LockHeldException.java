package io.clusterstacks.kubernetes;

import io.clusterstacks.core.ClusterStacksException;
import java.time.Instant;

/**
 * Another holder has the {@link LeaseLock}: e.g. a second create of the same cluster while the first runs.
 * Its holder identity names a host and process, never a credential.
 */
public class LockHeldException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** The Lease object. */
  private final ObjectRef lease;
  /** The other holder's identity. */
  private final String holder;
  /** When the other holder's lease runs out unless renewed. */
  private final Instant expiresAt;

  /**
   * Creates the exception.
   *
   * @param lease the Lease object
   * @param holder the other holder's identity
   * @param expiresAt when its lease runs out unless it renews it
   */
  public LockHeldException(ObjectRef lease, String holder, Instant expiresAt) {
    super(lease + " is held by " + holder + " until " + expiresAt + " unless renewed: another run works on the"
        + " same cluster. Let it finish; if that process is gone, run again after " + expiresAt
        + " (a lease nobody renews expires), or delete the Lease");
    this.lease = lease;
    this.holder = holder;
    this.expiresAt = expiresAt;
  }

  /**
   * The Lease object.
   *
   * @return its reference
   */
  public ObjectRef lease() {
    return lease;
  }

  /**
   * The other holder.
   *
   * @return its identity, {@code host/pid/nonce}
   */
  public String holder() {
    return holder;
  }

  /**
   * When the other holder's lease expires unless renewed.
   *
   * @return the time
   */
  public Instant expiresAt() {
    return expiresAt;
  }
}
