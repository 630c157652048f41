package io.clusterstacks.core.stack;

/** The OpenAPI type of a ClusterClass variable. */
public enum VariableType {
  /** A string. */
  STRING,
  /** A whole number. */
  INTEGER,
  /** A number, whole or not. */
  NUMBER,
  /** true or false. */
  BOOLEAN,
  /** A list. */
  ARRAY,
  /** An object with named properties. */
  OBJECT;

  /**
   * The name as the OpenAPI schema spells it.
   *
   * @return e.g. {@code integer}
   */
  public String schemaName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
