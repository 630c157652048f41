package io.clusterstacks.core.plan;

import java.util.Objects;

/**
 * Where a role's servers boot from: the flavor's own disk, or a root volume.
 *
 * @param fromFlavorDisk true to boot from the flavor's disk (no root volume)
 * @param volumeGiB the root volume size, 0 when booting from the flavor's disk
 * @param expression how the manifests express it (a variable value, an omitted field)
 * @param expressible false when the stack release cannot express it (it always creates a root volume)
 */
public record RootDiskDecision(boolean fromFlavorDisk, int volumeGiB, String expression, boolean expressible) {
  /**
   * Checks the parts.
   *
   * @param fromFlavorDisk boot from the flavor's disk
   * @param volumeGiB the volume size
   * @param expression how the manifests express it
   * @param expressible whether the release can express it
   */
  public RootDiskDecision {
    Objects.requireNonNull(expression, "expression");
  }
}
