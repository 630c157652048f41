package io.clusterstacks.kubernetes;

/** What an apply did to one object. */
public enum Verdict {
  /** The object did not exist and was created (or would be, in a dry run). */
  CREATED,
  /** The object existed and changed (or would change, in a dry run). */
  CONFIGURED,
  /**
   * The object existed and the server's answer equals what was there, compared without
   * {@code metadata.resourceVersion}, {@code metadata.managedFields} and {@code metadata.generation}.
   */
  UNCHANGED,
  /** The server refused the object; {@link ObjectOutcome#rejection()} says why. */
  REJECTED,
  /** The object was not sent because an earlier object was rejected (see {@link ApplyResult}). */
  NOT_ATTEMPTED
}
