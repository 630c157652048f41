package io.clusterstacks.core.cloud;

import io.clusterstacks.core.ClusterStacksException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cloud profile (built in code or read from JSON) is not valid; lists every problem at once.
 *
 * <p>Each {@link Problem} names the field path (e.g. {@code flavors[3].vcpus}), the value received and
 * how to fix it.
 */
public class CloudProfileException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates the exception from its problems.
   *
   * @param problems every problem found, at least one
   */
  public CloudProfileException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Creates the exception for input that could not be read at all.
   *
   * @param problem the problem
   * @param cause the underlying failure
   */
  public CloudProfileException(Problem problem, Throwable cause) {
    super(render(List.of(problem)), cause);
    this.problems = List.of(problem);
  }

  /**
   * Every problem found, in document order.
   *
   * @return the problems, never empty
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The same problems with their paths put below a parent path.
   *
   * @param parent e.g. {@code flavors[2]}
   * @return a new exception
   */
  public CloudProfileException under(String parent) {
    List<Problem> moved = new ArrayList<>();
    for (Problem p : problems) {
      moved.add(new Problem(parent + (p.path().isEmpty() ? "" : "." + p.path()), p.value(), p.fix()));
    }
    return new CloudProfileException(moved);
  }

  private static String render(List<Problem> problems) {
    StringBuilder sb = new StringBuilder("invalid cloud profile (")
        .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
    for (Problem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }

  /**
   * One problem of a cloud profile.
   *
   * @param path the field path, e.g. {@code flavors[3].vcpus} (empty for the document itself)
   * @param value the value received, rendered as text ({@code <missing>} when absent)
   * @param fix what to do about it
   */
  public record Problem(String path, String value, String fix) {
    /**
     * Checks the parts are present.
     *
     * @param path the field path
     * @param value the value received
     * @param fix what to do about it
     */
    public Problem {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
      return (path.isEmpty() ? "<document>" : path) + ": got " + value + "; " + fix;
    }
  }
}
