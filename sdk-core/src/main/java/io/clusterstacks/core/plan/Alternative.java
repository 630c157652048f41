package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A change the user could make, and what the plan would then be.
 */
@Value.Immutable
@SdkStyle
public abstract class Alternative {
  Alternative() {}

  /**
   * What to change.
   *
   * @return e.g. {@code add 1 hypervisor (4 in total)}
   */
  public abstract String change();

  /**
   * What the planner would then choose and what it means.
   *
   * @return one sentence
   */
  public abstract String outcome();

  /**
   * An alternative.
   *
   * @param change what to change
   * @param outcome what the plan would then be
   * @return the alternative
   */
  public static Alternative of(String change, String outcome) {
    return builder().change(change).outcome(outcome).build();
  }

  @Override
  public String toString() {
    return change() + ": " + outcome();
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
   * An Alternative built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static Alternative of(Consumer<Builder> spec) {
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

  /** Builds an {@link Alternative}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableAlternative.Builder {
    Builder() {}
  }
}
