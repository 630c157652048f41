package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Where each tenant's API-server replicas run: tenant name to worker names, one entry per replica.
 *
 * <pre>{@code
 * FleetPlacement.of(Map.of("tenant-a", List.of("w1", "w3"), "tenant-b", List.of("w2", "w2")));
 * }</pre>
 *
 * <p>A tenant the plan could not place is absent (or has fewer entries than replicas, in a placement
 * read from a cluster); {@link FleetVerifier} reports that.
 */
@Value.Immutable
@SdkStyle
public abstract class FleetPlacement {
  FleetPlacement() {}

  /**
   * Tenant name to the worker of each replica, in the order given.
   *
   * @return the map (insertion order kept)
   */
  public abstract Map<String, List<String>> replicas();

  /**
   * The workers of one tenant's replicas.
   *
   * @param tenant the tenant's name
   * @return one worker name per placed replica; empty when the tenant is not placed
   */
  public List<String> workersOf(String tenant) {
    List<String> w = replicas().get(tenant);
    return w == null ? List.of() : w;
  }

  /**
   * The number of distinct workers that hold at least one replica.
   *
   * @return workers
   */
  @Value.Lazy
  public int workersUsed() {
    java.util.Set<String> used = new java.util.HashSet<>();
    replicas().values().forEach(used::addAll);
    return used.size();
  }

  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : replicas().entrySet()) {
      for (int i = 0; i < e.getValue().size(); i++) {
        if (e.getValue().get(i) == null) {
          p.add(Problem.of("fleetPlacement.replicas[" + e.getKey() + "][" + i + "]", "null", "give a worker name"));
        }
      }
    }
    InvalidInputException.throwIfAny(p);
  }

  /**
   * A placement from a map, copied in its iteration order (each list copied too).
   *
   * @param replicas tenant name to the worker of each replica
   * @return the placement
   */
  public static FleetPlacement of(Map<String, List<String>> replicas) {
    InvalidInputException.requireArgument(replicas, "replicas");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : replicas.entrySet()) {
      InvalidInputException.requireArgument(e.getValue(), "replicas[" + e.getKey() + "]");
      copy.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return builder().replicas(copy).build();
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
   * A placement built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   */
  public static FleetPlacement of(Consumer<Builder> spec) {
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

  /** Builds a {@link FleetPlacement}. */
  public static final class Builder extends ImmutableFleetPlacement.Builder {
    Builder() {}
  }
}
