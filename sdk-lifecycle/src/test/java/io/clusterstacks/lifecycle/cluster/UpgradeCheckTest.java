package io.clusterstacks.lifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.Problem;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.Planner;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The upgrade rules on plans of the bundled 3-hypervisor profile (pure: no cloud, no API server). */
class UpgradeCheckTest {

  private static ClusterPlan plan(String stack, String minor, String release, String version) {
    return Planner.plan(ClusterRequest.of(r -> {
      r.clusterName("up").className(ClusterClassName.of(stack, minor, release))
          .controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
          .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(2)));
      if (version != null) {
        r.kubernetesVersion(version);
      }
    }), CloudProfiles.bundled("scs-reference"));
  }

  @Test
  void aMinorUpByOneToTheReleasesVersionIsAllowedAndShowsTheSurgeWarning() {
    UpgradeCheck c = UpgradeCheck.evaluate("openstack-scs2-1-33-v5", "v1.33.10", plan("scs2", "1.34", "v2", null));
    assertTrue(c.allowed(), c.text());
    assertTrue(c.changes());
    assertEquals("openstack-scs2-1-34-v2", c.toClass());
    assertEquals("v1.34.7", c.toVersion());
    // 3 members on 3 hypervisors with the ClusterClass' surge of 1: the planner's trade-off is shown before the apply
    assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("SURGE_TRADE_OFF")), c.text());
    assertTrue(c.text().contains("allowed"), c.text());
  }

  @Test
  void theSameClassAndVersionIsAllowedAsARerunThatChangesNothing() {
    UpgradeCheck c = UpgradeCheck.evaluate("openstack-scs2-1-34-v2", "v1.34.7", plan("scs2", "1.34", "v2", null));
    assertTrue(c.allowed(), c.text());
    assertFalse(c.changes());
    assertTrue(c.text().contains("no change"), c.text());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    // minor skipped: 1.32 -> 1.34
    "openstack-scs2-1-32-v1, v1.32.3, clusterRequest.kubernetesVersion, go up by one",
    // minor down: 1.35 -> 1.34
    "openstack-scs2-1-35-v1, v1.35.1, clusterRequest.kubernetesVersion, cannot go down",
    // patch down within the minor
    "openstack-scs2-1-34-v3, v1.34.9, clusterRequest.kubernetesVersion, cannot go down",
    // another stack (scs -> scs2)
    "openstack-scs-1-33-v1, v1.33.4, clusterRequest.className, provider or stack",
    // a class that is no release name
    "my-own-class, v1.33.4, spec.topology.class, not a cluster stack",
    // a version that is no version
    "openstack-scs2-1-33-v5, latest, spec.topology.version, v<major>",
  })
  void refusedMovesNameTheFieldAndTheFix(String fromClass, String fromVersion, String field, String fix) {
    UpgradeCheck c = UpgradeCheck.evaluate(fromClass, fromVersion, plan("scs2", "1.34", "v2", null));
    assertFalse(c.allowed(), c.text());
    Problem p = c.refusals().get(0);
    assertEquals(field, p.path(), c.text());
    assertTrue(p.fix().contains(fix), p.fix());
    UpgradeRefusedException e = new UpgradeRefusedException(c);
    assertEquals(c.refusals(), e.problems());
    assertTrue(e.getMessage().contains(field), e.getMessage());
  }

  @Test
  void aVersionOtherThanTheReleasesIsRefusedAndAnUnknownReleaseIsAWarning() {
    // the release openstack-scs2-1-34-v2 is built for v1.34.7: v1.34.3 is refused as the operator's webhook does
    UpgradeCheck mismatch = UpgradeCheck.evaluate("openstack-scs2-1-33-v5", "v1.33.10", plan("scs2", "1.34", "v2", "v1.34.3"));
    assertFalse(mismatch.allowed(), mismatch.text());
    assertTrue(mismatch.refusals().get(0).fix().contains("use v1.34.7"), mismatch.text());
    // a release the catalogue does not know: only the minor was checked, said as a warning
    UpgradeCheck unknown = UpgradeCheck.evaluate("openstack-scs2-1-33-v5", "v1.33.10", plan("scs2", "1.34", "v2", "v1.34.7"),
        ReleaseCatalogue.empty());
    assertTrue(unknown.allowed(), unknown.text());
    assertTrue(unknown.warnings().get(0).contains("not in the release catalogue"), unknown.text());
  }

  @Test
  void aRawModePlanIsRefused() {
    ClusterPlan raw = Planner.plan(ClusterRequest.of(r -> r.clusterName("up").mode(OutputMode.RAW_CAPI)
        .kubernetesVersion("v1.34.7").controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
        .addWorkers(WorkerRequest.of(w -> w.name("md-0").replicas(2)))), CloudProfiles.bundled("scs-reference"));
    UpgradeCheck c = UpgradeCheck.evaluate("openstack-scs2-1-33-v5", "v1.33.10", raw);
    assertEquals(List.of("clusterPlan.mode"), c.refusals().stream().map(Problem::path).toList(), c.text());
    assertTrue(c.refusals().get(0).fix().contains("immutable"), c.text());
  }
}
