package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One parsed document: its generic form and, where the SDK has a typed model for it, the typed value
 * ({@code ClusterStack}, {@code ClusterSpec}, {@code OrcImage} or {@code CspoReleaseTemplate}).
 */
@Value.Immutable
@SdkStyle
public abstract class ParsedDocument {

  ParsedDocument() {}

  /**
   * The position in the input.
   *
   * @return the index, from 0 (empty YAML documents are not counted)
   */
  public abstract int index();

  /**
   * The generic document.
   *
   * @return the document as read
   */
  public abstract ManifestDocument document();

  /**
   * The typed value.
   *
   * @return the value, or empty when the document was kept generic
   */
  public abstract Optional<Object> typed();

  /**
   * The typed value, when it is of the given type.
   *
   * @param <T> the type
   * @param type e.g. {@code ClusterSpec.class}
   * @return the value, or empty when the document was kept generic or is of another type
   */
  public final <T> Optional<T> typed(Class<T> type) {
    io.clusterstacks.core.InvalidInputException.requireArgument(type, "type");
    return typed().filter(type::isInstance).map(type::cast);
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
   * A parsed document built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static ParsedDocument of(Consumer<Builder> spec) {
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

  @Override
  public String toString() {
    return "#" + index() + " " + document() + (typed().isPresent() ? " typed" : " generic");
  }

  /** Builds a {@link ParsedDocument}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableParsedDocument.Builder {
    Builder() {}
  }
}
