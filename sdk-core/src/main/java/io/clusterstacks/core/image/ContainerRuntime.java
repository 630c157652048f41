package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The container runtime a general-purpose Ubuntu node installs at boot, and where it comes from.
 *
 * <p>Exactly one of: CRI-O from its official package repository, in the stream that matches the
 * Kubernetes minor ({@link #crio()}); containerd as Ubuntu packages it ({@link #ubuntuContainerd()});
 * or containerd and runc from their upstream release artifacts, verified against SHA-256 checksums the
 * caller provides ({@link #containerdRelease(String, String, String, String)}).
 */
public sealed interface ContainerRuntime {

  /**
   * CRI-O from its official package repository, stream {@code v1.N} for Kubernetes {@code 1.N}.
   *
   * @return the runtime choice
   */
  static ContainerRuntime crio() {
    return new CriO();
  }

  /**
   * containerd from Ubuntu's own archive (package {@code containerd}), configured for the systemd
   * cgroup driver.
   *
   * @return the runtime choice
   */
  static ContainerRuntime ubuntuContainerd() {
    return new UbuntuContainerd();
  }

  /**
   * containerd and runc from their GitHub release artifacts, each verified against a SHA-256 checksum.
   *
   * @param containerdVersion e.g. {@code 1.7.27} (without {@code v})
   * @param containerdSha256 the SHA-256 of {@code containerd-<version>-linux-<arch>.tar.gz} for the node's
   *     architecture (64 hex digits)
   * @param runcVersion e.g. {@code 1.2.6} (without {@code v})
   * @param runcSha256 the SHA-256 of {@code runc.<arch>} for the node's architecture
   * @return the runtime choice
   */
  static ContainerRuntime containerdRelease(
      String containerdVersion, String containerdSha256, String runcVersion, String runcSha256) {
    return ContainerdRelease.builder().containerdVersion(containerdVersion).containerdSha256(containerdSha256)
        .runcVersion(runcVersion).runcSha256(runcSha256).build();
  }

  /**
   * Where the runtime comes from, in words for the plan.
   *
   * @return e.g. {@code CRI-O from its official package repository (stream matching the Kubernetes minor)}
   */
  String describe();

  /**
   * The CRI socket kubeadm and the kubelet talk to.
   *
   * @return e.g. {@code unix:///var/run/crio/crio.sock}
   */
  String criSocket();

  /** CRI-O from the official repository. */
  record CriO() implements ContainerRuntime {
    @Override
    public String describe() {
      return "CRI-O from its official package repository, stream matching the Kubernetes minor";
    }

    @Override
    public String criSocket() {
      return "unix:///var/run/crio/crio.sock";
    }
  }

  /** containerd from Ubuntu's archive. */
  record UbuntuContainerd() implements ContainerRuntime {
    @Override
    public String describe() {
      return "containerd as packaged by Ubuntu (package containerd from the image's configured Ubuntu"
          + " archive), systemd cgroup driver";
    }

    @Override
    public String criSocket() {
      return "unix:///var/run/containerd/containerd.sock";
    }
  }

  /**
   * containerd and runc from upstream release artifacts, each verified against a SHA-256 checksum.
   *
   * <p>Versions are {@code MAJOR.MINOR.PATCH} (an optional {@code -suffix}), without {@code v}, each
   * number at most 9 digits; checksums are 64 hexadecimal digits (upper case and surrounding spaces are
   * normalised away).
   */
  @Value.Immutable
  @SdkStyle
  abstract non-sealed class ContainerdRelease implements ContainerRuntime {
    private static final Pattern VERSION =
        Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(-[0-9A-Za-z.]{1,64})?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    ContainerdRelease() {}

    /**
     * The containerd version.
     *
     * @return e.g. {@code 1.7.27}, without {@code v}
     */
    public abstract String containerdVersion();

    /**
     * The SHA-256 of {@code containerd-<version>-linux-<arch>.tar.gz} for the node's architecture.
     *
     * @return 64 lower-case hex digits
     */
    public abstract String containerdSha256();

    /**
     * The runc version.
     *
     * @return e.g. {@code 1.2.6}, without {@code v}
     */
    public abstract String runcVersion();

    /**
     * The SHA-256 of {@code runc.<arch>} for the node's architecture.
     *
     * @return 64 lower-case hex digits
     */
    public abstract String runcSha256();

    /**
     * Checks versions and checksums, reporting every problem at once; normalises the checksums.
     *
     * @return this release, or a copy with the checksums in lower case without spaces
     */
    @Value.Check
    ContainerdRelease check() {
      String cSha = containerdSha256().strip().toLowerCase(Locale.ROOT);
      String rSha = runcSha256().strip().toLowerCase(Locale.ROOT);
      List<Problem> p = new ArrayList<>();
      if (!VERSION.matcher(containerdVersion()).matches()) {
        p.add(Problem.of("containerdRelease.containerdVersion", Names.escaped(containerdVersion()),
            "write MAJOR.MINOR.PATCH without v, e.g. 1.7.27"));
      }
      if (!SHA256.matcher(cSha).matches()) {
        p.add(Problem.of("containerdRelease.containerdSha256", Names.escaped(containerdSha256()),
            "give the 64-hex-digit SHA-256 of the release tarball for the node architecture"));
      }
      if (!VERSION.matcher(runcVersion()).matches()) {
        p.add(Problem.of("containerdRelease.runcVersion", Names.escaped(runcVersion()),
            "write MAJOR.MINOR.PATCH without v, e.g. 1.2.6"));
      }
      if (!SHA256.matcher(rSha).matches()) {
        p.add(Problem.of("containerdRelease.runcSha256", Names.escaped(runcSha256()),
            "give the 64-hex-digit SHA-256 of the runc binary for the node architecture"));
      }
      InvalidInputException.throwIfAny(p);
      if (cSha.equals(containerdSha256()) && rSha.equals(runcSha256())) {
        return this;
      }
      return toBuilder().containerdSha256(cSha).runcSha256(rSha).build();
    }

    @Override
    public String describe() {
      return "containerd " + containerdVersion() + " and runc " + runcVersion()
          + " from their GitHub release artifacts, verified against the given SHA-256 checksums";
    }

    @Override
    public String criSocket() {
      return "unix:///var/run/containerd/containerd.sock";
    }

    /**
     * A release runtime built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the runtime choice
     */
    public static ContainerdRelease of(Consumer<Builder> spec) {
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
     * A builder holding this runtime's attributes.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link ContainerdRelease}; {@link #build()} reports every problem at once. */
    public static final class Builder extends ImmutableContainerdRelease.Builder {
      Builder() {}
    }
  }
}
