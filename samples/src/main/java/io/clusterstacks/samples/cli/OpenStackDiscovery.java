package io.clusterstacks.samples.cli;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.openstack.CloudConfig;
import io.clusterstacks.openstack.CloudDiscovery;
import io.clusterstacks.openstack.CloudsYaml;
import io.clusterstacks.openstack.OpenStackClient;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * Discovery of a cloud named in clouds.yaml, shared by {@code discover} and {@code plan --os-cloud}:
 * clouds.yaml is looked up as the openstack command line does, the login and every call go through
 * sdk-openstack, and nothing printed holds a secret (the SDK's messages never quote one).
 */
final class OpenStackDiscovery {
  /** Where clouds.yaml and secure.yaml are looked up instead of this process's environment; tests set it. */
  static CloudsYaml.@Nullable Environment environmentForTests;

  private OpenStackDiscovery() {}

  /**
   * Logs in to the cloud and discovers it.
   *
   * @param cloud the cloud's name in clouds.yaml, or null for {@code OS_CLOUD} and then the {@code OS_*} variables
   * @param profileName the profile's name, or null for the cloud's name
   * @return what discovery found
   * @throws io.clusterstacks.core.InvalidInputException when no such cloud is configured
   * @throws io.clusterstacks.openstack.OpenStackApiException when the cloud refuses the login or a call
   * @throws io.clusterstacks.openstack.OpenStackConnectionException when the cloud does not answer
   */
  static CloudDiscovery.Discovered discover(@Nullable String cloud, @Nullable String profileName) {
    CloudConfig config = config(cloud);
    try (OpenStackClient os = OpenStackClient.connect(config)) {
      return os.discovery().discover(profileName != null ? profileName : config.name());
    }
  }

  /**
   * The cloud's configuration from clouds.yaml (and secure.yaml), in this process's environment or the
   * one tests set.
   *
   * @param cloud the cloud's name in clouds.yaml, or null for {@code OS_CLOUD} and then the {@code OS_*} variables
   * @return the configuration
   * @throws io.clusterstacks.core.InvalidInputException when no such cloud is configured
   */
  static CloudConfig config(@Nullable String cloud) {
    CloudsYaml.Environment env = environmentForTests != null ? environmentForTests : CloudsYaml.Environment.ofProcess();
    return CloudsYaml.load(cloud, env);
  }

  /**
   * Prints what was found and how (bounds, estimates, fallbacks) to standard error.
   *
   * @param d the discovery
   * @param err standard error
   */
  static void summarize(CloudDiscovery.Discovered d, PrintWriter err) {
    CloudProfile p = d.profile();
    err.println("discovered " + p.name() + " (" + p.description() + "): " + p.flavors().size() + " flavors, "
        + p.images().size() + " images, zones " + p.availabilityZones() + ", hypervisors " + p.hypervisors().total()
        + (p.hypervisors().byZone().isEmpty() ? "" : " " + p.hypervisors().byZone()) + ", compute " + p.computeMicroversions() + "; " + d.calls().size() + " HTTP calls");
    d.notes().forEach(n -> err.println("note: " + n));
    err.flush();
  }
}
