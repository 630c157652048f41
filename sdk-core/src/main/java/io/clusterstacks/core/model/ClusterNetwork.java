package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyleLegacy;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The Cluster's {@code spec.clusterNetwork}: pod and service CIDRs, service domain, cluster DNS IP. */
@Value.Immutable
@SdkStyleLegacy
public abstract class ClusterNetwork {

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
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableClusterNetwork.Builder builder() {
    return ImmutableClusterNetwork.builder();
  }
}
