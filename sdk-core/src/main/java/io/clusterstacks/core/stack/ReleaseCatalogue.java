package io.clusterstacks.core.stack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Known cluster-stack releases and their exact Kubernetes patch versions, overridable by the user.
 *
 * <p>The built-in entries come from the {@code csctl.yaml} of each release tag in
 * SovereignCloudStack/cluster-stacks (e.g. {@code openstack-scs-1-29-v1} → {@code v1.29.6},
 * {@code openstack-scs2-1-34-v2} → {@code v1.34.7}, whose {@code versions.yaml} lists 1.32.13, 1.33.10
 * and 1.34.7). Add your own releases (custom channels, newer tags) with {@link #with(StackRelease)};
 * a user entry replaces a built-in one for the same class. Where a release is unknown,
 * {@link #check(ClusterClassName, String)} says the check was only partial.
 */
public final class ReleaseCatalogue {
  private static final ReleaseCatalogue BUILT_IN = builtInCatalogue();

  private final Map<String, StackRelease> releases;

  private ReleaseCatalogue(Map<String, StackRelease> releases) {
    this.releases = Collections.unmodifiableMap(releases);
  }

  /**
   * The releases the SDK knows.
   *
   * @return the built-in catalogue
   */
  public static ReleaseCatalogue builtIn() {
    return BUILT_IN;
  }

  /**
   * A catalogue with no entries (every version check is partial).
   *
   * @return the empty catalogue
   */
  public static ReleaseCatalogue empty() {
    return new ReleaseCatalogue(new LinkedHashMap<>());
  }

  /**
   * A copy with one more release (replacing an entry for the same class).
   *
   * @param release the release
   * @return the new catalogue
   */
  public ReleaseCatalogue with(StackRelease release) {
    InvalidInputException.requireArgument(release, "release");
    Map<String, StackRelease> m = new LinkedHashMap<>(releases);
    m.put(release.className().format(), release);
    return new ReleaseCatalogue(m);
  }

  /**
   * A copy with one more release.
   *
   * @param className e.g. {@code openstack-scs-1-32-v0-sha.lvlvyfw}
   * @param kubernetesVersion e.g. {@code v1.32.1}
   * @return the new catalogue
   */
  public ReleaseCatalogue with(String className, String kubernetesVersion) {
    return with(StackRelease.of(className, kubernetesVersion));
  }

  /**
   * Looks a release up.
   *
   * @param className the class name
   * @return the release, or empty when unknown
   */
  public Optional<StackRelease> find(ClusterClassName className) {
    InvalidInputException.requireArgument(className, "className");
    return Optional.ofNullable(releases.get(className.format()));
  }

  /**
   * Every release, sorted by class name.
   *
   * @return the releases
   */
  public List<StackRelease> releases() {
    List<StackRelease> out = new ArrayList<>(releases.values());
    out.sort(Comparator.comparing(r -> r.className().format()));
    return out;
  }

  /**
   * The newest known stable release of a stack for a Kubernetes minor.
   *
   * @param stackName e.g. {@code scs2}
   * @param kubernetesMinor e.g. {@code 1.34}
   * @return the release with the highest version number, or empty
   */
  public Optional<StackRelease> latest(String stackName, String kubernetesMinor) {
    InvalidInputException.requireArgument(stackName, "stackName");
    InvalidInputException.requireArgument(kubernetesMinor, "kubernetesMinor");
    return releases.values().stream()
        .filter(r -> r.className().stackName().equals(stackName) && r.className().kubernetesMinor().equals(kubernetesMinor)
            && !r.className().version().isCustom())
        .max(Comparator.comparingInt(r -> r.className().version().number()));
  }

  /**
   * Checks a Cluster's Kubernetes version against its release, as the operator's webhook does.
   *
   * @param className the Cluster's class
   * @param kubernetesVersion the Cluster's {@code topology.version}
   * @return confirmed, mismatch, or partial when the release is unknown (only the minor was checked)
   */
  public VersionCheck check(ClusterClassName className, String kubernetesVersion) {
    InvalidInputException.requireArgument(className, "className");
    InvalidInputException.requireArgument(kubernetesVersion, "kubernetesVersion");
    Optional<StackRelease> r = find(className);
    VersionCheck.Builder check = VersionCheck.builder().className(className).actual(kubernetesVersion);
    if (r.isPresent()) {
      String expected = r.get().kubernetesVersion();
      check.expected(expected);
      if (expected.equals(kubernetesVersion)) {
        return check.status(VersionCheck.Status.CONFIRMED)
            .message("release " + className + " is built for " + expected + " (" + r.get().source() + ")").build();
      }
      return check.status(VersionCheck.Status.MISMATCH)
          .message("release " + className + " is built for " + expected + " (" + r.get().source() + "), but the Cluster asks for "
              + Names.shown(kubernetesVersion) + "; the cluster stack operator rejects that: use " + expected).build();
    }
    return check.status(VersionCheck.Status.PARTIAL).message(
        "release " + className + " is not in the release catalogue, so only the minor (" + className.kubernetesMinor()
            + ") of " + Names.shown(kubernetesVersion) + " was checked; the operator requires the release's exact patch version "
            + "(kubectl get clusterstackrelease " + className.releaseName() + " -o jsonpath='{.status.kubernetesVersion}'); "
            + "add it with ReleaseCatalogue.with(\"" + className + "\", \"v" + className.kubernetesMinor() + ".N\")").build();
  }

  private static ReleaseCatalogue builtInCatalogue() {
    Map<String, StackRelease> m = new LinkedHashMap<>();
    String[][] rows = {
      {"openstack-scs-1-29-v1", "v1.29.6"},
      {"openstack-scs-1-30-v1", "v1.30.2"},
      {"openstack-scs-1-30-v2", "v1.30.11"},
      {"openstack-scs-1-30-v3", "v1.30.11"},
      {"openstack-scs-1-31-v2", "v1.31.7"},
      {"openstack-scs-1-32-v1", "v1.32.3"},
      {"openstack-scs2-1-33-v1", "v1.33.4"},
      {"openstack-scs2-1-33-v4", "v1.33.7"},
      {"openstack-scs2-1-33-v5", "v1.33.10"},
      {"openstack-scs2-1-34-v1", "v1.34.3"},
      {"openstack-scs2-1-34-v2", "v1.34.7"},
      {"openstack-kamaji-1-30-v0-sha.11930ee", "v1.30.1"},
    };
    for (String[] r : rows) {
      ClusterClassName c = ClusterClassName.parse(r[0]);
      m.put(c.format(), StackRelease.builder().className(c).kubernetesVersion(r[1])
          .source("csctl.yaml at tag " + c.releaseName() + " of SovereignCloudStack/cluster-stacks").build());
    }
    return new ReleaseCatalogue(m);
  }

  @Override
  public String toString() {
    return "ReleaseCatalogue{" + releases.size() + " releases}";
  }
}
