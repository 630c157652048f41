package io.clusterstacks.kamaji.placement;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The scheduling rules of a tenant's API-server pods: anti-affinity on the node name and on the
 * hypervisor label, and an optional spread constraint over hypervisors. Rendered into the
 * KamajiControlPlane's {@code spec.deployment.affinity} and {@code topologySpreadConstraints}.
 */
@Value.Immutable
@SdkStyle
public abstract class PodRules {
  PodRules() {}

  /**
   * Pod anti-affinity on {@code kubernetes.io/hostname}: at most one replica per worker.
   *
   * @return the rule's strength
   */
  public abstract RuleStrength hostnameAntiAffinity();

  /**
   * Pod anti-affinity on the hypervisor label: at most one replica per hypervisor.
   *
   * @return the rule's strength
   */
  public abstract RuleStrength hypervisorAntiAffinity();

  /**
   * A skew bound over hypervisors.
   *
   * @return the constraint, or empty
   */
  public abstract Optional<HypervisorSpread> hypervisorSpread();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Pod rules built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static PodRules of(Consumer<Builder> spec) {
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

  /** Builds a {@link PodRules}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutablePodRules.Builder {
    Builder() {}
  }
}
