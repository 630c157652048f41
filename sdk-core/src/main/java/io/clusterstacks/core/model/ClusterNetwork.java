package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** The Cluster's {@code spec.clusterNetwork}: pod and service CIDRs, service domain, cluster DNS IP. */
@Value.Immutable
@SdkStyle
public abstract class ClusterNetwork {
  ClusterNetwork() {}

  /**
   * Pod CIDRs.
   *
   * @return e.g. {@code [172.16.0.0/16]}
   */
  public abstract List<String> pods();

  /**
   * Service CIDRs.
   *
   * @return e.g. {@code [10.96.0.0/12]}
   */
  public abstract List<String> services();

  /**
   * The service domain.
   *
   * @return e.g. {@code cluster.local}
   */
  public abstract Optional<String> serviceDomain();

  /**
   * The cluster DNS service IP, which must lie in the service CIDR (Kamaji: {@code dns_service_ips}).
   *
   * @return e.g. {@code 10.96.0.10}
   */
  public abstract Optional<String> dnsServiceIp();

  /**
   * The usual network: pods {@code 172.16.0.0/16}, services {@code 10.96.0.0/12}, {@code cluster.local}.
   *
   * @return the network
   */
  public static ClusterNetwork defaults() {
    return builder().addPods("172.16.0.0/16").addServices("10.96.0.0/12").serviceDomain("cluster.local").build();
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
   * A ClusterNetwork built by a function, e.g. {@code ClusterNetwork.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the cluster network
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static ClusterNetwork of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this cluster network's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ClusterNetwork}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableClusterNetwork.Builder {
    Builder() {}
  }
}
