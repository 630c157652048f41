package io.clusterstacks.core.flavor;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link ScsFlavorName#tryParse(String)}: a valid SCS name, a name that is no SCS
 * name at all, or an invalid SCS name.
 */
public sealed interface FlavorNameParseResult {

  /**
   * The name as received.
   *
   * @return the input
   */
  String input();

  /**
   * The parsed name when valid.
   *
   * @return the name, or empty when not valid
   */
  default Optional<ScsFlavorName> name() {
    return this instanceof Valid v ? Optional.of(v.flavorName()) : Optional.empty();
  }

  /**
   * A valid SCS flavor name (possibly in the deprecated v1 syntax, see
   * {@link ScsFlavorName#isDeprecatedSyntax()}).
   *
   * @param input the name as received
   * @param flavorName the decoded name
   */
  record Valid(String input, ScsFlavorName flavorName) implements FlavorNameParseResult {
    /**
     * Checks the parts are present.
     *
     * @param input the name as received
     * @param flavorName the decoded name
     */
    public Valid {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(flavorName, "flavorName");
    }
  }

  /**
   * A name that does not start with {@code SCS-}; scs-0100 does not govern it.
   *
   * @param input the name as received
   */
  record NotScs(String input) implements FlavorNameParseResult {
    /**
     * Checks the input is present.
     *
     * @param input the name as received
     */
    public NotScs {
      Objects.requireNonNull(input, "input");
    }
  }

  /**
   * An SCS name that does not follow scs-0100.
   *
   * @param input the name as received
   * @param error where and why, with what was expected
   */
  record Invalid(String input, InvalidFlavorNameException error) implements FlavorNameParseResult {
    /**
     * Checks the parts are present.
     *
     * @param input the name as received
     * @param error the error
     */
    public Invalid {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(error, "error");
    }
  }
}
