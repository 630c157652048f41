package io.clusterstacks.core.image;

import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.OutputMode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an {@link ImageStrategy} answers: the image to boot, the bootstrap additions, what the provider
 * must offer, the trade-offs, and the output mode it needs.
 */
@Value.Immutable
@SdkStyle
public abstract class ImagePlan {

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static ImmutableImagePlan.Builder builder() {
    return ImmutableImagePlan.builder();
  }

  /**
   * The name of the strategy that made this plan.
   *
   * @return e.g. {@code capi-image}
   */
  public abstract String strategy();

  /**
   * The image the machines boot.
   *
   * @return e.g. a Glance name {@code ubuntu-capi-image-v1.34.7}
   */
  public abstract ImageRef image();

  /**
   * What to add to the kubeadm bootstrap of every node of the role.
   *
   * @return the additions; {@link BootstrapAdditions#none()} for a pre-built image
   */
  @Value.Default
  public BootstrapAdditions bootstrap() {
    return BootstrapAdditions.none();
  }

  /**
   * What the provider must offer, each with whether the cloud profile shows it.
   *
   * @return the requirements
   */
  public abstract List<ImageRequirement> requirements();

  /**
   * What this way costs or risks compared to the others.
   *
   * @return one sentence each
   */
  public abstract List<String> tradeOffs();

  /**
   * The output mode this plan needs, when it needs one: bootstrap additions cannot go through an SCS
   * ClusterClass, so they need raw CAPI mode.
   *
   * @return the mode, or empty when either mode works
   */
  public abstract Optional<OutputMode> modeNeeded();

  /**
   * The smallest root disk the image boots from, in GiB (Glance {@code min_disk} when known).
   *
   * @return 0 or more
   */
  @Value.Default
  public int minDiskGiB() {
    return 0;
  }

  /**
   * Whether every requirement is met by the cloud profile.
   *
   * @return true when nothing is missing
   */
  public boolean requirementsMet() {
    return requirements().stream().allMatch(ImageRequirement::met);
  }
}
