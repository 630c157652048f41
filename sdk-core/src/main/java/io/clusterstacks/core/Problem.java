package io.clusterstacks.core;

import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One problem with the input: where it is, the value received and what is allowed instead.
 *
 * <p>The one problem type of every {@link InvalidInputException}, whether a builder, a reader or a
 * parser found it. The value is shown shortened (at most {@value #MAX_VALUE_CHARS} characters) and
 * never holds a secret: secrets are reported as {@link #REDACTED}. The path and the fix are bounded
 * too ({@value #MAX_PATH_CHARS} and {@value #MAX_FIX_CHARS} characters), as both may quote input
 * (a key of a map, the names a fix lists); what is cut is replaced by a marker saying how many
 * characters were cut, never dropped silently.
 */
@Value.Immutable
@SdkStyle
public abstract class Problem {
  /** The longest value text a problem keeps; longer values are cut and marked with their length. */
  public static final int MAX_VALUE_CHARS = 120;

  /**
   * The longest path a problem keeps; a longer path keeps its start and its end (the field) around a
   * marker such as {@code …(1048590 characters cut)…}.
   */
  public static final int MAX_PATH_CHARS = 300;

  /** The longest fix text a problem keeps; a longer fix keeps its start and ends in a marker such as {@code …(52000 characters cut)}. */
  public static final int MAX_FIX_CHARS = 2_000;

  /** The value text shown for a secret. */
  public static final String REDACTED = "<redacted>";

  /** The value text shown for an attribute that was not set. */
  public static final String MISSING = "<missing>";

  Problem() {}

  /**
   * The path of the field, e.g. {@code clusterStack.name} or {@code flavors[3].vcpus}.
   *
   * @return the path, empty for the input as a whole
   */
  public abstract String path();

  /**
   * The value received, as text, shortened to {@value #MAX_VALUE_CHARS} characters.
   *
   * @return the value, {@link #MISSING} when absent, {@link #REDACTED} for a secret
   */
  public abstract String value();

  /**
   * What is allowed, or how to fix it.
   *
   * @return e.g. {@code use a DNS-1123 label: lower case, digits and '-'}
   */
  public abstract String fix();

  /**
   * Shortens an over-long value, path or fix so that no message echoes megabytes of input.
   *
   * @return this problem, or a copy with the value, path or fix shortened
   */
  @Value.Check
  Problem shortened() {
    String v = value();
    String p = path();
    String f = fix();
    if (v.length() <= MAX_VALUE_CHARS && p.length() <= MAX_PATH_CHARS && f.length() <= MAX_FIX_CHARS) {
      return this;
    }
    // each shortened text fits its limit, so the copy passes this check unchanged
    return toBuilder().value(shortValue(v)).path(shortPath(p)).fix(shortFix(f)).build();
  }

  /**
   * A value cut to {@link #MAX_VALUE_CHARS} characters, ending in its length: the one shortener of
   * received values ({@link io.clusterstacks.core.internal.Names#shown} uses it too).
   */
  static String shortValue(String v) {
    if (v.length() <= MAX_VALUE_CHARS) {
      return v;
    }
    // the marker counts towards the limit
    String marker = "…(" + v.length() + " characters)";
    return v.substring(0, MAX_VALUE_CHARS - marker.length()) + marker;
  }

  private static final java.util.regex.Pattern CUT = java.util.regex.Pattern.compile("…\\((\\d{1,10}) characters cut\\)…?");

  /**
   * A path cut in the middle to {@link #MAX_PATH_CHARS}: its start (the document, the object) and its
   * end (the field) stay. A marker of an earlier cut that falls into the cut part is counted in, so
   * the count stays exact when {@link #under} puts a shortened path below a parent.
   */
  static String shortPath(String p) {
    if (p.length() <= MAX_PATH_CHARS) {
      return p;
    }
    // the marker's digits are at most 10; reserve room for them so that head + marker + tail fits
    int room = MAX_PATH_CHARS - "…( characters cut)…".length() - 10;
    int head = room / 2;
    int tail = room - head;
    String cut = p.substring(head, p.length() - tail);
    return p.substring(0, head) + "…(" + cutCount(cut) + " characters cut)…" + p.substring(p.length() - tail);
  }

  /** A fix cut at its end to {@link #MAX_FIX_CHARS}, with the count of characters cut. */
  static String shortFix(String f) {
    if (f.length() <= MAX_FIX_CHARS) {
      return f;
    }
    int keep = MAX_FIX_CHARS - "…( characters cut)".length() - 10;
    return f.substring(0, keep) + "…(" + cutCount(f.substring(keep)) + " characters cut)";
  }

  /** How many characters of the original text a cut part stands for (earlier markers in it included). */
  private static long cutCount(String cut) {
    long n = cut.length();
    java.util.regex.Matcher m = CUT.matcher(cut);
    while (m.find()) {
      n += Long.parseLong(m.group(1)) - m.group().length();
    }
    return n;
  }

  /**
   * The same problem below a parent path.
   *
   * @param parent e.g. {@code flavors[2]}
   * @return a copy whose path starts with the parent
   */
  public Problem under(String parent) {
    return toBuilder().path(path().isEmpty() ? parent : parent + "." + path()).build();
  }

  /**
   * A problem.
   *
   * @param path the field path
   * @param value the value received, as text
   * @param fix what is allowed or how to fix it
   * @return the problem
   */
  public static Problem of(String path, String value, String fix) {
    return builder().path(path).value(value).fix(fix).build();
  }

  /**
   * A problem with a secret field, whose value is never shown.
   *
   * @param path the field path
   * @param fix what is allowed or how to fix it
   * @return the problem, with the value {@link #REDACTED}
   */
  public static Problem secret(String path, String fix) {
    return of(path, REDACTED, fix);
  }

  /**
   * A problem with a mandatory attribute that was not set.
   *
   * @param path the field path
   * @param fix how to set it
   * @return the problem, with the value {@link #MISSING}
   */
  public static Problem missing(String path, String fix) {
    return of(path, MISSING, fix);
  }

  /**
   * A problem built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the problem
   */
  public static Problem of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this problem's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    return (path().isEmpty() ? "<input>" : path()) + ": got " + (value().isEmpty() ? "\"\"" : value()) + "; " + fix();
  }

  /** Builds a {@link Problem}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableProblem.Builder {
    Builder() {}
  }
}
