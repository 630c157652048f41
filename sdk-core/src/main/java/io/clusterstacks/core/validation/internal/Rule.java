package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One named rule of a {@link RuleFamily}: its name is the {@code rule} of every violation it reports, so
 * the name is written once, where the rule is declared.
 */
final class Rule {

  private final String name;

  Rule(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** Reports a violation of this rule (see {@link DocContext#add}). */
  void report(DocContext c, FieldPath path, @Nullable JsonNode value, String allowed, String message) {
    c.add(path, value, allowed, name, message);
  }

  /** Reports a violation that replaces the schema keywords {@code supersedes} at that path. */
  void reportInstead(Set<String> supersedes, DocContext c, FieldPath path, @Nullable JsonNode value,
      String allowed, String message) {
    c.replace(supersedes, path, value, allowed, name, message);
  }

  @Override
  public String toString() {
    return name;
  }
}
