package io.clusterstacks.core.model;

import io.clusterstacks.core.ClusterStacksException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a machine's root file system lives: on the flavor's own (local) disk, or on a Cinder volume.
 *
 * <p>For etcd on control planes, local-SSD flavors ({@code SCS-2V-4-20s}) should boot from their own
 * disk: {@link #flavorDisk()}. In topology mode the dialect decides how that is expressed (omit the
 * variable, or 0); a release that always creates a volume is reported as a problem.
 */
public sealed interface RootDisk {

  /**
   * Boot from the flavor's own disk (no root volume).
   *
   * @return the choice
   */
  static RootDisk flavorDisk() {
    return FlavorDisk.INSTANCE;
  }

  /**
   * Boot from a new volume of this size.
   *
   * @param sizeGiB at least 1
   * @return the choice
   */
  static RootDisk volume(int sizeGiB) {
    return new Volume(sizeGiB, Optional.empty());
  }

  /**
   * Boot from a new volume of this size and Cinder volume type (raw mode; topology mode has no type variable).
   *
   * @param sizeGiB at least 1
   * @param volumeType the Cinder volume type
   * @return the choice
   */
  static RootDisk volume(int sizeGiB, String volumeType) {
    return new Volume(sizeGiB, Optional.of(volumeType));
  }

  /** Boot from the flavor's disk. */
  enum FlavorDisk implements RootDisk {
    /** The only value. */
    INSTANCE
  }

  /**
   * A root volume.
   *
   * @param sizeGiB size in GiB, at least 1
   * @param volumeType the Cinder volume type, if not the default
   */
  record Volume(int sizeGiB, Optional<String> volumeType) implements RootDisk {
    /**
     * Checks the size.
     *
     * @param sizeGiB size in GiB
     * @param volumeType the volume type
     */
    public Volume {
      Objects.requireNonNull(volumeType, "volumeType");
      if (sizeGiB < 1) {
        throw new ClusterStacksException("rootVolume.sizeGiB: got " + sizeGiB
            + "; use 1 or more, or RootDisk.flavorDisk() to boot from the flavor's own disk");
      }
    }
  }
}
