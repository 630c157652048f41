package io.clusterstacks.core.image;

import io.clusterstacks.core.SdkStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Something the provider or the management cluster must offer for an image plan to work, and whether
 * the cloud profile shows it.
 *
 * <p>Requirements of a {@link Kind#checkedAgainstProfile() checkable} kind (image present, image fits
 * the flavor) carry whether the profile shows them in {@link #met()}; the others (feature gates,
 * controllers, network access) cannot be seen in a cloud profile: they are always met (nothing
 * the profile contradicts) and listed for the user to ensure ({@code [ensure]} in {@link #toString()}).
 */
@Value.Immutable
@SdkStyle
public abstract class ImageRequirement {

  /** The CAPI feature gate that allows {@code format: ignition} in kubeadm bootstrap configs. */
  public static final String IGNITION_FEATURE_GATE = "KubeadmBootstrapFormatIgnition";

  /** What sort of requirement. */
  public enum Kind {
    /** An image must exist in Glance (checked against the profile). */
    IMAGE_PRESENT(true),
    /** The image must fit a flavor: architecture, min_disk, min_ram (checked against the profile). */
    IMAGE_FITS_FLAVOR(true),
    /** A controller (ORC, CSPO) uploads the image; it must be installed and allowed to. */
    IMAGE_IMPORT(false),
    /** A Cluster API feature gate must be enabled on the management cluster. */
    FEATURE_GATE(false),
    /** Nodes need outbound access to package repositories or download sites (or a mirror). */
    OUTBOUND_ACCESS(false),
    /** Anything else. */
    OTHER(true);

    private final boolean checkedAgainstProfile;

    Kind(boolean checkedAgainstProfile) {
      this.checkedAgainstProfile = checkedAgainstProfile;
    }

    /**
     * Whether a cloud profile can show this requirement as met.
     *
     * @return true for image presence and fit
     */
    public boolean checkedAgainstProfile() {
      return checkedAgainstProfile;
    }
  }

  ImageRequirement() {}

  /**
   * What sort of requirement it is.
   *
   * @return the kind
   */
  public abstract Kind kind();

  /**
   * What is needed.
   *
   * @return e.g. "Glance image ubuntu-capi-image-v1.34.7"
   */
  public abstract String description();

  /**
   * Whether the cloud profile shows it (always true for kinds a profile cannot show).
   *
   * @return true when met
   */
  public abstract boolean met();

  /**
   * What to do when it is not met.
   *
   * @return the fix, empty when met
   */
  @Value.Default
  public String fix() {
    return "";
  }

  /**
   * For a missing image: the images that do exist, most relevant first.
   *
   * @return the candidates, possibly none
   */
  public abstract List<String> candidates();

  /**
   * For {@link Kind#FEATURE_GATE}: the CAPI feature gate name.
   *
   * @return the gate, or empty
   */
  public abstract Optional<String> featureGate();

  /**
   * A requirement of kind {@link Kind#OTHER}.
   *
   * @param description what is needed
   * @param met whether the profile shows it
   * @param fix what to do when not met
   * @return the requirement
   */
  public static ImageRequirement of(String description, boolean met, String fix) {
    return builder().kind(Kind.OTHER).description(description).met(met).fix(fix).build();
  }

  /**
   * An image that the profile shows.
   *
   * @param description e.g. "Glance image ubuntu-capi-image-v1.34.7"
   * @return the met requirement
   */
  public static ImageRequirement imagePresent(String description) {
    return builder().kind(Kind.IMAGE_PRESENT).description(description).met(true).build();
  }

  /**
   * An image that the profile does not show.
   *
   * @param description what is missing
   * @param candidates the images that exist, most relevant first
   * @param fix how to get the right one
   * @return the unmet requirement
   */
  public static ImageRequirement imageMissing(String description, List<String> candidates, String fix) {
    return builder().kind(Kind.IMAGE_PRESENT).description(description).met(false).fix(fix).candidates(candidates).build();
  }

  /**
   * A mismatch between image and flavor.
   *
   * @param description what is needed, e.g. "an aarch64 build of X for flavor Y"
   * @param fix what to do
   * @return the unmet requirement
   */
  public static ImageRequirement flavorMismatch(String description, String fix) {
    return builder().kind(Kind.IMAGE_FITS_FLAVOR).description(description).met(false).fix(fix).build();
  }

  /**
   * Something the profile cannot show, for the user to ensure.
   *
   * @param kind {@link Kind#IMAGE_IMPORT} or {@link Kind#OUTBOUND_ACCESS}
   * @param description what is needed
   * @return the requirement
   */
  public static ImageRequirement toEnsure(Kind kind, String description) {
    return builder().kind(kind).description(description).met(true).build();
  }

  /**
   * The CAPI ignition feature gate.
   *
   * @return a {@link Kind#FEATURE_GATE} requirement for {@value #IGNITION_FEATURE_GATE}
   */
  public static ImageRequirement ignitionFeatureGate() {
    return builder().kind(Kind.FEATURE_GATE).description("Cluster API feature gate " + IGNITION_FEATURE_GATE
        + " (clusterctl: EXP_KUBEADM_BOOTSTRAP_FORMAT_IGNITION=true) so kubeadm bootstrap configs may use"
        + " format: ignition").met(true).featureGate(IGNITION_FEATURE_GATE).build();
  }

  /**
   * A requirement built by a function.
   *
   * @param spec sets the attributes on a builder
   * @return the requirement
   */
  public static ImageRequirement of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
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
   * A builder holding this requirement's attributes.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public String toString() {
    if (!kind().checkedAgainstProfile()) {
      return "[ensure] " + description();
    }
    return (met() ? "[met] " : "[NOT met] ") + description() + (met() || fix().isEmpty() ? "" : " - " + fix());
  }

  /** Builds an {@link ImageRequirement}; {@link #build()} reports every missing attribute at once. */
  public static final class Builder extends ImmutableImageRequirement.Builder {
    Builder() {}
  }
}
