package io.clusterstacks.core.flavor;

import java.util.Optional;

/** Whether the GPU extension ({@code _G...} or {@code _g...}) is pass-through or virtual. */
public enum GpuType {
  /** {@code G}: a pass-through GPU (the whole device or a hardware partition). */
  PASS_THROUGH('G', "pass-through GPU"),
  /** {@code g}: a virtual GPU (vGPU). */
  VIRTUAL('g', "virtual GPU");

  private final char letter;
  private final String description;

  GpuType(char letter, String description) {
    this.letter = letter;
    this.description = description;
  }

  /**
   * The letter used in flavor names.
   *
   * @return {@code G} or {@code g}
   */
  public char letter() {
    return letter;
  }

  /**
   * The GPU type in words.
   *
   * @return e.g. {@code pass-through GPU}
   */
  public String description() {
    return description;
  }

  /**
   * The GPU type for a letter of a flavor name.
   *
   * @param letter the letter
   * @return the type, or empty for any other character
   */
  public static Optional<GpuType> fromLetter(char letter) {
    return letter == 'G' ? Optional.of(PASS_THROUGH) : letter == 'g' ? Optional.of(VIRTUAL) : Optional.empty();
  }
}
