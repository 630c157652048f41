package io.clusterstacks.core.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cloud-profile reader under hostile input: every generated document of each family is refused
 * with an {@link InvalidInputException} (never a Jackson exception, a NullPointerException or a
 * silently truncated value), and no message echoes more than a shortened value.
 */
class CloudProfileHostileJsonTest {
  private static final String BASE = CloudProfiles.toJson(CloudProfiles.bundled("scs-reference"));
  private static final int MAX_MESSAGE = 2_000;

  /** Reads a document that must be refused; returns the problems. */
  private static List<Problem> refused(String json, String what) {
    try {
      CloudProfile p = CloudProfiles.fromJson(json);
      fail(what + ": accepted, read as " + p.name());
      return List.of();
    } catch (InvalidInputException e) {
      assertTrue(e.getMessage().length() < MAX_MESSAGE, what + ": message of " + e.getMessage().length() + " chars");
      return e.problems();
    } catch (RuntimeException e) {
      throw new AssertionError(what + ": untyped " + e, e);
    }
  }

  /** A field in the first flavor set to a raw JSON number text. */
  private static String flavorField(String field, String number) {
    String marker = "\"" + field + "\" : ";
    int at = BASE.indexOf(marker, BASE.indexOf("\"flavors\""));
    int end = BASE.indexOf(',', at);
    return BASE.substring(0, at + marker.length()) + number + BASE.substring(end);
  }

  @Test
  void integersBeyondTheirJavaTypeAreProblemsWhateverTheNotation() {
    Random r = new Random(9);
    int n = 0;
    for (String field : List.of("vcpus", "ramMiB", "diskGB")) {
      List<BigInteger> values = new ArrayList<>(List.of(BigInteger.valueOf(4294967297L),
          BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE), BigInteger.valueOf(Integer.MIN_VALUE).subtract(BigInteger.ONE),
          BigInteger.valueOf(Long.MIN_VALUE), BigInteger.TWO.pow(64).add(BigInteger.ONE)));
      for (int i = 0; i < 60; i++) {
        BigInteger big = BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.valueOf(1 + (r.nextLong() >>> 2)))
            .multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
        values.add(big);
      }
      for (BigInteger v : values) {
        BigDecimal d = new BigDecimal(v);
        for (String text : List.of(v.toString(), d.toString() + ".0", d.round(new java.math.MathContext(17)).toString()
            .replace("E+", "e"), new BigDecimal(v).movePointLeft(3).toPlainString() + "e3")) {
          List<Problem> p = refused(flavorField(field, text), field + "=" + text);
          assertEquals("flavors[0]." + field, p.get(0).path(), text);
          n++;
        }
      }
    }
    assertTrue(n > 700, "generated " + n);
  }

  @Test
  void longFieldsRefuseValuesBeyondLong() {
    for (String text : List.of("9223372036854775808", "-9223372036854775809", "1e19", "1e400", "-1e400",
        "18446744073709551617")) {
      String json = BASE.replaceFirst("\"serverGroupMembers\" : -?\\d+", "\"serverGroupMembers\" : " + text);
      assertEquals("quotas.serverGroupMembers", refused(json, text).get(0).path(), text);
    }
  }

  @Test
  void nanAndInfinityAreNotJson() {
    for (String text : List.of("NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf")) {
      refused(flavorField("vcpus", text), text);
    }
  }

  @Test
  void duplicateKeysAtAnyDepthAreRefused() {
    Random r = new Random(3);
    List<String> keys = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([A-Za-z]+)\" : ").matcher(BASE);
    while (m.find()) {
      keys.add(m.start() + ":" + m.group());
    }
    for (int i = 0; i < 200; i++) {
      String k = keys.get(r.nextInt(keys.size()));
      int at = Integer.parseInt(k.substring(0, k.indexOf(':')));
      String key = k.substring(k.indexOf(':') + 1);
      // insert the same key with a harmless value right before the original in the same object
      String json = BASE.substring(0, at) + key + "null, " + BASE.substring(at);
      List<Problem> p = refused(json, "duplicate " + key);
      assertTrue(p.get(0).fix().contains("each key once"), p.toString());
    }
  }

  @Test
  void trailingContentAndSecondDocumentsAreRefused() {
    Random r = new Random(5);
    List<String> tails = new ArrayList<>(List.of("x", "}", "]", "{}", BASE, "null", "1", "\"s\"", ",", "/* c */"));
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(8);
      for (int j = 0; j < len; j++) {
        sb.append((char) ('!' + r.nextInt(94)));
      }
      tails.add(sb.toString());
    }
    for (String t : tails) {
      refused(BASE + (t.length() % 2 == 0 ? "\n" : " ") + t, "trailing " + t);
    }
  }

  @Test
  void sizeLimitsGiveTypedProblemsNotNullPointers() {
    for (int depth : new int[] {65, 1_001, 20_000}) {
      String deep = "[".repeat(depth) + "]".repeat(depth);
      refused(BASE.replaceFirst("\"description\" : \"[^\"]*\"", "\"description\" : " + deep), "depth " + depth);
      refused(deep, "bare depth " + depth);
    }
    for (int chars : new int[] {(1 << 20) + 1, 20_000_001}) {
      String huge = "a".repeat(chars);
      List<Problem> p = refused(BASE.replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"" + huge + "\""),
          "string " + chars);
      assertTrue(p.get(0).value().length() <= Problem.MAX_VALUE_CHARS, p.get(0).value());
    }
    for (int digits : new int[] {101, 1_001, 100_000}) {
      refused(flavorField("vcpus", "1".repeat(digits)), digits + " digits");
      refused(flavorField("vcpus", "1." + "0".repeat(digits)), digits + " decimals");
    }
    refused(flavorField("vcpus", "1e999999999999"), "exponent beyond int");
    refused(flavorField("vcpus", "1e-999999999"), "tiny exponent");
  }

  @Test
  void integralNotationsWithinRangeStillRead() {
    // 4 written as 4.0 or 4e0 denotes the integer 4: accepted, not truncated
    for (String text : List.of("4", "4.0", "4e0", "0.4e1", "40e-1")) {
      assertEquals(4, CloudProfiles.fromJson(flavorField("vcpus", text)).flavors().get(0).vcpus(), text);
    }
    assertEquals("flavors[0].vcpus", refused(flavorField("vcpus", "4.5"), "4.5").get(0).path());
  }

  @Test
  void stringMapsKeepTheTextWrittenOrRefuseTheNumber() {
    // an extra spec written as a number: an integer's text is its own, a fraction's or a huge number's
    // would come back in Java's form ("1E+400", "1.5"), so those must be quoted
    String at = "\"scs:cpu-type\" : \"shared-core\"";
    assertTrue(BASE.contains(at), "the reference profile's first flavor has scs:cpu-type");
    for (String number : List.of("4", "-12", "9223372036854775807")) {
      CloudProfile p = CloudProfiles.fromJson(BASE.replaceFirst(java.util.regex.Pattern.quote(at),
          "\"scs:cpu-type\" : " + number));
      assertEquals(number, p.flavors().get(0).extraSpecs().get("scs:cpu-type"), number);
    }
    for (String number : List.of("1e400", "1.50", "2.0", "9223372036854775808", "-0.0")) {
      List<Problem> ps = refused(BASE.replaceFirst(java.util.regex.Pattern.quote(at), "\"scs:cpu-type\" : " + number),
          number);
      assertEquals(1, ps.size(), number + ": " + ps);
      assertTrue(ps.get(0).path().endsWith("extraSpecs.scs:cpu-type"), ps.get(0).path());
      assertTrue(ps.get(0).fix().contains("as a string"), ps.get(0).fix());
    }
  }
}
