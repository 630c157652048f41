package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One worker machine deployment: name, class, replicas, failure domain, strategy, and what differs
 * from the cluster's worker inputs (typed in {@link #machine()}, or raw variable overrides).
 */
@Value.Immutable
@SdkStyle
public abstract class MachineDeploymentSpec {
  MachineDeploymentSpec() {}

  /**
   * The deployment name, unique in the cluster.
   *
   * @return e.g. {@code md-0}
   */
  public abstract String name();

  /**
   * The ClusterClass worker class (topology mode).
   *
   * @return the class, or empty for the dialect's ({@code default-worker})
   */
  public abstract Optional<String> workerClass();

  /**
   * Number of machines.
   *
   * @return replicas, 0 or more
   */
  public abstract int replicas();

  /**
   * The failure domain (availability zone).
   *
   * @return e.g. {@code nova}
   */
  public abstract Optional<String> failureDomain();

  /**
   * The rollout strategy.
   *
   * @return the strategy
   */
  public abstract Optional<RolloutStrategy> strategy();

  /**
   * Typed inputs that differ from the cluster's worker inputs (e.g. a server group per deployment).
   *
   * @return the overrides
   */
  @Value.Default
  public MachineInputs machine() {
    return MachineInputs.none();
  }

  /**
   * Raw ClusterClass variable overrides (topology mode), normalised and sorted by name.
   *
   * @return variable name to value
   */
  public abstract Map<String, Object> variableOverrides();

  /**
   * Normalises variable values and their order.
   *
   * @return the normalised instance
   */
  @Value.Check
  MachineDeploymentSpec normalize() {
    Map<String, Object> n = normalizeVariables(variableOverrides());
    if (!n.equals(variableOverrides())
        || !new java.util.ArrayList<>(n.keySet()).equals(new java.util.ArrayList<>(variableOverrides().keySet()))) {
      return builder().from(this).variableOverrides(n).build();
    }
    return this;
  }

  static Map<String, Object> normalizeVariables(Map<String, Object> in) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<String, Object> e : in.entrySet()) {
      sorted.put(e.getKey(), Values.normalize(e.getValue()));
    }
    return new LinkedHashMap<>(sorted);
  }

  /**
   * A deployment with a name and replica count.
   *
   * @param name the name
   * @param replicas the replica count
   * @return the deployment
   */
  public static MachineDeploymentSpec of(String name, int replicas) {
    return builder().name(name).replicas(replicas).build();
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
   * A MachineDeploymentSpec built by a function, e.g. {@code MachineDeploymentSpec.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the machine deployment spec
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static MachineDeploymentSpec of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this machine deployment spec's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link MachineDeploymentSpec}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableMachineDeploymentSpec.Builder {
    Builder() {}
  }
}
