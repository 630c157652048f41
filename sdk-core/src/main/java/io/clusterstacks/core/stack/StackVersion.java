package io.clusterstacks.core.stack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
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
  private static final Pattern DOT_FORM = Pattern.compile("^v(0|[1-9]\\d{0,9})(?:-([a-z0-9]{1,63})\\.([a-z0-9]{1,63}))?$");
  private static final Pattern DASH_FORM = Pattern.compile("^v(0|[1-9]\\d{0,9})(?:-([a-z0-9]{1,63})-([a-z0-9]{1,63}))?$");
  private static final Pattern WORD = Pattern.compile("^[a-z0-9]{1,63}$");

  /**
   * Checks the parts.
   *
   * @param number the release number, 0 or more
   * @param channelTag the custom-channel tag, present exactly when {@code build} is
   * @param build the custom-channel build, present exactly when {@code channelTag} is
   */
  public StackVersion {
    InvalidInputException.requireArgument(channelTag, "channelTag");
    InvalidInputException.requireArgument(build, "build");
    List<Problem> p = new ArrayList<>();
    if (number < 0) {
      p.add(Problem.of("stackVersion.number", String.valueOf(number), "use 0 or more"));
    }
    if (channelTag.isPresent() != build.isPresent()) {
      p.add(Problem.of("stackVersion.build", channelTag.orElse("") + "." + build.orElse(""),
          "a custom-channel version needs both a tag and a build, e.g. v0-sha.lvlvyfw"));
    }
    channelTag.filter(t -> !WORD.matcher(t).matches()).ifPresent(t -> p.add(Problem.of("stackVersion.channelTag",
        Names.escaped(t), "use 1 to 63 lower-case letters or digits, e.g. sha")));
    build.filter(t -> !WORD.matcher(t).matches()).ifPresent(t -> p.add(Problem.of("stackVersion.build",
        Names.escaped(t), "use 1 to 63 lower-case letters or digits, e.g. lvlvyfw")));
    if (!p.isEmpty()) {
      throw new StackException(p);
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
    InvalidInputException.requireArgument(text, "version");
    Matcher m = DOT_FORM.matcher(text);
    if (!m.matches()) {
      m = DASH_FORM.matcher(text);
    }
    if (!m.matches()) {
      throw new StackException("version", Names.escaped(text),
          "use v<N> (e.g. v1) or v<N>-<tag>.<build> for a custom channel (e.g. v0-sha.lvlvyfw)");
    }
    int n;
    try {
      n = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      throw new StackException("version", Names.escaped(text), "the number after v is beyond "
          + Integer.MAX_VALUE + "; use a release number such as v1");
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
