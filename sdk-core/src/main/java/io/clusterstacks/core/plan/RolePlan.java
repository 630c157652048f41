package io.clusterstacks.core.plan;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.Role;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The plan for one role: flavor, placement, root disk, maintenance opt-in, server groups and image.
 */
@Value.Immutable
@SdkStyle
public abstract class RolePlan {
  RolePlan() {}

  /** One set of machines with its server group. */
  @Value.Immutable
  @SdkStyle
  public static abstract class Deployment {
    Deployment() {}

    /**
     * The deployment name.
     *
     * @return {@code control-plane}, or e.g. {@code md-0-1} after a split
     */
    public abstract String name();

    /**
     * Its replicas.
     *
     * @return 0 or more
     */
    public abstract int replicas();

    /**
     * Its server group.
     *
     * @return the group, or empty without a policy
     */
    public abstract Optional<ServerGroupRef> serverGroup();

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A Deployment built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the value
     * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
     */
    public static Deployment of(Consumer<Builder> spec) {
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

    /** Builds a {@link Deployment}; {@link #build()} reports every missing attribute at once. */
    public static final class Builder extends ImmutableDeployment.Builder {
      Builder() {}
    }
  }

  /**
   * Control plane or worker.
   *
   * @return the role
   */
  public abstract Role role();

  /**
   * The role name.
   *
   * @return {@code control-plane} or the machine deployment name
   */
  public abstract String name();

  /**
   * The replicas.
   *
   * @return 0 or more
   */
  public abstract int replicas();

  /**
   * The flavor choice.
   *
   * @return the choice
   */
  public abstract FlavorChoice flavor();

  /**
   * The placement decision.
   *
   * @return the decision
   */
  public abstract PolicyDecision placement();

  /**
   * Where the servers boot from.
   *
   * @return the decision
   */
  public abstract RootDiskDecision rootDisk();

  /**
   * How the servers come back after hypervisor maintenance.
   *
   * @return the opt-in
   */
  public abstract MaintenanceOptIn maintenance();

  /**
   * The machine deployments this role becomes, with their server groups.
   *
   * @return one unless the member quota forced a split
   */
  public abstract List<Deployment> deployments();

  /**
   * The image plan for this role's flavor.
   *
   * @return the image plan
   */
  public abstract ImagePlan image();

  /**
   * The server groups this role needs created, in deployment order.
   *
   * @return the groups (empty without a policy)
   */
  public List<ServerGroupRef> serverGroups() {
    return deployments().stream().flatMap(d -> d.serverGroup().stream()).toList();
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
   * A RolePlan built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing attribute
   */
  public static RolePlan of(Consumer<Builder> spec) {
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

  /** Builds a {@link RolePlan}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableRolePlan.Builder {
    Builder() {}
  }
}
