package io.clusterstacks.kamaji.readiness;

import io.clusterstacks.kubernetes.WaitTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Kamaji control plane did not become usable in time. The message names each condition still missing
 * with the values last seen (never a kubeconfig or token).
 */
public class KamajiWaitTimeoutException extends WaitTimeoutException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<KamajiReadiness> last;

  /**
   * Creates the exception.
   *
   * @param controlPlane {@code <namespace>/<name>} of the KamajiControlPlane
   * @param timeout the timeout
   * @param last the last verdict, empty when nothing could be read
   */
  public KamajiWaitTimeoutException(String controlPlane, Duration timeout, Optional<KamajiReadiness> last) {
    super("KamajiControlPlane " + controlPlane + " to be usable; "
        + last.map(r -> "still missing: " + r.missing()).orElse("nothing was read"),
        timeout, last.map(KamajiReadiness::toClusterStatus));
    this.last = last;
  }

  /**
   * The last verdict.
   *
   * @return the verdict, empty when nothing could be read
   */
  public Optional<KamajiReadiness> last() {
    return last;
  }

  /**
   * The conditions still missing at the end, in order.
   *
   * @return the missing checks; empty when nothing could be read
   */
  public List<ReadinessCheck> missing() {
    return last.map(KamajiReadiness::missing).orElse(List.of());
  }
}
