package io.clusterstacks.kubernetes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link ManagementCluster#apply} did, object by object, in apply order.
 *
 * <p>Applying several objects is not all-or-nothing on the server. The policy: objects are applied one
 * by one in the manifests' apply order; the first object the server refuses stops the apply, because
 * later objects may depend on it (a Cluster on its credentials Secret, on its ClusterStack). That object
 * is {@link Verdict#REJECTED} with the reason, every later one is {@link Verdict#NOT_ATTEMPTED}, and
 * the ones before it stay applied: nothing is rolled back. Fix the cause and apply again; objects
 * already applied come back {@link Verdict#UNCHANGED}.
 *
 * @param outcomes one per document, in apply order
 * @param dryRun whether this was a server-side dry run (nothing stored)
 */
public record ApplyResult(List<ObjectOutcome> outcomes, boolean dryRun) {

  /**
   * Copies the outcomes.
   *
   * @param outcomes the outcomes
   * @param dryRun whether nothing was stored
   */
  public ApplyResult {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * The objects the server accepted (created, configured or unchanged).
   *
   * @return those outcomes, in order
   */
  public List<ObjectOutcome> applied() {
    return outcomes.stream()
        .filter(o -> o.verdict() != Verdict.REJECTED && o.verdict() != Verdict.NOT_ATTEMPTED).toList();
  }

  /**
   * The objects the server refused, with their reasons.
   *
   * @return those outcomes (at most one with the stop-at-first-rejection policy)
   */
  public List<ObjectOutcome> rejected() {
    return outcomes.stream().filter(o -> o.verdict() == Verdict.REJECTED).toList();
  }

  /**
   * The objects not sent because an earlier one was rejected.
   *
   * @return those outcomes, in order
   */
  public List<ObjectOutcome> notAttempted() {
    return outcomes.stream().filter(o -> o.verdict() == Verdict.NOT_ATTEMPTED).toList();
  }

  /**
   * Whether every object was accepted.
   *
   * @return true when none was rejected or left out
   */
  public boolean complete() {
    return rejected().isEmpty() && notAttempted().isEmpty();
  }

  /**
   * Whether every object was accepted and none changed.
   *
   * @return true when all are {@link Verdict#UNCHANGED}
   */
  public boolean unchanged() {
    return outcomes.stream().allMatch(o -> o.verdict() == Verdict.UNCHANGED);
  }

  /**
   * This result, or an exception carrying it when an object was rejected.
   *
   * @return this result when {@link #complete()}
   * @throws ApplyFailedException when an object was rejected; its cause is the rejection
   */
  public ApplyResult orThrow() {
    if (!complete()) {
      throw new ApplyFailedException(this);
    }
    return this;
  }

  /** One line per object. */
  @Override
  public String toString() {
    return (dryRun ? "dry run: " : "") + outcomes.stream().map(ObjectOutcome::toString)
        .collect(Collectors.joining("; "));
  }
}
