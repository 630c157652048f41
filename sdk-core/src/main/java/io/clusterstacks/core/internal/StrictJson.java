package io.clusterstacks.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's one strict reader of JSON trees: parsing refuses what a lenient reader would accept
 * silently, and the typed accessors collect every problem with its path instead of stopping at the
 * first.
 *
 * <p>Parsing ({@link #parse}) refuses duplicate keys, trailing content (garbage or a second document),
 * NaN and infinities (not JSON), and input beyond the {@link Limits}; every such failure is an
 * {@link InvalidInputException} naming line and column, never a Jackson exception or a null. Numbers
 * keep their exact value (no double rounding), so {@link #integer} can range-check an integer whatever
 * its notation ({@code 4294967297}, {@code 3e9}, {@code 2147483648.0}, {@code 1e400}).
 *
 * <p>An instance collects {@link Problem}s: call the accessors, then {@link #throwIfAny()}.
 */
public final class StrictJson {

  /**
   * Size bounds of one document.
   *
   * @param maxDepth nesting depth of arrays and objects
   * @param maxStringChars characters of one string or key
   * @param maxNumberChars characters of one number
   * @param maxDocumentChars characters of the whole document
   */
  public record Limits(int maxDepth, int maxStringChars, int maxNumberChars, long maxDocumentChars) {
    /** Bounds for configuration documents such as cloud profiles: depth 64, 1 MiB strings, 100-digit numbers, 64 MiB. */
    public static final Limits CONFIG = new Limits(64, 1 << 20, 100, 64L << 20);
    /** Bounds for one Kubernetes object, the same as {@link YamlDocuments}': depth 100, 16 MiB, 1,000-digit numbers. */
    public static final Limits MANIFEST = new Limits(YamlDocuments.MAX_DEPTH, YamlDocuments.MAX_CHARS, 1000,
        YamlDocuments.MAX_CHARS);
  }

  private final List<Problem> problems = new ArrayList<>();

  /** A reader with no problems yet. */
  public StrictJson() {}

  private static ObjectMapper mapper(Limits limits) {
    JsonMapper m = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .build();
    m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringChars())
        .maxNameLength(limits.maxStringChars())
        .maxNumberLength(limits.maxNumberChars())
        .maxDocumentLength(limits.maxDocumentChars())
        .build());
    return m;
  }

  private static final ObjectMapper CONFIG_MAPPER = mapper(Limits.CONFIG);
  private static final ObjectMapper MANIFEST_MAPPER = mapper(Limits.MANIFEST);

  /**
   * Parses one JSON document strictly from text (see {@link #parse(InputStream, String, Limits)}).
   *
   * @param text the JSON
   * @param source where it came from, for messages (never content)
   * @param limits the size bounds
   * @return the tree, never null or missing
   * @throws InvalidInputException as {@link #parse(InputStream, String, Limits)}
   */
  public static JsonNode parse(String text, String source, Limits limits) {
    InvalidInputException.requireArgument(text, "text");
    if (text.length() > limits.maxDocumentChars()) {
      throw new InvalidInputException(List.of(Problem.of("", "a document of " + text.length() + " characters from "
          + source, "keep the document within " + limits.maxDocumentChars() + " characters")));
    }
    return parse(m -> m.readTree(text), source, limits);
  }

  /**
   * Parses one JSON document strictly.
   *
   * @param in the JSON, read to its end
   * @param source where it came from, for messages (a file name, never content)
   * @param limits the size bounds
   * @return the tree, never null or missing
   * @throws InvalidInputException for malformed JSON, duplicate keys, trailing content, an empty
   *     document or input beyond the limits, naming line and column
   * @throws ClusterStacksException when the stream cannot be read
   */
  public static JsonNode parse(InputStream in, String source, Limits limits) {
    InvalidInputException.requireArgument(in, "in");
    return parse(m -> m.readTree(in), source, limits);
  }

  /** Reads a tree with a mapper configured for the limits. */
  @FunctionalInterface
  private interface Read {
    @Nullable JsonNode read(ObjectMapper mapper) throws IOException;
  }

  private static JsonNode parse(Read read, String source, Limits limits) {
    ObjectMapper m = limits.equals(Limits.CONFIG) ? CONFIG_MAPPER
        : limits.equals(Limits.MANIFEST) ? MANIFEST_MAPPER : mapper(limits);
    JsonNode root;
    try {
      root = read.read(m);
    } catch (StreamConstraintsException e) {
      throw new InvalidInputException(List.of(Problem.of("", "a document beyond the size limits of " + source
          + where(e.getLocation()) + " (" + e.getOriginalMessage() + ")",
          "keep nesting within " + limits.maxDepth() + " levels, strings within " + limits.maxStringChars()
              + " characters, numbers within " + limits.maxNumberChars() + " digits")), null);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      String fix = msg != null && msg.startsWith("Duplicate field")
          ? "give each key once; a later duplicate would silently replace the first"
          : msg != null && msg.contains("Trailing token")
              ? "give exactly one JSON document and nothing after it"
              : "fix the JSON syntax";
      throw new InvalidInputException(List.of(Problem.of("", "malformed JSON in " + source + where(e.getLocation())
          + " (" + safeMessage(msg) + ")", fix)), null);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidInputException(List.of(Problem.of("", "a number " + source + " cannot hold",
          "write numbers within " + limits.maxNumberChars() + " digits and an exponent below 10^9")), null);
    } catch (IOException e) {
      throw new ClusterStacksException(source + ": could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidInputException(List.of(Problem.of("", "an empty document from " + source,
          "give one JSON object")));
    }
    return root;
  }

  private static String where(@Nullable JsonLocation l) {
    if (l == null || l.getLineNr() < 1) {
      return "";
    }
    return " at line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  /**
   * What Jackson found wrong, without quoting the input: its messages quote the offending token
   * ({@code Unrecognized token 'hunter2'}), which may be a secret. A duplicate key keeps its name.
   */
  private static String safeMessage(@Nullable String msg) {
    if (msg == null) {
      return "unreadable";
    }
    if (msg.startsWith("Duplicate field")) {
      int q = msg.indexOf('\'');
      int q2 = q < 0 ? -1 : msg.indexOf('\'', q + 1);
      return "a key appears twice in one object" + (q2 > q ? " (" + Names.shown(msg.substring(q, q2 + 1)) + ")" : "");
    }
    if (msg.contains("Trailing token")) {
      return "content after the end of the document";
    }
    if (msg.startsWith("Unexpected end-of-input")) {
      return "the document ends early";
    }
    if (msg.contains("Non-standard token") || msg.contains("NaN")) {
      return "NaN and infinity are not JSON numbers";
    }
    if (msg.startsWith("Unexpected character") || msg.startsWith("Unrecognized token")) {
      return "a character or word that is not JSON";
    }
    if (msg.startsWith("Illegal unquoted character")) {
      return "a control character inside a string (write it escaped, e.g. \\n)";
    }
    return "not well-formed JSON";
  }

  // ---------------------------------------------------------------- problems

  /**
   * Records a problem.
   *
   * @param path the field path
   * @param value the value received, as text
   * @param fix what is allowed
   */
  public void problem(String path, String value, String fix) {
    problems.add(Problem.of(path, value, fix));
  }

  /**
   * Records problems found elsewhere (e.g. by a builder), below a path.
   *
   * @param path the parent path, empty for none
   * @param e the exception holding them
   */
  public void problems(String path, InvalidInputException e) {
    problems.addAll(path.isEmpty() ? e.problems() : e.under(path).problems());
  }

  /**
   * The number of problems so far, to tell whether a part added any.
   *
   * @return the count
   */
  public int problemCount() {
    return problems.size();
  }

  /**
   * The problems so far.
   *
   * @return an unmodifiable copy
   */
  public List<Problem> problemList() {
    return List.copyOf(problems);
  }

  /**
   * Throws when any problem was recorded.
   *
   * @throws InvalidInputException listing every problem, in the order found
   */
  public void throwIfAny() {
    InvalidInputException.throwIfAny(problems);
  }

  // ---------------------------------------------------------------- typed access

  /**
   * Records every field of an object that is not allowed.
   *
   * @param n the object
   * @param path its path
   * @param fields the allowed field names
   */
  public void known(JsonNode n, String path, String... fields) {
    Set<String> allowed = new TreeSet<>(List.of(fields));
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!allowed.contains(f)) {
        problem(join(path, f), "an unknown field", "remove it or use one of " + allowed);
      }
    }
  }

  /**
   * Whether a node is an object, recording a problem when not.
   *
   * @param n the node
   * @param path its path
   * @return true for an object
   */
  public boolean object(JsonNode n, String path) {
    if (n.isObject()) {
      return true;
    }
    problem(path, kind(n), "expected a JSON object");
    return false;
  }

  /**
   * Whether a node is an array, recording a problem when not.
   *
   * @param n the node
   * @param path its path
   * @return true for an array
   */
  public boolean array(JsonNode n, String path) {
    if (n.isArray()) {
      return true;
    }
    problem(path, kind(n), "expected a JSON array");
    return false;
  }

  /**
   * A string field.
   *
   * @param parent the object
   * @param path the object's path
   * @param field the field name
   * @param required whether absence (or null) is a problem
   * @return the string, or null when absent or wrong
   */
  public @Nullable String text(JsonNode parent, String path, String field, boolean required) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        problem(join(path, field), Problem.MISSING, "this field is required (a string)");
      }
      return null;
    }
    if (!n.isTextual()) {
      problem(join(path, field), kind(n), "expected a string");
      return null;
    }
    return n.textValue();
  }

  /**
   * An integer field within bounds, whatever its notation: {@code 3e9} and {@code 2.0} are the
   * integers they denote, {@code 2.5} is not an integer, and a value beyond the bounds is a problem,
   * never truncated.
   *
   * @param parent the object
   * @param path the object's path
   * @param field the field name
   * @param required whether absence (or null) is a problem
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the value, or null when absent or wrong
   */
  public @Nullable Long integer(JsonNode parent, String path, String field, boolean required, long min, long max) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        problem(join(path, field), Problem.MISSING, "this field is required (an integer)");
      }
      return null;
    }
    return integer(n, join(path, field), min, max);
  }

  /**
   * An integer node within bounds (see {@link #integer(JsonNode, String, String, boolean, long, long)}).
   *
   * @param n the node
   * @param path its path
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return the value, or null when wrong
   */
  public @Nullable Long integer(JsonNode n, String path, long min, long max) {
    if (!n.isNumber()) {
      problem(path, kind(n), "expected an integer");
      return null;
    }
    BigDecimal d = n.decimalValue();
    if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      problem(path, n.asText(), "use an integer from " + min + " to " + max);
      return null;
    }
    if (!Values.isWhole(n)) {
      problem(path, n.asText(), "expected an integer");
      return null;
    }
    return d.longValueExact();
  }

  /**
   * A boolean field.
   *
   * @param parent the object
   * @param path the object's path
   * @param field the field name
   * @return the value, or null when absent or wrong
   */
  public @Nullable Boolean bool(JsonNode parent, String path, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      problem(join(path, field), kind(n), "expected true or false");
      return null;
    }
    return n.booleanValue();
  }

  /**
   * An optional object of scalar values, each given as text: strings, booleans and integers within
   * {@code long} (whose text is the number's own); fractions, exponents and larger integers are
   * refused, since their text as read back would differ from the text written.
   *
   * @param parent the object holding it
   * @param path the holder's path
   * @param field the field name
   * @param fix what a nested or null value should be
   * @param put receives each key and value
   */
  public void stringMap(JsonNode parent, String path, String field, String fix, BiConsumer<String, String> put) {
    JsonNode m = parent.get(field);
    if (m == null || !object(m, join(path, field))) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = m.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isFloatingPointNumber() || v.isBigInteger()) {
        // its text would be Java's form, not the one written (1e400 became "1E+400", 1.50 "1.5"): only
        // the writer knows the text meant, so it must be quoted
        problem(join(path, field) + "." + e.getKey(), kind(v) + " " + v.asText(),
            "write this number as a string, quoted as meant (" + fix + ")");
      } else if (v.isValueNode() && !v.isNull()) {
        put.accept(e.getKey(), v.asText());
      } else {
        problem(join(path, field) + "." + e.getKey(), kind(e.getValue()), fix);
      }
    }
  }

  /**
   * Each string element of an array; other elements are problems.
   *
   * @param array the array
   * @param path its path
   * @param fix what a non-string element should be
   * @param add receives each string
   */
  public void eachString(JsonNode array, String path, String fix, Consumer<String> add) {
    for (int i = 0; i < array.size(); i++) {
      JsonNode e = array.get(i);
      if (e.isTextual()) {
        add.accept(e.textValue());
      } else {
        problem(path + "[" + i + "]", kind(e), fix);
      }
    }
  }

  /**
   * A path with a field appended.
   *
   * @param path the parent path, empty at the root
   * @param field the field
   * @return e.g. {@code quotas.cores}
   */
  public static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /**
   * A node described for a message (a string quoted, a number as written, else its kind).
   *
   * @param n the node
   * @return e.g. {@code the string 'x'}, {@code 12}, {@code an array}
   */
  public static String kind(JsonNode n) {
    if (n.isTextual()) {
      return "the string '" + n.textValue() + "'";
    }
    if (n.isNumber() || n.isBoolean()) {
      return n.asText();
    }
    if (n.isNull()) {
      return "null";
    }
    return n.isArray() ? "an array" : "an object";
  }
}
