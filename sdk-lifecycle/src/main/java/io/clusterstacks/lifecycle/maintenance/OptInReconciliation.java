package io.clusterstacks.lifecycle.maintenance;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.openstack.Maintenance;
import java.util.List;

/**
 * What one {@link MaintenanceOptIn#reconcile} pass did.
 *
 * @param set the servers the pass wrote to, each with its key, value and previous value (a server set by
 *     someone else between the snapshot and the pass has {@code changed() == false})
 * @param failed the servers it could not set, with the reason
 */
public record OptInReconciliation(List<Maintenance.OptInResult> set, List<Failure> failed) {

  /**
   * Copies the lists.
   *
   * @param set the servers the pass wrote to
   * @param failed the servers it could not set
   */
  public OptInReconciliation {
    InvalidInputException.requireArgument(set, "set");
    InvalidInputException.requireArgument(failed, "failed");
    set = List.copyOf(set);
    failed = List.copyOf(failed);
  }

  /**
   * Whether every server that lacked the opt-in has it now.
   *
   * @return true when nothing failed
   */
  public boolean complete() {
    return failed.isEmpty();
  }

  /**
   * A server the pass could not set.
   *
   * @param serverId the server's ID
   * @param serverName its name
   * @param reason the error's type and message (never a credential: the SDK's messages hold none)
   */
  public record Failure(String serverId, String serverName, String reason) {}

  @Override
  public String toString() {
    return "OptInReconciliation[set " + set.stream().filter(Maintenance.OptInResult::changed).map(Maintenance.OptInResult::serverId)
        .toList() + ", already set " + set.stream().filter(r -> !r.changed()).map(Maintenance.OptInResult::serverId).toList()
        + ", failed " + failed + "]";
  }
}
