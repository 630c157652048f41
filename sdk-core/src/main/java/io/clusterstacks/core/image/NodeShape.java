package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.CloudFlavor;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One kind of machine the image must boot on: a role label, its flavor and, when it boots from a
 * volume, the volume size.
 */
@Value.Immutable
@SdkStyle
public abstract class NodeShape {

  NodeShape() {}

  /**
   * A label for messages.
   *
   * @return e.g. {@code control-plane} or {@code md-0}
   */
  public abstract String role();

  /**
   * The flavor.
   *
   * @return the flavor
   */
  public abstract CloudFlavor flavor();

  /**
   * The root volume size when booting from a volume.
   *
   * @return the size in GiB; empty for the flavor's disk
   */
  public abstract OptionalInt rootVolumeGiB();

  /** Checks the volume size. */
  @Value.Check
  void check() {
    if (rootVolumeGiB().isPresent() && rootVolumeGiB().getAsInt() < 1) {
      throw new InvalidInputException(java.util.List.of(Problem.of("nodeShape.rootVolumeGiB",
          String.valueOf(rootVolumeGiB().getAsInt()), "use 1 or more, or leave it out to boot from the flavor's disk")));
    }
  }

  /**
   * A machine that boots from its flavor's disk.
   *
   * @param role the role label
   * @param flavor the flavor
   * @return the shape
   */
  public static NodeShape of(String role, CloudFlavor flavor) {
    return builder().role(role).flavor(flavor).build();
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
    return builder().role(role).flavor(flavor).rootVolumeGiB(rootVolumeGiB).build();
  }

  /**
   * The root disk the image lands on.
   *
   * @return the volume size if booting from a volume, else the flavor's disk (0 when diskless)
   */
  public int rootDiskGiB() {
    return rootVolumeGiB().orElse(flavor().diskGB());
  }

  /**
   * A shape built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the shape
   */
  public static NodeShape of(Consumer<Builder> spec) {
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
   * A builder holding this shape's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link NodeShape}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableNodeShape.Builder {
    Builder() {}
  }
}
