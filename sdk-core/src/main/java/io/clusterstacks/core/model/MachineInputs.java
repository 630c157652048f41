package io.clusterstacks.core.model;

import io.clusterstacks.core.SdkStyle;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What the planner and image strategy decide for one role's machines: flavor, root disk, server
 * group, image, server metadata and bootstrap additions.
 *
 * <p>Every field is optional: what is not set keeps the stack's default (topology mode) or the SDK's
 * raw-mode default. Server metadata and bootstrap additions need raw CAPI mode; the model reports
 * them as problems in topology mode instead of dropping them.
 */
@Value.Immutable
@SdkStyle
public abstract class MachineInputs {
  MachineInputs() {}

  /**
   * The flavor, by name or ID (IDs need raw mode).
   *
   * @return the flavor
   */
  public abstract Optional<FlavorRef> flavor();

  /**
   * Root volume or the flavor's own disk.
   *
   * @return the root disk choice
   */
  public abstract Optional<RootDisk> rootDisk();

  /**
   * The Nova server group the machines join.
   *
   * @return the reference
   */
  public abstract Optional<ServerGroupRef> serverGroup();

  /**
   * The image the machines boot.
   *
   * @return the image reference
   */
  public abstract Optional<ImageRef> image();

  /**
   * Nova server metadata (raw mode), e.g. {@code ps_restart_after_maint=true}.
   *
   * @return key to value
   */
  public abstract Map<String, String> serverMetadata();

  /**
   * Files, commands, kubelet arguments or ignition added to the bootstrap (raw mode).
   *
   * @return the additions
   */
  public abstract Optional<BootstrapAdditions> bootstrap();

  /**
   * Whether nothing is set.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return flavor().isEmpty() && rootDisk().isEmpty() && serverGroup().isEmpty() && image().isEmpty()
        && serverMetadata().isEmpty() && bootstrap().map(BootstrapAdditions::isEmpty).orElse(true);
  }

  /**
   * These inputs with unset fields taken from a base (for per-deployment overrides).
   *
   * @param base the role-level inputs
   * @return the merged inputs
   */
  public MachineInputs over(MachineInputs base) {
    Builder b = builder().from(base);
    flavor().ifPresent(b::flavor);
    rootDisk().ifPresent(b::rootDisk);
    serverGroup().ifPresent(b::serverGroup);
    image().ifPresent(b::image);
    if (!serverMetadata().isEmpty()) {
      b.serverMetadata(serverMetadata());
    }
    bootstrap().ifPresent(b::bootstrap);
    return b.build();
  }

  /**
   * Nothing set.
   *
   * @return empty inputs
   */
  public static MachineInputs none() {
    return builder().build();
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
   * A MachineInputs built by a function, e.g. {@code MachineInputs.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the machine inputs
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static MachineInputs of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this machine inputs's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link MachineInputs}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableMachineInputs.Builder {
    Builder() {}
  }
}
