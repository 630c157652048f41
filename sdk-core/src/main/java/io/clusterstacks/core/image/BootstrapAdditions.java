package io.clusterstacks.core.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.image.internal.CloudConfigs;
import io.clusterstacks.core.image.internal.KubeadmSpecPatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * What an image strategy adds to the kubeadm bootstrap of every node: files, commands run before
 * kubeadm, kubelet settings, or an ignition config.
 *
 * <p>Additions are appended to a template's own content, never replace it: files after its files,
 * commands after its {@code preKubeadmCommands}. Kubelet arguments and the node name are the exception:
 * they override the template's entries with the same key, because on Flatcar the cloud-init
 * placeholders ({@code {{ local_hostname }}}, {@code {{ instance_id }}}) do not exist.
 */
@Value.Immutable
@SdkStyle
public abstract class BootstrapAdditions {

  /** The largest ignition Container Linux Config the SDK emits, in bytes (32 KiB). */
  public static final int MAX_IGNITION_CONFIG_BYTES = 32 * 1024;

  /** Where kubeadm's generated config lives on cloud-init nodes (Ubuntu). */
  public static final String KUBEADM_CONFIG_CLOUD_INIT = "/run/kubeadm/kubeadm.yaml";

  /** Where kubeadm's generated config lives on ignition nodes (Flatcar). */
  public static final String KUBEADM_CONFIG_IGNITION = "/etc/kubeadm.yml";

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static ImmutableBootstrapAdditions.Builder builder() {
    return ImmutableBootstrapAdditions.builder();
  }

  /**
   * No additions (a pre-built CAPI image needs none).
   *
   * @return empty additions in cloud-config format
   */
  public static BootstrapAdditions none() {
    return builder().build();
  }

  /**
   * The bootstrap format the additions need.
   *
   * @return {@link BootstrapFormat#CLOUD_CONFIG} unless an ignition config is present
   */
  @Value.Default
  public BootstrapFormat format() {
    return BootstrapFormat.CLOUD_CONFIG;
  }

  /**
   * Files to write, in order, after the template's own files.
   *
   * @return the files
   */
  public abstract List<BootstrapFile> files();

  /**
   * Shell commands to run before kubeadm, in order, after the template's own.
   *
   * @return one POSIX shell command line each
   */
  public abstract List<String> preKubeadmCommands();

  /**
   * Kubelet arguments to set on every node registration (they override same-named template entries).
   *
   * @return argument name to value, sorted by name
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> kubeletExtraArgs();

  /**
   * The node name to register with, when the template's default does not work on this image.
   *
   * @return e.g. {@code ${COREOS_OPENSTACK_HOSTNAME}} on Flatcar
   */
  public abstract Optional<String> nodeName();

  /**
   * The CRI socket to register with, when the image's runtime is installed at boot.
   *
   * @return e.g. {@code unix:///var/run/crio/crio.sock}
   */
  public abstract Optional<String> criSocket();

  /**
   * The Container Linux Config YAML for {@code ignition.containerLinuxConfig.additionalConfig}.
   *
   * @return the config, present exactly when the format is ignition
   */
  public abstract Optional<String> ignitionConfig();

  /**
   * Where kubeadm's generated configuration lives on this image, for template scripts that edit it.
   *
   * @return {@value #KUBEADM_CONFIG_CLOUD_INIT} or {@value #KUBEADM_CONFIG_IGNITION}
   */
  @Value.Default
  public String kubeadmConfigPath() {
    return format() == BootstrapFormat.IGNITION ? KUBEADM_CONFIG_IGNITION : KUBEADM_CONFIG_CLOUD_INIT;
  }

  /**
   * Whether there is nothing to add.
   *
   * @return true for a pre-built image's additions
   */
  public boolean isEmpty() {
    return format() == BootstrapFormat.CLOUD_CONFIG && files().isEmpty() && preKubeadmCommands().isEmpty()
        && kubeletExtraArgs().isEmpty() && nodeName().isEmpty() && criSocket().isEmpty();
  }

  /**
   * The additions as a cloud-init document ({@code write_files} and {@code runcmd}), the way CAPI's
   * kubeadm bootstrap provider turns files and preKubeadmCommands into user data; for review and
   * tests.
   *
   * @return a {@code #cloud-config} YAML document
   * @throws ClusterStacksException for ignition additions, which have no cloud-config form
   */
  public String toCloudConfig() {
    if (format() != BootstrapFormat.CLOUD_CONFIG) {
      throw new ClusterStacksException(
          "toCloudConfig: got format " + format().value() + "; read ignitionConfig() instead");
    }
    return CloudConfigs.render(this);
  }

  /**
   * Adds these additions to a KubeadmConfig spec (the {@code spec} of a KubeadmConfigTemplate's
   * template, or a KubeadmControlPlane's {@code kubeadmConfigSpec}), in place.
   *
   * <p>Files and commands are appended after the existing ones; format and ignition are set; kubelet
   * arguments, node name and CRI socket are set on {@code joinConfiguration.nodeRegistration} and, for
   * a control plane, also on {@code initConfiguration.nodeRegistration}.
   *
   * @param kubeadmConfigSpec the spec to change
   * @param controlPlane whether the spec belongs to a control plane (has an init configuration)
   * @return the same spec, for chaining
   */
  public ObjectNode applyTo(ObjectNode kubeadmConfigSpec, boolean controlPlane) {
    KubeadmSpecPatcher.apply(this, kubeadmConfigSpec, controlPlane);
    return kubeadmConfigSpec;
  }

  /** Checks format and ignition config agree and the config fits the size limit. */
  @Value.Check
  protected void check() {
    List<String> problems = new ArrayList<>();
    if (format() == BootstrapFormat.IGNITION && ignitionConfig().isEmpty()) {
      problems.add("ignitionConfig: missing; format ignition needs a Container Linux Config");
    }
    if (format() == BootstrapFormat.CLOUD_CONFIG && ignitionConfig().isPresent()) {
      problems.add("ignitionConfig: set while format is cloud-config; set format(IGNITION) as well");
    }
    for (int i = 0; i < preKubeadmCommands().size(); i++) {
      String c = preKubeadmCommands().get(i);
      if (c.isBlank() || c.indexOf('\n') >= 0) {
        problems.add("preKubeadmCommands[" + i + "]: got '" + c + "'; use one non-empty command line");
      }
    }
    if (!problems.isEmpty()) {
      throw new ClusterStacksException("invalid bootstrap additions:\n  " + String.join("\n  ", problems));
    }
    if (ignitionConfig().isPresent()) {
      int size = ignitionConfig().get().getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_IGNITION_CONFIG_BYTES) {
        throw new BootstrapTooLargeException(
            "ignition.containerLinuxConfig.additionalConfig", size, MAX_IGNITION_CONFIG_BYTES);
      }
    }
  }
}
