package io.clusterstacks.openstack;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One server of the caller's project as Nova's detailed list shows it, made by {@link OpenStackClient#servers()}:
 * what a diagnosis of a running cluster reads (status, host, flavor, metadata, fault).
 *
 * @param id the server ID
 * @param name the server name (CAPO names it after its Machine)
 * @param status Nova's status, e.g. {@code ACTIVE}, {@code BUILD}, {@code ERROR}, {@code SHUTOFF}
 * @param hostId the opaque {@code hostId} (equal for two of the project's servers on one hypervisor), {@code ""}
 *     when the server is not scheduled
 * @param flavorName the flavor's name, e.g. {@code SCS-2V-4-20s}; the flavor ID when the cloud's compute API is
 *     older than microversion 2.47 and the flavor is no longer readable
 * @param flavorExtraSpecs the flavor's {@code extra_specs} as embedded in the server (microversion 2.47 and
 *     later); empty on older clouds
 * @param metadata the server metadata (the provider's maintenance announcements and the restart opt-in are here)
 * @param fault Nova's fault message for a server in {@code ERROR}, {@code ""} otherwise or when Nova gave none
 */
public record ServerDetails(String id, String name, String status, String hostId, String flavorName,
    SortedMap<String, String> flavorExtraSpecs, SortedMap<String, String> metadata, String fault) {
  /**
   * Checks and copies.
   *
   * @param id the ID
   * @param name the name
   * @param status the status
   * @param hostId the host ID
   * @param flavorName the flavor name
   * @param flavorExtraSpecs the flavor's extra_specs
   * @param metadata the metadata
   * @param fault the fault message
   */
  public ServerDetails {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(flavorName, "flavorName");
    flavorExtraSpecs = copy(flavorExtraSpecs);
    metadata = copy(metadata);
    Objects.requireNonNull(fault, "fault");
  }

  /**
   * Names the server, its status, host, flavor and the metadata keys (not their values: metadata is the
   * user's, and may hold anything).
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "ServerDetails[" + name + " (" + id + "), " + status + ", hostId " + hostId + ", flavor " + flavorName
        + ", metadata keys " + metadata.keySet() + (fault.isEmpty() ? "" : ", fault " + fault) + "]";
  }

  private static SortedMap<String, String> copy(Map<String, String> m) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(m)));
  }
}
