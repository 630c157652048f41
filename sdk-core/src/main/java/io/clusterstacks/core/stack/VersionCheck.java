package io.clusterstacks.core.stack;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The outcome of checking a Cluster's Kubernetes version against its stack release
 * ({@link ReleaseCatalogue#check(ClusterClassName, String)}).
 */
@Value.Immutable
@SdkStyle
public abstract class VersionCheck {

  /** The outcome. */
  public enum Status {
    /** The release is known and the versions match. */
    CONFIRMED,
    /** The release is known and the versions differ: the operator's webhook would reject the Cluster. */
    MISMATCH,
    /** The release is not in the catalogue: only the minor could be checked. */
    PARTIAL
  }

  VersionCheck() {}

  /**
   * Confirmed, mismatch, or partial (release unknown).
   *
   * @return the status
   */
  public abstract Status status();

  /**
   * The class that was checked.
   *
   * @return the class name
   */
  public abstract ClusterClassName className();

  /**
   * The version the Cluster asks for.
   *
   * @return e.g. {@code v1.33.4}
   */
  public abstract String actual();

  /**
   * The release's exact version, when the release is known.
   *
   * @return the version, or empty for a partial check
   */
  public abstract Optional<String> expected();

  /**
   * A sentence for reports and notices.
   *
   * @return the explanation
   */
  public abstract String message();

  /**
   * A version check built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the check
   */
  public static VersionCheck of(Consumer<Builder> spec) {
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
   * A builder holding this check's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link VersionCheck}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableVersionCheck.Builder {
    Builder() {}
  }
}
