package io.clusterstacks.core.flavor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded generator test: random and mutated names never make the parser throw anything but the
 * typed exceptions, and every valid name round-trips through its canonical form.
 */
class FlavorNameFuzzTest {
  private static final long SEED = 0x5C5_0100L;
  private static final int NAMES = 120_000;
  private static final String ALPHABET = "0123456789LVTCiuoxnhsp-_:.kvmxenwybcGgNAIazrSC";

  @Test
  void onlyTypedErrorsEscapeAndValidNamesRoundTrip() {
    List<String> seeds = seeds();
    Random rnd = new Random(SEED);
    int valid = 0;
    int invalid = 0;
    int notScs = 0;
    for (int i = 0; i < NAMES; i++) {
      String name = i % 10 == 0 ? randomName(rnd) : mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
      switch (check(name)) {
        case 0 -> valid++;
        case 1 -> invalid++;
        default -> notScs++;
      }
    }
    // the generator must exercise all three outcomes substantially
    assertTrue(valid > 5_000, "valid " + valid);
    assertTrue(invalid > 10_000, "invalid " + invalid);
    assertTrue(notScs > 100, "not SCS " + notScs);
  }

  /** Returns 0 valid, 1 invalid, 2 not SCS; fails on anything else. */
  private static int check(String name) {
    ScsFlavorName f;
    try {
      f = ScsFlavorName.parse(name);
    } catch (InvalidFlavorNameException e) {
      assertEquals(name, e.input());
      assertTrue(e.position() >= 0 && e.position() <= name.length(), e.getMessage());
      assertTrue(!e.expected().isBlank() && e.getMessage() != null);
      assertTrue(ScsFlavorName.tryParse(name) instanceof FlavorNameParseResult.Invalid, name);
      return 1;
    } catch (NotAnScsFlavorNameException e) {
      assertTrue(ScsFlavorName.tryParse(name) instanceof FlavorNameParseResult.NotScs, name);
      return 2;
    } catch (RuntimeException e) {
      fail("untyped " + e + " for input '" + name + "'", e);
      return -1;
    }
    try {
      String canonical = f.canonicalName();
      ScsFlavorName again = ScsFlavorName.parse(canonical);
      assertEquals(f.canonicalName(), again.canonicalName(), name);
      assertEquals(canonical, ScsFlavorName.parse(again.canonicalName()).canonicalName(), name);
      String shortName = f.shortName();
      assertEquals(shortName, ScsFlavorName.parse(shortName).canonicalName(), name);
      if (f.hypervisor().map(Hypervisor::isInV1Syntax).orElse(true)) {
        assertEquals(canonical, ScsFlavorName.parse(f.v1Name()).canonicalName(), name);
      }
      Map<String, String> specs = f.toExtraSpecs();
      assertEquals(canonical, ScsFlavorName.fromExtraSpecs(specs).orElseThrow().canonicalName(), name);
      assertEquals(f, f.toBuilder().build(), name);
      f.description();
    } catch (RuntimeException e) {
      fail("valid name '" + name + "' failed after parsing: " + e, e);
    }
    return 0;
  }

  private static List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    for (String section : List.of("## A.", "## B.")) {
      for (Map<String, String> row : FlavorVectors.table(section)) {
        seeds.add(FlavorVectors.code(row.get("name")));
      }
    }
    for (Map<String, String> row : FlavorVectors.table("## E.")) {
      seeds.add("SCS-1V-1_" + FlavorVectors.code(row.get("piece")));
    }
    seeds.add("SCS-2V-4-10x");
    seeds.add("SCS-1V-1_GNahh-5");
    seeds.add("SCS-4V-16-100s_chy_hwv_r_gI0.95-96hh-12hh_ib");
    return seeds;
  }

  private static String mutate(String s, Random rnd) {
    StringBuilder sb = new StringBuilder(s);
    int ops = 1 + rnd.nextInt(3);
    for (int k = 0; k < ops; k++) {
      int pos = sb.length() == 0 ? 0 : rnd.nextInt(sb.length() + 1);
      switch (rnd.nextInt(7)) {
        case 0 -> sb.insert(pos, randomChar(rnd));
        case 1 -> {
          if (pos < sb.length()) {
            sb.deleteCharAt(pos);
          }
        }
        case 2 -> {
          if (pos < sb.length()) {
            sb.setCharAt(pos, randomChar(rnd));
          }
        }
        case 3 -> explodeDigits(sb, rnd);
        case 4 -> {
          // duplicate a slice
          if (sb.length() > 0) {
            int from = rnd.nextInt(sb.length());
            int to = Math.min(sb.length(), from + 1 + rnd.nextInt(6));
            sb.insert(pos, sb.substring(from, to));
          }
        }
        case 5 -> sb.setLength(Math.min(sb.length(), pos));
        default -> sb.insert(pos, "h".repeat(1 + rnd.nextInt(5)));
      }
    }
    return sb.toString();
  }

  private static void explodeDigits(StringBuilder sb, Random rnd) {
    List<Integer> digits = new ArrayList<>();
    for (int i = 0; i < sb.length(); i++) {
      if (Character.isDigit(sb.charAt(i))) {
        digits.add(i);
      }
    }
    if (digits.isEmpty()) {
      return;
    }
    int at = digits.get(rnd.nextInt(digits.size()));
    int len = switch (rnd.nextInt(4)) {
      case 0 -> 10 + rnd.nextInt(3);
      case 1 -> 19 + rnd.nextInt(3);
      case 2 -> 1 + rnd.nextInt(9);
      default -> 30 + rnd.nextInt(400);
    };
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < len; i++) {
      d.append((char) ('0' + rnd.nextInt(10)));
    }
    if (rnd.nextBoolean()) {
      d.setCharAt(0, '9');
    }
    sb.replace(at, at + 1, d.toString());
  }

  private static char randomChar(Random rnd) {
    int r = rnd.nextInt(20);
    if (r == 0) {
      return (char) rnd.nextInt(0x3000); // anything, including controls and non-ASCII digits
    }
    return ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
  }

  private static String randomName(Random rnd) {
    StringBuilder sb = new StringBuilder(rnd.nextInt(20) == 0 ? "" : "SCS-");
    int len = rnd.nextInt(30);
    for (int i = 0; i < len; i++) {
      sb.append(randomChar(rnd));
    }
    return sb.toString();
  }
}
