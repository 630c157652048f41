package io.clusterstacks.core.plan;

import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.Role;
import java.util.List;
import java.util.Objects;

/**
 * The plan for one role: flavor, placement, root disk, maintenance opt-in and server groups.
 *
 * @param role control plane or worker
 * @param name {@code control-plane} or the machine deployment name
 * @param replicas the replicas
 * @param flavor the flavor choice
 * @param placement the placement decision
 * @param rootDisk where the servers boot from
 * @param maintenance how the servers come back after hypervisor maintenance
 * @param deployments the machine deployments this role becomes (one unless the member quota forced a split), with their server groups
 * @param image the image plan for this role's flavor
 */
public record RolePlan(Role role, String name, int replicas, FlavorChoice flavor, PolicyDecision placement,
    RootDiskDecision rootDisk, MaintenanceOptIn maintenance, List<Deployment> deployments, ImagePlan image) {

  /**
   * One set of machines with its server group.
   *
   * @param name the deployment name ({@code control-plane}, or e.g. {@code md-0-1} after a split)
   * @param replicas its replicas
   * @param serverGroup its server group, or empty without a policy
   */
  public record Deployment(String name, int replicas, java.util.Optional<ServerGroupRef> serverGroup) {
    /**
     * Checks the parts.
     *
     * @param name the deployment name
     * @param replicas its replicas
     * @param serverGroup its server group
     */
    public Deployment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(serverGroup, "serverGroup");
    }
  }

  /**
   * Checks the parts and copies the list.
   *
   * @param role control plane or worker
   * @param name the role name
   * @param replicas the replicas
   * @param flavor the flavor choice
   * @param placement the placement decision
   * @param rootDisk the root disk
   * @param maintenance the maintenance opt-in
   * @param deployments the deployments
   * @param image the image plan
   */
  public RolePlan {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(rootDisk, "rootDisk");
    Objects.requireNonNull(maintenance, "maintenance");
    deployments = List.copyOf(deployments);
    Objects.requireNonNull(image, "image");
  }

  /**
   * The server groups this role needs created, in deployment order.
   *
   * @return the groups (empty without a policy)
   */
  public List<ServerGroupRef> serverGroups() {
    return deployments.stream().flatMap(d -> d.serverGroup().stream()).toList();
  }
}
