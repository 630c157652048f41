package io.clusterstacks.core.internal;

import io.clusterstacks.core.Problem;
import java.util.List;
import java.util.regex.Pattern;

/** Kubernetes name rules, and how a received value is shown in a message. */
public final class Names {
  private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  private static final Pattern LABEL_KEY_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");

  private Names() {}

  /**
   * Whether a string is a DNS-1123 label (lower case, digits, '-', at most 63).
   *
   * @param s the string
   * @return true when valid
   */
  public static boolean isDns1123Label(String s) {
    return s.length() <= 63 && LABEL.matcher(s).matches();
  }

  /**
   * Whether a string is a DNS-1123 subdomain (labels joined by '.', at most 253).
   *
   * @param s the string
   * @return true when valid
   */
  public static boolean isDns1123Subdomain(String s) {
    return s.length() <= 253 && SUBDOMAIN.matcher(s).matches();
  }

  /**
   * Whether a string is a valid label value.
   *
   * @param s the string
   * @return true when valid
   */
  public static boolean isLabelValue(String s) {
    return s.length() <= 63 && LABEL_VALUE.matcher(s).matches();
  }

  /**
   * Whether a string is a valid label key ({@code [prefix/]name}).
   *
   * @param s the string
   * @return true when valid
   */
  public static boolean isLabelKey(String s) {
    int slash = s.lastIndexOf('/');
    String name = slash < 0 ? s : s.substring(slash + 1);
    if (slash >= 0 && !isDns1123Subdomain(s.substring(0, slash))) {
      return false;
    }
    return name.length() <= 63 && LABEL_KEY_NAME.matcher(name).matches();
  }

  /**
   * A received value as a message may show it: control characters written as {@code \\uXXXX}, and cut
   * to {@link Problem#MAX_VALUE_CHARS} characters with its length, as {@link Problem} does.
   *
   * <p>For sentences that are not a {@link Problem} (notices, reports, {@code toString()}); a
   * problem's value is shortened by {@link Problem} itself.
   *
   * @param value the value, may be null
   * @return the text to show, e.g. {@code xxxx…(70000 characters)}
   */
  public static String shown(String value) {
    if (value == null) {
      return "null";
    }
    return Problem.of("", escaped(value), "-").value();
  }

  /**
   * A value with its control characters (C0, DEL, C1, line and paragraph separators) written as
   * {@code \\uXXXX}, so that it cannot start a new line or an escape sequence on a terminal.
   *
   * @param value the value
   * @return the value, unchanged when it holds none
   */
  public static String escaped(String value) {
    StringBuilder sb = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control && sb == null) {
        sb = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      if (sb != null) {
        if (control) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? value : sb.toString();
  }

  /**
   * Whether a value holds a control character (C0, DEL, C1, U+2028, U+2029).
   *
   * @param s the value
   * @return true when it holds one
   */
  public static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks a free-text field: not blank, no control character, at most {@code max} characters.
   *
   * @param path the field path
   * @param value the value
   * @param max the longest allowed value
   * @param what what it is, for the fix, e.g. {@code the user name}
   * @param problems where a problem is added
   */
  public static void checkText(String path, String value, int max, String what, List<Problem> problems) {
    if (value.isBlank()) {
      problems.add(Problem.of(path, value, "give " + what + "; it cannot be empty or blank"));
    } else if (hasControl(value)) {
      problems.add(Problem.of(path, escaped(value), what + " cannot hold control characters such as a line"
          + " break or tab"));
    } else if (value.length() > max) {
      problems.add(Problem.of(path, value, "use at most " + max + " characters for " + what));
    }
  }
}
