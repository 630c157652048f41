package io.clusterstacks.core.model;

import java.util.Objects;

/**
 * One problem found while building the model: which field, the value received (never a secret) and
 * how to fix it.
 *
 * @param field the field path, e.g. {@code controlPlane.replicas}
 * @param value the value received, as text ({@code <redacted>} for secrets)
 * @param fix what to do instead
 */
public record ModelProblem(String field, String value, String fix) {
  /**
   * Checks presence.
   *
   * @param field the field path
   * @param value the value received
   * @param fix what to do
   */
  public ModelProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(fix, "fix");
  }

  @Override
  public String toString() {
    return field + ": got " + (value.isEmpty() ? "\"\"" : value) + "; " + fix;
  }
}
