package io.clusterstacks.kamaji.labels;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.kubernetes.ApplyOptions;
import io.clusterstacks.kubernetes.ApplyResult;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.ManagementNode;
import io.clusterstacks.openstack.OpenStackClient;
import java.util.List;

/**
 * Labels the management cluster's nodes with the hypervisor their VMs run on: reads the nodes
 * (sdk-kubernetes), the project's servers and their {@code hostId}s (sdk-openstack, one list call), and
 * server-side-applies the label to the nodes that lack it or carry a stale one, under the SDK's field
 * manager, with force: the key is the SDK's, so a value someone else set is taken over. Idempotent: a
 * second run applies nothing.
 */
public final class HypervisorLabeller {
  private HypervisorLabeller() {}

  /**
   * What labelling found and what it applied.
   *
   * @param labels the findings per node
   * @param applied the apply of the patches (empty outcomes when nothing needed a change)
   */
  public record Result(HypervisorLabels labels, ApplyResult applied) {}

  /**
   * Labels the nodes.
   *
   * @param management the management cluster
   * @param openstack the project that owns the management cluster's servers
   * @param dryRun true to have the API server check the patches without storing them
   * @return the findings and the apply's outcome per node
   */
  public static Result label(ManagementCluster management, OpenStackClient openstack, boolean dryRun) {
    InvalidInputException.requireArgument(management, "management");
    InvalidInputException.requireArgument(openstack, "openstack");
    List<ManagementNode> nodes = management.nodes();
    HypervisorLabels labels = HypervisorLabels.of(nodes, openstack.serverHostIds());
    // the label key is the SDK's own: it takes the field over from whoever set it last (a hand-set or
    // otherwise stale value would else be a conflict, and stay wrong)
    ApplyResult applied = management.apply(labels.patches(), ApplyOptions.of(o -> o.dryRun(dryRun).force(true)));
    return new Result(labels, applied);
  }
}
