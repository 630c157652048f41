package io.clusterstacks.core.flavor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with SCS's reference parser on every vector of {@code reference/flavor-names.md},
 * read at test time.
 */
class ScsFlavorNameVectorsTest {

  static Stream<Arguments> sectionA() {
    return rows("## A.");
  }

  static Stream<Arguments> sectionB() {
    return rows("## B.");
  }

  static Stream<Arguments> sectionC() {
    return rows("## C.");
  }

  static Stream<Arguments> sectionC2() {
    return rows("### C2.");
  }

  static Stream<Arguments> sectionD() {
    return rows("## D.");
  }

  static Stream<Arguments> sectionE() {
    return rows("## E.");
  }

  private static Stream<Arguments> rows(String heading) {
    return FlavorVectors.table(heading).stream()
        .map(r -> Arguments.of(Named.of(r.values().stream().skip(heading.equals("## A.") || heading.equals("## B.")
            ? 1 : 0).findFirst().orElse("?"), r)));
  }

  @Test
  void tablesHaveTheExpectedNumberOfRows() {
    assertEquals(69, FlavorVectors.table("## A.").size(), "section A rows");
    assertEquals(28, FlavorVectors.table("## B.").size(), "section B rows");
    assertEquals(31, FlavorVectors.table("## C.").size(), "section C rows");
    assertEquals(7, FlavorVectors.table("### C2.").size(), "section C2 rows");
    assertEquals(12, FlavorVectors.table("## D.").size(), "section D rows");
    assertEquals(61, FlavorVectors.table("## E.").size(), "section E rows");
  }

  @Test
  void standardFlavorsAreSectionCsMandatoryAndRecommendedLists() {
    List<String> mandatory = FlavorVectors.table("## C.").stream()
        .filter(r -> r.get("status (scs-0103-v1)").equals("mandatory"))
        .map(r -> FlavorVectors.code(r.get("name"))).toList();
    List<String> recommended = FlavorVectors.table("## C.").stream()
        .filter(r -> r.get("status (scs-0103-v1)").equals("recommended"))
        .map(r -> FlavorVectors.code(r.get("name"))).toList();
    assertEquals(15, mandatory.size());
    assertEquals(16, recommended.size());
    assertEquals(new java.util.TreeSet<>(mandatory), new java.util.TreeSet<>(
        StandardFlavors.mandatory().stream().map(ScsFlavorName::canonicalName).toList()));
    assertEquals(new java.util.TreeSet<>(recommended), new java.util.TreeSet<>(
        StandardFlavors.recommended().stream().map(ScsFlavorName::canonicalName).toList()));
    assertTrue(StandardFlavors.isMandatory(ScsFlavorName.parse("SCS-2V-4-20s")));
    assertFalse(StandardFlavors.isMandatory(ScsFlavorName.parse("SCS-2V-4-10")));
  }

  // ------------------------------------------------------------------ A and B

  @ParameterizedTest
  @MethodSource("sectionA")
  void sectionA_agreesWithReferenceParser(Map<String, String> row) {
    String name = FlavorVectors.code(row.get("name"));
    String v3 = row.get("v3 parser");
    String check = row.get("scs-0100 syntax-check");
    FlavorNameParseResult r = ScsFlavorName.tryParse(name);
    if (v3.startsWith("NOT-SCS")) {
      assertInstanceOf(FlavorNameParseResult.NotScs.class, r);
      assertTrue(check.startsWith("not SCS"));
      return;
    }
    if (v3.startsWith("INVALID")) {
      assertEquals("FAIL", check);
      assertInvalid(name, r, v3);
      return;
    }
    assertEquals("VALID", v3);
    assertEquals("pass", check);
    ScsFlavorName f = assertInstanceOf(FlavorNameParseResult.Valid.class, r, r.toString()).flavorName();
    assertEquals(FlavorNameSyntax.V2, f.syntax());
    assertFalse(f.isDeprecatedSyntax());
    assertFields(row, f);
    String canonical = FlavorVectors.code(row.get("canonical v2/v3 output"));
    assertEquals(canonical, f.canonicalName());
    assertEquals(row.get("round-trip").equals("yes"), name.equals(f.canonicalName()));
    assertEquals(FlavorVectors.code(row.get("short name")), f.shortName());
  }

  @ParameterizedTest
  @MethodSource("sectionB")
  void sectionB_v1NamesAreToleratedAsDeprecated(Map<String, String> row) {
    String name = FlavorVectors.code(row.get("name"));
    String v1 = row.get("v1 parser (parser_v1)");
    String check = row.get("scs-0100 syntax-check");
    FlavorNameParseResult r = ScsFlavorName.tryParse(name);
    if (v1.startsWith("INVALID")) {
      assertEquals("FAIL", check);
      assertInvalid(name, r, v1);
      return;
    }
    assertEquals("VALID(v1)", v1);
    assertTrue(check.startsWith("pass (tolerated as v1"), check);
    ScsFlavorName f = assertInstanceOf(FlavorNameParseResult.Valid.class, r, r.toString()).flavorName();
    assertEquals(FlavorNameSyntax.V1, f.syntax());
    assertTrue(f.isDeprecatedSyntax());
    assertFields(row, f);
    // "`SCS-2C-4-10n (v1: SCS-2C:4:10n)`"
    String out = FlavorVectors.code(row.get("canonical v2/v3 output"));
    int k = out.indexOf(" (v1: ");
    assertEquals(out.substring(0, k), f.canonicalName());
    assertEquals(out.substring(k + 6, out.length() - 1), f.v1Name());
    assertEquals(row.get("round-trip").equals("yes"), name.equals(f.v1Name()));
    assertEquals(FlavorVectors.code(row.get("short name")), f.shortName());
  }

  private static void assertInvalid(String name, FlavorNameParseResult r, String reference) {
    InvalidFlavorNameException e =
        assertInstanceOf(FlavorNameParseResult.Invalid.class, r, "expected invalid: " + name).error();
    assertEquals(name, e.input());
    assertTrue(e.position() >= 4 && e.position() <= name.length(), "position " + e.position());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains("position " + e.position()), e.getMessage());
    assertFalse(e.expected().isBlank());
    String extra = "INVALID: Extra characters: ";
    if (reference.startsWith(extra)) {
      // same place as the reference parser stopped
      String rest = reference.substring(extra.length());
      assertEquals(name.length() - rest.length(), e.position(), e.getMessage());
    } else {
      assertEquals("INVALID: Failed to parse main part", reference);
    }
  }

  private static void assertFields(Map<String, String> row, ScsFlavorName f) {
    assertEquals(Integer.parseInt(row.get("cpus")), f.vcpus(), "cpus");
    String cpuType = row.get("cpu type"); // "C (dedicated-core)"
    assertEquals(cpuType.charAt(0), f.cpuType().letter());
    assertEquals(cpuType.substring(3, cpuType.length() - 1), f.cpuType().extraSpecValue());
    assertEquals(row.get("i").equals("i"), f.isInsecure(), "i");
    assertEquals(0, new BigDecimal(row.get("ram GiB")).compareTo(f.ramGiB()), "ram");
    assertEquals(row.get("u").equals("u"), f.isNoEcc(), "u");
    assertEquals(row.get("o").equals("o"), f.isRamOversubscribed(), "o");
    String disks = row.get("#disks");
    if (disks.equals("(no disk part)")) {
      assertTrue(f.disk().isEmpty(), "no disk part");
    } else {
      FlavorDisk d = f.disk().orElseThrow();
      assertEquals(Integer.parseInt(disks), d.count(), "#disks");
      String size = row.get("disk GB");
      assertEquals(size.equals("-") ? Optional.empty() : Optional.of(Integer.parseInt(size)),
          d.sizeGB().isPresent() ? Optional.of(d.sizeGB().getAsInt()) : Optional.empty(), "disk GB");
      String type = row.get("disk type");
      if (type.startsWith("''")) {
        assertTrue(d.type().isEmpty(), "disk type unspecified");
      } else {
        assertEquals(type.charAt(0), d.type().orElseThrow().letter());
        assertEquals(type.substring(3, type.length() - 1), d.type().orElseThrow().extraSpecValue());
      }
    }
    String hyp = row.get("hyp");
    assertEquals(hyp.equals("-") ? Optional.empty() : Optional.of(hyp), f.hypervisor().map(Hypervisor::code));
    assertEquals(row.get("hwv").equals("hwv"), f.isHardwareVirtualization(), "hwv");
    String brand = row.get("cpu vendor/gen/perf");
    if (brand.equals("-")) {
      assertTrue(f.cpuBrand().isEmpty(), "no CPU vendor");
    } else {
      String[] p = brand.split(" / ");
      CpuBrand b = f.cpuBrand().orElseThrow();
      assertEquals(p[0].charAt(0), b.vendor().letter());
      assertEquals(p[1].equals("-") ? "none" : p[1],
          b.generation().isPresent() ? Integer.toString(b.generation().getAsInt()) : "none");
      assertEquals(p[2].equals("-") ? "" : p[2], b.performance().suffix());
    }
    String gpu = row.get("gpu");
    if (gpu.equals("-")) {
      assertTrue(f.gpu().isEmpty(), "no GPU");
    } else {
      // "G N gen=a cu=64 cuperf=- vram=- vramperf=-"
      String[] p = gpu.split(" ");
      Gpu g = f.gpu().orElseThrow();
      assertEquals(p[0].charAt(0), g.type().letter());
      assertEquals(p[1].charAt(0), g.vendor().letter());
      assertGpuValue(p[2], "gen=", g.generation().orElse("-"));
      assertGpuValue(p[3], "cu=", g.computeUnits().isPresent() ? "" + g.computeUnits().getAsInt() : "-");
      assertGpuValue(p[4], "cuperf=", perf(g.computePerformance()));
      assertGpuValue(p[5], "vram=", g.vramGiB().isPresent() ? "" + g.vramGiB().getAsInt() : "-");
      assertGpuValue(p[6], "vramperf=", perf(g.vramPerformance()));
    }
    assertEquals(row.get("ib").equals("ib"), f.isInfiniband(), "ib");
  }

  private static String perf(PerformanceLevel l) {
    return l == PerformanceLevel.STANDARD ? "-" : l.suffix();
  }

  private static void assertGpuValue(String cell, String prefix, String actual) {
    assertTrue(cell.startsWith(prefix), cell);
    assertEquals(cell.substring(prefix.length()), actual, prefix);
  }

  // ------------------------------------------------------------------ C and C2

  @ParameterizedTest
  @MethodSource("sectionC")
  void sectionC_standardFlavorsHaveTheExpectedProperties(Map<String, String> row) {
    String name = FlavorVectors.code(row.get("name"));
    ScsFlavorName f = ScsFlavorName.parse(name);
    assertEquals("yes", row.get("reference `compute_flavor_spec()` agrees?"));
    assertEquals(Integer.parseInt(row.get("vcpus")), f.vcpus());
    assertEquals(Long.parseLong(row.get("ram MiB")), f.ramMiB());
    Map<String, String> specs = f.toExtraSpecs();
    String disk = row.get("disk GB");
    if (disk.equals("—")) {
      assertTrue(f.disk().isEmpty());
      assertFalse(specs.containsKey("disk"));
    } else {
      assertEquals(disk, specs.get("disk"));
    }
    assertEquals(row.get("scs:cpu-type"), specs.get("scs:cpu-type"));
    String d0 = row.get("scs:disk0-type");
    assertEquals(d0.equals("(not set)") ? null : d0, specs.get("scs:disk0-type"));
    assertEquals(FlavorVectors.code(row.get("scs:name-v1")), specs.get("scs:name-v1"));
    assertEquals(FlavorVectors.code(row.get("scs:name-v2")), specs.get("scs:name-v2"));
    // the flavor as the standard describes it is consistent with its name
    assertEquals(List.of(), FlavorConsistency.check(name, f.vcpus(), f.ramMiB(),
        disk.equals("—") ? 0 : Integer.parseInt(disk), standardExtraSpecs(row)));
    assertEquals(Optional.of(f), ScsFlavorName.fromExtraSpecs(specs));
    assertEquals(Optional.of(f), ScsFlavorName.fromExtraSpecs(standardExtraSpecs(row)));
  }

  private static Map<String, String> standardExtraSpecs(Map<String, String> cRow) {
    Map<String, String> specs = new LinkedHashMap<>();
    specs.put("scs:cpu-type", cRow.get("scs:cpu-type"));
    if (!cRow.get("scs:disk0-type").equals("(not set)")) {
      specs.put("scs:disk0-type", cRow.get("scs:disk0-type"));
    }
    specs.put("scs:name-v1", FlavorVectors.code(cRow.get("scs:name-v1")));
    specs.put("scs:name-v2", FlavorVectors.code(cRow.get("scs:name-v2")));
    return specs;
  }

  @ParameterizedTest
  @MethodSource("sectionC2")
  void sectionC2_brokenFlavorsGiveExactlyTheExpectedDiscrepancy(Map<String, String> row) {
    String name = FlavorVectors.code(row.get("flavor"));
    Map<String, String> cRow = FlavorVectors.table("## C.").stream()
        .filter(r -> FlavorVectors.code(r.get("name")).equals(name)).findFirst().orElseThrow();
    int vcpus = Integer.parseInt(cRow.get("vcpus"));
    long ramMiB = Long.parseLong(cRow.get("ram MiB"));
    int disk = cRow.get("disk GB").equals("—") ? 0 : Integer.parseInt(cRow.get("disk GB"));
    Map<String, String> specs = new HashMap<>(standardExtraSpecs(cRow));
    String field = FlavorVectors.value(row.get("field"));
    String found = FlavorVectors.value(row.get("found"));
    switch (field) {
      case "cpus" -> vcpus = Integer.parseInt(found);
      case "ram" -> ramMiB = Long.parseLong(found) * 1024;
      case "disk" -> disk = Integer.parseInt(found);
      default -> {
        if (found.equals("missing")) {
          specs.remove(field);
        } else {
          specs.put(field, found);
        }
      }
    }
    List<FlavorDiscrepancy> got = FlavorConsistency.check(name, vcpus, ramMiB, disk, specs);
    assertEquals(List.of(new FlavorDiscrepancy(field, found, FlavorVectors.value(row.get("expected")))), got);
  }

  // ------------------------------------------------------------------ D and E

  @ParameterizedTest
  @MethodSource("sectionD")
  void sectionD_extraSpecsAsTheReferenceGeneratesThem(Map<String, String> row) {
    ScsFlavorName f = ScsFlavorName.parse(FlavorVectors.code(row.get("name")));
    Map<String, String> expected = FlavorVectors.pythonDict(
        row.get("reference `flavorname_to_dict()` output (extra_specs as the SCS tooling would set them)"));
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(f.toExtraSpecs().entrySet()));
    assertEquals(Optional.of(f), ScsFlavorName.fromExtraSpecs(expected));
  }

  @ParameterizedTest
  @MethodSource("sectionE")
  void sectionE_gpuPieces(Map<String, String> row) {
    String piece = FlavorVectors.code(row.get("piece"));
    String result = row.get("reference parser result (piece wrapped as `SCS-1V-1_<piece>`)");
    FlavorNameParseResult r = ScsFlavorName.tryParse("SCS-1V-1_" + piece);
    if (!result.equals("VALID")) {
      fail("section E lists only valid pieces; update the test for: " + result);
    }
    Gpu g = assertInstanceOf(FlavorNameParseResult.Valid.class, r, r.toString()).flavorName().gpu().orElseThrow();
    assertEquals(row.get("type").charAt(0), g.type().letter());
    assertEquals(row.get("vendor").charAt(0), g.vendor().letter());
    String gen = row.get("gen (meaning)"); // "a (Ampere)"
    int k = gen.indexOf(" (");
    assertEquals(Optional.of(gen.substring(0, k)), g.generation());
    assertEquals(Optional.of(gen.substring(k + 2, gen.length() - 1)), g.generationName());
    assertEquals(Integer.parseInt(row.get("SMs/CUs/EUs")), g.computeUnits().getAsInt());
    assertEquals(row.get("cu perf"), perf(g.computePerformance()));
    assertEquals(Integer.parseInt(row.get("VRAM GiB")), g.vramGiB().getAsInt());
    assertEquals(row.get("vram perf"), perf(g.vramPerformance()));
    assertEquals("SCS-1V-1_" + piece, r.name().orElseThrow().canonicalName());
  }
}
