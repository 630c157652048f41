package io.clusterstacks.core.validation;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One reason a management cluster would reject a manifest: where (document, object, JSON path), what
 * was received, what is allowed, and which rule says so.
 *
 * <p>Values under a Secret's {@code data} or {@code stringData} are never carried: they read
 * {@code <redacted>}.
 */
@Value.Immutable
@SdkStyle
public abstract class Violation {

  Violation() {}


  /**
   * The position of the document in the validated input, counting from 0 (empty YAML documents are
   * not counted).
   *
   * @return the document index
   */
  public abstract int documentIndex();

  /**
   * The document's {@code kind}.
   *
   * @return the kind, or an empty string when the document has none
   */
  public abstract String kind();

  /**
   * The document's {@code metadata.name}.
   *
   * @return the name, or an empty string when the document has none
   */
  public abstract String name();

  /**
   * Where in the document, as a dotted JSON path with list indexes.
   *
   * @return e.g. {@code spec.topology.workers.machineDeployments[0].replicas}
   */
  public abstract String path();

  /**
   * The value received, rendered compactly (long values are shortened; secrets are redacted).
   *
   * @return the value, or empty when the field was absent
   */
  public abstract Optional<String> value();

  /**
   * What would have been accepted.
   *
   * @return e.g. {@code one of [stable, custom]}
   */
  public abstract String allowed();

  /**
   * The rule that failed: a schema keyword ({@code required}, {@code enum}, {@code pattern},
   * {@code format:uuid}, {@code unknownField}, ...) or the name of a re-implemented CEL or webhook rule
   * ({@code capo.machine.flavorOrFlavorID}, {@code capi.kcp.maxSurge}, ...). See
   * {@code docs/validation-rules.md} for the full list.
   *
   * @return the rule name
   */
  public abstract String rule();

  /**
   * A sentence that explains the problem and how to fix it.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * A one-line description naming document, object, path, value, allowed values and rule.
   *
   * @return the description
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append('#').append(documentIndex()).append(' ');
    sb.append(kind().isEmpty() ? "<no kind>" : kind());
    sb.append('/').append(name().isEmpty() ? "<no name>" : name());
    sb.append(' ').append(path()).append(": ").append(message());
    value().ifPresent(v -> sb.append(" (got ").append(v).append(')'));
    sb.append("; allowed: ").append(allowed());
    sb.append(" [").append(rule()).append(']');
    return sb.toString();
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
   * A Violation built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static Violation of(Consumer<Builder> spec) {
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

  /** Builds A {@link Violation}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableViolation.Builder {
    Builder() {}
  }
}
