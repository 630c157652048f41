package io.clusterstacks.core.image;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What an image strategy decided: the image reference, the bootstrap additions, what it requires,
 * what it costs, and the output mode it needs; all of it is shown in the plan.
 */
@Value.Immutable
@SdkStyle
public abstract class ImagePlan {
  ImagePlan() {}

  /**
   * The strategy's name.
   *
   * @return e.g. {@code ubuntu}
   */
  public abstract String strategy();

  /**
   * The strategy's human description.
   *
   * @return one sentence
   */
  public abstract String description();

  /**
   * How machines find their image: a Glance name, a Glance ID, an existing ORC Image, or an ORC Image
   * to create.
   *
   * @return the reference for every role with machines
   */
  public abstract ImageRef image();

  /**
   * The image found in the cloud profile, when the strategy looked one up.
   *
   * @return the image, if found
   */
  public abstract Optional<CloudImage> cloudImage();

  /**
   * The ClusterClass variables this image means in topology mode (scs2: {@code imageName},
   * {@code imageAddVersion}, {@code imageIsOrc}), exactly as the cluster model derives them from
   * {@link #image()} when rendering; shown in the plan, no need to set them separately.
   *
   * @return variable name to value, sorted by name (empty in raw mode and for fixed-image stacks)
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, Object> topologyVariables();

  /**
   * What the machines run at boot in addition to the template.
   *
   * @return the additions; {@link BootstrapAdditions#isEmpty() empty} for a pre-built image
   */
  @Value.Default
  public BootstrapAdditions bootstrap() {
    return BootstrapAdditions.builder().build();
  }

  /**
   * What the provider or the management cluster must offer, each with whether the cloud profile shows it.
   *
   * @return the requirements, in a stable order
   */
  public abstract List<ImageRequirement> requirements();

  /**
   * What the strategy costs compared with a pre-built image.
   *
   * @return the trade-offs
   */
  public abstract List<TradeOff> tradeOffs();

  /**
   * The output mode the cluster must be rendered in.
   *
   * @return the mode
   */
  public abstract OutputMode mode();

  /**
   * The output mode this strategy needs whatever was asked, when it needs one: bootstrap additions and
   * image IDs cannot go through an SCS ClusterClass, so they need raw CAPI mode.
   *
   * @return the mode, or empty when either mode works
   */
  public abstract Optional<OutputMode> modeNeeded();

  /**
   * The smallest root disk the image boots from, in GiB (Glance {@code min_disk}, or the ORC image's
   * {@code minDiskGB}, when known).
   *
   * @return 0 or more
   */
  @Value.Default
  public int minDiskGiB() {
    return 0;
  }

  /**
   * Whether every requirement a cloud profile can show is met (image present, image fits the flavors).
   *
   * @return true when nothing checkable is missing
   */
  public boolean requirementsMet() {
    return requirements().stream().filter(r -> r.kind().checkedAgainstProfile()).allMatch(ImageRequirement::met);
  }

  /**
   * Fails when a requirement the cloud profile can show is not met.
   *
   * @return this plan, when every checkable requirement is met
   * @throws ImageNotFoundException when the image is missing (listing the images that exist)
   * @throws ImageFlavorMismatchException when the image does not fit a flavor (listing every mismatch)
   * @throws ImageStrategyException for any other unmet requirement
   */
  public ImagePlan throwIfUnmet() {
    for (ImageRequirement r : requirements()) {
      if (r.kind() == ImageRequirement.Kind.IMAGE_PRESENT && !r.met()) {
        throw new ImageNotFoundException(r.description(), r.candidates(), r.fix());
      }
    }
    List<String> mismatches = requirements().stream()
        .filter(r -> r.kind() == ImageRequirement.Kind.IMAGE_FITS_FLAVOR && !r.met())
        .map(r -> r.description() + ": " + r.fix()).toList();
    if (!mismatches.isEmpty()) {
      throw new ImageFlavorMismatchException(cloudImage().map(CloudImage::name).orElse(image().value()), mismatches);
    }
    for (ImageRequirement r : requirements()) {
      if (r.kind().checkedAgainstProfile() && !r.met()) {
        throw new ImageStrategyException("image plan " + strategy() + ": " + r.description() + " is not met; "
            + r.fix());
      }
    }
    return this;
  }

  /**
   * The announcement when the SDK switched from topology to raw CAPI mode for this strategy.
   *
   * @return why, and what it costs; empty when the asked mode is kept
   */
  public abstract Optional<String> modeSwitch();

  /**
   * Why the strategy chose what it chose.
   *
   * @return reasons, one sentence each
   */
  public abstract List<String> reasons();

  /**
   * Things the user should know that do not stop the plan.
   *
   * @return warnings, one sentence each
   */
  public abstract List<String> warnings();

  /**
   * The cluster spec with this plan applied: the output mode, and the image and bootstrap additions on
   * the control plane (when it has machines) and on the workers.
   *
   * @param spec the cluster spec
   * @return a new spec; rendering it emits the image reference, the additions and (for ORC) the Image
   */
  public ClusterSpec applyTo(ClusterSpec spec) {
    ClusterSpec.Builder b = ClusterSpec.builder().from(spec).mode(mode());
    boolean cpMachines = spec.dialect().map(d -> d.hasMachines(Role.CONTROL_PLANE)).orElse(true);
    if (cpMachines) {
      b.controlPlane(with(spec.controlPlane()));
    }
    b.workers(with(spec.workers()));
    return b.build();
  }

  private MachineInputs with(MachineInputs in) {
    MachineInputs.Builder m = MachineInputs.builder().from(in).image(image());
    if (!bootstrap().isEmpty()) {
      m.bootstrap(bootstrap());
    }
    return m.build();
  }

  /**
   * The feature gates this plan needs.
   *
   * @return e.g. {@code [KubeadmBootstrapFormatIgnition]}
   */
  public List<String> featureGates() {
    return requirements().stream().flatMap(r -> r.featureGate().stream()).toList();
  }

  /**
   * The plan as text for reports.
   *
   * @return several lines: strategy, image, mode, bootstrap summary, requirements, trade-offs
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("image strategy: ").append(strategy()).append(" - ").append(description()).append('\n');
    sb.append("  image: ").append(describe(image()));
    cloudImage().ifPresent(i -> sb.append(" (found: ").append(i.name()).append(", id ").append(i.id()).append(')'));
    sb.append('\n');
    sb.append("  mode: ").append(mode());
    modeSwitch().ifPresent(s -> sb.append(" - ").append(s));
    sb.append('\n');
    for (Map.Entry<String, Object> v : topologyVariables().entrySet()) {
      sb.append("  variable ").append(v.getKey()).append(" = ").append(v.getValue()).append('\n');
    }
    BootstrapAdditions b = bootstrap();
    if (!b.isEmpty()) {
      sb.append("  bootstrap: format ").append(b.format().value()).append(", ").append(b.files().size())
          .append(" files, ").append(b.preKubeadmCommands().size()).append(" preKubeadmCommands");
      b.ignitionAdditionalConfig().ifPresent(c -> sb.append(", ignition config ").append(c.length()).append(" bytes"));
      sb.append('\n');
    }
    requirements().forEach(r -> sb.append("  requires: ").append(r).append('\n'));
    tradeOffs().forEach(t -> sb.append("  trade-off: ").append(t.text()).append('\n'));
    reasons().forEach(r -> sb.append("  because: ").append(r).append('\n'));
    warnings().forEach(w -> sb.append("  warning: ").append(w).append('\n'));
    return sb.toString();
  }

  private static String describe(ImageRef ref) {
    if (ref instanceof ImageRef.GlanceName n) {
      return "Glance image named " + n.value();
    } else if (ref instanceof ImageRef.GlanceId i) {
      return "Glance image ID " + i.value();
    } else if (ref instanceof ImageRef.OrcRef o) {
      return "ORC Image " + o.value();
    } else if (ref instanceof ImageRef.OrcCreate c) {
      return "ORC Image " + c.value() + " to create from " + c.image().url();
    }
    return ref.value();
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
   * An ImagePlan built by a function, e.g. {@code ImagePlan.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the image plan
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static ImagePlan of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this image plan's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link ImagePlan}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableImagePlan.Builder {
    Builder() {}
  }
}
