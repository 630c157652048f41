package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.stack.ClusterClassName;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The bundled SCS reference cloud (3 hypervisors, exact) with a 3-node control plane in topology mode. */
class ReferenceCloudPlanTest {

  private final ClusterPlan plan = Planner.plan(ClusterRequest.of(r -> r.clusterName("prod").kubernetesVersion("v1.34.7")
      .className(ClusterClassName.of("scs2", "1.34", "v1")).addWorkers(WorkerRequest.of("md-0", 3))),
      CloudProfiles.bundled("scs-reference"));

  private RolePlan cp() {
    return plan.controlPlane().orElseThrow();
  }

  @Test
  void theControlPlaneGetsTheLocalSsdFlavor() {
    assertEquals("SCS-2V-4-20s", cp().flavor().name());
    assertEquals(StorageClass.LOCAL_SSD, cp().flavor().storage());
    assertTrue(cp().rootDisk().fromFlavorDisk());
  }

  @Test
  void thePolicyDecisionStatesTheSurgeAndMaintenanceTradeOff() {
    PolicyDecision d = cp().placement();
    assertEquals(PlacementPolicy.maxPerHost(2), d.policy());
    String t = d.tradeOff().orElseThrow();
    // the conflict: surge-safe upgrades vs one member per host
    assertTrue(t.contains("Surge-safe upgrades and one member per hypervisor cannot both be had on 3 hypervisors"), t);
    assertTrue(t.contains("4 members") && t.contains("ERROR (No valid host was found)"), t);
    // the price: two members on one host after an upgrade, and maintenance powers local-SSD servers off
    assertTrue(t.contains("2 members can share a hypervisor"), t);
    assertTrue(t.contains("maintenance (local-disk servers are powered off, not migrated)"), t);
    assertTrue(t.contains("etcd loses quorum"), t);
  }

  @Test
  void theAlternativesAreAnotherHypervisorRawModeAndASofterPolicy() {
    List<String> changes = cp().placement().alternatives().stream().map(Alternative::change).toList();
    assertEquals("add 1 hypervisor serving SCS-2V-4-20s (4 in total)", changes.get(0));
    assertEquals("raw CAPI mode with control-plane maxSurge 0", changes.get(1));
    assertEquals("soft-anti-affinity", changes.get(2));
    assertTrue(cp().placement().alternatives().get(0).outcome().startsWith("anti-affinity, one member per host"));
    assertTrue(cp().placement().alternatives().get(2).outcome().contains("quorum can be lost"));
  }

  @Test
  void theQuorumAnalysisStatesTheWorstCaseAndTheScs0214Verdict() {
    QuorumAnalysis q = plan.quorum().orElseThrow();
    assertEquals(2, q.worstCasePerHost());
    assertEquals(2, q.quorum());
    assertTrue(q.hostLoss().contains("Worst case 2 of 3 members on one hypervisor"), q.hostLoss());
    assertEquals(Scs0214Verdict.GUARANTEED, q.scs0214());
  }

  @Test
  void theReportShowsDecisionsReasonsAndTheMap() {
    String report = plan.report();
    for (String part : List.of("Control plane: 3 replicas", "Flavor: SCS-2V-4-20s", "runners-up:", "Trade-off:",
        "Alternatives:", "Quorum: 3 etcd members", "Quotas", "Warnings:", "Placement map:", "compute-1",
        "Workers 'md-0': 3 replicas", "controlPlaneRootDisk: 0")) {
      assertTrue(report.contains(part), part + "\n" + report);
    }
    assertEquals(report, Planner.plan(plan.request(), plan.cloud()).report(), "deterministic");
  }

  @Test
  void thePlacementMapRendersAsTextAndWellFormedSvg() throws Exception {
    PlacementMap map = plan.placementMap();
    assertEquals(1, map.sections().size());
    assertEquals(List.of(1, 1, 1), map.sections().get(0).roles().get(0).membersPerHost());
    String text = map.toText();
    assertTrue(text.contains("worst case/host") && text.contains("md-0"), text);
    String svg = map.toSvg();
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getNodeName());
    // 3 control-plane + 3 worker members drawn as dots
    assertEquals(6, doc.getElementsByTagName("circle").getLength());
  }
}
