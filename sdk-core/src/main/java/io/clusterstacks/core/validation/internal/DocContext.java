package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Collects the violations and warnings of one document while it is walked and its rules run. */
public final class DocContext {

  private static final int MAX_VALUE_CHARS = 100;

  final int index;
  final String kind;
  final String name;
  final boolean secret;
  final ValidationEngine engine;
  final List<Violation> violations = new ArrayList<>();
  final List<String> warnings;
  /** Paths that failed schema validation; named rules report nothing more there (set when they start). */
  private @Nullable Set<String> schemaPaths;

  DocContext(int index, String kind, String name, boolean secret, ValidationEngine engine, List<String> warnings) {
    this.index = index;
    this.kind = kind;
    this.name = name;
    this.secret = secret;
    this.engine = engine;
    this.warnings = warnings;
  }

  /**
   * Records a violation.
   *
   * @param path where
   * @param value the value received, or null when absent
   * @param allowed what is allowed
   * @param rule the rule name
   * @param message the explanation
   */
  public void add(FieldPath path, @Nullable JsonNode value, String allowed, String rule, String message) {
    String p = path.toString();
    if (schemaPaths != null && schemaPaths.contains(p)) {
      // A value that already failed schema validation never reaches CEL or webhooks: one message is enough.
      return;
    }
    addAt(p, path, value, allowed, rule, message);
  }

  private void addAt(String p, FieldPath path, @Nullable JsonNode value, String allowed, String rule,
      String message) {
    violations.add(Violation.builder()
        .documentIndex(index)
        .kind(kind)
        .name(name)
        .path(p)
        .value(Optional.ofNullable(render(path, value)))
        .allowed(allowed)
        .rule(rule)
        .message(message)
        .build());
  }

  /**
   * Records a violation that replaces schema-keyword violations at the same path (a named rule that
   * says the same thing more precisely).
   *
   * @param supersedes the schema keywords it replaces at that path
   * @param path where
   * @param value the value received, or null when absent
   * @param allowed what is allowed
   * @param rule the rule name
   * @param message the explanation
   */
  public void replace(Set<String> supersedes, FieldPath path, @Nullable JsonNode value, String allowed,
      String rule, String message) {
    String p = path.toString();
    violations.removeIf(v -> v.path().equals(p) && supersedes.contains(v.rule()));
    if (violations.stream().noneMatch(v -> v.path().equals(p))) {
      addAt(p, path, value, allowed, rule, message);
    }
  }

  /** Marks the end of schema validation: from now on, paths with schema violations are not reported again. */
  void beginNamedRules() {
    Set<String> paths = new HashSet<>();
    violations.forEach(v -> paths.add(v.path()));
    schemaPaths = paths;
  }

  /**
   * Records a warning.
   *
   * @param path where
   * @param text the warning
   */
  public void warn(FieldPath path, String text) {
    warnings.add("#" + index + " " + (kind.isEmpty() ? "<no kind>" : kind) + "/"
        + (name.isEmpty() ? "<no name>" : name) + " " + path + ": " + text);
  }

  /**
   * The document kind.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The validator's settings and cross-document view.
   *
   * @return the engine
   */
  public ValidationEngine engine() {
    return engine;
  }

  private @Nullable String render(FieldPath path, @Nullable JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return null;
    }
    if (secret) {
      String top = path.topField();
      if ("data".equals(top) || "stringData".equals(top)) {
        return "<redacted>";
      }
    }
    String s = value.toString();
    if (s.length() > MAX_VALUE_CHARS) {
      s = s.substring(0, MAX_VALUE_CHARS) + "…";
    }
    return s;
  }
}
