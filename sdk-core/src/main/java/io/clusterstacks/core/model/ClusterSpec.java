package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.model.internal.ClusterRules;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.core.stack.VersionCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One workload cluster as the SDK renders it: in topology mode a {@code Cluster} that uses a
 * cluster stack's ClusterClass, in raw CAPI mode the full set of CAPI/CAPO objects.
 *
 * <p>Build it with {@link #builder()}; {@code build()} checks every cross-field rule at once
 * (etcd-friendly replica counts, version ↔ release ↔ ClusterStack, DNS-1123 names, variables known to
 * the dialect and of the right type, required variables, disjoint CIDRs, DNS service IP in the
 * service CIDR, inputs the chosen mode cannot express) and throws {@link InvalidInputException}
 * listing them all. Render with {@code io.clusterstacks.core.manifest.ManifestRenderer}.
 *
 * <p>When the dialect or the exact Kubernetes version is not given, they are filled in from the
 * class name and the {@link #releases()} catalogue.
 */
@Value.Immutable
@SdkStyle
public abstract class ClusterSpec {
  ClusterSpec() {}

  /**
   * The Cluster name.
   *
   * @return a DNS-1123 label
   */
  public abstract String name();

  /**
   * The namespace of the Cluster and its objects.
   *
   * @return the namespace, or empty for the client's default
   */
  public abstract Optional<String> namespace();

  /**
   * Labels on the Cluster, sorted by key when rendered.
   *
   * @return label key to value
   */
  public abstract Map<String, String> labels();

  /**
   * Topology (ClusterClass) or raw CAPI objects.
   *
   * @return topology unless set
   */
  @Value.Default
  public OutputMode mode() {
    return OutputMode.TOPOLOGY;
  }

  /**
   * The cluster stack's ClusterClass (required in topology mode; in raw mode it selects defaults).
   *
   * @return the class name
   */
  public abstract Optional<ClusterClassName> className();

  /**
   * The namespace of the ClusterClass (the ClusterStack's), when it differs from the Cluster's.
   *
   * @return the namespace
   */
  public abstract Optional<String> classNamespace();

  /**
   * The stack dialect; filled in from the class name when not set.
   *
   * @return the dialect, or empty for stacks without a typed dialect
   */
  public abstract Optional<StackDialect> dialect();

  /**
   * The exact Kubernetes version with {@code v}, e.g. {@code v1.33.4}; filled in from the release
   * catalogue when not set and the release is known.
   *
   * @return the version
   */
  public abstract Optional<String> kubernetesVersion();

  /**
   * The release catalogue used for the version check and to fill in the version.
   *
   * @return the built-in catalogue unless set
   */
  @Value.Default
  @Value.Auxiliary
  public ReleaseCatalogue releases() {
    return ReleaseCatalogue.builtIn();
  }

  /**
   * Control-plane replicas: 1, 3 or 5 for kubeadm control planes (etcd quorum).
   *
   * @return 3 unless set
   */
  @Value.Default
  public int controlPlaneReplicas() {
    return 3;
  }

  /**
   * Inputs for the control-plane machines.
   *
   * @return the inputs
   */
  @Value.Default
  public MachineInputs controlPlane() {
    return MachineInputs.none();
  }

  /**
   * KubeadmControlPlane {@code rolloutStrategy.rollingUpdate.maxSurge} (raw mode only): 1 (the
   * default) or 0, which needs at least 3 replicas.
   *
   * @return the surge
   */
  public abstract OptionalInt controlPlaneMaxSurge();

  /**
   * Inputs for all worker machines (each deployment can override them).
   *
   * @return the inputs
   */
  @Value.Default
  public MachineInputs workers() {
    return MachineInputs.none();
  }

  /**
   * The worker machine deployments, in order.
   *
   * @return the deployments
   */
  public abstract List<MachineDeploymentSpec> machineDeployments();

  /**
   * Pod and service networks.
   *
   * @return the network
   */
  public abstract Optional<ClusterNetwork> clusterNetwork();

  /**
   * The OpenStack node network.
   *
   * @return the network
   */
  public abstract Optional<NodeNetwork> nodeNetwork();

  /**
   * The API server load balancer.
   *
   * @return the choice
   */
  public abstract Optional<ApiServerLoadBalancer> loadBalancer();

  /**
   * OIDC settings of the API server.
   *
   * @return the settings
   */
  public abstract Optional<OidcConfig> oidc();

  /**
   * The SSH key pair for the nodes.
   *
   * @return the key pair name
   */
  public abstract Optional<String> sshKeyName();

  /**
   * Extra API server certificate SANs.
   *
   * @return the SANs
   */
  public abstract List<String> certSANs();

  /**
   * The Kamaji DataStore (required by the kamaji stack).
   *
   * @return the DataStore name
   */
  public abstract Optional<String> dataStore();

  /**
   * Raw ClusterClass variables (topology mode), for what the typed settings do not cover; checked
   * against the dialect, normalised and sorted by name.
   *
   * @return variable name to value
   */
  public abstract Map<String, Object> variables();

  /**
   * The OpenStack credentials; rendered as Secrets and a ClusterResourceSet.
   *
   * @return the credentials
   */
  public abstract Optional<CloudCredentials> credentials();

  /**
   * The ClusterStack to render with the cluster (its versions must include the class's).
   *
   * @return the ClusterStack
   */
  public abstract Optional<ClusterStack> clusterStack();

  /**
   * The CSPO release template to render with the ClusterStack.
   *
   * @return the template
   */
  public abstract Optional<CspoReleaseTemplate> cspoTemplate();

  /**
   * Fills in the dialect and version, normalises variables, and checks every rule at once.
   *
   * @return the normalised instance
   * @throws InvalidInputException listing every problem
   */
  @Value.Check
  ClusterSpec normalizeAndCheck() {
    Optional<ClusterClassName> cls = className();
    if (cls.isEmpty() && clusterStack().isPresent() && clusterStack().get().versions().size() == 1) {
      return builder().from(this)
          .className(clusterStack().get().className(clusterStack().get().versions().get(0))).build();
    }
    if (dialect().isEmpty() && cls.isPresent()) {
      Optional<StackDialect> d = StackDialects.forClass(cls.get());
      if (d.isPresent()) {
        return builder().from(this).dialect(d.get()).build();
      }
    }
    if (kubernetesVersion().isPresent() && kubernetesVersion().get().matches("^\\d+\\.\\d+\\.\\d+$")) {
      return builder().from(this).kubernetesVersion("v" + kubernetesVersion().get()).build();
    }
    if (kubernetesVersion().isEmpty() && cls.isPresent()) {
      Optional<StackRelease> r = releases().find(cls.get());
      if (r.isPresent()) {
        return builder().from(this).kubernetesVersion(r.get().kubernetesVersion()).build();
      }
    }
    Map<String, Object> normalized = MachineDeploymentSpec.normalizeVariables(variables());
    if (!normalized.equals(variables())
        || !new java.util.ArrayList<>(normalized.keySet()).equals(new java.util.ArrayList<>(variables().keySet()))) {
      return builder().from(this).variables(normalized).build();
    }
    InvalidInputException.throwIfAny(ClusterRules.check(this));
    return this;
  }

  /**
   * The version check against the release catalogue (topology mode with a class).
   *
   * @return the check, or empty when there is no class or version
   */
  public Optional<VersionCheck> versionCheck() {
    if (className().isEmpty() || kubernetesVersion().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(releases().check(className().get(), kubernetesVersion().get()));
  }

  /**
   * The ClusterClass variables topology mode renders: the typed settings mapped to the dialect's
   * names, plus {@link #variables()}, sorted by name.
   *
   * @return variable name to value
   */
  public Map<String, Object> topologyVariables() {
    return ClusterRules.topologyVariables(this, new java.util.ArrayList<>());
  }

  /**
   * The variable overrides topology mode renders for one deployment.
   *
   * @param deployment one of {@link #machineDeployments()}
   * @return variable name to value
   */
  public Map<String, Object> topologyOverrides(MachineDeploymentSpec deployment) {
    return ClusterRules.deploymentOverrides(this, deployment, new java.util.ArrayList<>());
  }

  /**
   * The node subnet CIDR this spec ends up with: the explicit {@link NodeNetwork#nodeCidr()}, else the
   * dialect's node-CIDR variable (as set, or its default), else in raw CAPI mode the SDK's default.
   *
   * @return the CIDR, or empty when no node subnet is managed
   */
  public Optional<String> effectiveNodeCidr() {
    return ClusterRules.effectiveNodeCidr(this);
  }

  /**
   * The cluster DNS service IPs this spec ends up with: the explicit {@link ClusterNetwork#dnsServiceIp()},
   * else the dialect's DNS-service-IPs variable (as set, or its default; the kamaji stack's
   * {@code dns_service_ips}, which a raw-mode KamajiControlPlane takes too).
   *
   * @return the addresses, empty when neither the spec nor its stack sets them
   */
  public List<String> effectiveDnsServiceIps() {
    return ClusterRules.dnsServiceIps(this);
  }

  /**
   * The worker inputs of one deployment (its overrides over the cluster's worker inputs).
   *
   * @param deployment one of {@link #machineDeployments()}
   * @return the merged inputs
   */
  public MachineInputs workerInputs(MachineDeploymentSpec deployment) {
    return deployment.machine().over(workers());
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
   * A ClusterSpec built by a function, e.g. {@code ClusterSpec.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the cluster spec
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static ClusterSpec of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this cluster spec's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ClusterSpec}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableClusterSpec.Builder {
    Builder() {}
  }
}
