package io.clusterstacks.core.stack;

import java.util.List;

/** Two or more stack dialect providers answer the same question; the message names all of them. */
public class AmbiguousStackDialectException extends StackException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> candidates;

  /**
   * Creates the exception.
   *
   * @param what what was looked up, e.g. {@code dialect id 'kamaji'} or {@code class openstack-kamaji-1-30-v1}
   * @param candidates the provider classes that answered, sorted
   */
  public AmbiguousStackDialectException(String what, List<String> candidates) {
    super("dialect", what, "offered by " + candidates.size() + " providers: "
        + String.join(" and ", candidates) + "; set the dialect explicitly (ClusterSpec.builder().dialect(..), or"
        + " StackDialects.byId(\"<provider class>:<id>\")), or remove one provider from the class path");
    this.candidates = List.copyOf(candidates);
  }

  /**
   * The provider classes that answered.
   *
   * @return fully qualified class names, sorted
   */
  public List<String> candidates() {
    return candidates;
  }
}
