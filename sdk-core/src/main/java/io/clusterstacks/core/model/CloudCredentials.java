package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.model.internal.CredentialRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * The OpenStack credentials of a cluster: rendered as the management-side {@code clouds.yaml} Secret
 * that {@code identityRef} names, and as the workload-side Secret the stack's addons read, delivered
 * by a ClusterResourceSet.
 *
 * <p>{@code toString()} never shows secret values.
 */
@Value.Immutable
@SdkStyle
public abstract class CloudCredentials {
  CloudCredentials() {}

  /**
   * The management-side Secret name ({@code identityRef.name}).
   *
   * @return {@code openstack} unless set
   */
  @Value.Default
  public String secretName() {
    return "openstack";
  }

  /**
   * The cloud's name inside clouds.yaml ({@code identityRef.cloudName}).
   *
   * @return {@code openstack} unless set
   */
  @Value.Default
  public String cloudName() {
    return "openstack";
  }

  /**
   * How to authenticate.
   *
   * @return the authentication
   */
  public abstract CloudAuth auth();

  /**
   * The region.
   *
   * @return e.g. {@code RegionOne}
   */
  public abstract Optional<String> regionName();

  /**
   * The endpoint interface.
   *
   * @return e.g. {@code public}
   */
  public abstract Optional<String> endpointInterface();

  /**
   * A CA certificate (PEM) for the cloud's endpoints.
   *
   * @return the certificate
   */
  public abstract Optional<String> caCert();

  /**
   * Checks names.
   */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (!Names.isDns1123Subdomain(secretName())) {
      p.add(Problem.of("credentials.secretName", secretName(), "use a DNS-1123 name, e.g. openstack"));
    }
    if (cloudName().isBlank()) {
      p.add(Problem.of("credentials.cloudName", cloudName(), "name the cloud entry, e.g. openstack"));
    } else {
      // written into clouds.yaml and cloud.conf like the credentials themselves (CloudAuth's rules)
      CredentialRules.text("credentials.cloudName", cloudName(), CredentialRules.MAX_NAME, "the cloud entry's name", p);
    }
    regionName().ifPresent(r -> CredentialRules.text("credentials.regionName", r, CredentialRules.MAX_NAME,
        "the region name", p));
    endpointInterface().ifPresent(i -> CredentialRules.text("credentials.endpointInterface", i, CredentialRules.MAX_NAME,
        "the endpoint interface (public, internal or admin)", p));
    InvalidInputException.throwIfAny(p);
  }

  /**
   * Credentials with the default Secret and cloud names ({@code openstack}).
   *
   * @param auth how to authenticate
   * @return the credentials
   */
  public static CloudCredentials of(CloudAuth auth) {
    return builder().auth(auth).build();
  }

  @Override
  public String toString() {
    return "CloudCredentials{secretName=" + secretName() + ", cloudName=" + cloudName() + ", auth=" + auth()
        + ", regionName=" + regionName().orElse("-") + "}";
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
   * A CloudCredentials built by a function, e.g. {@code CloudCredentials.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the cloud credentials
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static CloudCredentials of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this cloud credentials's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link CloudCredentials}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableCloudCredentials.Builder {
    Builder() {}
  }
}
