package io.clusterstacks.core.plan;

import io.clusterstacks.core.manifest.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.image.ContainerRuntime;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImageSupport;
import io.clusterstacks.core.image.NodeShape;
import io.clusterstacks.core.image.UbuntuNodeSetup;
import io.clusterstacks.core.image.UnsupportedCombinationException;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackGeneration;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The planner and the image strategies: the strategy checks the machines as planned (flavor and root
 * volume), the report shows the whole image plan, and a topology request may switch to raw CAPI mode
 * when it allows it.
 */
class PlanImageTest {

  private static final ClusterClassName SCS2 = ClusterClassName.of("scs2", "1.34", "v2");

  private static ClusterPlan plan(Consumer<ClusterRequest.Builder> spec) {
    return Planner.plan(ClusterRequest.of(r -> {
      r.clusterName("img").className(SCS2).addWorkers(WorkerRequest.of("md-0", 3));
      spec.accept(r);
    }), CloudProfiles.bundled("scs-reference"));
  }

  private static void assertValid(Manifests m) {
    Map<String, String> versions = new LinkedHashMap<>();
    for (StackRelease r : ReleaseCatalogue.builtIn().releases()) {
      versions.put(r.className().format(), r.kubernetesVersion());
    }
    ValidationReport r = CrdValidator.builder().releaseKubernetesVersions(versions).build().validate(m);
    assertTrue(r.violations().isEmpty(), r.violations().toString());
  }

  /** A strategy that plans like the pre-built image and records the requests it was given. */
  private static final class Recording implements ImageStrategy {
    final ImageStrategy inner = ImageStrategies.capiImage();
    final List<ImageRequest> requests = new ArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public String description() {
      return "records requests";
    }

    @Override
    public ImageSupport support(Optional<StackGeneration> generation, OutputMode mode) {
      return inner.support(generation, mode);
    }

    @Override
    public ImagePlan planSupported(ImageRequest request) {
      requests.add(request);
      return ImagePlan.builder().from(inner.planSupported(request)).strategy(name()).build();
    }
  }

  // ---------------------------------------------------------------- 1: the real machine shape

  @Test
  void ubuntuInRawModeChecksTheDisklessWorkersPlannedRootVolume() {
    ClusterPlan p = plan(r -> r.mode(OutputMode.RAW_CAPI).imageStrategy(ImageStrategies.generalPurposeUbuntu()));
    RolePlan md0 = p.worker("md-0").orElseThrow();
    assertEquals(0, md0.flavor().flavor().diskGB(), "the worker flavor is diskless: " + md0.flavor().name());
    assertFalse(md0.rootDisk().fromFlavorDisk());
    assertEquals(20, md0.rootDisk().volumeGiB());
    assertTrue(md0.image().warnings().stream().noneMatch(w -> w.contains("no root volume")), md0.image().warnings().toString());
    assertTrue(md0.image().requirementsMet(), md0.image().requirements().toString());
    assertFalse(p.report().contains("no root volume is set"), p.report());
  }

  @Test
  void theStrategyIsAskedAboutEachRolesFlavorAndRootVolume() {
    Recording strategy = new Recording();
    ClusterPlan p = plan(r -> r.mode(OutputMode.RAW_CAPI).imageStrategy(strategy));
    RolePlan cp = p.controlPlane().orElseThrow();
    RolePlan md0 = p.worker("md-0").orElseThrow();
    List<List<NodeShape>> asked = strategy.requests.stream().map(ImageRequest::shapes).toList();
    assertTrue(asked.contains(List.of(NodeShape.of("control-plane", cp.flavor().flavor()))),
        "the control plane boots from its flavor's disk: " + asked);
    assertTrue(asked.contains(List.of(NodeShape.withRootVolume("md-0", md0.flavor().flavor(), md0.rootDisk().volumeGiB()))),
        "the worker boots from the planned root volume: " + asked);
    assertEquals(List.of(NodeShape.withRootVolume("md-0", md0.flavor().flavor(), 20)), lastFor(strategy, "md-0"));
  }

  private static List<NodeShape> lastFor(Recording strategy, String role) {
    List<NodeShape> last = List.of();
    for (ImageRequest r : strategy.requests) {
      if (!r.shapes().isEmpty() && r.shapes().get(0).role().equals(role)) {
        last = r.shapes();
      }
    }
    return last;
  }

  // ---------------------------------------------------------------- 2: the image plan in the report

  @Test
  void theReportShowsTheImagePlansTradeOffsRequirementsAndWarnings() {
    UbuntuNodeSetup setup = UbuntuNodeSetup.of(s -> s.runtime(ContainerRuntime.ubuntuContainerd()));
    ClusterPlan p = plan(r -> r.mode(OutputMode.RAW_CAPI).imageStrategy(ImageStrategies.generalPurposeUbuntu(setup)));
    String report = p.report();
    ImagePlan image = p.worker("md-0").orElseThrow().image();
    assertFalse(image.tradeOffs().isEmpty());
    assertFalse(image.warnings().isEmpty());
    for (String line : image.describe().split("\n")) {
      assertTrue(report.contains(line.strip()), "the report lacks '" + line.strip() + "':\n" + report);
    }
    assertTrue(report.contains("trade-off: every node downloads"), report);
    assertTrue(report.contains("warning: Ubuntu's containerd follows Ubuntu's release"), report);
    assertTrue(report.contains("requires: [ensure] nodes reach"), report);
  }

  @Test
  void ubuntuInTopologyModeFailsUnlessTheRequestAllowsTheSwitch() {
    UnsupportedCombinationException e = assertThrows(UnsupportedCombinationException.class,
        () -> plan(r -> r.imageStrategy(ImageStrategies.generalPurposeUbuntu())));
    assertTrue(e.getMessage().contains("ClusterRequest.allowRawCapiSwitch(true)"), e.getMessage());
    assertFalse(ClusterRequest.of(r -> r.className(SCS2)).allowRawCapiSwitch());
  }

  @Test
  void anAllowedSwitchPlansAndRendersRawCapiModeAndAnnouncesItsCost() {
    ClusterPlan p = plan(r -> r.imageStrategy(ImageStrategies.generalPurposeUbuntu()).allowRawCapiSwitch(true));
    assertEquals(OutputMode.TOPOLOGY, p.request().mode());
    assertEquals(OutputMode.RAW_CAPI, p.mode());
    assertTrue(p.modeReason().contains("switched from topology"), p.modeReason());
    // raw mode's planning: scs-reference's 3 hypervisors keep hard anti-affinity with maxSurge 0
    RolePlan cp = p.controlPlane().orElseThrow();
    assertEquals(0, cp.placement().maxSurge());
    assertEquals(PlacementPolicy.antiAffinity(), cp.placement().policy());
    assertTrue(cp.rootDisk().expression().startsWith("no rootVolume"), cp.rootDisk().expression());
    for (RolePlan role : p.roles()) {
      assertEquals(OutputMode.RAW_CAPI, role.image().mode());
      assertTrue(role.image().modeSwitch().isPresent());
    }
    List<PlanWarning> image = p.warnings(PlanWarning.Code.IMAGE);
    assertEquals(1, image.stream().filter(w -> w.message().contains("switched from topology")).count(), image.toString());
    assertTrue(image.stream().anyMatch(w -> w.message().contains("not installed by the cluster stack operator")), image.toString());
    String report = p.report();
    assertTrue(report.contains("mode: RAW_CAPI - switched from topology to raw CAPI mode"), report);
    assertTrue(report.contains("trade-off: the cluster stack's addons"), report);
    // ORC creates the server groups: no IDs needed, and the manifests are raw CAPI
    assertTrue(p.serverGroupsToCreate().size() >= 1);
    Manifests m = p.manifests();
    assertValid(m);
    assertEquals(1, m.ofKind("KubeadmControlPlane").size());
    assertEquals(0, TestTrees.tree(m.ofKind("KubeadmControlPlane").get(0)).at("/spec/rolloutStrategy/rollingUpdate/maxSurge").asInt());
    assertFalse(m.ofKind("ServerGroup").isEmpty());
    assertTrue(TestTrees.tree(m.ofKind("Cluster").get(0)).at("/spec/topology").isMissingNode());
  }

  @Test
  void theSwitchIsOnlyMadeWhenTheStrategyNeedsIt() {
    ClusterPlan p = plan(r -> r.allowRawCapiSwitch(true));
    assertEquals(OutputMode.TOPOLOGY, p.mode());
    assertTrue(p.roles().stream().allMatch(role -> role.image().modeSwitch().isEmpty()));
    assertTrue(p.modeReason().startsWith("topology mode (as requested)"), p.modeReason());
  }
}
