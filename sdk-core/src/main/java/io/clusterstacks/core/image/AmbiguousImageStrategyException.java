package io.clusterstacks.core.image;

import java.util.List;

/** Two or more providers offer the same strategy name; the message names all of them. */
public class AmbiguousImageStrategyException extends ImageStrategyException {
  private static final long serialVersionUID = 1L;

  /** The provider classes that share the name. */
  private final transient List<String> candidates;

  /**
   * Creates the exception.
   *
   * @param name the shared name
   * @param candidates the provider class names, sorted
   */
  public AmbiguousImageStrategyException(String name, List<String> candidates) {
    super("image strategy '" + name + "' is offered by " + candidates.size() + " providers: "
        + String.join(" and ", candidates) + "; choose one by its class name, or remove one from the class path");
    this.candidates = List.copyOf(candidates);
  }

  /**
   * The provider classes that share the name.
   *
   * @return fully qualified class names, sorted
   */
  public List<String> candidates() {
    return candidates;
  }
}
