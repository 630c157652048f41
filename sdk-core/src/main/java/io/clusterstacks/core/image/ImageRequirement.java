package io.clusterstacks.core.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the provider or the management cluster must offer for an image plan to work, and whether
 * the cloud profile shows it.
 *
 * <p>Requirements of a {@link Kind#checkedAgainstProfile() checkable} kind (image present, image fits
 * the flavor) carry whether the profile shows them in {@code met}; the others (feature gates,
 * controllers, network access) cannot be seen in a cloud profile: they are always {@code met} (nothing
 * the profile contradicts) and listed for the user to ensure ({@code [ensure]} in {@link #toString()}).
 *
 * @param kind what sort of requirement it is
 * @param description what is needed, e.g. "Glance image ubuntu-capi-image-v1.34.7"
 * @param met whether the cloud profile shows it (always true for kinds a profile cannot show)
 * @param fix what to do when it is not met (empty when met)
 * @param candidates for a missing image: the images that do exist, most relevant first
 * @param featureGate for {@link Kind#FEATURE_GATE}: the CAPI feature gate name
 */
public record ImageRequirement(
    Kind kind, String description, boolean met, String fix, List<String> candidates, Optional<String> featureGate) {

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

  /**
   * Checks the parts are present and copies the candidates.
   *
   * @param kind the kind
   * @param description what is needed
   * @param met whether the profile shows it
   * @param fix what to do when not met
   * @param candidates existing images, for a missing image
   * @param featureGate the feature gate name, if any
   */
  public ImageRequirement {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(featureGate, "featureGate");
    candidates = List.copyOf(candidates);
  }

  /**
   * A requirement of kind {@link Kind#OTHER}.
   *
   * @param description what is needed
   * @param met whether the profile shows it
   * @param fix what to do when not met
   */
  public ImageRequirement(String description, boolean met, String fix) {
    this(Kind.OTHER, description, met, fix, List.of(), Optional.empty());
  }

  /**
   * An image that the profile shows.
   *
   * @param description e.g. "Glance image ubuntu-capi-image-v1.34.7"
   * @return the met requirement
   */
  public static ImageRequirement imagePresent(String description) {
    return new ImageRequirement(Kind.IMAGE_PRESENT, description, true, "", List.of(), Optional.empty());
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
    return new ImageRequirement(Kind.IMAGE_PRESENT, description, false, fix, candidates, Optional.empty());
  }

  /**
   * A mismatch between image and flavor.
   *
   * @param description what is needed, e.g. "an aarch64 build of X for flavor Y"
   * @param fix what to do
   * @return the unmet requirement
   */
  public static ImageRequirement flavorMismatch(String description, String fix) {
    return new ImageRequirement(Kind.IMAGE_FITS_FLAVOR, description, false, fix, List.of(), Optional.empty());
  }

  /**
   * Something the profile cannot show, for the user to ensure.
   *
   * @param kind {@link Kind#IMAGE_IMPORT} or {@link Kind#OUTBOUND_ACCESS}
   * @param description what is needed
   * @return the requirement
   */
  public static ImageRequirement toEnsure(Kind kind, String description) {
    return new ImageRequirement(kind, description, true, "", List.of(), Optional.empty());
  }

  /**
   * The CAPI ignition feature gate.
   *
   * @return a {@link Kind#FEATURE_GATE} requirement for {@value #IGNITION_FEATURE_GATE}
   */
  public static ImageRequirement ignitionFeatureGate() {
    return new ImageRequirement(Kind.FEATURE_GATE, "Cluster API feature gate " + IGNITION_FEATURE_GATE
        + " (clusterctl: EXP_KUBEADM_BOOTSTRAP_FORMAT_IGNITION=true) so kubeadm bootstrap configs may use"
        + " format: ignition", true, "", List.of(), Optional.of(IGNITION_FEATURE_GATE));
  }

  @Override
  public String toString() {
    if (!kind.checkedAgainstProfile()) {
      return "[ensure] " + description;
    }
    return (met ? "[met] " : "[NOT met] ") + description + (met || fix.isEmpty() ? "" : " - " + fix);
  }
}
