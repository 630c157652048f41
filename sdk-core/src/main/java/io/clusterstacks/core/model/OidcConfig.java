package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyle;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** OIDC settings of the Kubernetes API server. */
@Value.Immutable
@SdkStyle
public abstract class OidcConfig {
  OidcConfig() {}

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
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An OidcConfig built by a function, e.g. {@code OidcConfig.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the oidc config
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static OidcConfig of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this oidc config's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link OidcConfig}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableOidcConfig.Builder {
    Builder() {}
  }
}
