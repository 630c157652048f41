package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How many hypervisors there are, and how well that is known.
 */
@Value.Immutable
@SdkStyle
public abstract class HostCount {

  HostCount() {}

  /**
   * How well the count is known.
   *
   * @return exact, lower bound, declared or unknown
   */
  public abstract HostKnowledge knowledge();

  /**
   * The number of hosts.
   *
   * @return 0 when unknown; at least 1 otherwise
   */
  public abstract int count();

  /**
   * The host names when known (then exactly {@link #count()} of them for an exact count), sorted.
   *
   * @return the names, possibly none
   */
  public abstract List<String> names();

  /**
   * Checks the count fits the knowledge and the names fit the count; sorts the names.
   *
   * @return this count, or a copy with the names sorted
   */
  @Value.Check
  HostCount check() {
    List<String> names = names();
    HostKnowledge knowledge = knowledge();
    int count = count();
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
    InvalidInputException.throwIfAny(problems);
    List<String> sorted = names.stream().sorted().toList();
    return sorted.equals(names) ? this : toBuilder().names(sorted).build();
  }

  /**
   * A host count.
   *
   * @param knowledge exact, lower bound, declared or unknown
   * @param count the number of hosts
   * @param names the host names when known
   * @return the count
   * @throws InvalidInputException when the count does not fit the knowledge or the names
   */
  public static HostCount of(HostKnowledge knowledge, int count, List<String> names) {
    return builder().knowledge(knowledge).count(count).names(names).build();
  }

  /**
   * An exact count from an administrator's listing.
   *
   * @param names the enabled, up hypervisors
   * @return the count
   */
  public static HostCount exact(String... names) {
    return of(HostKnowledge.EXACT, names.length, List.of(InvalidInputException.requireArgument(names, "names")));
  }

  /**
   * An exact count without names.
   *
   * @param count the number of hosts
   * @return the count
   */
  public static HostCount exact(int count) {
    return of(HostKnowledge.EXACT, count, List.of());
  }

  /**
   * A lower bound, e.g. the distinct {@code hostId}s among the project's servers.
   *
   * @param atLeast there are at least this many hosts
   * @return the count
   */
  public static HostCount lowerBound(int atLeast) {
    return of(HostKnowledge.LOWER_BOUND, atLeast, List.of());
  }

  /**
   * A count stated by the operator or the user, not verified.
   *
   * @param count the stated number of hosts
   * @return the count
   */
  public static HostCount declared(int count) {
    return of(HostKnowledge.DECLARED, count, List.of());
  }

  /**
   * No knowledge of the host count.
   *
   * @return the count
   */
  public static HostCount unknown() {
    return of(HostKnowledge.UNKNOWN, 0, List.of());
  }

  /**
   * Whether the planner may rely on the number as the real count (exact or declared).
   *
   * @return true for exact and declared counts
   */
  public boolean isAssumedExact() {
    return knowledge() == HostKnowledge.EXACT || knowledge() == HostKnowledge.DECLARED;
  }

  /**
   * A host count built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the count
   */
  public static HostCount of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
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
   * A builder holding this count's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    int count = count();
    return switch (knowledge()) {
      case EXACT -> count + " (exact" + (names().isEmpty() ? "" : ": " + Names.shown(String.join(", ", names()))) + ")";
      case LOWER_BOUND -> "at least " + count + " (lower bound)";
      case DECLARED -> count + " (declared, not verified)";
      case UNKNOWN -> "unknown";
    };
  }

  /** Builds a {@link HostCount}; {@link #build()} reports every problem at once. */
  public static final class Builder extends ImmutableHostCount.Builder {
    Builder() {}
  }
}
