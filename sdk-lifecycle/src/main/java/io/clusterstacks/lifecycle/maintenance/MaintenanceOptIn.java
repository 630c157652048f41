package io.clusterstacks.lifecycle.maintenance;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.lifecycle.diagnose.ClusterDiagnosis;
import io.clusterstacks.lifecycle.diagnose.ClusterObservations;
import io.clusterstacks.openstack.Maintenance;
import io.clusterstacks.openstack.OpenStackClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the provider's restart opt-in on every server of a cluster snapshot that needs it and lacks it
 * ({@link ClusterDiagnosis#missingOptIn(ClusterObservations)}), so that a local-SSD server the provider powers
 * off for hypervisor maintenance is started again afterwards. The opt-in is reconciled, not set once: run it on
 * each fresh snapshot (after a rollout, remediation, scale-out), and it sets the key on the servers gained since
 * and nothing else.
 *
 * <pre>{@code
 * ClusterObservations seen = DiagnosisCollector.of(openStack, management).collect(plan, "default");
 * OptInReconciliation r = MaintenanceOptIn.reconcile(openStack, seen);
 * if (!r.complete()) { ... r.failed() names each server and why ... }
 * }</pre>
 *
 * <p>Each server is set on its own (a metadata PUT of the one key: the provider's announcement keys stay). One
 * that fails (deleted since the snapshot, 403) does not stop the others; the result lists it with the reason.
 */
public final class MaintenanceOptIn {
  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceOptIn.class);

  private MaintenanceOptIn() {}

  /**
   * Sets the opt-in where the snapshot says it is missing.
   *
   * @param openStack the cloud the snapshot was read from (the caller closes it)
   * @param seen the snapshot, with the provider's quirks
   * @return what was set and what failed
   */
  public static OptInReconciliation reconcile(OpenStackClient openStack, ClusterObservations seen) {
    InvalidInputException.requireArgument(openStack, "openStack");
    InvalidInputException.requireArgument(seen, "seen");
    List<ClusterObservations.Server> missing = ClusterDiagnosis.missingOptIn(seen);
    if (missing.isEmpty()) {
      return new OptInReconciliation(List.of(), List.of());
    }
    Maintenance maintenance = openStack.maintenance(seen.quirks());
    List<Maintenance.OptInResult> set = new ArrayList<>();
    List<OptInReconciliation.Failure> failed = new ArrayList<>();
    for (ClusterObservations.Server s : missing) {
      try {
        Maintenance.OptInResult r = maintenance.optIn(s.id());
        set.add(r);
      } catch (ClusterStacksException e) {
        failed.add(new OptInReconciliation.Failure(s.id(), s.name(), e.getClass().getSimpleName() + ": " + e.getMessage()));
      }
    }
    LOG.debug("cluster {}/{}: restart opt-in on {} of {} servers that lacked it, {} failed", seen.namespace(),
        seen.clusterName(), set.stream().filter(Maintenance.OptInResult::changed).count(), missing.size(), failed.size());
    return new OptInReconciliation(set, failed);
  }
}
