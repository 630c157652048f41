package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;

/**
 * An upgrade the rules refuse (see {@link UpgradeCheck}); nothing was applied. Each problem names the field, the
 * value and the fix.
 */
public class UpgradeRefusedException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The check that refused (not serialized). */
  private final transient UpgradeCheck check;

  /**
   * Creates the exception.
   *
   * @param check a check with at least one refusal
   */
  public UpgradeRefusedException(UpgradeCheck check) {
    super(check.refusals());
    this.check = check;
  }

  /**
   * The check, with the warnings the target plan has too.
   *
   * @return the check
   */
  public UpgradeCheck check() {
    return check;
  }
}
