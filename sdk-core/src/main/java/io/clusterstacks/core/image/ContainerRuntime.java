package io.clusterstacks.core.image;

import io.clusterstacks.core.ClusterStacksException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

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
    return new ContainerdRelease(containerdVersion, containerdSha256, runcVersion, runcSha256);
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
   * containerd and runc from upstream release artifacts with checksums.
   *
   * @param containerdVersion the containerd version without {@code v}
   * @param containerdSha256 the SHA-256 of the containerd tarball for the node's architecture
   * @param runcVersion the runc version without {@code v}
   * @param runcSha256 the SHA-256 of the runc binary for the node's architecture
   */
  record ContainerdRelease(
      String containerdVersion, String containerdSha256, String runcVersion, String runcSha256)
      implements ContainerRuntime {

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks versions and checksums, reporting every problem at once.
     *
     * @param containerdVersion the containerd version
     * @param containerdSha256 the containerd tarball checksum
     * @param runcVersion the runc version
     * @param runcSha256 the runc binary checksum
     */
    public ContainerdRelease {
      Objects.requireNonNull(containerdVersion, "containerdVersion");
      Objects.requireNonNull(containerdSha256, "containerdSha256");
      Objects.requireNonNull(runcVersion, "runcVersion");
      Objects.requireNonNull(runcSha256, "runcSha256");
      containerdSha256 = containerdSha256.strip().toLowerCase(Locale.ROOT);
      runcSha256 = runcSha256.strip().toLowerCase(Locale.ROOT);
      StringBuilder problems = new StringBuilder();
      if (!VERSION.matcher(containerdVersion).matches()) {
        problems.append("\n  containerdVersion: got '").append(containerdVersion)
            .append("'; write MAJOR.MINOR.PATCH without v, e.g. 1.7.27");
      }
      if (!SHA256.matcher(containerdSha256).matches()) {
        problems.append("\n  containerdSha256: got '").append(containerdSha256)
            .append("'; give the 64-hex-digit SHA-256 of the release tarball for the node architecture");
      }
      if (!VERSION.matcher(runcVersion).matches()) {
        problems.append("\n  runcVersion: got '").append(runcVersion)
            .append("'; write MAJOR.MINOR.PATCH without v, e.g. 1.2.6");
      }
      if (!SHA256.matcher(runcSha256).matches()) {
        problems.append("\n  runcSha256: got '").append(runcSha256)
            .append("'; give the 64-hex-digit SHA-256 of the runc binary for the node architecture");
      }
      if (problems.length() > 0) {
        throw new ClusterStacksException("invalid containerd release runtime:" + problems);
      }
    }

    @Override
    public String describe() {
      return "containerd " + containerdVersion + " and runc " + runcVersion
          + " from their GitHub release artifacts, verified against the given SHA-256 checksums";
    }

    @Override
    public String criSocket() {
      return "unix:///var/run/containerd/containerd.sock";
    }
  }
}
