package io.clusterstacks.core.validation;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** What was checked for one document of the input. */
@Value.Immutable
@SdkStyle
public abstract class DocumentResult {

  DocumentResult() {}


  /**
   * The position of the document in the input, counting from 0.
   *
   * @return the index
   */
  public abstract int index();

  /**
   * The document's {@code apiVersion}.
   *
   * @return the apiVersion, or an empty string when absent
   */
  public abstract String apiVersion();

  /**
   * The document's {@code kind}.
   *
   * @return the kind, or an empty string when absent
   */
  public abstract String kind();

  /**
   * The document's {@code metadata.name}.
   *
   * @return the name, or an empty string when absent
   */
  public abstract String name();

  /**
   * How thoroughly it was checked.
   *
   * @return the status
   */
  public abstract CheckStatus status();

  /**
   * How many violations it has.
   *
   * @return the count
   */
  public abstract int violationCount();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A DocumentResult built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static DocumentResult of(Consumer<Builder> spec) {
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

  /** Builds A {@link DocumentResult}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDocumentResult.Builder {
    Builder() {}
  }
}
