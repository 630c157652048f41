package io.clusterstacks.core.stack;

import java.util.List;
import java.util.Optional;

/**
 * Offers stack dialects to the SDK; the service interface through which another module (e.g. a
 * Kamaji module with a newer {@code kamaji} release) registers its dialects, listed in
 * {@code META-INF/services/io.clusterstacks.core.stack.StackDialectProvider}.
 *
 * <p>{@link StackDialects} asks every provider, the built-in one included. An explicit setting wins
 * ({@code ClusterSpec.builder().dialect(d)}, or {@link StackDialects#byId(String)} with a provider's
 * class name); when two providers offer the same dialect id, or both claim one ClusterClass, the
 * lookup fails with an {@link AmbiguousStackDialectException} naming both.
 */
public interface StackDialectProvider {

  /**
   * The provider's name, for messages and ordering.
   *
   * @return e.g. {@code built-in} or {@code kamaji}
   */
  String name();

  /**
   * Every dialect this provider offers, each with a unique {@link StackDialect#id()}.
   *
   * @return the dialects, in a stable order
   */
  List<StackDialect> dialects();

  /**
   * The dialect of a ClusterClass, when this provider knows the class.
   *
   * @param className the class name
   * @return one of {@link #dialects()}, or empty when this provider does not describe the class
   */
  Optional<StackDialect> forClass(ClusterClassName className);
}
