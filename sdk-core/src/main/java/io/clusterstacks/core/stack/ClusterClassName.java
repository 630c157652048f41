package io.clusterstacks.core.stack;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a cluster stack's ClusterClass: {@code <provider>-<stack>-<major>-<minor>-<version>}.
 *
 * <p>Examples: {@code openstack-scs2-1-33-v1}, and for a custom channel
 * {@code openstack-scs-1-32-v0-sha.lvlvyfw}. The cluster stack operator reads a class name as five
 * {@code -}-separated parts, or six when the version is a custom-channel one; the matching
 * ClusterStackRelease uses {@code -} instead of the dot ({@link #releaseName()}).
 *
 * @param provider the infrastructure provider, e.g. {@code openstack}
 * @param stackName the stack name, e.g. {@code scs2}
 * @param kubernetesMinor the Kubernetes minor in {@code "1.33"} form
 * @param version the release version
 */
public record ClusterClassName(String provider, String stackName, String kubernetesMinor, StackVersion version) {
  private static final Pattern TOKEN = Pattern.compile("^[a-z0-9]+$");
  private static final Pattern MINOR = Pattern.compile("^\\d+\\.\\d+$");

  /**
   * Checks the parts.
   *
   * @param provider lower-case letters and digits
   * @param stackName lower-case letters and digits
   * @param kubernetesMinor {@code <major>.<minor>}, e.g. {@code 1.33}
   * @param version the release version
   */
  public ClusterClassName {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(stackName, "stackName");
    Objects.requireNonNull(kubernetesMinor, "kubernetesMinor");
    Objects.requireNonNull(version, "version");
    if (!TOKEN.matcher(provider).matches()) {
      throw new StackException("class name provider: got '" + provider + "'; use lower-case letters and digits, e.g. openstack");
    }
    if (!TOKEN.matcher(stackName).matches()) {
      throw new StackException("class name stack: got '" + stackName + "'; use lower-case letters and digits, e.g. scs2");
    }
    if (!MINOR.matcher(kubernetesMinor).matches()) {
      throw new StackException("class name Kubernetes version: got '" + kubernetesMinor + "'; use <major>.<minor>, e.g. 1.33");
    }
  }

  /**
   * Builds an OpenStack class name.
   *
   * @param stackName e.g. {@code scs2}
   * @param kubernetesMinor e.g. {@code 1.33}
   * @param version e.g. {@code v1} or {@code v0-sha.lvlvyfw}
   * @return the class name
   */
  public static ClusterClassName of(String stackName, String kubernetesMinor, String version) {
    return new ClusterClassName("openstack", stackName, kubernetesMinor, StackVersion.parse(version));
  }

  /**
   * Parses a ClusterClass name, or a ClusterStackRelease name (the {@code -} form of a custom version).
   *
   * @param text e.g. {@code openstack-scs-1-32-v0-sha.lvlvyfw} or {@code openstack-scs-1-32-v0-sha-lvlvyfw}
   * @return the parsed name
   * @throws StackException when the text does not have the CSO shape
   */
  public static ClusterClassName parse(String text) {
    String[] t = text.split("-", -1);
    if (t.length < 5 || t.length > 7) {
      throw badName(text);
    }
    String version;
    if (t.length == 5) {
      version = t[4];
    } else if (t.length == 6 && t[5].contains(".")) {
      version = t[4] + "-" + t[5];
    } else if (t.length == 7) {
      version = t[4] + "-" + t[5] + "." + t[6];
    } else {
      throw badName(text);
    }
    try {
      return new ClusterClassName(t[0], t[1], t[2] + "." + t[3], StackVersion.parse(version));
    } catch (StackException e) {
      throw new StackException(badName(text).getMessage() + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Parses a class name when it has the CSO shape.
   *
   * @param text a class name
   * @return the parsed name, or empty when it is not a cluster-stack class name
   */
  public static Optional<ClusterClassName> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (StackException e) {
      return Optional.empty();
    }
  }

  private static StackException badName(String text) {
    return new StackException("class name: got '" + text
        + "'; expected <provider>-<stack>-<major>-<minor>-<version>, e.g. openstack-scs2-1-33-v1 "
        + "or openstack-scs-1-32-v0-sha.lvlvyfw for a custom channel");
  }

  /**
   * The stack generation, when the SDK knows it.
   *
   * @return the generation, or empty for older stacks such as {@code alpha}
   */
  public Optional<StackGeneration> generation() {
    return StackGeneration.fromStackName(stackName);
  }

  /**
   * The class name as used in {@code Cluster.spec.topology.class}.
   *
   * @return e.g. {@code openstack-scs-1-32-v0-sha.lvlvyfw}
   */
  public String format() {
    return provider + "-" + stackName + "-" + kubernetesMinor.replace('.', '-') + "-" + version.format();
  }

  /**
   * The ClusterStackRelease name (the cluster stack operator looks the release up by it).
   *
   * @return e.g. {@code openstack-scs-1-32-v0-sha-lvlvyfw}
   */
  public String releaseName() {
    return provider + "-" + stackName + "-" + kubernetesMinor.replace('.', '-') + "-" + version.releaseForm();
  }

  @Override
  public String toString() {
    return format();
  }
}
