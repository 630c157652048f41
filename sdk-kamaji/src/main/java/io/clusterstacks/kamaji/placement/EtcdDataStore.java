package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The etcd behind a Kamaji DataStore: a StatefulSet the SDK does not own, found by namespace and pod
 * selector. A DataStore object holds only endpoints (and may name MySQL, PostgreSQL or NATS instead);
 * the quorum analysis applies to etcd only.
 */
@Value.Immutable
@SdkStyle
public abstract class EtcdDataStore {
  /** The most members a request may ask for. */
  public static final int MAX_MEMBERS = 99;

  EtcdDataStore() {}

  /**
   * The DataStore's name ({@code kamaji.clastix.io/v1alpha1} DataStore).
   *
   * @return e.g. {@code default}
   */
  public abstract String name();

  /**
   * The etcd members.
   *
   * @return 3 unless set
   */
  @Value.Default
  public int members() {
    return 3;
  }

  /**
   * The namespace of the etcd pods.
   *
   * @return e.g. {@code kamaji-system}
   */
  public abstract String namespace();

  /**
   * Labels that select the etcd pods (and only them).
   *
   * @return e.g. {@code app.kubernetes.io/name=etcd}
   */
  public abstract Map<String, String> podSelector();

  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (name().isBlank()) {
      p.add(Problem.of("etcdDataStore.name", name(), "give the DataStore's name"));
    }
    if (members() < 1 || members() > MAX_MEMBERS) {
      p.add(Problem.of("etcdDataStore.members", String.valueOf(members()),
          "use 1 to " + MAX_MEMBERS + " (an odd number: 3 or 5 keep a quorum through the loss of 1 or 2)"));
    }
    if (namespace().isBlank()) {
      p.add(Problem.of("etcdDataStore.namespace", namespace(), "give the namespace of the etcd pods"));
    }
    if (podSelector().isEmpty()) {
      p.add(Problem.of("etcdDataStore.podSelector", "{}",
          "give the labels that select the etcd pods, e.g. app.kubernetes.io/name=etcd"));
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
   * A DataStore built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws InvalidInputException listing every missing or invalid attribute
   */
  public static EtcdDataStore of(Consumer<Builder> spec) {
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

  /** Builds an {@link EtcdDataStore}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableEtcdDataStore.Builder {
    Builder() {}
  }
}
