package io.clusterstacks.core;

import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One problem with the input: where it is, the value received and what is allowed instead.
 *
 * <p>The one problem type of every {@link InvalidInputException}, whether a builder, a reader or a
 * parser found it. The value is shown shortened (at most {@value #MAX_VALUE_CHARS} characters) and
 * never holds a secret: secrets are reported as {@link #REDACTED}.
 */
@Value.Immutable
@SdkStyle
public abstract class Problem {
  /** The longest value text a problem keeps; longer values are cut and marked with their length. */
  public static final int MAX_VALUE_CHARS = 120;

  /** The value text shown for a secret. */
  public static final String REDACTED = "<redacted>";

  /** The value text shown for an attribute that was not set. */
  public static final String MISSING = "<missing>";

  Problem() {}

  /**
   * The path of the field, e.g. {@code clusterStack.name} or {@code flavors[3].vcpus}.
   *
   * @return the path, empty for the input as a whole
   */
  public abstract String path();

  /**
   * The value received, as text, shortened to {@value #MAX_VALUE_CHARS} characters.
   *
   * @return the value, {@link #MISSING} when absent, {@link #REDACTED} for a secret
   */
  public abstract String value();

  /**
   * What is allowed, or how to fix it.
   *
   * @return e.g. {@code use a DNS-1123 label: lower case, digits and '-'}
   */
  public abstract String fix();

  /**
   * Shortens an over-long value so that no message echoes megabytes of input.
   *
   * @return this problem, or a copy with the value shortened
   */
  @Value.Check
  Problem shortened() {
    String v = value();
    if (v.length() <= MAX_VALUE_CHARS) {
      return this;
    }
    // the marker counts towards the limit, so the shortened copy passes this check unchanged
    String marker = "…(" + v.length() + " characters)";
    return toBuilder().value(v.substring(0, MAX_VALUE_CHARS - marker.length()) + marker).build();
  }

  /**
   * The same problem below a parent path.
   *
   * @param parent e.g. {@code flavors[2]}
   * @return a copy whose path starts with the parent
   */
  public Problem under(String parent) {
    return toBuilder().path(path().isEmpty() ? parent : parent + "." + path()).build();
  }

  /**
   * A problem.
   *
   * @param path the field path
   * @param value the value received, as text
   * @param fix what is allowed or how to fix it
   * @return the problem
   */
  public static Problem of(String path, String value, String fix) {
    return builder().path(path).value(value).fix(fix).build();
  }

  /**
   * A problem with a secret field, whose value is never shown.
   *
   * @param path the field path
   * @param fix what is allowed or how to fix it
   * @return the problem, with the value {@link #REDACTED}
   */
  public static Problem secret(String path, String fix) {
    return of(path, REDACTED, fix);
  }

  /**
   * A problem with a mandatory attribute that was not set.
   *
   * @param path the field path
   * @param fix how to set it
   * @return the problem, with the value {@link #MISSING}
   */
  public static Problem missing(String path, String fix) {
    return of(path, MISSING, fix);
  }

  /**
   * A problem built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the problem
   */
  public static Problem of(Consumer<Builder> spec) {
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
   * A builder holding this problem's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    return (path().isEmpty() ? "<input>" : path()) + ": got " + (value().isEmpty() ? "\"\"" : value()) + "; " + fix();
  }

  /** Builds a {@link Problem}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableProblem.Builder {
    Builder() {}
  }
}
