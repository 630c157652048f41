package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact Kubernetes release version {@code v1.N.P}.
 *
 * @param major the major version (1)
 * @param minor the minor version
 * @param patch the patch version
 */
public record KubeVersion(int major, int minor, int patch) {
  // each number without leading zeros and at most 9 digits, so that it fits an int
  private static final Pattern FORMAT = Pattern.compile("v?(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  /** The lowest minor with packages on pkgs.k8s.io and a CRI-O stream in isv:cri-o. */
  public static final int MIN_MINOR = 28;

  /**
   * Parses {@code v1.32.5} or {@code 1.32.5}; the patch is required because nodes are pinned to it.
   *
   * @param text the version
   * @return the version
   * @throws InvalidInputException when it is not such a version, or older than v1.{@value #MIN_MINOR}
   */
  public static KubeVersion parse(String text) {
    InvalidInputException.requireArgument(text, "kubernetesVersion");
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new InvalidInputException(List.of(Problem.of("kubernetesVersion", Names.escaped(text),
          "give the exact release such as v1.32.5, numbers without leading zeros (packages are pinned to the"
              + " patch version)")));
    }
    KubeVersion v = new KubeVersion(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    if (v.major != 1 || v.minor < MIN_MINOR) {
      throw new InvalidInputException(List.of(Problem.of("kubernetesVersion", Names.escaped(text),
          "installing at boot supports v1." + MIN_MINOR + ".0 and later (the pkgs.k8s.io and CRI-O repositories"
              + " start there)")));
    }
    return v;
  }

  /**
   * The tag form.
   *
   * @return e.g. {@code v1.32.5}
   */
  public String tag() {
    return "v" + plain();
  }

  /**
   * The form without {@code v}, as Debian package versions start.
   *
   * @return e.g. {@code 1.32.5}
   */
  public String plain() {
    return major + "." + minor + "." + patch;
  }

  /**
   * The minor stream as package repositories name it.
   *
   * @return e.g. {@code v1.32}
   */
  public String stream() {
    return "v" + major + "." + minor;
  }
}
