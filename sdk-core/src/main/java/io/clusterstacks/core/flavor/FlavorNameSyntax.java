package io.clusterstacks.core.flavor;

/** The syntax a flavor name was written in. Formatting always produces {@link #V2}. */
public enum FlavorNameSyntax {
  /**
   * The deprecated scs-0100 v1 syntax ({@code SCS-2C:4:10n-bms-z3}: {@code :} and {@code -} as
   * separators, no {@code chy} hypervisor). Tolerated with a warning by the SCS certification check.
   */
  V1,
  /**
   * The syntax of scs-0100 v2, which v3 (the current, stable version) kept unchanged
   * ({@code SCS-2C-4-10n_bms_z3}).
   */
  V2;

  /**
   * Whether names in this syntax are deprecated.
   *
   * @return true for {@link #V1}
   */
  public boolean isDeprecated() {
    return this == V1;
  }
}
