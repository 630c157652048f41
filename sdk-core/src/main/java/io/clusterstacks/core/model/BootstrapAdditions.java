package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What a role's machines run at boot in addition to the SDK's own kubeadm template (raw CAPI mode;
 * SCS ClusterClasses cannot take extra bootstrap content).
 *
 * <p>Files are added, {@code preKubeadmCommands} are appended after the template's own commands
 * (never replacing them), kubelet arguments are merged over the template's. For Flatcar, use
 * {@link BootstrapFormat#IGNITION} with a Container Linux Config in {@link #ignitionAdditionalConfig()}.
 */
@Value.Immutable
@SdkStyle
public abstract class BootstrapAdditions {
  BootstrapAdditions() {}

  /** The largest Container Linux Config the SDK emits (32 KiB). */
  public static final int MAX_IGNITION_BYTES = 32 * 1024;

  /**
   * Files to write.
   *
   * @return the files, in order
   */
  public abstract List<BootstrapFile> files();

  /**
   * Commands appended after the template's {@code preKubeadmCommands}.
   *
   * @return the commands, in order
   */
  public abstract List<String> preKubeadmCommands();

  /**
   * Commands appended to {@code postKubeadmCommands}.
   *
   * @return the commands, in order
   */
  public abstract List<String> postKubeadmCommands();

  /**
   * kubelet arguments merged over the template's ({@code nodeRegistration.kubeletExtraArgs}).
   *
   * @return argument name to value
   */
  public abstract Map<String, String> kubeletExtraArgs();

  /**
   * The node name expression, when it differs from cloud-init's {@code '{{ local_hostname }}'}
   * (e.g. {@code ${COREOS_OPENSTACK_HOSTNAME}} on Flatcar).
   *
   * @return the node-name expression
   */
  public abstract Optional<String> nodeName();

  /**
   * The bootstrap format.
   *
   * @return cloud-config unless set
   */
  @Value.Default
  public BootstrapFormat format() {
    return BootstrapFormat.CLOUD_CONFIG;
  }

  /**
   * The Container Linux Config for {@code ignition.containerLinuxConfig.additionalConfig}.
   *
   * @return the CLC YAML text
   */
  public abstract Optional<String> ignitionAdditionalConfig();

  /**
   * Checks that ignition content goes with the ignition format and stays within 32 KiB.
   */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (ignitionAdditionalConfig().isPresent()) {
      if (format() != BootstrapFormat.IGNITION) {
        p.add(Problem.of("bootstrap.ignitionAdditionalConfig", "set with format " + format().value(),
            "set format(BootstrapFormat.IGNITION), or leave the ignition config out"));
      }
      int bytes = ignitionAdditionalConfig().get().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_IGNITION_BYTES) {
        p.add(Problem.of("bootstrap.ignitionAdditionalConfig", bytes + " bytes",
            "keep the Container Linux Config within " + MAX_IGNITION_BYTES + " bytes; move large content to files"));
      }
    }
    for (String k : kubeletExtraArgs().keySet()) {
      if (k.isBlank() || k.startsWith("-")) {
        p.add(Problem.of("bootstrap.kubeletExtraArgs", k, "use the flag name without leading dashes, e.g. node-labels"));
      }
    }
    InvalidInputException.throwIfAny(p);
  }

  /**
   * Whether nothing is added.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return files().isEmpty() && preKubeadmCommands().isEmpty() && postKubeadmCommands().isEmpty()
        && kubeletExtraArgs().isEmpty() && nodeName().isEmpty() && format() == BootstrapFormat.CLOUD_CONFIG
        && ignitionAdditionalConfig().isEmpty();
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
   * A BootstrapAdditions built by a function, e.g. {@code BootstrapAdditions.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the bootstrap additions
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static BootstrapAdditions of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this bootstrap additions's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link BootstrapAdditions}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableBootstrapAdditions.Builder {
    Builder() {}
  }
}
