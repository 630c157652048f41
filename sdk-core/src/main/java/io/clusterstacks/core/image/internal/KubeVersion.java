package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.ClusterStacksException;
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
  private static final Pattern FORMAT = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

  /** The lowest minor with packages on pkgs.k8s.io and a CRI-O stream in isv:cri-o. */
  public static final int MIN_MINOR = 28;

  /**
   * Parses {@code v1.32.5} or {@code 1.32.5}; the patch is required because nodes are pinned to it.
   *
   * @param text the version
   * @return the version
   */
  public static KubeVersion parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      throw new ClusterStacksException("kubernetesVersion: got '" + text
          + "'; give the exact release such as v1.32.5 (packages are pinned to the patch version)");
    }
    KubeVersion v = new KubeVersion(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    if (v.major != 1 || v.minor < MIN_MINOR) {
      throw new ClusterStacksException("kubernetesVersion: got '" + text + "'; installing at boot supports"
          + " v1." + MIN_MINOR + ".0 and later (the pkgs.k8s.io and CRI-O repositories start there)");
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
