package io.clusterstacks.core.plan;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.HostCount;
import java.util.List;
import java.util.Objects;

/**
 * The flavor chosen for a role, with its reasons and the runners-up.
 *
 * @param flavor the flavor
 * @param storage where its root disk lives
 * @param hosts the hypervisors that serve it
 * @param pinned whether the user pinned it
 * @param reasons why it was chosen, one sentence each
 * @param nameCheck where its real vCPU/RAM/disk fall short of its SCS name (scs-0100 semantics); empty when consistent
 * @param runnersUp the next best flavors and why they lost
 */
public record FlavorChoice(CloudFlavor flavor, StorageClass storage, HostCount hosts, boolean pinned, List<String> reasons,
    List<String> nameCheck, List<RunnerUp> runnersUp) {
  /**
   * Copies the lists.
   *
   * @param flavor the flavor
   * @param storage where its root disk lives
   * @param hosts the hypervisors that serve it
   * @param pinned whether the user pinned it
   * @param reasons why it was chosen
   * @param nameCheck name-consistency problems
   * @param runnersUp the next best flavors
   */
  public FlavorChoice {
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(hosts, "hosts");
    reasons = List.copyOf(reasons);
    nameCheck = List.copyOf(nameCheck);
    runnersUp = List.copyOf(runnersUp);
  }

  /**
   * The flavor name.
   *
   * @return e.g. {@code SCS-2V-4-20s}
   */
  public String name() {
    return flavor.name();
  }
}
