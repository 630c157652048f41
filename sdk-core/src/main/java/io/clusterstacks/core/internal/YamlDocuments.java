package io.clusterstacks.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.clusterstacks.core.Problem;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one strict reader of multi-document YAML (and JSON, a subset) into trees, shared by the manifest
 * parser and the validator so both accept and refuse the same input.
 *
 * <p>Stricter than the API server, on purpose (each refusal is a {@link Failure} naming the line; what
 * kube-apiserver v1.20 does instead is recorded by sdk-kubernetes' lab tests {@code YamlStructureEdgeCasesIT}
 * and {@code IntegerEdgeCasesIT}: it keeps a duplicate key's last value, expands aliases and merge keys,
 * stores a body's first YAML document and drops the rest, and stores out-of-range int32 values):
 * <ul>
 *   <li>aliases ({@code *name}) and merge keys ({@code <<}) are refused, not expanded: Jackson would
 *       read an alias as the anchor's name, and expansion invites alias bombs; write the values out;</li>
 *   <li>a key twice in one mapping is refused (the API server's YAML path keeps the last);</li>
 *   <li>{@code .nan} and {@code .inf} are refused: JSON has no such numbers; so is every fraction a double
 *       cannot hold ({@code 1e400}, {@code 1e-400}, {@code 4.9e-324}), by {@link Values#fraction}'s rule,
 *       with the field's path and the number;</li>
 *   <li>input above {@link #MAX_CHARS} characters, one document above {@link #MAX_DOCUMENT_CHARS}, nesting
 *       deeper than {@link #MAX_DEPTH}, and strings
 *       or numbers beyond Jackson's stream limits are refused.</li>
 * </ul>
 * Messages never quote the input: a syntax error inside a Secret must not copy the secret into a
 * report or exception. The one exception is a refused number, which is shown shortened: a number is
 * not a secret (Secret data is a string).
 */
public final class YamlDocuments {
  /** The largest input read: 16 MiB of characters (the API server stores objects up to 1.5 MiB). */
  public static final int MAX_CHARS = 16 * 1024 * 1024;
  /**
   * The largest single document read: 3 MiB of characters, SnakeYAML's default, made explicit so that
   * its refusal names the size (it said "malformed YAML"). The API server stores objects up to 1.5 MiB.
   * Several documents together may have up to {@link #MAX_CHARS}. SnakeYAML checks this bound only
   * after a scalar is scanned, and its scanner's cost grows faster than a scalar's length (measured:
   * about 1 s for a 1 MiB scalar, 10 s for 4 MiB), so one huge scalar is slow to refuse.
   */
  public static final int MAX_DOCUMENT_CHARS = 3 * 1024 * 1024;
  /** The deepest nesting of mappings and lists. */
  public static final int MAX_DEPTH = 100;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLFactory YAML = YAMLFactory.builder()
      // SnakeYAML's own bound per document, made explicit so that its refusal is reported as a size
      .loaderOptions(loaderOptions())
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 10)
          .maxNumberLength(1000).maxStringLength(MAX_CHARS).build())
      // YAML's null is an empty plain scalar as much as null or ~ (a quoted '' stays a string)
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .build();
  private static final String NULL_TAG = "tag:yaml.org,2002:null";

  static {
    YAML.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private YamlDocuments() {}

  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
    o.setCodePointLimit(MAX_DOCUMENT_CHARS);
    return o;
  }

  /**
   * Why reading stopped: where, and what is wrong, without quoting the input.
   *
   * @param line the line, 1-based; 0 when unknown
   * @param column the column, 1-based
   * @param message what is wrong
   * @param problem for a value refused by a rule (a number a double cannot hold), the problem with its
   *     path inside the document, e.g. {@code spec.replicas}; null for a syntax or size failure
   */
  public record Failure(int line, int column, String message, @Nullable Problem problem) {
    /**
     * A failure without a value's problem.
     *
     * @param line the line
     * @param column the column
     * @param message what is wrong
     */
    public Failure(int line, int column, String message) {
      this(line, column, message, null);
    }

    /**
     * The location as text.
     *
     * @return e.g. {@code line 3, column 7}
     */
    public String where() {
      return line <= 0 ? "at an unknown position" : "line " + line + ", column " + column;
    }
  }

  /** The documents read (all of them, or those before the failure) and the failure, if any. */
  public record Result(List<JsonNode> documents, Optional<Failure> failure) {}

  /**
   * Reads every document; empty documents (a bare {@code ---}) are skipped.
   *
   * @param text the YAML
   * @return the documents and the failure, if any
   */
  public static Result read(String text) {
    return read(new java.io.StringReader(text), text.length());
  }

  /**
   * Reads every document from a reader (read to its end or to the first failure; not closed).
   *
   * @param in the YAML source
   * @return the documents and the failure, if any
   * @throws java.io.UncheckedIOException when the reader fails
   */
  public static Result read(Reader in) {
    // read into memory first, at most one character beyond the bound: input above the bound is then
    // refused without the YAML scanner seeing it (scanning 16 MiB took minutes), and the rest is read
    // like a String
    StringBuilder text = new StringBuilder();
    char[] buf = new char[64 * 1024];
    try {
      int n;
      while ((n = in.read(buf, 0, (int) Math.min(buf.length, MAX_CHARS + 1L - text.length()))) > 0) {
        text.append(buf, 0, n);
        if (text.length() > MAX_CHARS) {
          return new Result(new ArrayList<>(), Optional.of(new Failure(0, 0, "the input has more than "
              + MAX_CHARS + " characters; at most " + MAX_CHARS + " are read")));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not read the YAML", e);
    }
    return read(text.toString());
  }

  private static Result read(Reader in, int knownLength) {
    List<JsonNode> docs = new ArrayList<>();
    if (knownLength > MAX_CHARS) {
      return new Result(docs, Optional.of(new Failure(0, 0, "the input has " + knownLength
          + " characters; at most " + MAX_CHARS + " are read")));
    }
    try (YAMLParser p = (YAMLParser) YAML.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        JsonNode n = value(p, t, 0, null);
        if (n != null && !n.isNull()) {
          docs.add(n);
        }
      }
      return new Result(docs, Optional.empty());
    } catch (Refused r) {
      return new Result(docs, Optional.of(r.failure));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      return new Result(docs, Optional.of(new Failure(line, col, safeMessage(e))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not read the YAML", e);
    }
  }

  /** Where a node is in its document, built into text only when a problem names it. */
  private record Where(@Nullable Where parent, @Nullable String key, int index) {
    static String path(@Nullable Where w) {
      if (w == null) {
        return "";
      }
      String up = path(w.parent);
      if (w.key == null) {
        return up + "[" + w.index + "]";
      }
      return up.isEmpty() ? w.key : up + "." + w.key;
    }
  }

  private static @Nullable JsonNode value(YAMLParser p, JsonToken t, int depth, @Nullable Where at) throws IOException {
    if (p.isCurrentAlias()) {
      // the alias's name is input too: the line and column say where it is
      throw refused(p, "an alias (*…) refers to an anchor; the SDK does not expand YAML aliases: write the value out");
    }
    switch (t) {
      case START_OBJECT: {
        if (depth >= MAX_DEPTH) {
          throw refused(p, "mappings and lists nest deeper than " + MAX_DEPTH + " levels");
        }
        ObjectNode o = NODES.objectNode();
        JsonToken f;
        while ((f = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          if ("<<".equals(name)) {
            throw refused(p, "a merge key (<<) copies another mapping; the SDK does not expand merge keys: "
                + "write the keys out");
          }
          o.set(name, value(p, p.nextToken(), depth + 1, new Where(at, name, 0)));
        }
        return o;
      }
      case START_ARRAY: {
        if (depth >= MAX_DEPTH) {
          throw refused(p, "mappings and lists nest deeper than " + MAX_DEPTH + " levels");
        }
        ArrayNode a = NODES.arrayNode();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          a.add(value(p, e, depth + 1, new Where(at, null, a.size())));
        }
        return a;
      }
      case VALUE_STRING:
        // Jackson reads `!!null ''` and a bare `!!null` as strings; the tag says null
        return NULL_TAG.equals(p.getTypeId()) ? NODES.nullNode() : NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT: {
        String text = p.getText();
        try {
          // .nan and .inf are not read as doubles at all: the rule refuses them by their text
          String lower = text.toLowerCase(java.util.Locale.ROOT);
          double d = lower.contains("nan") || lower.contains("inf") ? Double.NaN : p.getDoubleValue();
          return NODES.numberNode(Values.fraction(() -> Where.path(at), text, d));
        } catch (io.clusterstacks.core.InvalidInputException e) {
          Problem problem = e.problems().get(0);
          var loc = p.currentTokenLocation();
          throw new Refused(new Failure(loc.getLineNr(), loc.getColumnNr(), "the number " + problem.value()
              + (problem.path().isEmpty() ? "" : " at " + problem.path()) + " cannot be read as a double: "
              + problem.fix(), problem));
        }
      }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw refused(p, "unexpected " + t);
    }
  }

  private static Refused refused(YAMLParser p, String message) {
    var loc = p.currentTokenLocation();
    return new Refused(new Failure(loc.getLineNr(), loc.getColumnNr(), message));
  }

  /**
   * What went wrong, without quoting the input: SnakeYAML's messages show the offending source line,
   * which may be a line of a Secret; Jackson's may quote a token.
   *
   * @param e the failure
   * @return e.g. {@code while scanning a simple key: could not find expected ':'}
   */
  public static String safeMessage(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.YAMLException && String.valueOf(t.getMessage()).contains("exceeds the limit")) {
        return "a document has more than " + MAX_DOCUMENT_CHARS + " characters; at most " + MAX_DOCUMENT_CHARS
            + " per document are read";
      }
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
        return (m.getContext() == null ? "" : m.getContext() + ": ") + safeProblem(String.valueOf(m.getProblem()));
      }
    }
    String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (msg == null) {
      return e.getClass().getSimpleName();
    }
    if (msg.startsWith("Duplicate field")) {
      int q = msg.indexOf('\'');
      int q2 = q < 0 ? -1 : msg.indexOf('\'', q + 1);
      return "a key appears twice in one mapping" + (q2 > q ? " (" + msg.substring(q, q2 + 1) + ")" : "");
    }
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      int nl = msg.indexOf('(');
      return (nl < 0 ? msg : msg.substring(0, nl)).trim();
    }
    return "malformed YAML";
  }

  /**
   * SnakeYAML's problem texts that end in a token of the input ("found undefined tag handle !secret",
   * "found unknown escape character X"): only the part before the token is kept.
   */
  private static final List<String> TOKEN_AFTER = List.of("found undefined tag handle", "found undefined alias",
      "found unknown escape character", "Global tag is not allowed", "found a number which cannot represent a valid "
          + "version", "expected URI in UTF-8", "unexpected character found", "expected escape sequence of",
      "expected URI escape sequence of");
  /** SnakeYAML's own token names, e.g. {@code '<block mapping start>'}: not input. */
  private static final java.util.regex.Pattern TOKEN_NAME = java.util.regex.Pattern.compile("'?<[a-z ]+>'?");

  /**
   * A SnakeYAML problem text without any part of the input: tokens, characters and quoted text are cut
   * off (SnakeYAML's fixed wording and its own token names such as {@code <scalar>} stay).
   *
   * @param problem SnakeYAML's problem text
   * @return the text to show
   */
  static String safeProblem(String problem) {
    for (String prefix : TOKEN_AFTER) {
      if (problem.startsWith(prefix)) {
        return prefix;
      }
    }
    if (problem.startsWith("found character ")) {
      return "found a character that cannot start any token (a tab for indentation, or a reserved character such "
          + "as @ or ` at the start of a value)";
    }
    int found = problem.indexOf(", but found ");
    if (found >= 0) {
      String rest = problem.substring(found + ", but found ".length()).trim();
      return problem.substring(0, found) + ", but found " + (TOKEN_NAME.matcher(rest).matches() ? rest
          : "something else");
    }
    // anything else quoted is input; SnakeYAML's fixed messages quote only punctuation such as ':'
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < problem.length(); i++) {
      char c = problem.charAt(i);
      int close = c == '\'' ? problem.indexOf('\'', i + 1) : -1;
      if (close > i) {
        String quoted = problem.substring(i, close + 1);
        out.append(quoted.length() <= 3 || TOKEN_NAME.matcher(quoted).matches() ? quoted : "'…'");
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    final transient Failure failure;

    Refused(Failure failure) {
      super(failure.message(), null);
      this.failure = failure;
    }
  }
}
