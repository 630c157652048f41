package io.clusterstacks.core.flavor;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.List;

/**
 * An SCS flavor name (it starts with {@code SCS-}) that does not follow scs-0100.
 *
 * <p>Carries the input, the 0-based position of the first problem and what was expected there. For
 * {@code SCS-2C-4ou-10n} the position is 9 and the expectation says the memory flags must be ordered
 * {@code uo}. It is an {@link InvalidInputException} with one problem (path {@code flavorName}). Names that do not start with {@code SCS-} are not invalid but no SCS names at all:
 * see {@link NotAnScsFlavorNameException}.
 */
public class InvalidFlavorNameException extends InvalidInputException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 100;

  /** The name as received. */
  private final String input;
  /** The 0-based position of the first problem. */
  private final int position;
  /** What was expected at that position. */
  private final String expected;

  /**
   * Creates the exception.
   *
   * @param input the name as received
   * @param position the 0-based index of the first character that is wrong (the input's length
   *     when the name ends too early)
   * @param expected what the standard expects at that position, in words
   */
  public InvalidFlavorNameException(String input, int position, String expected) {
    super(List.of(Problem.of("flavorName", Names.escaped(input), "at position " + position + ": " + expected)));
    this.input = input;
    this.position = position;
    this.expected = expected;
  }

  private static String message(String input, int position, String expected) {
    String shown = Names.escaped(input.length() > MAX_SHOWN ? input.substring(0, MAX_SHOWN) + "... (" + input.length()
        + " characters)" : input);
    String at;
    if (position >= input.length()) {
      at = "at position " + position + " (end of name)";
    } else {
      String rest = Names.escaped(input.substring(position, Math.min(input.length(), position + 20)));
      at = "at position " + position + " ('" + rest + (position + 20 < input.length() ? "..." : "") + "')";
    }
    return "invalid SCS flavor name '" + shown + "' " + at + ": " + expected;
  }

  /**
   * The message: the input (shortened beyond 100 characters), the position and what was expected.
   * Built when first asked for, so that code that only tests validity pays for no text.
   *
   * @return e.g. {@code invalid SCS flavor name 'SCS-2C-4ou-10n' at position 9 ('u-10n'): memory flags ...}
   */
  @Override
  public String getMessage() {
    return message(input, position, expected);
  }

  /**
   * The name as received.
   *
   * @return the input
   */
  public String input() {
    return input;
  }

  /**
   * The 0-based position of the first problem.
   *
   * @return an index into {@link #input()}, or its length when the name ends too early
   */
  public int position() {
    return position;
  }

  /**
   * What the standard expects at {@link #position()}, in words.
   *
   * @return e.g. {@code memory flags must be ordered 'uo' ...}
   */
  public String expected() {
    return expected;
  }
}
