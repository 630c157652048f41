package io.clusterstacks.core.stack;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a cluster-stack release: {@code v1} on the stable channel, or
 * {@code v0-sha.lvlvyfw} (number, channel tag and build) on a custom channel.
 *
 * <p>The dot form is the one ClusterStack {@code spec.versions} and ClusterClass names use; the
 * ClusterStackRelease object and its git tag use {@code -} instead ({@link #releaseForm()}).
 *
 * @param number the release number after {@code v}
 * @param channelTag for custom-channel versions, the tag before the dot (e.g. {@code sha})
 * @param build for custom-channel versions, the part after the dot (e.g. {@code lvlvyfw})
 */
public record StackVersion(int number, Optional<String> channelTag, Optional<String> build) {
  private static final Pattern DOT_FORM = Pattern.compile("^v(\\d+)(?:-(\\w+)\\.(\\w+))?$");
  private static final Pattern DASH_FORM = Pattern.compile("^v(\\d+)(?:-(\\w+)-(\\w+))?$");

  /**
   * Checks the parts.
   *
   * @param number the release number, 0 or more
   * @param channelTag the custom-channel tag, present exactly when {@code build} is
   * @param build the custom-channel build, present exactly when {@code channelTag} is
   */
  public StackVersion {
    Objects.requireNonNull(channelTag, "channelTag");
    Objects.requireNonNull(build, "build");
    if (number < 0) {
      throw new StackException("stack version: got v" + number + "; the number must be 0 or more");
    }
    if (channelTag.isPresent() != build.isPresent()) {
      throw new StackException("stack version: a custom-channel version needs both a tag and a build, e.g. v0-sha.lvlvyfw");
    }
  }

  /**
   * A stable-channel version.
   *
   * @param number e.g. 1 for {@code v1}
   * @return the version
   */
  public static StackVersion stable(int number) {
    return new StackVersion(number, Optional.empty(), Optional.empty());
  }

  /**
   * Parses the dot form ({@code v1}, {@code v0-sha.lvlvyfw}) or the release form ({@code v0-sha-lvlvyfw}).
   *
   * @param text the version
   * @return the version
   * @throws StackException when the text matches neither form
   */
  public static StackVersion parse(String text) {
    Matcher m = DOT_FORM.matcher(text);
    if (!m.matches()) {
      m = DASH_FORM.matcher(text);
    }
    if (!m.matches()) {
      throw new StackException("stack version: got '" + text
          + "'; expected v<N> (e.g. v1) or v<N>-<tag>.<build> for a custom channel (e.g. v0-sha.lvlvyfw)");
    }
    int n;
    try {
      n = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      throw new StackException("stack version: got '" + text + "'; the number after v is too large");
    }
    return new StackVersion(n, Optional.ofNullable(m.group(2)), Optional.ofNullable(m.group(3)));
  }

  /**
   * Whether this is a custom-channel version such as {@code v0-sha.lvlvyfw}.
   *
   * @return true for custom-channel versions
   */
  public boolean isCustom() {
    return build.isPresent();
  }

  /**
   * The form used in ClusterStack {@code spec.versions} and ClusterClass names.
   *
   * @return e.g. {@code v1} or {@code v0-sha.lvlvyfw}
   */
  public String format() {
    return isCustom() ? "v" + number + "-" + channelTag.get() + "." + build.get() : "v" + number;
  }

  /**
   * The form used in ClusterStackRelease names and git tags.
   *
   * @return e.g. {@code v1} or {@code v0-sha-lvlvyfw}
   */
  public String releaseForm() {
    return isCustom() ? "v" + number + "-" + channelTag.get() + "-" + build.get() : "v" + number;
  }

  @Override
  public String toString() {
    return format();
  }
}
