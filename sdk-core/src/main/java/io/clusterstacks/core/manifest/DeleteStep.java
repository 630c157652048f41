package io.clusterstacks.core.manifest;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One step of {@link Manifests#deletePlan()}: objects of one {@link ManifestPhase} to delete (if the
 * {@link #guard()} holds), then a condition to wait for before the next step. Deleting an object that
 * does not exist counts as done.
 */
@Value.Immutable
@SdkStyle
public abstract class DeleteStep {

  DeleteStep() {}

  /**
   * The phase of every object of the step.
   *
   * @return the phase
   */
  public abstract ManifestPhase phase();

  /**
   * The objects to delete, in order.
   *
   * @return at least one object
   */
  public abstract List<DocumentId> objects();

  /**
   * What to wait for after the deletes and before the next step.
   *
   * @return the condition (the step's objects gone)
   */
  public abstract WaitCondition waitFor();

  /**
   * What must hold before the step runs.
   *
   * @return the guard, empty when the step always runs
   */
  public abstract Optional<DeleteGuard> guard();

  /**
   * Why the step comes where it does.
   *
   * @return one or two sentences
   */
  public abstract String reason();

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
  public static DeleteStep of(Consumer<Builder> spec) {
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
    return "delete " + phase() + " " + objects() + guard().map(g -> " " + g).orElse("") + ", then " + waitFor();
  }

  /** Builds a {@link DeleteStep}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDeleteStep.Builder {
    Builder() {}
  }
}
