package io.clusterstacks.core.image;

import java.util.Optional;

/**
 * The Ubuntu LTS releases the general-purpose strategy can turn into nodes.
 *
 * <p>The SCS image standard (scs-0104, IaaS v5 list) makes {@code Ubuntu 24.04} mandatory and
 * {@code Ubuntu 22.04} optional; the older IaaS v4 list made 22.04 mandatory.
 */
public enum UbuntuRelease {
  /** Ubuntu 24.04 LTS (noble), the default. */
  NOBLE("24.04", "noble"),
  /** Ubuntu 22.04 LTS (jammy), on request. */
  JAMMY("22.04", "jammy");

  private final String version;
  private final String codename;

  UbuntuRelease(String version, String codename) {
    this.version = version;
    this.codename = codename;
  }

  /**
   * The version as the scs-0102 {@code os_version} image property spells it.
   *
   * @return e.g. {@code 24.04}
   */
  public String version() {
    return version;
  }

  /**
   * The release code name.
   *
   * @return e.g. {@code noble}
   */
  public String codename() {
    return codename;
  }

  /**
   * The release with this {@code os_version}.
   *
   * @param osVersion e.g. {@code 24.04}
   * @return the release, or empty when the general-purpose strategy does not support it
   */
  public static Optional<UbuntuRelease> fromVersion(String osVersion) {
    for (UbuntuRelease r : values()) {
      if (r.version.equals(osVersion.strip())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
