package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

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
    return Volume.builder().sizeGiB(sizeGiB).build();
  }

  /**
   * Boot from a new volume of this size and Cinder volume type (raw mode; topology mode has no type variable).
   *
   * @param sizeGiB at least 1
   * @param volumeType the Cinder volume type
   * @return the choice
   */
  static RootDisk volume(int sizeGiB, String volumeType) {
    return Volume.builder().sizeGiB(sizeGiB).volumeType(InvalidInputException.requireArgument(volumeType, "volumeType")).build();
  }

  /** Boot from the flavor's disk. */
  enum FlavorDisk implements RootDisk {
    /** The only value. */
    INSTANCE
  }

  /**
   * A root volume: its size and, if not the default, its Cinder volume type.
   */
  @Value.Immutable
  @SdkStyle
  abstract non-sealed class Volume implements RootDisk {

    Volume() {}

    /**
     * The size.
     *
     * @return the size in GiB, at least 1
     */
    public abstract int sizeGiB();

    /**
     * The Cinder volume type, if not the default.
     *
     * @return the volume type, or empty
     */
    public abstract Optional<String> volumeType();

    /** Checks the size and the type. */
    @Value.Check
    void check() {
      List<Problem> p = new ArrayList<>();
      if (sizeGiB() < 1) {
        p.add(Problem.of("rootVolume.sizeGiB", String.valueOf(sizeGiB()),
            "use 1 or more, or RootDisk.flavorDisk() to boot from the flavor's own disk"));
      }
      volumeType().ifPresent(t -> Names.checkText("rootVolume.type", t, 255, "the Cinder volume type", p));
      InvalidInputException.throwIfAny(p);
    }

    /**
     * A root volume built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the choice
     */
    public static Volume of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A builder holding this volume's attributes.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link Volume}; {@link #build()} reports every problem at once. */
    public static final class Builder extends ImmutableVolume.Builder {
      Builder() {}
    }
  }
}
