package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.image.internal.FlatcarConfig;
import io.clusterstacks.core.image.internal.KubeVersion;
import io.clusterstacks.core.model.BootstrapAdditions;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * How a Flatcar Container Linux image becomes a Kubernetes node: {@code format: ignition} with a
 * Container Linux Config in {@code ignition.containerLinuxConfig.additionalConfig}.
 *
 * <p>As CAPO's Flatcar templates do, the node registers as {@code ${COREOS_OPENSTACK_HOSTNAME}} (short
 * host name) with {@code provider-id: openstack:///${COREOS_OPENSTACK_INSTANCE_UUID}}, both filled from
 * {@code /run/metadata/flatcar} by {@code envsubst} over {@code /etc/kubeadm.yml} before kubeadm runs;
 * {@code kubeadm.service} is ordered after {@code containerd.service} and {@code coreos-metadata.service}.
 * CAPI must run with the {@code KubeadmBootstrapFormatIgnition} feature gate
 * ({@code EXP_KUBEADM_BOOTSTRAP_FORMAT_IGNITION=true}).
 */
@Value.Immutable
@SdkStyle
public abstract class FlatcarNodeSetup {
  FlatcarNodeSetup() {}

  /** Where kubeadm's generated configuration lives on Flatcar (ignition) nodes, for template scripts that edit it. */
  public static final String KUBEADM_CONFIG_PATH = "/etc/kubeadm.yml";

  private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");

  /**
   * The defaults: plain Flatcar plus the Kubernetes sysext, official location, auto-updates off.
   *
   * @return the setup
   */
  public static FlatcarNodeSetup defaults() {
    return builder().build();
  }

  /**
   * Which Flatcar image the nodes boot.
   *
   * @return {@link FlatcarVariant#SYSEXT} unless set
   */
  @Value.Default
  public FlatcarVariant variant() {
    return FlatcarVariant.SYSEXT;
  }

  /**
   * The SHA-512 of the Kubernetes sysext image for the node architecture; ignition verifies the
   * download against it (Container Linux Configs support SHA-512 only).
   *
   * @return 128 hex digits, if known; without it the download is not verified (reported as a
   *     trade-off)
   */
  public abstract Optional<String> sysextSha512();

  /**
   * Where the sysext image is downloaded from.
   *
   * @return the official locations unless set
   */
  @Value.Default
  public PackageMirrors mirrors() {
    return PackageMirrors.official();
  }

  /**
   * The proxy containerd uses for image pulls.
   *
   * @return the proxy, if the nodes need one
   */
  public abstract Optional<HttpProxy> proxy();

  /**
   * Whether Flatcar updates itself ({@code update-engine}, {@code locksmithd}); off by default so nodes
   * change only through CAPI rollouts.
   *
   * @return false unless set
   */
  @Value.Default
  public boolean autoUpdates() {
    return false;
  }

  /**
   * More Container Linux Config (YAML with {@code storage}, {@code systemd}, ... sections) to merge: its
   * list entries are appended to the generated ones.
   *
   * @return the extra config, if any
   */
  public abstract Optional<String> additionalConfig();

  /**
   * Generates the bootstrap additions for one Kubernetes version and node architecture.
   *
   * @param kubernetesVersion the exact version, e.g. {@code v1.32.5}
   * @param architecture the node architecture (decides the sysext file)
   * @return the ignition additions
   * @throws BootstrapTooLargeException when the config exceeds 32 KiB
   */
  public BootstrapAdditions bootstrap(String kubernetesVersion, NodeArchitecture architecture) {
    return FlatcarConfig.generate(this, KubeVersion.parse(kubernetesVersion), architecture);
  }

  /**
   * Normalises and checks the checksum.
   *
   * @return this or a normalised copy
   */
  @Value.Check
  FlatcarNodeSetup check() {
    if (sysextSha512().isPresent()) {
      String s = sysextSha512().get().strip().toLowerCase(Locale.ROOT);
      List<Problem> p = new ArrayList<>();
      if (!SHA512.matcher(s).matches()) {
        p.add(Problem.of("flatcarNodeSetup.sysextSha512", Names.escaped(sysextSha512().get()),
            "give the 128-hex-digit SHA-512 of kubernetes-<version>-<arch>.raw (sha512sum)"));
      }
      if (variant() == FlatcarVariant.IMAGE_BUILDER) {
        p.add(Problem.of("flatcarNodeSetup.sysextSha512", "set with variant IMAGE_BUILDER",
            "variant IMAGE_BUILDER downloads no sysext; remove the checksum or use variant SYSEXT"));
      }
      InvalidInputException.throwIfAny(p);
      if (!s.equals(sysextSha512().get())) {
        return builder().from(this).sysextSha512(s).build();
      }
    }
    return this;
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
   * A FlatcarNodeSetup built by a function, e.g. {@code FlatcarNodeSetup.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the flatcar node setup
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static FlatcarNodeSetup of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this flatcar node setup's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link FlatcarNodeSetup}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableFlatcarNodeSetup.Builder {
    Builder() {}
  }
}
