package io.clusterstacks.core.cloud;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Everything the planner knows about one cloud: flavors, images, availability zones, hypervisors,
 * quotas and usage, compute microversions and provider quirks.
 *
 * <p>Build one in code ({@code CloudProfile.builder()}), read one from JSON
 * ({@link CloudProfiles#read(java.io.InputStream)}) or take a bundled one
 * ({@link CloudProfiles#bundled(String)}). A profile is a snapshot: planning with it touches no network.
 */
@Value.Immutable
@SdkStyle
public abstract class CloudProfile {
  CloudProfile() {}

  /**
   * A short name for the profile.
   *
   * @return e.g. {@code scs-reference}
   */
  public abstract String name();

  /**
   * What cloud this describes, for reports.
   *
   * @return a sentence, possibly empty
   */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * The flavors the project can use, in the order given.
   *
   * @return the flavors
   */
  public abstract List<CloudFlavor> flavors();

  /**
   * The images the project can see, in the order given.
   *
   * @return the images
   */
  public abstract List<CloudImage> images();

  /**
   * The availability zones the project can choose (one entry for a single-zone cloud).
   *
   * @return the zone names
   */
  public abstract List<String> availabilityZones();

  /**
   * The hypervisors: count and knowledge, per host class and per zone.
   *
   * @return the hypervisors
   */
  public abstract Hypervisors hypervisors();

  /**
   * The quotas and their usage; Nova's defaults unless given.
   *
   * @return the quotas
   */
  @Value.Default
  public Quotas quotas() {
    return Quotas.NOVA_DEFAULTS;
  }

  /**
   * The compute microversions the cloud accepts; only 2.1 unless given.
   *
   * @return the range
   */
  @Value.Default
  public MicroversionRange computeMicroversions() {
    return MicroversionRange.BASE_ONLY;
  }

  /**
   * The provider's quirks (maintenance behaviour, metadata keys).
   *
   * @return the quirks; {@link ProviderQuirks#NONE} unless given
   */
  @Value.Default
  public ProviderQuirks quirks() {
    return ProviderQuirks.NONE;
  }

  /**
   * Finds a flavor by its name or its ID (name first).
   *
   * @param nameOrId the flavor name or Nova ID
   * @return the flavor, or empty
   */
  public Optional<CloudFlavor> flavor(String nameOrId) {
    for (CloudFlavor f : flavors()) {
      if (f.name().equals(nameOrId)) {
        return Optional.of(f);
      }
    }
    for (CloudFlavor f : flavors()) {
      if (f.id().equals(nameOrId)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Finds an image by its exact name or its ID (name first).
   *
   * @param nameOrId the image name or Glance ID
   * @return the first matching image, or empty
   */
  public Optional<CloudImage> image(String nameOrId) {
    for (CloudImage i : images()) {
      if (i.name().equals(nameOrId)) {
        return Optional.of(i);
      }
    }
    for (CloudImage i : images()) {
      if (i.id().equals(nameOrId)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the cloud accepts a compute microversion.
   *
   * @param v the microversion
   * @return true when it is within {@link #computeMicroversions()}
   */
  public boolean supports(ComputeMicroversion v) {
    return computeMicroversions().supports(v);
  }

  /**
   * Checks cross-field consistency and reports every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (name().isBlank()) {
      problems.add(Problem.of("name", "an empty string", "name the profile, e.g. after the cloud"));
    }
    Set<String> names = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < flavors().size(); i++) {
      CloudFlavor f = flavors().get(i);
      if (!names.add(f.name())) {
        problems.add(Problem.of("flavors[" + i + "].name", f.name(),
            "flavor names are unique in a profile; remove the duplicate"));
      }
      if (!ids.add(f.id())) {
        problems.add(Problem.of("flavors[" + i + "].id", f.id(),
            "flavor IDs are unique in a profile; remove the duplicate"));
      }
      if (f.hostClass().isPresent() && !hypervisors().byHostClass().containsKey(f.hostClass().get())) {
        problems.add(Problem.of("flavors[" + i + "].hostClass", f.hostClass().get(),
            "add this class to hypervisors.byHostClass " + hypervisors().byHostClass().keySet()
                + " or leave the flavor's hostClass out"));
      }
    }
    Set<String> imageIds = new HashSet<>();
    for (int i = 0; i < images().size(); i++) {
      if (!imageIds.add(images().get(i).id())) {
        problems.add(Problem.of("images[" + i + "].id", images().get(i).id(),
            "image IDs are unique in a profile; remove the duplicate"));
      }
    }
    Set<String> zones = new HashSet<>();
    for (int i = 0; i < availabilityZones().size(); i++) {
      String z = availabilityZones().get(i);
      if (z.isBlank() || !zones.add(z)) {
        problems.add(Problem.of("availabilityZones[" + i + "]", "'" + z + "'",
            "zone names are non-empty and unique"));
      }
    }
    for (String z : hypervisors().byZone().keySet()) {
      if (!zones.contains(z)) {
        problems.add(Problem.of("hypervisors.byZone." + z, z,
            "list the zone in availabilityZones " + availabilityZones()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  @Override
  public String toString() {
    return "CloudProfile{" + name() + ": " + flavors().size() + " flavors, " + images().size() + " images, "
        + availabilityZones().size() + " zones, hypervisors " + hypervisors().total() + "}";
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
   * A CloudProfile built by a function, e.g. {@code CloudProfile.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the cloud profile
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static CloudProfile of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this cloud profile's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link CloudProfile}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableCloudProfile.Builder {
    Builder() {}
  }
}
