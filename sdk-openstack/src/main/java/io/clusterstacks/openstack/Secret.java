package io.clusterstacks.openstack;

import io.clusterstacks.core.InvalidInputException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A password, application-credential secret or token: shown as {@code <redacted>} everywhere.
 *
 * <p>{@link #toString()}, {@code equals} and exception messages never reveal the value; only
 * {@link #reveal()} does, for the one place that sends it to Keystone.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @param value the secret, not empty
   * @return the secret
   * @throws InvalidInputException when the value is null or empty (without echoing it)
   */
  public static Secret of(String value) {
    InvalidInputException.requireArgument(value, "secret");
    if (value.isEmpty()) {
      throw new InvalidInputException(java.util.List.of(io.clusterstacks.core.Problem.of("secret", "\"\"",
          "give the password or secret; an empty one cannot authenticate")));
    }
    return new Secret(value);
  }

  /**
   * The value itself; send it, never log it.
   *
   * @return the secret text
   */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 1;
  }

  @Override
  public String toString() {
    return "<redacted>";
  }
}
