package io.clusterstacks.core.image;

import io.clusterstacks.core.cloud.CloudFlavor;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One kind of machine the image must boot on: a role label, its flavor and, when it boots from a
 * volume, the volume size.
 *
 * @param role a label for messages, e.g. {@code control-plane} or {@code md-0}
 * @param flavor the flavor
 * @param rootVolumeGiB the root volume size when booting from a volume; empty for the flavor's disk
 */
public record NodeShape(String role, CloudFlavor flavor, OptionalInt rootVolumeGiB) {

  /**
   * Checks presence.
   *
   * @param role the role label
   * @param flavor the flavor
   * @param rootVolumeGiB the root volume size, if any
   */
  public NodeShape {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(rootVolumeGiB, "rootVolumeGiB");
  }

  /**
   * A machine that boots from its flavor's disk.
   *
   * @param role the role label
   * @param flavor the flavor
   * @return the shape
   */
  public static NodeShape of(String role, CloudFlavor flavor) {
    return new NodeShape(role, flavor, OptionalInt.empty());
  }

  /**
   * A machine that boots from a root volume.
   *
   * @param role the role label
   * @param flavor the flavor
   * @param rootVolumeGiB the volume size in GiB
   * @return the shape
   */
  public static NodeShape withRootVolume(String role, CloudFlavor flavor, int rootVolumeGiB) {
    return new NodeShape(role, flavor, OptionalInt.of(rootVolumeGiB));
  }

  /**
   * The root disk the image lands on.
   *
   * @return the volume size if booting from a volume, else the flavor's disk (0 when diskless)
   */
  public int rootDiskGiB() {
    return rootVolumeGiB.orElse(flavor.diskGB());
  }
}
