package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.kamaji.Kamaji;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A topology spread constraint over hypervisors ({@link Kamaji#HYPERVISOR_LABEL}): no hypervisor holds
 * more than {@link #maxSkew()} replicas above the least loaded one. It bounds a difference, not a count.
 */
@Value.Immutable
@SdkStyle
public abstract class HypervisorSpread {
  HypervisorSpread() {}

  /**
   * The largest allowed difference between the most and the least loaded hypervisor.
   *
   * @return 1 or more
   */
  public abstract int maxSkew();

  /**
   * Whether the bound is enforced or only weighed.
   *
   * @return the scheduler's behaviour when the bound cannot be met
   */
  public abstract WhenUnsatisfiable whenUnsatisfiable();

  @Value.Check
  void check() {
    if (maxSkew() < 1) {
      throw new InvalidInputException(List.of(Problem.of("hypervisorSpread.maxSkew", String.valueOf(maxSkew()),
          "use 1 or more (the API server refuses 0)")));
    }
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
   * A spread constraint built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static HypervisorSpread of(Consumer<Builder> spec) {
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

  /** Builds a {@link HypervisorSpread}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableHypervisorSpread.Builder {
    Builder() {}
  }
}
