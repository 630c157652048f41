package io.clusterstacks.core.flavor;

import java.util.Objects;

/**
 * One property of a cloud flavor that contradicts its SCS name (see {@link FlavorConsistency}).
 *
 * @param field the property: {@code cpus}, {@code ram} (GiB), {@code disk} (GB), or an extra_specs key
 *     such as {@code scs:cpu-type}
 * @param found the flavor's value; {@code missing} when the extra spec is not set
 * @param expected the value the name implies (rendered as in {@link ScsFlavorName#toExtraSpecs()});
 *     {@code undefined} when the name implies no such property
 */
public record FlavorDiscrepancy(String field, String found, String expected) {
  /** The {@code found} value of an extra spec that is not set. */
  public static final String MISSING = "missing";
  /** The {@code expected} value of a property the name does not define. */
  public static final String UNDEFINED = "undefined";

  /**
   * Checks the parts are present.
   *
   * @param field the property
   * @param found the flavor's value
   * @param expected the value the name implies
   */
  public FlavorDiscrepancy {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(expected, "expected");
  }

  @Override
  public String toString() {
    return "field '" + field + "' contradicts the flavor name: found " + found + ", expected " + expected;
  }
}
