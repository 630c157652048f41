package io.clusterstacks.core.cloud;

import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One Glance image: its name, ID, minimum disk and RAM, and its properties (scs-0102: {@code os_distro},
 * {@code os_version}, {@code architecture}, {@code os_purpose}, {@code image_source}, ...).
 */
@Value.Immutable
@SdkStyle
public abstract class CloudImage {
  private static final java.util.regex.Pattern GLANCE_ID =
      java.util.regex.Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  CloudImage() {}

  /**
   * The image name.
   *
   * @return e.g. {@code ubuntu-capi-image-v1.34.7}
   */
  public abstract String name();

  /**
   * The Glance image ID, a UUID; defaults to the name when not known (machines then find the image by name).
   *
   * @return the ID
   */
  @Value.Default
  public String id() {
    return name();
  }

  /**
   * Glance {@code min_disk}: the smallest root disk the image boots from, in GiB.
   *
   * @return 0 or more
   */
  @Value.Default
  public int minDiskGiB() {
    return 0;
  }

  /**
   * Glance {@code min_ram}: the least RAM the image boots with, in MiB.
   *
   * @return 0 or more
   */
  @Value.Default
  public int minRamMiB() {
    return 0;
  }

  /**
   * The image properties, sorted by key.
   *
   * @return the properties (may be empty)
   */
  @Value.NaturalOrder
  public abstract SortedMap<String, String> properties();

  /**
   * The {@code os_distro} property.
   *
   * @return e.g. {@code ubuntu}
   */
  public Optional<String> osDistro() {
    return Optional.ofNullable(properties().get("os_distro"));
  }

  /**
   * The {@code os_version} property.
   *
   * @return e.g. {@code 24.04}
   */
  public Optional<String> osVersion() {
    return Optional.ofNullable(properties().get("os_version"));
  }

  /**
   * The {@code architecture} property.
   *
   * @return e.g. {@code x86_64}
   */
  public Optional<String> architecture() {
    return Optional.ofNullable(properties().get("architecture"));
  }

  /**
   * The {@code os_purpose} property (scs-0102).
   *
   * @return e.g. {@code k8snode} or {@code generic}
   */
  public Optional<String> osPurpose() {
    return Optional.ofNullable(properties().get("os_purpose"));
  }

  /**
   * Checks the values and reports every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (name().isBlank()) {
      problems.add(Problem.of("name", "an empty string", "give the image its Glance name"));
    }
    if (id().isBlank()) {
      problems.add(Problem.of("id", "an empty string", "give the Glance image ID, or leave it out to use the name"));
    } else if (!id().equals(name()) && !GLANCE_ID.matcher(id()).matches()) {
      problems.add(Problem.of("id", Names.escaped(id()), "give the Glance image ID, a UUID such as"
          + " 3f2a1b4c-0d5e-4f60-8a71-92b3c4d5e6f7, or leave it out when it is not known"));
    }
    if (minDiskGiB() < 0) {
      problems.add(Problem.of("minDiskGiB", String.valueOf(minDiskGiB()), "use 0 or more"));
    }
    if (minRamMiB() < 0) {
      problems.add(Problem.of("minRamMiB", String.valueOf(minRamMiB()), "use 0 or more"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  @Override
  public String toString() {
    return name();
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
   * A CloudImage built by a function, e.g. {@code CloudImage.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the cloud image
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static CloudImage of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this cloud image's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link CloudImage}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableCloudImage.Builder {
    Builder() {}
  }
}
