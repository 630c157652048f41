package io.clusterstacks.core.validation;

import io.clusterstacks.core.SdkStyleLegacy;
import org.immutables.value.Value;

/** What was checked for one document of the input. */
@Value.Immutable
@SdkStyleLegacy
public abstract class DocumentResult {

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static ImmutableDocumentResult.Builder builder() {
    return ImmutableDocumentResult.builder();
  }

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
}
