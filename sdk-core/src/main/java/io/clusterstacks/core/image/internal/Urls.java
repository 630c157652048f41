package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** URL checks for anything that ends up in a shell command or a config file on a node. */
public final class Urls {
  /** Characters that need no quoting in a POSIX shell word and are legal in a URL. */
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._~:/%+@,=-]+");

  private Urls() {}

  /**
   * Checks a base URL (http or https, no credentials, shell-safe).
   *
   * @param field the field path for the problem
   * @param url the URL
   * @return the problem, or empty when the URL is fine; a URL with user information is never shown
   */
  public static Optional<Problem> problem(String field, String url) {
    int at = url.indexOf('@');
    String shown = at >= 0 ? Problem.REDACTED : Names.escaped(url);
    if (at >= 0) {
      return Optional.of(Problem.of(field, shown, "remove the credentials from the URL: bootstrap data is stored"
          + " unencrypted in the KubeadmConfig, so use a proxy or mirror that needs no credentials"
          + " (e.g. allow-listed by source address)"));
    }
    if (url.length() > 2048) {
      return Optional.of(Problem.of(field, shown, "use a URL of at most 2048 characters"));
    }
    if (!SHELL_SAFE.matcher(url).matches()) {
      return Optional.of(Problem.of(field, shown, "use a plain http(s) URL with letters, digits and"
          + " . _ ~ : / % + , = - only (it is written into shell commands on the node)"));
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of(Problem.of(field, shown, "give a URL such as http://mirror.internal/ (" + e.getReason() + ")"));
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      return Optional.of(Problem.of(field, shown, "use an http:// or https:// URL"));
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of(Problem.of(field, shown, "give a URL with a host, e.g. http://mirror.internal/"));
    }
    return Optional.empty();
  }

  /**
   * The URL with exactly one trailing slash.
   *
   * @param url the URL
   * @return the URL ending in {@code /}
   */
  public static String withTrailingSlash(String url) {
    String u = url.strip();
    while (u.endsWith("//")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith("/") ? u : u + "/";
  }
}
