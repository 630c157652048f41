package io.clusterstacks.core.image;

import java.util.Map;

/**
 * Creates an image strategy from text options; the service interface through which third-party
 * strategies are found ({@code META-INF/services/io.clusterstacks.core.image.ImageStrategyProvider}).
 *
 * <p>Names must be unique: when two providers share a name, choosing by that name fails with an
 * error naming both (choose by class name instead).
 */
public interface ImageStrategyProvider {

  /**
   * The strategy name this provider creates.
   *
   * @return e.g. {@code ubuntu}
   */
  String name();

  /**
   * What the strategy does.
   *
   * @return one sentence
   */
  String description();

  /**
   * The options {@link #create(Map)} understands, with their meaning.
   *
   * @return option name to description, in a stable order
   */
  Map<String, String> options();

  /**
   * Creates the strategy.
   *
   * @param options option values (e.g. from a command line)
   * @return the strategy
   * @throws ImageStrategyException when an option is unknown or invalid
   */
  ImageStrategy create(Map<String, String> options);
}
