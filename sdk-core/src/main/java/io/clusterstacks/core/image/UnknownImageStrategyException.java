package io.clusterstacks.core.image;

import java.util.List;

/** No image strategy has the asked name; the message lists the names that exist. */
public class UnknownImageStrategyException extends ImageStrategyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param name the name asked for
   * @param known the known names with their providers
   */
  public UnknownImageStrategyException(String name, List<String> known) {
    super("image strategy '" + name + "': unknown; known strategies: " + String.join(", ", known));
  }
}
