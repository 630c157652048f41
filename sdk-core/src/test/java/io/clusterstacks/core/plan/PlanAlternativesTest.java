package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.model.OutputMode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The alternatives listed for a control-plane decision are distinct pieces of advice. */
class PlanAlternativesTest {

  @ParameterizedTest
  @EnumSource(OutputMode.class)
  void everyAlternativeIsListedOnce(OutputMode mode) {
    // Raw mode on 3 hypervisors weighs every softer policy with maxSurge 0 and 1; both evaluations of one
    // policy give the same advice, which must appear once, not once per surge.
    ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod").kubernetesVersion("v1.34.7")
        .mode(mode).controlPlane(ControlPlaneRequest.of(cp -> cp.replicas(3)))
        .addWorkers(WorkerRequest.of("md-0", 3))), CloudProfiles.bundled("scs-reference"));
    List<String> changes = plan.controlPlane().orElseThrow().placement().alternatives().stream()
        .map(Alternative::change).toList();
    assertEquals(changes.stream().distinct().toList(), changes, "alternatives: " + changes);
  }
}
