package io.clusterstacks.core.flavor;

import java.util.Objects;

/**
 * One problem found by {@link ScsFlavorName.Builder#build()}.
 *
 * @param field the builder field, e.g. {@code ramGiB} or {@code gpu.generation}
 * @param value the value received
 * @param expected what the standard allows
 */
public record FlavorFieldProblem(String field, String value, String expected) {
  /**
   * Checks the parts are present.
   *
   * @param field the builder field
   * @param value the value received
   * @param expected what the standard allows
   */
  public FlavorFieldProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(expected, "expected");
  }

  @Override
  public String toString() {
    return field + ": got " + value + "; expected " + expected;
  }
}
