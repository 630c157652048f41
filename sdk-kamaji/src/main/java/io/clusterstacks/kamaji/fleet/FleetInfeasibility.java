package io.clusterstacks.kamaji.fleet;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.kamaji.placement.ManagementWorker;
import io.clusterstacks.kamaji.placement.TenantRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Why a tenant could not be placed, and a change that makes the fleet feasible. The planner offers a
 * change only after planning again with it (together with the changes of the plan's other
 * infeasibilities) and finding every tenant placed.
 */
@Value.Immutable
@SdkStyle
public abstract class FleetInfeasibility {
  FleetInfeasibility() {}

  /**
   * The tenant not placed.
   *
   * @return its name
   */
  public abstract String tenant();

  /**
   * The constraint that stops it.
   *
   * @return the constraint
   */
  public abstract FleetConstraint constraint();

  /**
   * The numbers behind the constraint, in words.
   *
   * @return e.g. {@code 4 replicas, hard spread, but only 3 hypervisors can take one}
   */
  public abstract String detail();

  /**
   * The change, in words.
   *
   * @return e.g. {@code set replicas to 3}
   */
  public abstract String change();

  /**
   * The tenant as changed, when the change is to the tenant.
   *
   * @return the changed request, or empty
   */
  public abstract Optional<TenantRequest> changedTenant();

  /**
   * Workers to add, when the change adds workers (the same list on every infeasibility the workers serve).
   *
   * @return the workers, or empty
   */
  public abstract List<ManagementWorker> addedWorkers();

  /**
   * Whether the change is to plan the tenant elsewhere (no smaller change was found feasible).
   *
   * @return true when the tenant is to be removed from this fleet
   */
  @Value.Default
  public boolean removesTenant() {
    return false;
  }

  /**
   * Whether planning again with this change (and the plan's other changes) placed every tenant.
   *
   * @return true for every infeasibility the planner returns
   */
  public abstract boolean checked();

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
  public static FleetInfeasibility of(Consumer<Builder> spec) {
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

  /** Builds a {@link FleetInfeasibility}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableFleetInfeasibility.Builder {
    Builder() {}
  }
}
