package io.clusterstacks.core.stack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
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
  private static final Pattern TOKEN = Pattern.compile("^[a-z0-9]{1,63}$");
  private static final Pattern MINOR = Pattern.compile("^(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})$");

  /**
   * Checks the parts.
   *
   * @param provider 1 to 63 lower-case letters and digits
   * @param stackName 1 to 63 lower-case letters and digits
   * @param kubernetesMinor {@code <major>.<minor>}, e.g. {@code 1.33}, each number without leading zeros and
   *     at most 9 digits
   * @param version the release version
   * @throws StackException naming every part that is not valid
   */
  public ClusterClassName {
    List<Problem> p = new ArrayList<>();
    for (String[] part : new String[][] {{"provider", provider}, {"stackName", stackName},
        {"kubernetesMinor", kubernetesMinor}}) {
      if (part[1] == null) {
        p.add(Problem.missing("className." + part[0], "pass a value; null is not allowed"));
      }
    }
    if (version == null) {
      p.add(Problem.missing("className.version", "pass a value; null is not allowed"));
    }
    if (provider != null && !TOKEN.matcher(provider).matches()) {
      p.add(Problem.of("className.provider", Names.escaped(provider), "use 1 to 63 lower-case letters and digits, e.g. openstack"));
    }
    if (stackName != null && !TOKEN.matcher(stackName).matches()) {
      p.add(Problem.of("className.stackName", Names.escaped(stackName), "use 1 to 63 lower-case letters and digits, e.g. scs2"));
    }
    if (kubernetesMinor != null && !MINOR.matcher(kubernetesMinor).matches()) {
      p.add(Problem.of("className.kubernetesMinor", Names.escaped(kubernetesMinor),
          "use <major>.<minor> without leading zeros, e.g. 1.33"));
    }
    if (!p.isEmpty()) {
      throw new StackException(p);
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
    InvalidInputException.requireArgument(version, "version");
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
    InvalidInputException.requireArgument(text, "className");
    if (text.length() > 253) {
      throw badName(text);
    }
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
      List<Problem> p = new ArrayList<>(badName(text).problems());
      p.addAll(e.problems());
      throw new StackException(p);
    }
  }

  /**
   * Parses a class name when it has the CSO shape.
   *
   * @param text a class name
   * @return the parsed name, or empty when it is not a cluster-stack class name
   */
  public static Optional<ClusterClassName> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(text));
    } catch (StackException e) {
      return Optional.empty();
    }
  }

  private static StackException badName(String text) {
    return new StackException("className", Names.escaped(text),
        "use <provider>-<stack>-<major>-<minor>-<version> (at most 253 characters), e.g. openstack-scs2-1-33-v1 "
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
