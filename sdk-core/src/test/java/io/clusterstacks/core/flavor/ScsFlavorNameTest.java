package io.clusterstacks.core.flavor;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour beyond the conformance table: the reference parser's quirks, errors, builder, limits. */
class ScsFlavorNameTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // section I: valid, with a different canonical form (no round-trip)
    "SCS-2V-4.0, SCS-2V-4",
    "SCS-2V-4., SCS-2V-4",
    "SCS-02V-4, SCS-2V-4",
    "SCS-2V-4-1x10, SCS-2V-4-10",
    "SCS-2V-4-20s_z0, SCS-2V-4-20s_z",
    // section I: parser quirks kept
    "SCS-2V-4-10x, SCS-2V-4-10x",
    "SCS-2C-4-3xs, SCS-2C-4-3xs",
    "SCS-2V-12.5, SCS-2V-12.5",
    "SCS-1V-.5, SCS-1V-0.5",
    "SCS-2V-4-x10s, SCS-2V-4-10s",
    "SCS-2V-4.50, SCS-2V-4.5",
    "SCS-1V-1_GNahh-5, SCS-1V-1_GNahh-5",
    "SCS-1V-1_gA, SCS-1V-1_gA",
    "SCS-2V-4_chy, SCS-2V-4_chy",
    "SCS-2V-4_z03, SCS-2V-4_z3",
  })
  void validNamesAndTheirCanonicalForm(String name, String canonical) {
    ScsFlavorName f = ScsFlavorName.parse(name);
    assertEquals(canonical, f.canonicalName());
    assertEquals(f.canonicalName(), ScsFlavorName.parse(f.canonicalName()).canonicalName());
  }

  @Test
  void trailingXMakesTheSizeACount() {
    FlavorDisk d = ScsFlavorName.parse("SCS-2V-4-10x").disk().orElseThrow();
    assertEquals(10, d.count());
    assertEquals(OptionalInt.empty(), d.sizeGB());
    assertEquals(Optional.empty(), d.type());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "SCS-2V-4_GNa_ib", "SCS-2C-4-3x-", "SCS-2C-4-n_bms_3", "SCS-1D-1.5-8s", "SCS-V-4", "SCS-0V-4",
    "SCS-2V-0", "SCS-2V-0.0", "SCS-2V-4.3", "SCS-2V-", "SCS-2V-.", "SCS-2V-4..5", "SCS-2V-4-0",
    "SCS-2V-4-0x10", "SCS-2V-4_z7", "SCS-2V-4_r1", "SCS-2V-4_i3hhhh", "SCS-2V-4_GNz", "SCS-2V-4_GNa-0",
    "SCS-2V-4_GNa-1hhh", "SCS-2V-4_GNa-1-0", "SCS-2V-4_GNa-1-1hhh", "SCS-2C:4:10-chy", "SCS-2C:4_kvm",
    "SCS-2C-4:10", "SCS-2V-4.5000000000000000001", "SCS-", "SCS-2", "SCS-2V", "SCS-2Vi", "SCS-2V-4\n",
    "SCS-2V-4_kvm_kvm", "SCS-2V-4_ib_ib", "SCS-2V-4-10n-10n",
  })
  void invalidNames(String name) {
    InvalidFlavorNameException e = assertThrows(InvalidFlavorNameException.class, () -> ScsFlavorName.parse(name));
    assertEquals(name, e.input());
    assertTrue(e.position() >= 4 && e.position() <= name.length(), e.getMessage());
  }

  @Test
  void memoryFlagsOutOfOrderSayWhichOrder() {
    InvalidFlavorNameException e =
        assertThrows(InvalidFlavorNameException.class, () -> ScsFlavorName.parse("SCS-2C-4ou-10n"));
    assertEquals(9, e.position());
    assertTrue(e.expected().contains("'uo'"), e.expected());
    assertTrue(e.getMessage().contains("SCS-2C-4ou-10n"), e.getMessage());
    assertTrue(e.getMessage().contains("position 9"), e.getMessage());
  }

  @Test
  void errorsNameWhatWasExpected() {
    assertExpected("SCS-2iT-4-10n", 5, "after the CPU type letter");
    assertExpected("SCS-2C-4-10_hwv_xen", 15, "hypervisor comes first");
    assertExpected("SCS-2C-4-1.5n", 10, "whole number of GB");
    assertExpected("SCS-2C-4-n_bms_3", 14, "needs a vendor letter");
    assertExpected("SCS-2V-4_GNa_ib", 11, "without compute units cannot be followed");
    assertExpected("SCS-2V-4_z9", 10, "0 to 6");
    assertExpected("SCS-2C-4:10", 8, "deprecated v1 syntax");
    assertExpected("SCS-99999999999V-4", 4, "too large");
    assertExpected("SCS-2V-99999999999", 7, "too large");
  }

  private static void assertExpected(String name, int position, String words) {
    InvalidFlavorNameException e = assertThrows(InvalidFlavorNameException.class, () -> ScsFlavorName.parse(name));
    assertEquals(position, e.position(), e.getMessage());
    assertTrue(e.expected().contains(words), e.expected());
  }

  @Test
  void hugeNumbersAreInvalidNotOverflow() {
    String big = "9".repeat(400);
    for (String name : List.of("SCS-" + big + "V-4", "SCS-2V-" + big, "SCS-2V-4-" + big, "SCS-2V-4-" + big + "x",
        "SCS-2V-4_z" + big, "SCS-2V-4_GNa-" + big, "SCS-2V-4_GNa-1-" + big, "SCS-2V-" + big + "." + big)) {
      assertInstanceOf(FlavorNameParseResult.Invalid.class, ScsFlavorName.tryParse(name), name);
    }
    // leading zeros are no overflow
    assertEquals(2, ScsFlavorName.parse("SCS-" + "0".repeat(400) + "2V-4").vcpus());
  }

  @Test
  void notScsNamesAreAnOutcomeOfTheirOwn() {
    assertInstanceOf(FlavorNameParseResult.NotScs.class, ScsFlavorName.tryParse("SC-2T-4"));
    assertInstanceOf(FlavorNameParseResult.NotScs.class, ScsFlavorName.tryParse("scs-2V-4"));
    assertThrows(NotAnScsFlavorNameException.class, () -> ScsFlavorName.parse("m1.large"));
    assertFalse(ScsFlavorName.isScsName("m1.large"));
    assertTrue(ScsFlavorName.isScsName("SCS-nonsense"));
  }

  @Test
  @SuppressWarnings("NullAway")
  void nullIsTheTypedError() {
    String nothing = null;
    assertThrows(InvalidFlavorNameException.class, () -> ScsFlavorName.parse(nothing));
    assertInstanceOf(FlavorNameParseResult.Invalid.class, ScsFlavorName.tryParse(nothing));
  }

  @Test
  void v1NamesAreDeprecatedButEqualToTheirCurrentForm() {
    ScsFlavorName v1 = ScsFlavorName.parse("SCS-2C:4:10n-bms-z3");
    ScsFlavorName v2 = ScsFlavorName.parse("SCS-2C-4-10n_bms_z3");
    assertTrue(v1.isDeprecatedSyntax());
    assertEquals(FlavorNameSyntax.V1, v1.syntax());
    assertEquals(v2, v1);
    assertEquals(v2.hashCode(), v1.hashCode());
    assertEquals("SCS-2C-4-10n_bms_z3", v1.canonicalName());
    assertEquals("SCS-2C:4:10n-bms-z3", v2.v1Name());
  }

  @Test
  void ramIsExact() {
    ScsFlavorName f = ScsFlavorName.parse("SCS-1C-1.5-8s");
    assertEquals(new BigDecimal("1.5"), f.ramGiB());
    assertEquals(3, f.ramHalfGiB());
    assertEquals(1536, f.ramMiB());
  }

  @Test
  void builderMakesTheSameNameAsTheParser() {
    ScsFlavorName built = ScsFlavorName.builder()
        .vcpus(16).cpuType(CpuType.DEDICATED_THREAD).ramGiB(64)
        .disk(3, OptionalInt.of(10), Optional.of(DiskType.SSD))
        .hypervisor(Hypervisor.BMS).hardwareVirtualization(true)
        .cpuBrand(CpuVendor.INTEL, OptionalInt.of(3), PerformanceLevel.HIGH)
        .gpu(GpuType.PASS_THROUGH, GpuVendor.NVIDIA, Optional.of("a"), OptionalInt.of(64),
            PerformanceLevel.STANDARD, OptionalInt.empty(), PerformanceLevel.STANDARD)
        .infiniband(true)
        .build();
    assertEquals("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib", built.canonicalName());
    assertEquals(ScsFlavorName.parse(built.canonicalName()), built);
    assertEquals(built, built.toBuilder().build());
    assertEquals("SCS-2V-3.5-20s",
        ScsFlavorName.builder().vcpus(2).cpuType(CpuType.SHARED_CORE).ramGiB(new BigDecimal("3.5"))
            .disk(20, DiskType.SSD).build().canonicalName());
  }

  @Test
  void builderReportsEveryProblemAtOnce() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ScsFlavorName.builder()
        .vcpus(0).ramGiB(new BigDecimal("4.3"))
        .disk(0, OptionalInt.of(0), Optional.empty())
        .cpuBrand(CpuVendor.ARM, OptionalInt.of(9), PerformanceLevel.STANDARD)
        .gpu(GpuType.VIRTUAL, GpuVendor.AMD, Optional.of("7"), OptionalInt.of(0), PerformanceLevel.VERY_VERY_HIGH,
            OptionalInt.of(-1), PerformanceLevel.STANDARD)
        .build());
    List<String> fields = e.problems().stream().map(Problem::path).toList();
    assertEquals(List.of("vcpus", "cpuType", "ramGiB", "disk.count", "disk.sizeGB", "cpuBrand.generation",
        "gpu.generation", "gpu.computeUnits", "gpu.computePerformance", "gpu.vramGiB"), fields);
  }

  @Test
  void shortNameKeepsNonX86VendorLetterOnly() {
    assertEquals("SCS-4C-16-2x200p_a", ScsFlavorName.parse("SCS-4C-16-2x200p_a1").shortName());
    assertEquals("SCS-2V-4_r", ScsFlavorName.parse("SCS-2V-4_kvm_r0h").shortName());
    assertEquals(ScsFlavorName.parse("SCS-4C-16-2x200p_a"), ScsFlavorName.parse("SCS-4C-16-2x200p_a1").shorten());
  }

  @Test
  void fromExtraSpecsPrefersNameV2AndFallsBack() {
    assertEquals("SCS-2V-4-20s", ScsFlavorName.fromExtraSpecs(Map.of(
        "scs:name-v1", "SCS-2V:4:20s", "scs:name-v2", "SCS-2V-4-20s")).orElseThrow().canonicalName());
    ScsFlavorName fallback = ScsFlavorName.fromExtraSpecs(Map.of(
        "scs:name-v2", "my-flavor", "scs:name-v1", "SCS-2V:4:20s")).orElseThrow();
    assertEquals("SCS-2V-4-20s", fallback.canonicalName());
    assertEquals(Optional.empty(), ScsFlavorName.fromExtraSpecs(Map.of("hw:cpu_policy", "dedicated")));
    assertThrows(InvalidFlavorNameException.class,
        () -> ScsFlavorName.fromExtraSpecs(Map.of("scs:name-v2", "SCS-2-4")));
  }

  @Test
  void extraSpecsOfSeveralDisksAndUnspecifiedSize() {
    Map<String, String> specs = ScsFlavorName.parse("SCS-2C-4-3x10").toExtraSpecs();
    assertEquals(List.of("cpus", "scs:cpu-type", "ram", "disk", "scs:disk0-type", "scs:disk1-type",
        "scs:disk2-type", "scs:name-v1", "scs:name-v2"), List.copyOf(specs.keySet()));
    assertEquals("network", specs.get("scs:disk2-type"));
    assertEquals("", ScsFlavorName.parse("SCS-2C-4-n").toExtraSpecs().get("disk"));
  }

  @Test
  void consistencyIgnoresNonScsKeysAndFlagsUnexpectedScsKeys() {
    Map<String, String> specs = new java.util.HashMap<>(ScsFlavorName.parse("SCS-2V-4").toExtraSpecs());
    specs.keySet().removeIf(k -> !k.startsWith("scs:"));
    specs.put("hw:mem_page_size", "large");
    assertEquals(List.of(), FlavorConsistency.check("SCS-2V-4", 2, 4096, 0, specs));
    specs.put("scs:disk0-type", "ssd");
    assertEquals(List.of(new FlavorDiscrepancy("scs:disk0-type", "ssd", "undefined")),
        FlavorConsistency.check("SCS-2V-4", 2, 4096, 0, specs));
    assertEquals(List.of(), FlavorConsistency.check("m1.large", 2, 4096, 0, Map.of()));
  }
}
