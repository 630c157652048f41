package io.clusterstacks.core.image;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which operating systems (scs-0102 {@code os_distro} / {@code os_version}) can become Kubernetes nodes
 * with the built-in strategies, and why the others cannot.
 */
public final class NodeOperatingSystems {

  /** The supported choices, as shown in errors. */
  public static final List<String> SUPPORTED = List.of(
      "os_distro=ubuntu os_version=24.04 (general-purpose Ubuntu, the default)",
      "os_distro=ubuntu os_version=22.04 (general-purpose Ubuntu, on request)",
      "os_distro=flatcar (Flatcar with ignition)",
      "a pre-built ubuntu-capi-image-v<version> (pre-built CAPI image)");

  private static final String NO_SYSTEMD_GLIBC =
      "it has no systemd (the kubelet, containerd and CRI-O packages and kubeadm's kubelet drop-in are"
          + " systemd units) and no glibc (musl instead; the Kubernetes deb/rpm packages and static release"
          + " artifacts assume a glibc distribution)";

  private static final Map<String, String> UNSUITABLE = Map.of(
      "alpine", "Alpine Linux: " + NO_SYSTEMD_GLIBC + "; it uses OpenRC",
      "cirros", "CirrOS is a minimal test image: no systemd, no package manager, no container runtime",
      "openwrt", "OpenWrt: no systemd and musl instead of glibc",
      "windows", "Windows nodes are not supported by CAPI's kubeadm bootstrap on OpenStack");

  private NodeOperatingSystems() {}

  /**
   * Checks an operating system can become a node with the built-in general-purpose strategies.
   *
   * @param osDistro the scs-0102 {@code os_distro}, e.g. {@code ubuntu}
   * @param osVersion the scs-0102 {@code os_version}, e.g. {@code 24.04} (may be empty)
   * @return the strategy family that handles it: {@code ubuntu} or {@code flatcar}
   * @throws UnsupportedOperatingSystemException naming the reason and the supported choices
   */
  public static String requireSupported(String osDistro, String osVersion) {
    String d = osDistro.strip().toLowerCase(Locale.ROOT);
    String unsuitable = UNSUITABLE.get(d);
    if (unsuitable != null) {
      throw new UnsupportedOperatingSystemException(osDistro, osVersion, unsuitable, SUPPORTED);
    }
    if (d.equals("flatcar")) {
      return "flatcar";
    }
    if (d.equals("ubuntu")) {
      if (UbuntuRelease.fromVersion(osVersion).isPresent()) {
        return "ubuntu";
      }
      throw new UnsupportedOperatingSystemException(osDistro, osVersion,
          "the general-purpose strategy installs Kubernetes on Ubuntu LTS 24.04 and 22.04 only", SUPPORTED);
    }
    throw new UnsupportedOperatingSystemException(osDistro, osVersion,
        "no built-in strategy installs Kubernetes on it (a third-party ImageStrategy can)", SUPPORTED);
  }
}
