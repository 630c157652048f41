package io.clusterstacks.core.validation;

/** How thoroughly one document could be checked. */
public enum CheckStatus {
  /** Checked against the bundled upstream CRD schema plus the SDK's re-implemented CEL/webhook rules. */
  CRD_SCHEMA,
  /**
   * A kind without a bundled CRD (Secret, ConfigMap, Namespace, ClusterResourceSet) checked by the
   * SDK's built-in rules for it.
   */
  BUILT_IN_RULES,
  /**
   * A kind the SDK knows nothing about: only {@code apiVersion}, {@code kind} and {@code metadata}
   * were checked. Its body was not schema-checked; the report carries a warning for it.
   */
  NOT_SCHEMA_CHECKED
}
