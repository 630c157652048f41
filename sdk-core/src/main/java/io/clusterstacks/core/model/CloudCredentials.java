package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyleLegacy;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The OpenStack credentials of a cluster: rendered as the management-side {@code clouds.yaml} Secret
 * that {@code identityRef} names, and as the workload-side Secret the stack's addons read, delivered
 * by a ClusterResourceSet.
 *
 * <p>{@code toString()} never shows secret values.
 */
@Value.Immutable
@SdkStyleLegacy
public abstract class CloudCredentials {

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
  protected void check() {
    List<ModelProblem> p = new ArrayList<>();
    if (!Names.isDns1123Subdomain(secretName())) {
      p.add(new ModelProblem("credentials.secretName", secretName(), "use a DNS-1123 name, e.g. openstack"));
    }
    if (cloudName().isBlank()) {
      p.add(new ModelProblem("credentials.cloudName", cloudName(), "name the cloud entry, e.g. openstack"));
    }
    ModelValidationException.throwIfAny(p);
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

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCloudCredentials.Builder builder() {
    return ImmutableCloudCredentials.builder();
  }

  @Override
  public String toString() {
    return "CloudCredentials{secretName=" + secretName() + ", cloudName=" + cloudName() + ", auth=" + auth()
        + ", regionName=" + regionName().orElse("-") + "}";
  }
}
