package io.clusterstacks.core.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The CPU architecture of a node, with the names each ecosystem uses for it.
 *
 * <p>An image's scs-0102 {@code architecture} property and a flavor's architecture must agree: an Arm
 * flavor (scs-0100 {@code _a} extension) needs an {@code aarch64} image.
 */
public enum NodeArchitecture {
  /** 64-bit x86 (Intel, AMD). */
  X86_64("x86_64", "amd64", "x86-64"),
  /** 64-bit Arm (Armv8 and later). */
  AARCH64("aarch64", "arm64", "arm64");

  private final String glanceName;
  private final String goArch;
  private final String sysextName;

  NodeArchitecture(String glanceName, String goArch, String sysextName) {
    this.glanceName = glanceName;
    this.goArch = goArch;
    this.sysextName = sysextName;
  }

  /**
   * The name in Glance's {@code architecture} image property (scs-0102).
   *
   * @return {@code x86_64} or {@code aarch64}
   */
  public String glanceName() {
    return glanceName;
  }

  /**
   * The name Debian packages and Go release artifacts use.
   *
   * @return {@code amd64} or {@code arm64}
   */
  public String goArch() {
    return goArch;
  }

  /**
   * The name in Flatcar sysext-bakery file names.
   *
   * @return {@code x86-64} or {@code arm64}
   */
  public String sysextName() {
    return sysextName;
  }

  /**
   * Reads an architecture as Glance, Debian or Go spell it.
   *
   * @param name e.g. {@code x86_64}, {@code amd64}, {@code aarch64}, {@code arm64}
   * @return the architecture, or empty for anything else (e.g. {@code risc-v})
   */
  public static Optional<NodeArchitecture> fromName(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (NodeArchitecture a : values()) {
      if (a.glanceName.equals(n) || a.goArch.equals(n) || a.sysextName.equals(n)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
