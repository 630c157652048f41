package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What losing one hypervisor or one worker costs a tenant: how many of its replicas go with it, in the
 * worst placement the required rules allow and in the expected one, and whether its API and its etcd's
 * quorum survive.
 */
@Value.Immutable
@SdkStyle
public abstract class DomainImpact {
  DomainImpact() {}

  /**
   * Whether a hypervisor or a worker fails.
   *
   * @return the kind
   */
  public abstract DomainKind kind();

  /**
   * The hypervisor's identifier or the worker's node name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The schedulable workers that fail with it (the worker itself for {@link DomainKind#WORKER}).
   *
   * @return node names, sorted
   */
  public abstract List<String> workers();

  /**
   * The tenant's API-server replicas lost, in the worst placement the required rules allow.
   *
   * @return replicas
   */
  public abstract int worstCaseReplicas();

  /**
   * The tenant's API-server replicas lost, in the expected placement.
   *
   * @return replicas
   */
  public abstract int expectedReplicas();

  /**
   * The API-server replicas that find no node while this hypervisor or worker is drained for maintenance.
   *
   * @return replicas left Pending until it is back (the tenant runs on the others meanwhile)
   */
  public abstract int pendingWhileDrained();

  /**
   * Whether at least one API-server replica keeps running, worst case.
   *
   * @return true when the tenant keeps its API
   */
  public abstract boolean apiSurvivesWorstCase();

  /**
   * Whether at least one API-server replica keeps running, expected case.
   *
   * @return true when the tenant keeps its API
   */
  public abstract boolean apiSurvivesExpected();

  /**
   * The DataStore's etcd members lost, worst case, when a DataStore is planned.
   *
   * @return members, or empty
   */
  public abstract OptionalInt dataStoreWorstCaseMembers();

  /**
   * Whether the DataStore's etcd keeps its quorum, worst case (true when no DataStore is planned).
   *
   * @return true when a majority of members survives
   */
  @Value.Default
  public boolean quorumSurvivesWorstCase() {
    return true;
  }

  /**
   * What would keep the API (and the quorum) through this failure, when the worst case loses it.
   *
   * @return one sentence, or empty when nothing is lost
   */
  public abstract Optional<String> remedy();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An impact built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static DomainImpact of(Consumer<Builder> spec) {
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

  /** Builds a {@link DomainImpact}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableDomainImpact.Builder {
    Builder() {}
  }
}
