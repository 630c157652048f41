package io.clusterstacks.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The input given to a builder, reader or parser is not valid; lists every {@link Problem} at once.
 *
 * <p>The one validation exception of the SDK: each problem names the field path, the value received
 * (shortened, never a secret) and what is allowed instead. Catch it to show all problems to a user in
 * one go; {@link #problems()} gives them one by one.
 *
 * <p>The message lists whole problems up to {@value #MAX_MESSAGE_CHARS} characters and then says how
 * many more there are; {@link #problems()} always holds every one of them.
 */
public class InvalidInputException extends ClusterStacksException {
  /**
   * The longest message: whole problems are listed while they fit, then a line says how many more
   * {@link #problems()} holds. Each problem is bounded by {@link Problem}'s limits, so at least the
   * first few problems are always shown.
   */
  public static final int MAX_MESSAGE_CHARS = 16_000;

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates the exception from the problems found.
   *
   * @param problems every problem found, at least one
   */
  public InvalidInputException(List<Problem> problems) {
    this(problems, null);
  }

  /**
   * Creates the exception from the problems found and the failure that revealed them.
   *
   * @param problems every problem found, at least one
   * @param cause the underlying failure, or null; its message must not hold a secret
   */
  public InvalidInputException(List<Problem> problems, Throwable cause) {
    super(render(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates the exception for mandatory attributes that were not set, or set to null, on a builder.
   *
   * <p>The SDK's generated builders call this with the attribute names; the path of each problem is
   * the value type and the attribute, e.g. {@code clusterStack.name}.
   *
   * @param attributes the names of the attributes, at least one
   */
  public InvalidInputException(String... attributes) {
    this(missingAttributes(attributes));
  }

  /**
   * Every problem found, in the order found.
   *
   * @return the problems, never empty
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The same problems with their paths put below a parent path.
   *
   * @param parent e.g. {@code flavors[2]}
   * @return a new exception with the same cause
   */
  public InvalidInputException under(String parent) {
    List<Problem> moved = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      moved.add(p.under(parent));
    }
    InvalidInputException e = new InvalidInputException(moved, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }

  /**
   * Throws when any problem was found.
   *
   * @param problems the problems found, possibly none
   * @throws InvalidInputException listing them all, when there is at least one
   */
  public static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * Checks that an argument of a public method is present.
   *
   * @param value the argument
   * @param path the parameter's name, e.g. {@code request}
   * @param <T> the argument's type
   * @return the argument
   * @throws InvalidInputException naming the parameter when it is null
   */
  public static <T> T requireArgument(T value, String path) {
    if (value == null) {
      throw new InvalidInputException(List.of(Problem.of(path, "null", "pass a value; null is not allowed")));
    }
    return value;
  }

  private static String render(List<Problem> problems) {
    Objects.requireNonNull(problems, "problems");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    int total = problems.size();
    StringBuilder sb = new StringBuilder("invalid input (")
        .append(total).append(total == 1 ? " problem)" : " problems)");
    // the longest line that can count the rest: total's digits, and the plural
    int countLine = omitted(total).length();
    for (int i = 0; i < total; i++) {
      String line = "\n  - " + problems.get(i);
      // room for this problem and, when more follow, for the line that counts the rest
      int after = i == total - 1 ? 0 : countLine;
      if (sb.length() + line.length() + after > MAX_MESSAGE_CHARS) {
        sb.append(omitted(total - i));
        break;
      }
      sb.append(line);
    }
    return sb.toString();
  }

  /** The line that ends a message cut at {@link #MAX_MESSAGE_CHARS}, for {@code n} problems not shown. */
  private static String omitted(int n) {
    return "\n  (" + n + (n == 1 ? " more problem is" : " more problems are") + " not shown; problems() holds all of them)";
  }

  private static List<Problem> missingAttributes(String... attributes) {
    String type = builtType();
    List<Problem> out = new ArrayList<>(attributes.length);
    for (String a : attributes) {
      String attribute = a.endsWith(" element") ? a.substring(0, a.length() - " element".length()) : a;
      out.add(Problem.missing(type.isEmpty() ? attribute : type + "." + attribute,
          "set " + attribute + " on the builder; it is mandatory and cannot be null"));
    }
    return out;
  }

  // The generated builders pass attribute names only; the value type being built is the first
  // generated Immutable* class on the stack (its nested Builder), named without the prefix.
  private static String builtType() {
    return StackWalker.getInstance().walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .map(n -> n.substring(n.lastIndexOf('.') + 1))
        .filter(n -> n.startsWith("Immutable"))
        .findFirst()
        .map(n -> n.substring("Immutable".length()).split("\\$")[0])
        .map(n -> n.isEmpty() ? n : n.substring(0, 1).toLowerCase(Locale.ROOT) + n.substring(1))
        .orElse(""));
  }
}
