package io.clusterstacks.lifecycle.cluster;

/** What one step did. */
public enum Outcome {
  /** It changed something, as intended. */
  DONE,
  /** Everything was already as wanted (a re-run after an interruption): nothing was written. */
  UNCHANGED,
  /** It ran, and found something that needs attention; the run went on (the summary says what). */
  WARNING,
  /** It does not apply to this plan or mode (the summary says why). */
  SKIPPED,
  /** It failed; the run stopped here. */
  FAILED
}
