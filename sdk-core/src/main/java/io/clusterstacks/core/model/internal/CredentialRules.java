package io.clusterstacks.core.model.internal;

import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * What a credential field may hold, so that every accepted value can be written into clouds.yaml
 * (double-quoted YAML) and cloud.conf (gcfg INI, double-quoted) and read back unchanged.
 *
 * <p>The rule: no control character (U+0000–U+001F, U+007F–U+009F, U+2028, U+2029) in any field, a
 * length limit per field, and an {@code authUrl} that is an absolute {@code http(s)} URL without
 * {@code user:password@}, query or fragment. Every other character is allowed: the renderer quotes
 * (a {@code "} or {@code \} is escaped, {@code #} and {@code ;} are inside quotes). Secret values are
 * never shown in a problem; a URL with user information is shown with it replaced.
 */
public final class CredentialRules {
  /** Keystone's default {@code max_password_length}; application credential secrets are held to it too. */
  public static final int MAX_SECRET = 4096;
  /** Keystone's user name column. */
  public static final int MAX_NAME = 255;
  /** Keystone's ID, domain name and project name columns. */
  public static final int MAX_ID = 64;
  /** A generous bound for a Keystone URL. */
  public static final int MAX_URL = 2048;

  private CredentialRules() {}

  /**
   * Checks a non-secret text field ({@link Names#checkText}).
   *
   * @param path the field path
   * @param value the value
   * @param max the longest allowed value
   * @param what what it is, for the fix, e.g. {@code the user name}
   * @param problems where problems are added
   */
  public static void text(String path, String value, int max, String what, List<Problem> problems) {
    Names.checkText(path, value, max, what, problems);
  }

  /**
   * Checks a secret field; the value is never shown.
   *
   * @param path the field path
   * @param value the secret
   * @param what what it is, for the fix
   * @param problems where problems are added
   */
  public static void secret(String path, String value, String what, List<Problem> problems) {
    if (value.isEmpty()) {
      problems.add(Problem.secret(path, "give " + what + "; it cannot be empty"));
    } else if (hasControl(value)) {
      problems.add(Problem.secret(path, what + " holds a control character (e.g. a line break, tab or NUL),"
          + " which cloud.conf cannot carry safely; set a " + what + " of printable characters"));
    } else if (value.length() > MAX_SECRET) {
      problems.add(Problem.secret(path, what + " has " + value.length() + " characters; use at most " + MAX_SECRET));
    }
  }

  /**
   * Checks a Keystone URL.
   *
   * @param path the field path
   * @param url the URL
   * @param problems where problems are added
   */
  public static void authUrl(String path, String url, List<Problem> problems) {
    String shown = redacted(url);
    if (hasControl(url) || url.chars().anyMatch(Character::isWhitespace)) {
      problems.add(Problem.of(path, Names.escaped(shown), "write the URL without spaces or control characters"));
      return;
    }
    if (url.length() > MAX_URL) {
      problems.add(Problem.of(path, shown, "use a URL of at most " + MAX_URL + " characters"));
      return;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      problems.add(Problem.of(path, shown, "give the Keystone URL, e.g. https://keystone.example.com:5000/v3"));
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null || !shown.equals(url)) {
      problems.add(Problem.of(path, shown, "remove user:password@ from the URL; give the user and password"
          + " (or the application credential) in their own fields, which are written only into the Secret"));
    } else if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      problems.add(Problem.of(path, shown, "give an absolute http(s) URL with a host, e.g."
          + " https://keystone.example.com:5000/v3"));
    } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      problems.add(Problem.of(path, shown, "remove the query and fragment; give the Keystone base URL, e.g."
          + " https://keystone.example.com:5000/v3"));
    }
  }

  /**
   * The URL with any user information ({@code user:password@}) replaced, for messages and {@code toString()}.
   *
   * @param url the URL as given
   * @return e.g. {@code https://<redacted>@keystone.example.com/v3}
   */
  public static String redacted(String url) {
    int start = url.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int end = url.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = url.indexOf(c, start);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return url;
    }
    return url.substring(0, start) + Problem.REDACTED + url.substring(at);
  }

  /**
   * Whether a value holds a control character ({@link Names#hasControl}).
   *
   * @param s the value
   * @return true when it holds one
   */
  public static boolean hasControl(String s) {
    return Names.hasControl(s);
  }
}
