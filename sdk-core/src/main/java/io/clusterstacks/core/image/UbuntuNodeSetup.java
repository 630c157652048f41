package io.clusterstacks.core.image;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.image.internal.KubeVersion;
import io.clusterstacks.core.image.internal.UbuntuBootstrap;
import io.clusterstacks.core.model.BootstrapAdditions;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How a general-purpose Ubuntu image becomes a Kubernetes node at boot.
 *
 * <p>The generated additions load the kernel modules {@code overlay} and {@code br_netfilter}, set the
 * bridge and forwarding sysctls, disable swap, install the chosen {@link ContainerRuntime}, and install
 * {@code kubelet}, {@code kubeadm} and {@code kubectl} pinned to the exact Kubernetes version from the
 * official repository for that minor ({@code https://pkgs.k8s.io/core:/stable:/v1.N/deb/}), held
 * against upgrades with {@code apt-mark hold}. The commands are POSIX shell, run by cloud-init after the
 * template's own {@code preKubeadmCommands}.
 */
@Value.Immutable
@SdkStyle
public abstract class UbuntuNodeSetup {
  UbuntuNodeSetup() {}

  /** Where kubeadm's generated configuration lives on cloud-init nodes (Ubuntu), for template scripts that edit it. */
  public static final String KUBEADM_CONFIG_PATH = "/run/kubeadm/kubeadm.yaml";

  /**
   * The defaults: Ubuntu 24.04, CRI-O, official repositories, no proxy.
   *
   * @return the setup
   */
  public static UbuntuNodeSetup defaults() {
    return builder().build();
  }

  /**
   * The Ubuntu release of the image (found by scs-0102 {@code os_distro=ubuntu} and {@code os_version}).
   *
   * @return {@link UbuntuRelease#NOBLE} unless set
   */
  @Value.Default
  public UbuntuRelease release() {
    return UbuntuRelease.NOBLE;
  }

  /**
   * The container runtime to install.
   *
   * @return {@link ContainerRuntime#crio()} unless set
   */
  @Value.Default
  public ContainerRuntime runtime() {
    return ContainerRuntime.crio();
  }

  /**
   * Where packages and release artifacts are downloaded from.
   *
   * @return the official locations unless set
   */
  @Value.Default
  public PackageMirrors mirrors() {
    return PackageMirrors.official();
  }

  /**
   * The proxy for downloads and image pulls.
   *
   * @return the proxy, if the nodes need one
   */
  public abstract Optional<HttpProxy> proxy();

  /**
   * Generates the bootstrap additions for one Kubernetes version and node architecture.
   *
   * <p>Pure: the same input gives the same output; nothing is downloaded.
   *
   * @param kubernetesVersion the exact version, e.g. {@code v1.32.5}
   * @param architecture the node architecture (decides release artifact names)
   * @return files and commands to append to the bootstrap template
   * @throws io.clusterstacks.core.ClusterStacksException when the version is not an exact
   *     {@code v1.N.P} with {@code N >= 28}
   */
  public BootstrapAdditions bootstrap(String kubernetesVersion, NodeArchitecture architecture) {
    return UbuntuBootstrap.generate(this, KubeVersion.parse(kubernetesVersion), architecture);
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
   * An UbuntuNodeSetup built by a function, e.g. {@code UbuntuNodeSetup.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the ubuntu node setup
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static UbuntuNodeSetup of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this ubuntu node setup's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link UbuntuNodeSetup}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableUbuntuNodeSetup.Builder {
    Builder() {}
  }
}
