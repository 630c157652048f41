package io.clusterstacks.core.flavor;

/**
 * The {@code h} modifiers of CPU and GPU parts: how much faster than standard.
 *
 * <p>CPUs allow up to {@code hhh}; GPU compute units and VRAM allow up to {@code hh}.
 */
public enum PerformanceLevel {
  /** No modifier. */
  STANDARD(""),
  /** {@code h}: CPU all-core frequency above 2.75 GHz; GPU high frequency or high-bandwidth memory. */
  HIGH("h"),
  /** {@code hh}: CPU above 3.25 GHz; GPU very high frequency or bandwidth. */
  VERY_HIGH("hh"),
  /** {@code hhh}: CPU above 3.75 GHz (CPUs only). */
  VERY_VERY_HIGH("hhh");

  private final String suffix;

  PerformanceLevel(String suffix) {
    this.suffix = suffix;
  }

  /**
   * The modifier as written in names.
   *
   * @return {@code ""}, {@code h}, {@code hh} or {@code hhh}
   */
  public String suffix() {
    return suffix;
  }

  /**
   * The level for a number of {@code h} letters.
   *
   * @param count 0 to 3
   * @return the level
   * @throws io.clusterstacks.core.InvalidInputException for other counts
   */
  public static PerformanceLevel ofCount(int count) {
    if (count < 0 || count > 3) {
      throw new io.clusterstacks.core.InvalidInputException(java.util.List.of(io.clusterstacks.core.Problem.of(
          "performanceLevel", count + " h", "use 0 to 3 h letters")));
    }
    return values()[count];
  }
}
