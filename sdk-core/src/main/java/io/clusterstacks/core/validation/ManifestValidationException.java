package io.clusterstacks.core.validation;

import io.clusterstacks.core.ClusterStacksException;

/**
 * Thrown by {@link ValidationReport#throwIfInvalid()} when manifests would be rejected; carries the
 * whole report. The message lists every violation (secret values are never included).
 */
public class ManifestValidationException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  /**
   * Creates the exception for a report with violations.
   *
   * @param report the report
   */
  public ManifestValidationException(ValidationReport report) {
    super(report.summary());
    this.report = report;
  }

  /**
   * The full report.
   *
   * @return the report
   */
  public ValidationReport report() {
    return report;
  }
}
