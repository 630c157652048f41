package io.clusterstacks.core.validation;

import io.clusterstacks.core.manifest.ManifestDocument;

/**
 * One named rule for documents of one kind, contributed by a {@link ValidationBundle}: a
 * re-implemented CEL or webhook check. Its violations carry {@link #name()} as their
 * {@link Violation#rule()}.
 *
 * <p>Implementations must be thread-safe (one validator serves concurrent calls) and must not keep
 * documents between calls.
 */
public interface ValidationRule {

  /**
   * The rule's name, unique among the rules of a validator on the same kind; one rule that checks several
   * kinds (e.g. a control plane and its template) is one {@code ValidationRule} per kind, all of that name.
   *
   * @return e.g. {@code kamaji.dataStore.endpoints}
   */
  String name();

  /**
   * The API group of the documents the rule checks.
   *
   * @return e.g. {@code kamaji.clastix.io}, {@code ""} for the core group
   */
  String group();

  /**
   * The kind of the documents the rule checks.
   *
   * @return e.g. {@code DataStore}
   */
  String kind();

  /**
   * Checks one document that passed the schema walk.
   *
   * @param document the document with schema defaults applied and non-nullable nulls pruned, as the API
   *     server would store it
   * @param context where violations go, and the other documents of the call
   */
  void check(ManifestDocument document, RuleContext context);
}
