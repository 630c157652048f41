package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import io.clusterstacks.core.validation.Violation;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Numbers with a fraction or an exponent, read by the YAML reader (parser and validator) and by the JSON
 * reader of manifests: one rule, so each input gets the same verdict from all of them. A number a double
 * keeps is read as that double; a non-zero number that a double would make 0 or subnormal, a number
 * beyond the double range, NaN and infinities are refused with a typed error naming the field, the
 * number (shortened) and the fix, never changed silently.
 *
 * <p>The expected verdict comes from the exact decimal ({@link BigDecimal}), not from the SDK's rule.
 */
class FractionReadingTest {
  private static final BigDecimal MAX = new BigDecimal(Double.MAX_VALUE);
  private static final BigDecimal MIN_NORMAL = new BigDecimal(Double.MIN_NORMAL);

  /** JSON numbers (also plain YAML floats) around zero, the subnormal range, the normal range and overflow. */
  static Set<String> edges() {
    Set<String> out = new LinkedHashSet<>();
    List<String> mantissas = List.of("1", "4.9", "2.2250738585072014", "2.2250738585072011", "2.225073858507201",
        "1.7976931348623157", "1.7976931348623158", "1.7976931348623159", "1.79769313486231580793728971405301",
        "9.99", "5", "0", "0.0", "0.000", "0.5", "3");
    int[] exponents = {-999999999, -100000, -400, -330, -325, -324, -323, -320, -310, -309, -308, -307, -300, -1, 0, 1,
        9, 300, 307, 308, 309, 310, 400, 100000, 999999999};
    for (String m : mantissas) {
      for (int e : exponents) {
        for (String sign : List.of("", "-")) {
          for (String marker : List.of("e", "E", "e+")) {
            if (marker.equals("e+") && e < 0) {
              continue;
            }
            out.add(sign + m + marker + e);
          }
        }
      }
    }
    // the same magnitudes written out without an exponent
    for (int zeros : new int[] {0, 1, 300, 306, 307, 308, 309, 320, 322, 323, 324, 330, 400, 990}) {
      out.add("0." + "0".repeat(zeros) + "1");
      out.add("-0." + "0".repeat(zeros) + "49");
      out.add("0." + "0".repeat(zeros) + "0");
      out.add("1" + "0".repeat(zeros) + ".0");
      out.add("-1" + "0".repeat(zeros) + ".5");
    }
    out.add(new BigDecimal(Double.MAX_VALUE).toPlainString() + ".0");
    out.add(new BigDecimal(Double.MIN_NORMAL).toString());
    out.add(new BigDecimal(Double.MIN_VALUE).toString());
    return out;
  }

  /** The verdict expected from the exact value: the double, or empty when the double would lose it. */
  private static Optional<Double> expected(String text) {
    BigDecimal exact = new BigDecimal(text);
    double d = Double.parseDouble(text);
    if (exact.abs().compareTo(MAX.add(new BigDecimal(Math.ulp(Double.MAX_VALUE) / 2))) >= 0) {
      assertTrue(Double.isInfinite(d), text);
      return Optional.empty();
    }
    if (exact.signum() != 0 && (d == 0 || Math.abs(d) < Double.MIN_NORMAL)) {
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /** How the SDK's readers took one input: the value read, or the problem they refused it with. */
  private record Verdict(Optional<Double> value, Optional<Problem> problem) {}

  /**
   * A value compared as a number: -0.0 is 0 (the JSON reader keeps exact decimals, which have no
   * negative zero; the YAML reader keeps the double's -0.0).
   */
  private static Optional<Double> numeric(Optional<Double> v) {
    return v.map(d -> d == 0 ? 0.0 : d);
  }

  private static Verdict fromJson(String json, String path) {
    try {
      Object v = follow(ManifestDocument.fromJson(json).toMap(), path);
      return new Verdict(Optional.of(((Number) v).doubleValue()), Optional.empty());
    } catch (InvalidInputException e) {
      return new Verdict(Optional.empty(), Optional.of(e.problems().get(0)));
    }
  }

  private static Verdict fromYaml(String yaml, String path) {
    try {
      Object v = follow(ManifestDocument.fromYaml(yaml).toMap(), path);
      return new Verdict(Optional.of(((Number) v).doubleValue()), Optional.empty());
    } catch (InvalidInputException e) {
      return new Verdict(Optional.empty(), Optional.of(e.problems().get(0)));
    }
  }

  /** The value at {@code a}, {@code s.l[1]} (the two shapes used here). */
  @SuppressWarnings("unchecked")
  private static Object follow(Map<String, Object> m, String path) {
    if (path.equals("a")) {
      return m.get("a");
    }
    return ((List<Object>) ((Map<String, Object>) m.get("s")).get("l")).get(1);
  }

  @Test
  void bothReadersGiveEachNumberTheSameVerdict() {
    int inputs = 0;
    int refused = 0;
    CrdValidator validator = CrdValidator.strict();
    for (String n : edges()) {
      Optional<Double> want = expected(n);
      for (String path : List.of("a", "s.l[1]")) {
        String json = path.equals("a") ? "{\"a\": " + n + "}" : "{\"s\": {\"l\": [1, " + n + "]}}";
        // JSON is YAML: the YAML reader reads the same text (flow style), and the block style too
        String block = path.equals("a") ? "a: " + n + "\n" : "s:\n  l:\n  - 1\n  - " + n + "\n";
        Verdict j = fromJson(json, path);
        for (String yaml : List.of(json, block)) {
          inputs++;
          Verdict y = fromYaml(yaml, path);
          assertEquals(numeric(want), numeric(j.value()), "JSON " + n);
          assertEquals(numeric(want), numeric(y.value()), "YAML " + yaml);
          if (want.isPresent()) {
            continue;
          }
          refused++;
          Problem pj = j.problem().orElseThrow();
          Problem py = y.problem().orElseThrow();
          assertEquals("json." + path, pj.path(), n);
          assertEquals("documents[0]." + path, py.path(), n);
          assertEquals(pj.fix(), py.fix(), "one rule, one fix: " + n);
          assertTrue(py.fix().startsWith("write "), py.fix());
          for (Problem p : List.of(pj, py)) {
            assertTrue(p.value().length() <= Problem.MAX_VALUE_CHARS, p.value());
            if (!p.value().endsWith(" characters)")) {
              assertEquals(0, new BigDecimal(p.value()).compareTo(new BigDecimal(n)), "the number is shown: " + p);
            }
          }
          // the validator reads YAML with the same reader: a yaml violation at the field
          ValidationReport r = validator.validateYaml(yaml);
          Optional<Violation> v = r.violations().stream().filter(x -> x.rule().equals("yaml")).findFirst();
          assertEquals(path, v.orElseThrow(() -> new AssertionError(n + ": " + r.summary())).path(), n);
        }
      }
    }
    assertTrue(refused > 0 && refused < inputs, refused + " of " + inputs);
    System.out.println("FractionReadingTest: " + inputs + " inputs (" + edges().size() + " numbers), " + refused
        + " refused");
  }

  @Test
  void nanAndInfinitiesAreRefusedByEveryReader() {
    // not JSON: the JSON reader refuses them as syntax; YAML's .nan and .inf are numbers the rule refuses
    for (String n : List.of("NaN", "Infinity", "-Infinity")) {
      assertTrue(fromJson("{\"a\": " + n + "}", "a").problem().isPresent(), n);
    }
    for (String n : List.of(".nan", ".NaN", ".NAN", ".inf", "-.inf", "+.inf", ".Inf", "-.INF")) {
      Problem p = fromYaml("a: " + n + "\n", "a").problem().orElseThrow(() -> new AssertionError(n));
      assertEquals("documents[0].a", p.path(), n);
      assertEquals(n, p.value());
      assertTrue(p.fix().contains("finite"), p.fix());
    }
  }

  @Test
  void integersAreNotReadByTheFractionRule() {
    // written without fraction and exponent, an integer of any size is kept exact for the range checks
    for (String n : List.of("0", "-0", "3", "2147483648", "9223372036854775808", "1" + "0".repeat(400))) {
      try {
        Object y = ManifestDocument.fromYaml("a: " + n + "\n").toMap().get("a");
        Object j = ManifestDocument.fromJson("{\"a\": " + n + "}").toMap().get("a");
        assertEquals(new BigDecimal(n).toBigInteger(), new BigDecimal(y.toString()).toBigInteger(), n);
        assertEquals(y, j, n);
      } catch (InvalidInputException e) {
        fail(n + ": " + e.getMessage());
      }
    }
  }
}
