package io.clusterstacks.core.manifest;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.List;

/**
 * Manifests that do not fit the typed model, or cannot be read at all: every problem at once, each
 * with its path below {@code documents[i]}, the value received and what is accepted. Use
 * {@link ManifestParser#parseLenient(String)} to read well-formed documents the typed model does not
 * represent.
 *
 * <p>An {@link InvalidInputException}: catch that to handle every kind of bad input alike.
 */
public class ManifestParseException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param problems every problem, at least one
   */
  public ManifestParseException(List<Problem> problems) {
    super(problems);
  }
}
