package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** The OpenStack network of the nodes: external network, node subnet, DNS servers, MTU. */
@Value.Immutable
@SdkStyle
public abstract class NodeNetwork {
  NodeNetwork() {}

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
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A NodeNetwork built by a function, e.g. {@code NodeNetwork.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the node network
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static NodeNetwork of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this node network's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link NodeNetwork}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableNodeNetwork.Builder {
    Builder() {}
  }
}
