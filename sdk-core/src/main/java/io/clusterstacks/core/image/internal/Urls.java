package io.clusterstacks.core.image.internal;

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
   * @param field the field name for the message
   * @param url the URL
   * @return a problem description, or empty when the URL is fine
   */
  public static Optional<String> problem(String field, String url) {
    if (!SHELL_SAFE.matcher(url).matches()) {
      return Optional.of(field + ": got '" + url + "'; use a plain http(s) URL with letters, digits and"
          + " . _ ~ : / % + , = - only (it is written into shell commands on the node)");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of(field + ": got '" + url + "'; not a URL (" + e.getReason() + ")");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      return Optional.of(field + ": got '" + url + "'; use an http:// or https:// URL");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of(field + ": got a URL with credentials (not shown); bootstrap data is stored"
          + " unencrypted in the KubeadmConfig, so use a proxy or mirror that needs no credentials"
          + " (e.g. allow-listed by source address)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of(field + ": got '" + url + "'; the URL has no host");
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
