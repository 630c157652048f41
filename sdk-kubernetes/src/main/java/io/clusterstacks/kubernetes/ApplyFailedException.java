package io.clusterstacks.kubernetes;

import io.clusterstacks.core.ClusterStacksException;

/**
 * An apply stopped at a rejected object; {@link #result()} says what was applied, rejected and not
 * attempted, and the cause is the rejection ({@link InvalidObjectException}, {@link
 * ApplyConflictException} or another {@link KubernetesApiException}).
 */
public class ApplyFailedException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final transient ApplyResult result;

  /**
   * Creates the exception for an incomplete result.
   *
   * @param result a result with a rejected object
   */
  public ApplyFailedException(ApplyResult result) {
    super(message(result), result.rejected().isEmpty() ? null
        : result.rejected().get(0).rejection().orElse(null));
    this.result = result;
  }

  private static String message(ApplyResult r) {
    return "apply stopped at the first rejected object: " + r.applied().size() + " applied, "
        + r.rejected().size() + " rejected, " + r.notAttempted().size() + " not attempted. "
        + r.rejected().stream().map(ObjectOutcome::toString).findFirst().orElse("")
        + " Fix the rejected object and apply again; applied objects are not rolled back.";
  }

  /**
   * The result, object by object.
   *
   * @return the result
   */
  public ApplyResult result() {
    return result;
  }
}
