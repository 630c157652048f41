package io.clusterstacks.core.validation;

import io.clusterstacks.core.manifest.ManifestDocument;
import java.util.List;

/** What a {@link ValidationRule} sees besides its document, and where it reports. */
public interface RuleContext {

  /**
   * Every document of the validation call, as given, for rules across documents.
   *
   * @return the documents, in input order (documents that are not mappings are left out)
   */
  List<ManifestDocument> documents();

  /**
   * Reports a violation of the rule. The value at the path is taken from the document (shortened,
   * and redacted under a Secret's {@code data} and {@code stringData}); a path where a schema
   * violation was already reported gets no second message.
   *
   * @param path a dotted path with list indexes, e.g. {@code spec.endpoints[0]}
   * @param allowed what would be accepted
   * @param message a sentence explaining the problem and the fix
   */
  void violation(String path, String allowed, String message);
}
