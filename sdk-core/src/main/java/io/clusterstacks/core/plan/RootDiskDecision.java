package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Where a role's servers boot from: the flavor's own disk, or a root volume.
 */
@Value.Immutable
@SdkStyle
public abstract class RootDiskDecision {
  RootDiskDecision() {}

  /**
   * Whether the servers boot from the flavor's disk (no root volume).
   *
   * @return true for the flavor's disk
   */
  public abstract boolean fromFlavorDisk();

  /**
   * The root volume size.
   *
   * @return GiB, 0 when booting from the flavor's disk
   */
  public abstract int volumeGiB();

  /**
   * How the manifests express it (a variable value, an omitted field).
   *
   * @return one sentence
   */
  public abstract String expression();

  /**
   * Whether the stack release can express it.
   *
   * @return false when the release always creates a root volume
   */
  public abstract boolean expressible();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A RootDiskDecision built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static RootDiskDecision of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this value's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link RootDiskDecision}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableRootDiskDecision.Builder {
    Builder() {}
  }
}
