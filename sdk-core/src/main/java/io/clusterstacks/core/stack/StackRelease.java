package io.clusterstacks.core.stack;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A released cluster stack and the exact Kubernetes version it was built for (what the cluster stack
 * operator's webhook requires in {@code Cluster.spec.topology.version}).
 *
 * @param className the release's ClusterClass name
 * @param kubernetesVersion the exact patch version with {@code v}, e.g. {@code v1.29.6}
 * @param source where the fact comes from (a tag, a versions.yaml, or "user")
 */
public record StackRelease(ClusterClassName className, String kubernetesVersion, String source) {
  private static final Pattern PATCH = Pattern.compile("^v\\d+\\.\\d+\\.\\d+$");

  /**
   * Checks that the version is an exact patch version in the class's minor.
   *
   * @param className the class
   * @param kubernetesVersion e.g. {@code v1.29.6}
   * @param source the source of the fact
   */
  public StackRelease {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    Objects.requireNonNull(source, "source");
    if (!PATCH.matcher(kubernetesVersion).matches()) {
      throw new StackException("release " + className + " kubernetesVersion: got '" + kubernetesVersion
          + "'; use the exact patch version with v, e.g. v1.33.4");
    }
    if (!kubernetesVersion.startsWith("v" + className.kubernetesMinor() + ".")) {
      throw new StackException("release " + className + " kubernetesVersion: got '" + kubernetesVersion
          + "'; it must be a " + className.kubernetesMinor() + " patch version, e.g. v" + className.kubernetesMinor() + ".0");
    }
  }

  /**
   * A release the user knows about (e.g. a custom-channel build).
   *
   * @param className e.g. {@code openstack-scs-1-32-v0-sha.lvlvyfw}
   * @param kubernetesVersion e.g. {@code v1.32.1}
   * @return the release
   */
  public static StackRelease of(String className, String kubernetesVersion) {
    return new StackRelease(ClusterClassName.parse(className), kubernetesVersion, "user");
  }
}
