package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.List;

/**
 * The compute API microversions a cloud accepts ({@code GET /} of the compute endpoint:
 * {@code min_version} .. {@code version}).
 *
 * @param min the lowest accepted microversion
 * @param max the highest accepted microversion
 */
public record MicroversionRange(ComputeMicroversion min, ComputeMicroversion max) {

  /** Only the base microversion 2.1: no soft policies, no {@code max_server_per_host}. */
  public static final MicroversionRange BASE_ONLY =
      new MicroversionRange(new ComputeMicroversion(2, 1), new ComputeMicroversion(2, 1));

  /**
   * Checks that min is not above max.
   *
   * @param min the lowest accepted microversion
   * @param max the highest accepted microversion
   */
  public MicroversionRange {
    InvalidInputException.requireArgument(min, "min");
    InvalidInputException.requireArgument(max, "max");
    if (min.compareTo(max) > 0) {
      throw new InvalidInputException(List.of(Problem.of("computeMicroversions", "min " + min + " above max " + max,
          "use the compute endpoint's min_version and version")));
    }
  }

  /**
   * Parses both ends.
   *
   * @param min e.g. {@code 2.1}
   * @param max e.g. {@code 2.96}
   * @return the range
   */
  public static MicroversionRange of(String min, String max) {
    return new MicroversionRange(ComputeMicroversion.parse(min), ComputeMicroversion.parse(max));
  }

  /**
   * Whether the cloud accepts this microversion.
   *
   * @param v the microversion
   * @return true when {@code min <= v <= max}
   */
  public boolean supports(ComputeMicroversion v) {
    return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
  }

  @Override
  public String toString() {
    return min + ".." + max;
  }
}
