package io.clusterstacks.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Normalises variable values into an immutable, comparable form: String, Long, Double, Boolean,
 * unmodifiable List, unmodifiable key-sorted Map.
 */
public final class Values {
  private Values() {}

  /**
   * The int a number node denotes, by the rule the validator and the parser share: a whole number in
   * any notation ({@code 3}, {@code 3.0}, {@code 3e0}) within int's range. The range is compared before
   * any conversion, so {@code 1e999999999} is not expanded.
   *
   * @param n the node
   * @return the value, or empty for a non-number, a fraction, NaN, an infinity or a value beyond int
   */
  public static java.util.Optional<Integer> wholeInt(JsonNode n) {
    if (!n.isNumber() || !isWhole(n)) {
      return java.util.Optional.empty();
    }
    BigDecimal d = n.decimalValue();
    if (d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0 || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(d.intValueExact());
  }

  /** The largest finite double, as the fix texts write it. */
  private static final String MAX_DOUBLE = "1.7976931348623157e308";
  /** The smallest positive normal double, as the fix texts write it. */
  private static final String MIN_NORMAL = "2.2250738585072014e-308";

  /**
   * The double a number written with a fraction or an exponent denotes, by the one rule of the YAML
   * reader ({@link YamlDocuments}) and the JSON reader of manifests: refused, never changed silently,
   * when the double would lose the value. That is NaN and infinities (not JSON numbers), a decimal
   * beyond the double range that would become an infinity ({@code 1e400}, {@code -1e400}), and a
   * non-zero decimal that would become 0 or a subnormal double, which keeps only some of its digits
   * ({@code 1e-400}, {@code 4.9e-324}); {@code 0.0} and {@code 0e5} are zero. A double that rounds in
   * its last digit ({@code 0.1}) is not a loss. Integers written without fraction and exponent are not
   * read here; their ranges are checked where they land (int32/int64). The API server refuses
   * {@code 1e400} as well ("invalid number", recorded by sdk-kubernetes' IntegerEdgeCasesIT); what it does
   * with {@code 1e-400} and subnormals is not recorded, so refusing them may be stricter than it is.
   *
   * @param path where the number is, for the problem, e.g. {@code spec.replicas} (asked for only when the
   *     number is refused)
   * @param text the number as written (only its digits are read; it is shown shortened)
   * @param value the double the reader made of the text
   * @return the value, when it keeps the number
   * @throws InvalidInputException naming the path, the number as written and the fix
   */
  public static double fraction(java.util.function.Supplier<String> path, String text, double value) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (Double.isNaN(value) || lower.contains("nan") || lower.contains("inf")) {
      throw fractionProblem(path, text, "write a finite number; NaN and infinities are not JSON numbers and"
          + " Kubernetes stores neither");
    }
    if (Double.isInfinite(value)) {
      throw fractionProblem(path, text, "write a number within ±" + MAX_DOUBLE + " (the largest double);"
          + " beyond it a double becomes an infinity. An integer field takes an integer written without an"
          + " exponent, at most int64's 9223372036854775807");
    }
    if (Math.abs(value) < Double.MIN_NORMAL && nonZeroDigits(text)) {
      throw fractionProblem(path, text, "write 0, or a number whose magnitude is at least " + MIN_NORMAL
          + " (the smallest normal double); a double makes a smaller non-zero number " + (value == 0 ? "0"
          : "a subnormal number that keeps only some of its digits"));
    }
    return value;
  }

  /** Whether the digits before the exponent are not all zero (the number written is not 0). */
  private static boolean nonZeroDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static InvalidInputException fractionProblem(java.util.function.Supplier<String> path, String text,
      String fix) {
    return new InvalidInputException(List.of(Problem.of(path.get(), Names.shown(text), fix)));
  }

  /**
   * Whether a finite number node is a whole number, whatever its notation or size ({@code 3.0},
   * {@code 3e9}, {@code 1e400}): the one rule of the validator, the parser and the profile reader.
   *
   * @param n a number node
   * @return true for a whole number
   */
  public static boolean isWhole(JsonNode n) {
    if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
      return false;
    }
    BigDecimal d = n.decimalValue();
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /**
   * Normalises a value.
   *
   * @param value a String, number, Boolean, Collection, Map or Jackson JsonNode
   * @return the normalised value
   * @throws InvalidInputException for null, unsupported types, NaN and infinities
   */
  public static Object normalize(Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) finite(b.doubleValue(), b.toString());
    }
    if (value instanceof BigDecimal d) {
      BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
      if (s.scale() <= 0 && s.precision() - s.scale() <= 19) {
        try {
          return s.longValueExact();
        } catch (ArithmeticException e) {
          // beyond long: a double below
        }
      }
      return finite(d.doubleValue(), d.toString());
    }
    if (value instanceof Float || value instanceof Double) {
      double d = finite(((Number) value).doubleValue(), String.valueOf(value));
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
        return (long) d;
      }
      return d;
    }
    if (value instanceof JsonNode n) {
      return fromJson(n);
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object o : c) {
        if (o == null) {
          throw invalid("null", "a list element is null; remove it or give a value");
        }
        out.add(normalize(o));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Map<?, ?> m) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        sorted.put(String.valueOf(e.getKey()), normalize(e.getValue()));
      }
      return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
    throw invalid(value == null ? "null" : "a " + value.getClass().getSimpleName(), "use a String, number, Boolean, List or Map");
  }

  private static Object fromJson(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return normalize(n.bigIntegerValue());
    }
    if (n.isNumber()) {
      if ((n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
        throw invalid(String.valueOf(n.doubleValue()), "use a finite number; NaN and infinities have no JSON form");
      }
      return normalize(n.decimalValue());
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode e : n) {
        if (!e.isNull()) {
          out.add(fromJson(e));
        }
      }
      return Collections.unmodifiableList(out);
    }
    if (n.isObject()) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          sorted.put(e.getKey(), fromJson(e.getValue()));
        }
      }
      return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
    throw invalid("JSON " + n.getNodeType(), "use a string, number, boolean, list or object");
  }

  private static double finite(double d, String text) {
    if (!Double.isFinite(d)) {
      throw invalid(text, "use a finite number within the range of a double (about ±1.8e308); NaN and infinities"
          + " have no JSON form");
    }
    return d;
  }

  private static InvalidInputException invalid(String value, String fix) {
    return new InvalidInputException(List.of(Problem.of("value", value, fix)));
  }

  /**
   * A short description of a value's type, for messages.
   *
   * @param value a normalised value
   * @return e.g. {@code string}
   */
  public static String typeName(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "integer";
    }
    if (value instanceof Double) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List) {
      return "array";
    }
    return "object";
  }
}
