package io.clusterstacks.core.stack;

/** How a dialect lets a role boot from the flavor's local disk instead of a root volume. */
public enum FlavorDiskBoot {
  /** Omit the root-disk variable: it has no default, so no root volume is created. */
  OMIT_VARIABLE,
  /** Set the root-disk variable to 0 (the release allows it and 0 disables the volume). */
  SET_ZERO,
  /** The release always creates a root volume for this role (default above 0, minimum 1). */
  NOT_EXPRESSIBLE
}
