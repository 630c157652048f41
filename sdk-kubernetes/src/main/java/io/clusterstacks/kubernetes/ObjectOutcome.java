package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import java.util.Optional;

/**
 * What an apply did to one object.
 *
 * @param object the object, with the namespace it was applied in
 * @param verdict created, configured, unchanged, rejected or not attempted
 * @param rejection why the server refused it, present exactly when the verdict is
 *     {@link Verdict#REJECTED}
 */
public record ObjectOutcome(ObjectRef object, Verdict verdict, Optional<KubernetesApiException> rejection) {

  /**
   * Checks that a rejection comes with its reason and nothing else does.
   *
   * @param object the object
   * @param verdict the verdict
   * @param rejection the reason for a rejection
   */
  public ObjectOutcome {
    InvalidInputException.requireArgument(object, "object");
    InvalidInputException.requireArgument(verdict, "verdict");
    InvalidInputException.requireArgument(rejection, "rejection");
    if ((verdict == Verdict.REJECTED) != rejection.isPresent()) {
      throw new IllegalArgumentException("a rejection reason goes with verdict REJECTED only");
    }
  }

  /** {@code Kind/ns/name: verdict} plus the reason of a rejection. */
  @Override
  public String toString() {
    return object + ": " + verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + rejection.map(r -> " (" + r.getMessage() + ")").orElse("");
  }
}
