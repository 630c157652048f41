package io.clusterstacks.core.image;

import java.util.List;

/**
 * The requested or found operating system cannot become a Kubernetes node with any built-in strategy,
 * for example Alpine Linux (no systemd, no glibc).
 */
public class UnsupportedOperatingSystemException extends ImageStrategyException {
  private static final long serialVersionUID = 1L;

  /** The refused distribution. */
  private final String osDistro;
  /** The refused version. */
  private final String osVersion;
  /** Why it cannot work. */
  private final String reason;
  /** The supported choices. */
  private final transient List<String> supported;

  /**
   * Creates the exception.
   *
   * @param osDistro the scs-0102 {@code os_distro} asked for or found, e.g. {@code alpine}
   * @param osVersion the scs-0102 {@code os_version}, or an empty string when unknown
   * @param reason why it cannot work
   * @param supported the operating systems that do work, e.g. {@code ubuntu 24.04 (general-purpose Ubuntu)}
   */
  public UnsupportedOperatingSystemException(
      String osDistro, String osVersion, String reason, List<String> supported) {
    super("image os_distro=" + osDistro + (osVersion.isEmpty() ? "" : " os_version=" + osVersion)
        + ": not usable as a Kubernetes node: " + reason + "; use one of: " + String.join(", ", supported));
    this.osDistro = osDistro;
    this.osVersion = osVersion;
    this.reason = reason;
    this.supported = List.copyOf(supported);
  }

  /**
   * The distribution that was refused.
   *
   * @return e.g. {@code alpine}
   */
  public String osDistro() {
    return osDistro;
  }

  /**
   * The version that was refused.
   *
   * @return e.g. {@code 3.20}, or an empty string when unknown
   */
  public String osVersion() {
    return osVersion;
  }

  /**
   * Why the operating system cannot work.
   *
   * @return e.g. {@code no systemd (OpenRC) and no glibc (musl)}
   */
  public String reason() {
    return reason;
  }

  /**
   * The operating systems that do work, with the strategy that handles each.
   *
   * @return the supported choices
   */
  public List<String> supported() {
    return supported;
  }
}
