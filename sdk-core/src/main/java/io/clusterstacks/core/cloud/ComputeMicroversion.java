package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.List;
import java.util.Comparator;

/**
 * A Nova compute API microversion such as {@code 2.64}.
 *
 * @param major the major version (always 2 for Nova today)
 * @param minor the minor version
 */
public record ComputeMicroversion(int major, int minor) implements Comparable<ComputeMicroversion> {

  /** Microversion 2.15: the first that accepts {@code soft-anti-affinity} and {@code soft-affinity}. */
  public static final ComputeMicroversion SOFT_POLICIES = new ComputeMicroversion(2, 15);

  /** Microversion 2.64: the first that accepts {@code policy} with {@code rules.max_server_per_host}. */
  public static final ComputeMicroversion MAX_SERVER_PER_HOST = new ComputeMicroversion(2, 64);

  private static final Comparator<ComputeMicroversion> ORDER =
      Comparator.comparingInt(ComputeMicroversion::major).thenComparingInt(ComputeMicroversion::minor);

  /**
   * Checks both parts are non-negative.
   *
   * @param major the major version
   * @param minor the minor version
   */
  public ComputeMicroversion {
    if (major < 0 || minor < 0) {
      throw new InvalidInputException(List.of(Problem.of("computeMicroversion", major + "." + minor,
          "use non-negative numbers such as 2.64")));
    }
  }

  /**
   * Parses {@code MAJOR.MINOR}.
   *
   * @param text e.g. {@code 2.64}
   * @return the microversion
   * @throws InvalidInputException when the text is not {@code MAJOR.MINOR}
   */
  public static ComputeMicroversion parse(String text) {
    InvalidInputException.requireArgument(text, "text");
    String t = text.strip();
    int dot = t.indexOf('.');
    if (dot > 0 && dot < t.length() - 1) {
      try {
        return new ComputeMicroversion(
            Integer.parseInt(t.substring(0, dot)), Integer.parseInt(t.substring(dot + 1)));
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new InvalidInputException(List.of(Problem.of("computeMicroversion", Names.escaped(text),
        "write MAJOR.MINOR such as 2.64, each a number from 0 to " + Integer.MAX_VALUE)));
  }

  /**
   * Whether this microversion is at least the other one.
   *
   * @param other the microversion to compare with
   * @return true when {@code this >= other}
   */
  public boolean atLeast(ComputeMicroversion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ComputeMicroversion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
