package io.clusterstacks.core.cloud;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How many hypervisors there are, and how well that is known.
 *
 * @param knowledge exact, lower bound, declared or unknown
 * @param count the number of hosts (0 when unknown; at least 1 otherwise)
 * @param names the host names when known (then exactly {@code count} of them for an exact count), sorted
 */
public record HostCount(HostKnowledge knowledge, int count, List<String> names) {

  /**
   * Checks the count fits the knowledge and the names fit the count.
   *
   * @param knowledge exact, lower bound, declared or unknown
   * @param count the number of hosts
   * @param names the host names when known
   */
  public HostCount {
    Objects.requireNonNull(knowledge, "knowledge");
    names = names.stream().sorted().toList();
    List<Problem> problems = new ArrayList<>();
    if (knowledge == HostKnowledge.UNKNOWN && count != 0) {
      problems.add(Problem.of("count", String.valueOf(count),
          "an unknown host count has count 0; use knowledge 'lower-bound' or 'declared' to state a number"));
    }
    if (knowledge != HostKnowledge.UNKNOWN && count < 1) {
      problems.add(Problem.of("count", String.valueOf(count),
          "a known host count is at least 1; use knowledge 'unknown' when the count is not known"));
    }
    if (knowledge == HostKnowledge.EXACT && !names.isEmpty() && names.size() != count) {
      problems.add(Problem.of("names", names.size() + " names for count " + count,
          "list exactly one name per host, or leave the names out"));
    }
    if (knowledge != HostKnowledge.EXACT && names.size() > count && knowledge != HostKnowledge.UNKNOWN) {
      problems.add(Problem.of("names", names.size() + " names for count " + count,
          "the count is at least the number of names"));
    }
    if (names.stream().distinct().count() != names.size()) {
      problems.add(Problem.of("names", String.valueOf(names), "host names are unique"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * An exact count from an administrator's listing.
   *
   * @param names the enabled, up hypervisors
   * @return the count
   */
  public static HostCount exact(String... names) {
    return new HostCount(HostKnowledge.EXACT, names.length, List.of(names));
  }

  /**
   * An exact count without names.
   *
   * @param count the number of hosts
   * @return the count
   */
  public static HostCount exact(int count) {
    return new HostCount(HostKnowledge.EXACT, count, List.of());
  }

  /**
   * A lower bound, e.g. the distinct {@code hostId}s among the project's servers.
   *
   * @param atLeast there are at least this many hosts
   * @return the count
   */
  public static HostCount lowerBound(int atLeast) {
    return new HostCount(HostKnowledge.LOWER_BOUND, atLeast, List.of());
  }

  /**
   * A count stated by the operator or the user, not verified.
   *
   * @param count the stated number of hosts
   * @return the count
   */
  public static HostCount declared(int count) {
    return new HostCount(HostKnowledge.DECLARED, count, List.of());
  }

  /**
   * No knowledge of the host count.
   *
   * @return the count
   */
  public static HostCount unknown() {
    return new HostCount(HostKnowledge.UNKNOWN, 0, List.of());
  }

  /**
   * Whether the planner may rely on the number as the real count (exact or declared).
   *
   * @return true for exact and declared counts
   */
  public boolean isAssumedExact() {
    return knowledge == HostKnowledge.EXACT || knowledge == HostKnowledge.DECLARED;
  }

  @Override
  public String toString() {
    return switch (knowledge) {
      case EXACT -> count + " (exact" + (names.isEmpty() ? "" : ": " + String.join(", ", names)) + ")";
      case LOWER_BOUND -> "at least " + count + " (lower bound)";
      case DECLARED -> count + " (declared, not verified)";
      case UNKNOWN -> "unknown";
    };
  }
}
