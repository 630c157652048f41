package io.clusterstacks.core.flavor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GPU vendor letter of an SCS flavor name, with its known generations.
 *
 * <p>Generation codes are strings, exactly as written in names (nVidia letters such as {@code a} for
 * Ampere, AMD numbers such as {@code 3.1} for RDNA3, Intel numbers such as {@code 0.95}), and follow
 * the reference parser's tables.
 */
public enum GpuVendor {
  /** {@code N}: nVidia; compute units are streaming multiprocessors (SMs). */
  NVIDIA('N', "nVidia", "SMs", table(
      "f", "Fermi", "k", "Kepler", "m", "Maxwell", "p", "Pascal", "v", "Volta", "t", "Turing",
      "a", "Ampere", "l", "AdaLovelace", "g", "GraceHopper", "b", "Blackwell", "u", "Blackwell Ultra")),
  /** {@code A}: AMD; compute units are CUs. */
  AMD('A', "AMD", "CUs", table(
      "0.4", "GCN4.0/Polaris", "0.5", "GCN5.0/Vega", "1", "CDNA1", "1.1", "RDNA1/Navi1x",
      "2", "CDNA2", "2.1", "RDNA2/Navi2x", "3", "CDNA3", "3.1", "RDNA3/Navi3x", "3.5", "RDNA3.5",
      "4", "CDNA4", "4.1", "RDNA4/Navi4x", "5.1", "RDNA5/Navi5x")),
  /** {@code I}: Intel; compute units are execution units (EUs). */
  INTEL('I', "Intel", "EUs", table(
      "0.9", "Gen9/Skylake", "0.95", "Gen9.5/KabyLake", "1", "Xe1/Gen12.1/DG1", "2", "Xe2/Gen12.2",
      "3", "Arc/Gen12.7/DG2", "4", "BattleImage/Gen20.0"));

  private final char letter;
  private final String description;
  private final String computeUnitName;
  private final Map<String, String> generations;

  GpuVendor(char letter, String description, String computeUnitName, Map<String, String> generations) {
    this.letter = letter;
    this.description = description;
    this.computeUnitName = computeUnitName;
    this.generations = generations;
  }

  private static Map<String, String> table(String... codeAndName) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < codeAndName.length; i += 2) {
      m.put(codeAndName[i], codeAndName[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The letter used in flavor names.
   *
   * @return {@code N}, {@code A} or {@code I}
   */
  public char letter() {
    return letter;
  }

  /**
   * The vendor in words.
   *
   * @return e.g. {@code nVidia}
   */
  public String description() {
    return description;
  }

  /**
   * What this vendor's compute units are called.
   *
   * @return {@code SMs}, {@code CUs} or {@code EUs}
   */
  public String computeUnitName() {
    return computeUnitName;
  }

  /**
   * The generation codes the standard defines, in the standard's order.
   *
   * @return e.g. {@code [f, k, m, p, v, t, a, l, g, b, u]}
   */
  public List<String> generations() {
    return List.copyOf(generations.keySet());
  }

  /**
   * Whether a generation code is defined for this vendor.
   *
   * @param code e.g. {@code a} or {@code 3.1}
   * @return true when the code is in the vendor's table
   */
  public boolean isKnownGeneration(String code) {
    return generations.containsKey(code);
  }

  /**
   * The name of a generation.
   *
   * @param code e.g. {@code a}
   * @return e.g. {@code Ampere}, or empty for an unknown code
   */
  public Optional<String> generationName(String code) {
    return Optional.ofNullable(generations.get(code));
  }

  /**
   * The vendor for a letter of a flavor name.
   *
   * @param letter the letter
   * @return the vendor, or empty for any other character
   */
  public static Optional<GpuVendor> fromLetter(char letter) {
    return Optional.ofNullable(ofLetter(letter));
  }

  static @org.jspecify.annotations.Nullable GpuVendor ofLetter(char c) {
    switch (c) {
      case 'N':
        return NVIDIA;
      case 'A':
        return AMD;
      case 'I':
        return INTEL;
      default:
        return null;
    }
  }
}
