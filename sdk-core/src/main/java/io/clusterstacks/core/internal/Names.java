package io.clusterstacks.core.internal;

import java.util.regex.Pattern;

/** Kubernetes name rules. */
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
}
