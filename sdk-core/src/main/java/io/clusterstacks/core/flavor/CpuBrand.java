package io.clusterstacks.core.flavor;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CPU vendor extension of an SCS flavor name ({@code _z3h}): vendor, generation and frequency.
 *
 * <p>Created only by {@link ScsFlavorName#parse(String)} and {@link ScsFlavorName.Builder}.
 */
public final class CpuBrand {
  private final CpuVendor vendor;
  private final int generation; // -1 = not given
  private final PerformanceLevel performance;

  CpuBrand(CpuVendor vendor, int generation, PerformanceLevel performance) {
    this.vendor = vendor;
    this.generation = generation;
    this.performance = performance;
  }

  /**
   * The vendor (architecture).
   *
   * @return the vendor
   */
  public CpuVendor vendor() {
    return vendor;
  }

  /**
   * The generation number as given in the name.
   *
   * <p>A written {@code 0} is kept here ({@code _z0} gives 0) although the canonical name leaves it
   * out, as the reference parser does.
   *
   * @return the generation, or empty when the name gives none
   */
  public OptionalInt generation() {
    return generation < 0 ? OptionalInt.empty() : OptionalInt.of(generation);
  }

  /**
   * The name of the generation.
   *
   * @return e.g. {@code Zen 3 (Milan)}, or empty when the name gives no generation
   */
  public Optional<String> generationName() {
    return generation < 0 ? Optional.empty() : vendor.generationName(generation);
  }

  /**
   * The frequency class ({@code h}, {@code hh}, {@code hhh}).
   *
   * @return the level, {@link PerformanceLevel#STANDARD} without modifier
   */
  public PerformanceLevel performance() {
    return performance;
  }

  int rawGeneration() {
    return generation;
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof CpuBrand b
        && b.vendor == vendor
        && b.generation == generation
        && b.performance == performance;
  }

  @Override
  public int hashCode() {
    return Objects.hash(vendor, generation, performance);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("_");
    ScsFlavorName.appendCpuBrand(sb, this);
    return sb.toString();
  }
}
