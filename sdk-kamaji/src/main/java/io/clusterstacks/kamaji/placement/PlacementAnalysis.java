package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What the Kubernetes scheduler can do with a number of pods under a set of {@link PodRules} on given
 * workers: how many it can place at most, how many stay Pending, and the load per hypervisor and per
 * worker in the worst and the expected placement.
 *
 * <p>The model of the scheduler (kube-scheduler's filters, as in Kubernetes 1.20 and later): a required
 * anti-affinity admits one pod per node or per hypervisor; a {@code DoNotSchedule} spread admits a pod on
 * a hypervisor only while that hypervisor holds fewer than the least loaded one plus {@code maxSkew},
 * counting every hypervisor with a schedulable worker (a full one too, which is how such a bound leaves
 * pods Pending); preferred rules and {@code ScheduleAnyway} only score, so they bound nothing in the
 * worst case. Pods are placed one at a time, as the scheduler does.
 */
@Value.Immutable
@SdkStyle
public abstract class PlacementAnalysis {
  PlacementAnalysis() {}

  /**
   * The rules analysed.
   *
   * @return the rules
   */
  public abstract PodRules rules();

  /**
   * The pods to place.
   *
   * @return pods
   */
  public abstract int members();

  /**
   * The most pods the required rules admit on these workers, whatever order the scheduler picks
   * ({@link Integer#MAX_VALUE} when nothing limits it).
   *
   * @return pods
   */
  public abstract int slots();

  /**
   * The pods that find a node.
   *
   * @return {@code min(members, slots)}
   */
  public abstract int scheduled();

  /**
   * The pods that stay Pending.
   *
   * @return {@code members - scheduled}
   */
  public abstract int pending();

  /**
   * Per hypervisor, sorted by name.
   *
   * @return one load per hypervisor with a schedulable worker
   */
  public abstract List<DomainLoad> hypervisors();

  /**
   * Per schedulable worker, sorted by hypervisor, then name.
   *
   * @return one load per worker
   */
  public abstract List<DomainLoad> workers();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An analysis built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static PlacementAnalysis of(Consumer<Builder> spec) {
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

  /** Builds a {@link PlacementAnalysis}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutablePlacementAnalysis.Builder {
    Builder() {}
  }
}
