package io.clusterstacks.core.manifest;

import java.util.Objects;
import java.util.Optional;

/**
 * One parsed document: its generic form and, where the SDK has a typed model for it, the typed value
 * ({@code ClusterStack}, {@code ClusterSpec}, {@code OrcImage} or {@code CspoReleaseTemplate}).
 *
 * @param index the position in the input, from 0
 * @param document the generic document
 * @param typed the typed value, or empty when kept generic
 */
public record ParsedDocument(int index, ManifestDocument document, Optional<Object> typed) {
  /**
   * Checks presence.
   *
   * @param index the position
   * @param document the document
   * @param typed the typed value
   */
  public ParsedDocument {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(typed, "typed");
  }
}
