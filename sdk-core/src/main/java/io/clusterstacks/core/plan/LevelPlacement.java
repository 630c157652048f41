package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a {@link PlacementLevel} says about its members: how many, at most how many share one machine
 * (e.g. 1 for a required pod anti-affinity on {@code kubernetes.io/hostname}), and whether they form a
 * majority-based group (etcd) whose quorum must survive the loss of a hypervisor.
 */
@Value.Immutable
@SdkStyle
public abstract class LevelPlacement {
  LevelPlacement() {}

  /**
   * The members (e.g. pods).
   *
   * @return 0 or more
   */
  public abstract int members();

  /**
   * The most members one machine takes, when a hard rule limits it.
   *
   * @return 1 or more, or empty when nothing limits it (a preferred rule only weighs)
   */
  public abstract OptionalInt maxPerMachine();

  /**
   * Whether the members need a majority (e.g. etcd), so losing a hypervisor must leave quorum.
   *
   * @return false unless set
   */
  @Value.Default
  public boolean needsQuorum() {
    return false;
  }

  /**
   * Why the members are placed this way, for the report.
   *
   * @return one sentence each
   */
  public abstract List<String> reasons();

  /**
   * Checks the counts.
   */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (members() < 0) {
      p.add(Problem.of("levelPlacement.members", String.valueOf(members()), "use 0 or more"));
    }
    if (maxPerMachine().isPresent() && maxPerMachine().getAsInt() < 1) {
      p.add(Problem.of("levelPlacement.maxPerMachine", String.valueOf(maxPerMachine().getAsInt()),
          "use 1 or more, or leave it empty when no hard rule limits the members per machine"));
    }
    InvalidInputException.throwIfAny(p);
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
   * A LevelPlacement built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static LevelPlacement of(Consumer<Builder> spec) {
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

  /** Builds a {@link LevelPlacement}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableLevelPlacement.Builder {
    Builder() {}
  }
}
