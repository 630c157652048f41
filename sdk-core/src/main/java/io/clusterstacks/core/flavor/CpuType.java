package io.clusterstacks.core.flavor;

import java.util.Optional;

/**
 * The CPU type letter of an SCS flavor name, with its scs-0103 {@code scs:cpu-type} value.
 *
 * <p>Declared from the least to the most dedicated, the order the reference tooling uses when it
 * has to pick the strongest of several types.
 */
public enum CpuType {
  /** {@code L}: heavily oversubscribed vCPUs ({@code crowded-core}). */
  CROWDED_CORE('L', "crowded-core", "heavily oversubscribed vCPU"),
  /** {@code V}: oversubscribed vCPUs with at least 20% of a core guaranteed ({@code shared-core}). */
  SHARED_CORE('V', "shared-core", "shared vCPU (at least 20% of a core)"),
  /** {@code T}: dedicated hardware threads (SMT) ({@code dedicated-thread}). */
  DEDICATED_THREAD('T', "dedicated-thread", "dedicated hardware thread"),
  /** {@code C}: dedicated physical cores ({@code dedicated-core}). */
  DEDICATED_CORE('C', "dedicated-core", "dedicated core");

  private final char letter;
  private final String extraSpecValue;
  private final String description;

  CpuType(char letter, String extraSpecValue, String description) {
    this.letter = letter;
    this.extraSpecValue = extraSpecValue;
    this.description = description;
  }

  /**
   * The letter used in flavor names.
   *
   * @return {@code L}, {@code V}, {@code T} or {@code C}
   */
  public char letter() {
    return letter;
  }

  /**
   * The value of the scs-0103 {@code scs:cpu-type} extra spec.
   *
   * @return e.g. {@code shared-core}
   */
  public String extraSpecValue() {
    return extraSpecValue;
  }

  /**
   * What the letter promises, in words.
   *
   * @return e.g. {@code shared vCPU (at least 20% of a core)}
   */
  public String description() {
    return description;
  }

  /**
   * The CPU type for a letter of a flavor name.
   *
   * @param letter the letter
   * @return the type, or empty for any other character
   */
  public static Optional<CpuType> fromLetter(char letter) {
    return Optional.ofNullable(ofLetter(letter));
  }

  /**
   * The CPU type for an {@code scs:cpu-type} value.
   *
   * @param value e.g. {@code shared-core}
   * @return the type, or empty for an unknown value
   */
  public static Optional<CpuType> fromExtraSpecValue(String value) {
    for (CpuType t : values()) {
      if (t.extraSpecValue.equals(value)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  static @org.jspecify.annotations.Nullable CpuType ofLetter(char c) {
    switch (c) {
      case 'L':
        return CROWDED_CORE;
      case 'V':
        return SHARED_CORE;
      case 'T':
        return DEDICATED_THREAD;
      case 'C':
        return DEDICATED_CORE;
      default:
        return null;
    }
  }
}
