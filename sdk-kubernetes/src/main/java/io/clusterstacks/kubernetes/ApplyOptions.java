package io.clusterstacks.kubernetes;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How {@link ManagementCluster#apply} applies: force taking over conflicting fields, and dry run.
 *
 * <p>The field manager is always {@link ManagementCluster#FIELD_MANAGER}. Defaults: no force, no dry
 * run.
 */
@Value.Immutable
@SdkStyle
public abstract class ApplyOptions {
  ApplyOptions() {}

  /**
   * Whether fields owned by another field manager are taken over ({@code force=true}) instead of
   * reported as an {@link ApplyConflictException}.
   *
   * @return true to force; default false
   */
  @Value.Default
  public boolean force() {
    return false;
  }

  /**
   * Whether the server runs the apply without storing anything ({@code dryRun=All}): defaults,
   * validation and conflicts are real, the objects are not changed.
   *
   * @return true for a dry run; default false
   */
  @Value.Default
  public boolean dryRun() {
    return false;
  }

  /**
   * The defaults: no force, no dry run.
   *
   * @return the default options
   */
  public static ApplyOptions defaults() {
    return builder().build();
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
   * Options built in one expression, e.g. {@code ApplyOptions.of(o -> o.dryRun(true))}.
   *
   * @param spec sets the attributes
   * @return the options
   */
  public static ApplyOptions of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link ApplyOptions}. */
  public static final class Builder extends ImmutableApplyOptions.Builder {
    Builder() {}
  }
}
