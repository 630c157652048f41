package io.clusterstacks.lifecycle.cluster;

import io.clusterstacks.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every step of one create or delete run, in order, with its duration: the timings a daily E2E run records and
 * the first place to look when it failed.
 *
 * @param operation {@code create} or {@code delete}
 * @param namespace the Cluster's namespace on the management cluster
 * @param cluster the Cluster's name
 * @param steps the steps that ran, in order (a failed run ends with its {@link Outcome#FAILED} step)
 */
public record LifecycleReport(String operation, String namespace, String cluster, List<StepReport> steps) {
  /**
   * Copies the steps.
   *
   * @param operation {@code create} or {@code delete}
   * @param namespace the namespace
   * @param cluster the cluster
   * @param steps the steps
   */
  public LifecycleReport {
    InvalidInputException.requireArgument(operation, "operation");
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(cluster, "cluster");
    steps = List.copyOf(steps);
  }

  /**
   * The report of one step.
   *
   * @param step the step
   * @return its report, empty when it did not run
   */
  public Optional<StepReport> step(Step step) {
    return steps.stream().filter(s -> s.step() == step).findFirst();
  }

  /**
   * Whether every step ran and none failed.
   *
   * @return false when the run stopped at a failed step
   */
  public boolean succeeded() {
    return steps.stream().noneMatch(s -> s.outcome() == Outcome.FAILED);
  }

  /**
   * The sum of the steps' durations.
   *
   * @return the total
   */
  public Duration total() {
    return steps.stream().map(StepReport::took).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * The report as text, a line per step and the total.
   *
   * @return the text
   */
  public String text() {
    StringBuilder b = new StringBuilder(operation).append(' ').append(namespace).append('/').append(cluster)
        .append(succeeded() ? "" : ": FAILED").append('\n');
    steps.forEach(s -> b.append("  ").append(s.line()).append('\n'));
    b.append(String.format(java.util.Locale.ROOT, "  %-20s %-9s %8.3f s%n", "total", "", total().toNanos() / 1e9));
    return b.toString();
  }
}
