package io.clusterstacks.core.validation;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The outcome of validating a set of manifests: every violation at once, what was checked per
 * document, and warnings (for example a kind that could not be schema-checked).
 */
@Value.Immutable
@SdkStyle
public abstract class ValidationReport {

  ValidationReport() {}


  /**
   * One entry per validated document, in input order.
   *
   * @return the documents
   */
  public abstract List<DocumentResult> documents();

  /**
   * All violations, ordered by document and then by the order they were found.
   *
   * @return the violations (empty when the manifests are valid)
   */
  public abstract List<Violation> violations();

  /**
   * Things that do not make the manifests invalid but that a user should see: documents that were not
   * schema-checked, {@code null} values dropped as the API server does, version checks that could only
   * be partial.
   *
   * @return the warnings
   */
  public abstract List<String> warnings();

  /**
   * Whether a management cluster would accept the manifests as far as the SDK can tell offline.
   *
   * @return true when there are no violations
   */
  public boolean isValid() {
    return violations().isEmpty();
  }

  /**
   * Whether every document was checked against a schema or built-in rules.
   *
   * @return false when at least one document is {@link CheckStatus#NOT_SCHEMA_CHECKED}
   */
  public boolean isFullyChecked() {
    return documents().stream().noneMatch(d -> d.status() == CheckStatus.NOT_SCHEMA_CHECKED);
  }

  /**
   * The violations of one document.
   *
   * @param documentIndex the document's index
   * @return its violations
   */
  public List<Violation> violationsOf(int documentIndex) {
    return violations().stream().filter(v -> v.documentIndex() == documentIndex).toList();
  }

  /**
   * A multi-line, human-readable summary: counts, then one line per violation and warning.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(documents().size()).append(" document(s), ").append(violations().size())
        .append(" violation(s), ").append(warnings().size()).append(" warning(s)");
    if (!violations().isEmpty()) {
      sb.append('\n').append(violations().stream().map(v -> "  - " + v.describe())
          .collect(Collectors.joining("\n")));
    }
    if (!warnings().isEmpty()) {
      sb.append('\n').append(warnings().stream().map(w -> "  ! " + w).collect(Collectors.joining("\n")));
    }
    return sb.toString();
  }

  /**
   * Throws when there are violations, for callers who prefer exceptions.
   *
   * @return this report, when valid
   * @throws ManifestValidationException when there is at least one violation
   */
  public ValidationReport throwIfInvalid() {
    if (!isValid()) {
      throw new ManifestValidationException(this);
    }
    return this;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A ValidationReport built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the value
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static ValidationReport of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this value's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds A {@link ValidationReport}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableValidationReport.Builder {
    Builder() {}
  }
}
