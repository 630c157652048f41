package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyleLegacy;
import java.util.Optional;
import org.immutables.value.Value;

/** OIDC settings of the Kubernetes API server. */
@Value.Immutable
@SdkStyleLegacy
public abstract class OidcConfig {

  /**
   * The issuer URL.
   *
   * @return e.g. {@code https://dex.example.com}
   */
  public abstract String issuerUrl();

  /**
   * The client ID.
   *
   * @return e.g. {@code kubectl}
   */
  public abstract String clientId();

  /**
   * The username claim.
   *
   * @return e.g. {@code preferred_username}
   */
  public abstract Optional<String> usernameClaim();

  /**
   * The groups claim.
   *
   * @return e.g. {@code groups}
   */
  public abstract Optional<String> groupsClaim();

  /**
   * The username prefix.
   *
   * @return e.g. {@code oidc:}
   */
  public abstract Optional<String> usernamePrefix();

  /**
   * The groups prefix.
   *
   * @return e.g. {@code oidc:}
   */
  public abstract Optional<String> groupsPrefix();

  /**
   * Settings with issuer and client only.
   *
   * @param issuerUrl the issuer URL
   * @param clientId the client ID
   * @return the settings
   */
  public static OidcConfig of(String issuerUrl, String clientId) {
    return builder().issuerUrl(issuerUrl).clientId(clientId).build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableOidcConfig.Builder builder() {
    return ImmutableOidcConfig.builder();
  }
}
