package io.clusterstacks.core.flavor;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.List;

/**
 * A flavor name that is not an SCS name at all: it does not start with {@code SCS-}.
 *
 * <p>Clouds may offer such flavors freely; scs-0100 only governs names starting with {@code SCS-}
 * (case-sensitive). It is an {@link InvalidInputException} for {@link ScsFlavorName#parse(String)}, but
 * deliberately no {@link InvalidFlavorNameException}: use
 * {@link ScsFlavorName#tryParse(String)} to tell the three outcomes apart without exceptions.
 */
public class NotAnScsFlavorNameException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** The name as received. */
  private final String input;

  /**
   * Creates the exception.
   *
   * @param input the name as received
   */
  public NotAnScsFlavorNameException(String input) {
    super(List.of(Problem.of("flavorName", Names.escaped(input),
        "not an SCS flavor name: SCS names start with 'SCS-' (case-sensitive), e.g. SCS-2V-4-20s")));
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
