package io.clusterstacks.core.flavor;

import java.util.List;
import java.util.Optional;

/**
 * The CPU vendor (architecture) extension of an SCS flavor name, with its known generations.
 *
 * <p>Generations follow the reference parser's tables: Intel and AMD 0 to 6, ARM 0 to 5, RISC-V 0.
 */
public enum CpuVendor {
  /** {@code i}: Intel x86-64. */
  INTEL('i', "Intel", true, List.of("pre-Skylake", "Skylake", "Cascade Lake", "Ice Lake",
      "Sapphire Rapids", "Sierra Forest (E)", "Granite Rapids (P)")),
  /** {@code z}: AMD x86-64. */
  AMD('z', "AMD", true, List.of("pre-Zen", "Zen 1 (Naples)", "Zen 2 (Rome)", "Zen 3 (Milan)",
      "Zen 4 (Genoa)", "Zen 5 (Turin)", "Zen 6 (Venice)")),
  /** {@code a}: ARM v8 or later (images with architecture {@code aarch64}). */
  ARM('a', "ARM", false, List.of("pre-A76", "A76/Neoverse N1", "A78/X1/Neoverse V1",
      "A71x/Neoverse N2/V2", "AmpereOne", "A72x/Neoverse N3/V3")),
  /** {@code r}: RISC-V. */
  RISC_V('r', "RISC-V", false, List.of("unspecified"));

  private final char letter;
  private final String description;
  private final boolean x86;
  private final List<String> generations;

  CpuVendor(char letter, String description, boolean x86, List<String> generations) {
    this.letter = letter;
    this.description = description;
    this.x86 = x86;
    this.generations = generations;
  }

  /**
   * The letter used in flavor names.
   *
   * @return {@code i}, {@code z}, {@code a} or {@code r}
   */
  public char letter() {
    return letter;
  }

  /**
   * The vendor in words.
   *
   * @return e.g. {@code AMD}
   */
  public String description() {
    return description;
  }

  /**
   * Whether this is an x86-64 vendor; the short name drops x86 vendors entirely.
   *
   * @return true for Intel and AMD
   */
  public boolean isX86() {
    return x86;
  }

  /**
   * The highest generation number the standard defines for this vendor.
   *
   * @return e.g. 6 for AMD
   */
  public int maxGeneration() {
    return generations.size() - 1;
  }

  /**
   * The name of a generation.
   *
   * @param generation the generation number
   * @return e.g. {@code Zen 3 (Milan)}, or empty when the standard defines no such generation
   */
  public Optional<String> generationName(int generation) {
    return generation >= 0 && generation < generations.size()
        ? Optional.of(generations.get(generation))
        : Optional.empty();
  }

  /**
   * The vendor for a letter of a flavor name.
   *
   * @param letter the letter
   * @return the vendor, or empty for any other character
   */
  public static Optional<CpuVendor> fromLetter(char letter) {
    return Optional.ofNullable(ofLetter(letter));
  }

  static @org.jspecify.annotations.Nullable CpuVendor ofLetter(char c) {
    switch (c) {
      case 'i':
        return INTEL;
      case 'z':
        return AMD;
      case 'a':
        return ARM;
      case 'r':
        return RISC_V;
      default:
        return null;
    }
  }
}
