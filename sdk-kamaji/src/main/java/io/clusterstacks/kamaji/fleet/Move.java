package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.SdkStyle;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One replica moved from a worker to another: realised as an update of the tenant's node set (its node
 * affinity, {@link FleetPlan#podFields}) to include {@link #toWorker()}, then a cordon of {@link #fromWorker()} and the
 * eviction of the replica's pod; the scheduler then places the replacement, and with required hostname
 * and hypervisor anti-affinity on a node set holding one free node, it can only choose {@link #toWorker()}.
 *
 * <p>Moves of one tenant run one at a time: the PodDisruptionBudget {@link
 * io.clusterstacks.kamaji.placement.TwoLevelPlanner} sets ({@code maxUnavailable: 1}) admits one eviction,
 * and the next waits until the replacement is Ready. {@link #surge()} is the pod-level surge that planner
 * chooses for the tenant on the workers left: with 1 or more, the move may instead be made before break
 * (a rollout restart starts the replacement first); with 0, the tenant runs one replica short during the
 * move.
 */
@Value.Immutable
@SdkStyle
public abstract class Move {
  Move() {}

  /**
   * The tenant whose replica moves.
   *
   * @return its name
   */
  public abstract String tenant();

  /**
   * The replica's index in the tenant's list of {@link FleetPlacement#replicas()}.
   *
   * @return from 0
   */
  public abstract int replica();

  /**
   * The worker it leaves.
   *
   * @return the node name
   */
  public abstract String fromWorker();

  /**
   * The worker it goes to.
   *
   * @return the node name
   */
  public abstract String toWorker();

  /**
   * The maxSurge TwoLevelPlanner chooses for the tenant on the workers left schedulable.
   *
   * @return pods
   */
  public abstract int surge();

  /**
   * Why this move.
   *
   * @return a sentence
   */
  public abstract String why();

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
  public static Move of(Consumer<Builder> spec) {
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

  /** Builds a {@link Move}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableMove.Builder {
    Builder() {}
  }
}
