package io.clusterstacks.core.flavor;

import io.clusterstacks.core.ClusterStacksException;

/**
 * A flavor name that is not an SCS name at all: it does not start with {@code SCS-}.
 *
 * <p>Clouds may offer such flavors freely; scs-0100 only governs names starting with {@code SCS-}
 * (case-sensitive). This is deliberately no {@link InvalidFlavorNameException}: use
 * {@link ScsFlavorName#tryParse(String)} to tell the three outcomes apart without exceptions.
 */
public class NotAnScsFlavorNameException extends ClusterStacksException {
  private static final long serialVersionUID = 1L;

  /** The name as received. */
  private final String input;

  /**
   * Creates the exception.
   *
   * @param input the name as received
   */
  public NotAnScsFlavorNameException(String input) {
    super("'" + (input.length() > 100 ? input.substring(0, 100) + "..." : input)
        + "' is not an SCS flavor name: SCS names start with 'SCS-' (case-sensitive), e.g. SCS-2V-4-20s");
    this.input = input;
  }

  /**
   * The name as received.
   *
   * @return the input
   */
  public String input() {
    return input;
  }
}
