package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Moves that use fewer workers, then lower the most loaded hypervisor, within a move budget. Every prefix
 * of {@link #moves()} keeps each tenant fully placed within capacity and its hard spread.
 */
@Value.Immutable
@SdkStyle
public abstract class RebalancePlan {
  RebalancePlan() {}

  /**
   * The most moves allowed.
   *
   * @return the budget
   */
  public abstract int moveBudget();

  /**
   * The moves, in the order to run them; never more than {@link #moveBudget()}.
   *
   * @return the moves
   */
  public abstract List<Move> moves();

  /**
   * The plan the moves start from.
   *
   * @return the plan
   */
  public abstract FleetPlan before();

  /**
   * The plan after every move.
   *
   * @return the plan
   */
  public abstract FleetPlan afterPlan();

  /**
   * The placement after every move.
   *
   * @return {@code afterPlan().placement()}
   */
  public FleetPlacement after() {
    return afterPlan().placement();
  }

  /**
   * The rebalance in words.
   *
   * @return lines
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("Rebalance within ").append(moveBudget()).append(" moves: ").append(moves().size()).append(" moves; workers used ")
        .append(before().workersUsed()).append(" -> ").append(afterPlan().workersUsed()).append(", max hypervisor load ")
        .append(FleetPlan.percent(before().maxHypervisorLoad())).append(" -> ")
        .append(FleetPlan.percent(afterPlan().maxHypervisorLoad())).append('\n');
    for (Move m : moves()) {
      sb.append("  ").append(m.tenant()).append('[').append(m.replica()).append("] ").append(m.fromWorker()).append(" -> ")
          .append(m.toWorker()).append(": ").append(m.why()).append('\n');
    }
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
   * A value built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static RebalancePlan of(Consumer<Builder> spec) {
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

  /** Builds a {@link RebalancePlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableRebalancePlan.Builder {
    Builder() {}
  }
}
