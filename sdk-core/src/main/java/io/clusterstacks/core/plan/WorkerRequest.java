package io.clusterstacks.core.plan;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * What is asked of one worker machine deployment.
 */
@Value.Immutable
@SdkStyle
public abstract class WorkerRequest {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?");

  WorkerRequest() {}

  /**
   * Starts a builder; {@link #name()} and {@link #replicas()} are mandatory.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A deployment with default requirements.
   *
   * @param name the deployment name
   * @param replicas the number of workers
   * @return the request
   */
  public static WorkerRequest of(String name, int replicas) {
    return builder().name(name).replicas(replicas).build();
  }

  /**
   * Builds a request in one expression.
   *
   * @param spec fills in the builder
   * @return the request
   * @throws InvalidInputException listing every missing or invalid attribute
   */
  public static WorkerRequest of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this request's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The machine deployment name.
   *
   * @return e.g. {@code md-0}
   */
  public abstract String name();

  /**
   * The number of workers.
   *
   * @return 0 or more
   */
  public abstract int replicas();

  /**
   * What the flavor must offer.
   *
   * @return the requirements
   */
  @Value.Default
  public RoleRequirements requirements() {
    return RoleRequirements.DEFAULTS;
  }

  /**
   * A flavor pinned by name or ID.
   *
   * @return the flavor name or ID, or empty to let the planner choose
   */
  public abstract Optional<String> flavor();

  /**
   * A placement policy pinned by the user.
   *
   * @return the policy, or empty to let the planner choose
   */
  public abstract Optional<PlacementPolicy> policy();

  /**
   * The rollout maxSurge of the machine deployment.
   *
   * @return 0 or more (default 1)
   */
  @Value.Default
  public int maxSurge() {
    return 1;
  }

  /**
   * Checks name, replicas and surge, reporting every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (!NAME.matcher(name()).matches()) {
      problems.add(Problem.of("workerRequest.name", name(), "use lower-case letters, digits and '-', at most 42 characters"));
    }
    if (replicas() < 0) {
      problems.add(Problem.of("workerRequest.replicas", String.valueOf(replicas()), "use 0 or more"));
    }
    if (maxSurge() < 0) {
      problems.add(Problem.of("workerRequest.maxSurge", String.valueOf(maxSurge()), "use 0 or more"));
    }
    if (flavor().isPresent() && flavor().get().isBlank()) {
      problems.add(Problem.of("workerRequest.flavor", flavor().get(), "pin a flavor by name or ID, or leave it unset"));
    }
    InvalidInputException.throwIfAny(problems);
  }

  /** Builds a {@link WorkerRequest}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableWorkerRequest.Builder {
    Builder() {}
  }
}
