package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.kamaji.Kamaji;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A worker of the management cluster (a Kubernetes node) and the hypervisor its VM runs on.
 *
 * <pre>{@code
 * ManagementWorker.of(w -> w.name("mgmt-md-0-abcde").hypervisor("hv-1"));
 * ManagementWorker.fromNodeLabels("mgmt-md-0-abcde", node.getMetadata().getLabels());
 * }</pre>
 */
@Value.Immutable
@SdkStyle
public abstract class ManagementWorker {
  ManagementWorker() {}

  /**
   * The node name ({@code kubernetes.io/hostname} of the node).
   *
   * @return e.g. {@code mgmt-md-0-abcde}
   */
  public abstract String name();

  /**
   * The hypervisor the worker's VM runs on: Nova's {@code hostId} of its server, or the value of
   * {@link Kamaji#HYPERVISOR_LABEL} on its node.
   *
   * @return a non-blank identifier
   */
  public abstract String hypervisor();

  /**
   * The availability zone, when known ({@code topology.kubernetes.io/zone}).
   *
   * @return the zone, or empty
   */
  public abstract Optional<String> zone();

  /**
   * Whether the scheduler may place new pods on it (false for a cordoned node).
   *
   * @return true unless set
   */
  @Value.Default
  public boolean schedulable() {
    return true;
  }

  /**
   * CPU the node can give this tenant's pods, in millicores, when capacity is to limit the count.
   *
   * @return millicores, or empty for "not the limit"
   */
  public abstract OptionalLong allocatableMillicores();

  /**
   * Memory the node can give this tenant's pods, in MiB, when capacity is to limit the count.
   *
   * @return MiB, or empty for "not the limit"
   */
  public abstract OptionalLong allocatableMemoryMiB();

  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (name().isBlank()) {
      p.add(Problem.of("managementWorker.name", name(), "give the node's name"));
    }
    if (hypervisor().isBlank()) {
      p.add(Problem.of("managementWorker.hypervisor", hypervisor(),
          "give the hypervisor the worker runs on (its server's hostId, or the node's " + Kamaji.HYPERVISOR_LABEL
              + " label)"));
    }
    allocatableMillicores().ifPresent(v -> {
      if (v < 0) {
        p.add(Problem.of("managementWorker.allocatableMillicores", String.valueOf(v), "use 0 or more"));
      }
    });
    allocatableMemoryMiB().ifPresent(v -> {
      if (v < 0) {
        p.add(Problem.of("managementWorker.allocatableMemoryMiB", String.valueOf(v), "use 0 or more"));
      }
    });
    InvalidInputException.throwIfAny(p);
  }

  /**
   * A worker read from its node's labels: the hypervisor from {@link Kamaji#HYPERVISOR_LABEL}, the zone
   * from {@code topology.kubernetes.io/zone}.
   *
   * @param nodeName the node's name
   * @param labels the node's labels
   * @return the worker
   * @throws InvalidInputException when the node has no hypervisor label (the fix says how to label it)
   */
  public static ManagementWorker fromNodeLabels(String nodeName, Map<String, String> labels) {
    InvalidInputException.requireArgument(nodeName, "nodeName");
    InvalidInputException.requireArgument(labels, "labels");
    String hv = labels.get(Kamaji.HYPERVISOR_LABEL);
    if (hv == null || hv.isBlank()) {
      throw new InvalidInputException(List.of(Problem.of("node " + nodeName + ".metadata.labels",
          Problem.MISSING + " " + Kamaji.HYPERVISOR_LABEL,
          "label the node with the hypervisor its VM runs on (`clusterstacks label-nodes`, or "
              + "`kubectl label node " + nodeName + " " + Kamaji.HYPERVISOR_LABEL + "=<hostId>`)")));
    }
    Builder b = builder().name(nodeName).hypervisor(hv);
    String zone = labels.get("topology.kubernetes.io/zone");
    if (zone != null && !zone.isBlank()) {
      b.zone(zone);
    }
    return b.build();
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
   * A worker built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws InvalidInputException listing every missing attribute
   */
  public static ManagementWorker of(Consumer<Builder> spec) {
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

  /** Builds a {@link ManagementWorker}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableManagementWorker.Builder {
    Builder() {}
  }
}
