package io.clusterstacks.core.manifest;

import io.clusterstacks.core.ClusterStacksException;
import java.util.List;

/**
 * Manifests that do not fit the typed model: every problem with document index, kind/name, path and
 * what is accepted. Use {@link ManifestParser#parseLenient(String)} to read them generically.
 */
public class ManifestParseException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** The problems, one line each. */
  private final transient List<String> problems;

  /**
   * Creates the exception.
   *
   * @param problems one line per problem
   */
  public ManifestParseException(List<String> problems) {
    super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " parsing manifests into the typed model:\n  - "
        + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems.
   *
   * @return one line per problem
   */
  public List<String> problems() {
    return problems;
  }
}
