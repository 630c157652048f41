package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyleLegacy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** The OpenStack network of the nodes: external network, node subnet, DNS servers, MTU. */
@Value.Immutable
@SdkStyleLegacy
public abstract class NodeNetwork {

  /**
   * The external network ID (for the router and floating IPs).
   *
   * @return a UUID
   */
  public abstract Optional<String> externalNetworkId();

  /**
   * The node subnet CIDR the cluster creates.
   *
   * @return e.g. {@code 10.8.0.0/20}
   */
  public abstract Optional<String> nodeCidr();

  /**
   * DNS servers of the node subnet.
   *
   * @return the servers
   */
  public abstract List<String> dnsNameservers();

  /**
   * The network MTU.
   *
   * @return the MTU
   */
  public abstract OptionalInt mtu();

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableNodeNetwork.Builder builder() {
    return ImmutableNodeNetwork.builder();
  }
}
