package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.Severity;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Something the user must know about rendered or parsed manifests (they are valid, but not the whole
 * story): e.g. raw mode installs no addons, a version could only be checked partially, Secret bodies
 * were left out.
 */
@Value.Immutable
@SdkStyle
public abstract class Notice {

  /** What a notice is about: a stable identifier for programs. */
  public enum Code {
    /** The Kubernetes version could only be checked for its form and minor: the release is unknown. */
    VERSION_CHECK_PARTIAL,
    /** Secrets were rendered without their data (GitOps); create them out of band. */
    SECRET_BODIES_OMITTED,
    /** Raw CAPI mode: the cluster stack operator installs no addons (CNI, cloud controller, CSI). */
    RAW_MODE_NO_ADDONS,
    /** Ignition bootstrap needs a CAPI feature gate on the management cluster. */
    IGNITION_FEATURE_GATE,
    /** Server groups are created by ORC and referenced by name. */
    ORC_SERVER_GROUPS,
    /** No image was given for a role; the stack's default image name is used. */
    IMAGE_DEFAULTED,
    /** A parsed document has no typed model and was kept as a generic document. */
    KEPT_GENERIC
  }

  Notice() {}

  /**
   * How much it matters.
   *
   * @return {@link Severity#INFO} or {@link Severity#WARNING}
   */
  public abstract Severity severity();

  /**
   * What it is about.
   *
   * @return the code
   */
  public abstract Code code();

  /**
   * What it means and what to do.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * A notice.
   *
   * @param severity how much it matters
   * @param code what it is about
   * @param message what it means and what to do
   * @return the notice
   * @throws io.clusterstacks.core.InvalidInputException when an argument is null
   */
  public static Notice of(Severity severity, Code code, String message) {
    return builder().severity(severity).code(code).message(message).build();
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
   * A notice built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the notice
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static Notice of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this notice's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    return severity() + " " + code() + ": " + message();
  }

  /** Builds a {@link Notice}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableNotice.Builder {
    Builder() {}
  }
}
