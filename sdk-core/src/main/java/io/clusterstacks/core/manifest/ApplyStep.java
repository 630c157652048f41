package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One step of {@link Manifests#applyOrder()}: documents of one {@link ManifestPhase} to apply
 * together (in the order given), then, if present, a condition to wait for before the next step.
 */
@Value.Immutable
@SdkStyle
public abstract class ApplyStep {

  ApplyStep() {}

  /**
   * The phase of every document of the step.
   *
   * @return the phase
   */
  public abstract ManifestPhase phase();

  /**
   * The documents to apply, in order.
   *
   * @return at least one document
   */
  public abstract List<ManifestDocument> documents();

  /**
   * What to wait for after applying the documents and before the next step.
   *
   * @return the condition, empty when the next step can follow at once
   */
  public abstract Optional<WaitCondition> waitFor();

  /**
   * Why the step comes where it does, and why it waits.
   *
   * @return one sentence
   */
  public abstract String reason();

  /**
   * The ids of the step's documents.
   *
   * @return the ids, in order
   */
  public List<DocumentId> ids() {
    return documents().stream().map(ManifestDocument::id).toList();
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
   * A step built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the step
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static ApplyStep of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this step's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    return "apply " + phase() + " " + ids() + waitFor().map(w -> ", then " + w).orElse("");
  }

  /** Builds an {@link ApplyStep}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableApplyStep.Builder {
    Builder() {}
  }
}
