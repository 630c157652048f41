package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The ordered moves that empty a hypervisor for maintenance. After every prefix of {@link #moves()} each
 * tenant has all its replicas placed, within capacity and its hard spread, and no replica has gone to the
 * drained hypervisor (its workers are cordoned first). Each replica on it moves once, directly to its new
 * worker, where one exists; only when none has room does another replica move first to make room.
 */
@Value.Immutable
@SdkStyle
public abstract class DrainPlan {
  DrainPlan() {}

  /**
   * The hypervisor drained.
   *
   * @return its name
   */
  public abstract String hypervisor();

  /**
   * The moves, in the order to run them.
   *
   * @return the moves
   */
  public abstract List<Move> moves();

  /**
   * The fewest moves any drain needs: the replicas on the hypervisor.
   *
   * @return moves
   */
  public abstract int movesLowerBound();

  /**
   * Replicas no move could take off the hypervisor, each as "tenant: why"; they stay Pending during the
   * maintenance if their pods are evicted.
   *
   * @return empty when the drain empties the hypervisor
   */
  public abstract List<String> unmovable();

  /**
   * Whether the hypervisor ends empty.
   *
   * @return true when {@link #unmovable()} is empty
   */
  public boolean complete() {
    return unmovable().isEmpty();
  }

  /**
   * The plan after every move, with the drained hypervisor's workers unschedulable.
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
   * The placement after the first {@code n} moves (for checking each step).
   *
   * @param before the placement the moves start from
   * @param n how many moves, 0 to {@code moves().size()}
   * @return the placement
   */
  public FleetPlacement afterMoves(FleetPlacement before, int n) {
    return FleetPlanner.apply(before, moves().subList(0, n));
  }

  /**
   * The drain in words.
   *
   * @return lines
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("Drain of hypervisor ").append(hypervisor()).append(": ").append(moves().size()).append(" moves (at least ")
        .append(movesLowerBound()).append(" needed)").append(complete() ? "" : ", incomplete").append('\n');
    for (Move m : moves()) {
      sb.append("  ").append(m.tenant()).append('[').append(m.replica()).append("] ").append(m.fromWorker()).append(" -> ")
          .append(m.toWorker()).append(" (surge ").append(m.surge()).append("): ").append(m.why()).append('\n');
    }
    for (String u : unmovable()) {
      sb.append("  unmovable: ").append(u).append('\n');
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
  public static DrainPlan of(Consumer<Builder> spec) {
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

  /** Builds a {@link DrainPlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDrainPlan.Builder {
    Builder() {}
  }
}
