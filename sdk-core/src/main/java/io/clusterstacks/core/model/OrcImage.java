package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * An ORC ({@code openstack.k-orc.cloud/v1alpha1}) {@code Image} that ORC uploads to Glance from a URL,
 * verified by checksum; machines then reference it by {@code image.imageRef.name}.
 *
 * <p>The credentials ({@code cloudCredentialsRef}) are the cluster's, filled in at rendering.
 */
@Value.Immutable
@SdkStyle
public abstract class OrcImage {
  OrcImage() {}

  private static final List<String> ALGORITHMS = List.of("md5", "sha1", "sha256", "sha512");
  private static final List<String> DISK_FORMATS =
      List.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "ploop", "iso");

  /**
   * The ORC object name, also the Glance image name unless {@link #glanceName()} is set.
   *
   * @return e.g. {@code ubuntu-capi-image-v1.34.7}
   */
  public abstract String name();

  /**
   * The Glance image name when it differs from the object name.
   *
   * @return the Glance name
   */
  public abstract Optional<String> glanceName();

  /**
   * Where ORC downloads the image.
   *
   * @return an http(s) URL
   */
  public abstract String url();

  /**
   * The checksum algorithm.
   *
   * @return one of md5, sha1, sha256, sha512
   */
  @Value.Default
  public String checksumAlgorithm() {
    return "sha256";
  }

  /**
   * The checksum, lower-case hex.
   *
   * @return the checksum
   */
  public abstract String checksum();

  /**
   * The disk format.
   *
   * @return e.g. {@code qcow2}
   */
  @Value.Default
  public String diskFormat() {
    return "qcow2";
  }

  /**
   * The credentials Secret ORC uses, when it differs from the cluster's.
   *
   * @return the Secret name
   */
  public abstract Optional<String> secretName();

  /**
   * The cloud name in clouds.yaml ORC uses, when it differs from the cluster's.
   *
   * @return the cloud name
   */
  public abstract Optional<String> cloudName();

  /**
   * Glance visibility.
   *
   * @return e.g. {@code private}
   */
  public abstract Optional<String> visibility();

  /**
   * CPU architecture property.
   *
   * @return e.g. {@code x86_64} or {@code aarch64}
   */
  public abstract Optional<String> architecture();

  /**
   * Minimum disk in GB.
   *
   * @return the value
   */
  public abstract OptionalInt minDiskGB();

  /**
   * Minimum RAM in MB.
   *
   * @return the value
   */
  public abstract OptionalInt minMemoryMB();

  /**
   * Operating-system distribution (scs-0102 {@code os_distro}).
   *
   * @return e.g. {@code ubuntu}
   */
  public abstract Optional<String> osDistro();

  /**
   * Operating-system version (scs-0102 {@code os_version}).
   *
   * @return e.g. {@code 24.04}
   */
  public abstract Optional<String> osVersion();

  /**
   * Hardware disk bus.
   *
   * @return e.g. {@code scsi}
   */
  public abstract Optional<String> diskBus();

  /**
   * SCSI model.
   *
   * @return e.g. {@code virtio-scsi}
   */
  public abstract Optional<String> scsiModel();

  /**
   * Network interface model.
   *
   * @return e.g. {@code virtio}
   */
  public abstract Optional<String> vifModel();

  /**
   * Whether the QEMU guest agent is present.
   *
   * @return the flag
   */
  public abstract Optional<Boolean> qemuGuestAgent();

  /**
   * Random number generator model.
   *
   * @return e.g. {@code virtio}
   */
  public abstract Optional<String> rngModel();

  /**
   * Checks names, checksum and enums, reporting every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> p = new ArrayList<>();
    if (!Names.isDns1123Subdomain(name())) {
      p.add(Problem.of("orcImage.name", name(), "use a DNS-1123 name: lower case, digits, '-' and '.'"));
    }
    if (!url().startsWith("https://") && !url().startsWith("http://")) {
      p.add(Problem.of("orcImage.url", url(), "use an http(s) URL ORC can download from"));
    }
    if (!ALGORITHMS.contains(checksumAlgorithm())) {
      p.add(Problem.of("orcImage.checksumAlgorithm", checksumAlgorithm(), "use one of " + ALGORITHMS));
    }
    if (!checksum().matches("^[0-9a-f]+$")) {
      p.add(Problem.of("orcImage.checksum", checksum(), "use the lower-case hex digest"));
    }
    if (!DISK_FORMATS.contains(diskFormat().toLowerCase(Locale.ROOT)) || !diskFormat().equals(diskFormat().toLowerCase(Locale.ROOT))) {
      p.add(Problem.of("orcImage.diskFormat", diskFormat(), "use one of " + DISK_FORMATS));
    }
    if (minDiskGB().isPresent() && minDiskGB().getAsInt() < 1) {
      p.add(Problem.of("orcImage.minDiskGB", String.valueOf(minDiskGB().getAsInt()), "use 1 or more, or leave it out"));
    }
    if (minMemoryMB().isPresent() && minMemoryMB().getAsInt() < 1) {
      p.add(Problem.of("orcImage.minMemoryMB", String.valueOf(minMemoryMB().getAsInt()), "use 1 or more, or leave it out"));
    }
    InvalidInputException.throwIfAny(p);
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
   * An OrcImage built by a function, e.g. {@code OrcImage.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the orc image
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static OrcImage of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this orc image's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link OrcImage}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableOrcImage.Builder {
    Builder() {}
  }
}
