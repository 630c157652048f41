package io.clusterstacks.core.flavor;

import java.util.Optional;

/**
 * The root-disk type letter of an SCS flavor name, with its scs-0103 {@code scs:diskN-type} value.
 *
 * <p>Declared in the order the reference tooling ranks them (network lowest, NVMe highest).
 */
public enum DiskType {
  /** {@code n}: network shared storage such as Ceph or Cinder ({@code network}). */
  NETWORK('n', "network", "network storage"),
  /** {@code h}: local spinning disk ({@code hdd}). */
  HDD('h', "hdd", "local HDD"),
  /** {@code s}: local SSD with at least 1000 sequential IOPS and power-loss protection ({@code ssd}). */
  SSD('s', "ssd", "local SSD"),
  /** {@code p}: local high-performance NVMe ({@code nvme}). */
  NVME('p', "nvme", "local high-performance NVMe");

  private final char letter;
  private final String extraSpecValue;
  private final String description;

  DiskType(char letter, String extraSpecValue, String description) {
    this.letter = letter;
    this.extraSpecValue = extraSpecValue;
    this.description = description;
  }

  /**
   * The letter used in flavor names.
   *
   * @return {@code n}, {@code h}, {@code s} or {@code p}
   */
  public char letter() {
    return letter;
  }

  /**
   * The value of the scs-0103 {@code scs:diskN-type} extra spec.
   *
   * @return e.g. {@code ssd}
   */
  public String extraSpecValue() {
    return extraSpecValue;
  }

  /**
   * The disk type in words.
   *
   * @return e.g. {@code local SSD}
   */
  public String description() {
    return description;
  }

  /**
   * The disk type for a letter of a flavor name.
   *
   * @param letter the letter
   * @return the type, or empty for any other character
   */
  public static Optional<DiskType> fromLetter(char letter) {
    return Optional.ofNullable(ofLetter(letter));
  }

  /**
   * The disk type for an {@code scs:diskN-type} value.
   *
   * @param value e.g. {@code ssd}
   * @return the type, or empty for an unknown value
   */
  public static Optional<DiskType> fromExtraSpecValue(String value) {
    for (DiskType t : values()) {
      if (t.extraSpecValue.equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static @org.jspecify.annotations.Nullable DiskType ofLetter(char c) {
    switch (c) {
      case 'n':
        return NETWORK;
      case 'h':
        return HDD;
      case 's':
        return SSD;
      case 'p':
        return NVME;
      default:
        return null;
    }
  }
}
