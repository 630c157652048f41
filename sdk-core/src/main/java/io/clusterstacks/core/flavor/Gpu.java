package io.clusterstacks.core.flavor;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The GPU extension of an SCS flavor name ({@code _GNa-14-6h}): type, vendor, generation, compute
 * units and VRAM, each with its performance class.
 *
 * <p>Created only by {@link ScsFlavorName#parse(String)} and {@link ScsFlavorName.Builder}.
 */
public final class Gpu {
  private final GpuType type;
  private final GpuVendor vendor;
  private final String generation; // "" = not given
  private final int computeUnits; // 0 = not given
  private final PerformanceLevel computePerformance;
  private final int vramGiB; // 0 = not given
  private final PerformanceLevel vramPerformance;

  Gpu(
      GpuType type,
      GpuVendor vendor,
      String generation,
      int computeUnits,
      PerformanceLevel computePerformance,
      int vramGiB,
      PerformanceLevel vramPerformance) {
    this.type = type;
    this.vendor = vendor;
    this.generation = generation;
    this.computeUnits = computeUnits;
    this.computePerformance = computePerformance;
    this.vramGiB = vramGiB;
    this.vramPerformance = vramPerformance;
  }

  /**
   * Pass-through ({@code G}) or virtual ({@code g}).
   *
   * @return the type
   */
  public GpuType type() {
    return type;
  }

  /**
   * The vendor.
   *
   * @return the vendor
   */
  public GpuVendor vendor() {
    return vendor;
  }

  /**
   * The generation code as written in the name.
   *
   * @return e.g. {@code a} or {@code 3.1}, or empty when the name gives none
   */
  public Optional<String> generation() {
    return generation.isEmpty() ? Optional.empty() : Optional.of(generation);
  }

  /**
   * The name of the generation.
   *
   * @return e.g. {@code Ampere}, or empty when the name gives none
   */
  public Optional<String> generationName() {
    return generation.isEmpty() ? Optional.empty() : vendor.generationName(generation);
  }

  /**
   * The number of compute units (nVidia SMs, AMD CUs, Intel EUs).
   *
   * @return the count, or empty when the name gives none
   */
  public OptionalInt computeUnits() {
    return computeUnits == 0 ? OptionalInt.empty() : OptionalInt.of(computeUnits);
  }

  /**
   * The frequency class of the compute units ({@code h}, {@code hh}).
   *
   * @return the level
   */
  public PerformanceLevel computePerformance() {
    return computePerformance;
  }

  /**
   * The video memory in GiB.
   *
   * @return the size, or empty when the name gives none
   */
  public OptionalInt vramGiB() {
    return vramGiB == 0 ? OptionalInt.empty() : OptionalInt.of(vramGiB);
  }

  /**
   * The bandwidth class of the video memory ({@code h} = high-bandwidth memory, {@code hh}).
   *
   * @return the level
   */
  public PerformanceLevel vramPerformance() {
    return vramPerformance;
  }

  String rawGeneration() {
    return generation;
  }

  int rawComputeUnits() {
    return computeUnits;
  }

  int rawVram() {
    return vramGiB;
  }

  /** The GPU without its {@code h} modifiers, as the short name shows it. */
  Gpu withoutPerformance() {
    if (computePerformance == PerformanceLevel.STANDARD && vramPerformance == PerformanceLevel.STANDARD) {
      return this;
    }
    return new Gpu(type, vendor, generation, computeUnits, PerformanceLevel.STANDARD, vramGiB,
        PerformanceLevel.STANDARD);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Gpu g
        && g.type == type
        && g.vendor == vendor
        && g.generation.equals(generation)
        && g.computeUnits == computeUnits
        && g.computePerformance == computePerformance
        && g.vramGiB == vramGiB
        && g.vramPerformance == vramPerformance;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, vendor, generation, computeUnits, computePerformance, vramGiB, vramPerformance);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("_");
    ScsFlavorName.appendGpu(sb, this, '-');
    return sb.toString();
  }
}
