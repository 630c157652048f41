package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.List;

/**
 * A Kubernetes int-or-string rollout value: a count ({@code 1}) or a percentage ({@code "25%"}).
 *
 * @param value the number
 * @param percent whether it is a percentage
 */
public record IntOrPercent(int value, boolean percent) {
  /**
   * Checks the value.
   *
   * @param value 0 or more
   * @param percent whether it is a percentage (then at most 100)
   */
  public IntOrPercent {
    if (value < 0 || (percent && value > 100)) {
      throw new InvalidInputException(List.of(Problem.of("rollout", value + (percent ? "%" : ""),
          "use a count of 0 or more, or a percentage from 0% to 100%")));
    }
  }

  /**
   * A count.
   *
   * @param count 0 or more
   * @return the value
   */
  public static IntOrPercent of(int count) {
    return new IntOrPercent(count, false);
  }

  /**
   * A percentage.
   *
   * @param percent 0 to 100
   * @return the value
   */
  public static IntOrPercent percent(int percent) {
    return new IntOrPercent(percent, true);
  }

  /**
   * Parses {@code 1} or {@code 25%}.
   *
   * @param text the text
   * @return the value
   */
  public static IntOrPercent parse(String text) {
    InvalidInputException.requireArgument(text, "text");
    String number = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    if (!number.matches("0|[1-9][0-9]{0,8}")) {
      throw new InvalidInputException(List.of(Problem.of("rollout", Names.escaped(text),
          "use a count such as 1 or a percentage such as 25% (digits only, no sign, no leading zeros)")));
    }
    return text.endsWith("%") ? percent(Integer.parseInt(number)) : of(Integer.parseInt(number));
  }

  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
