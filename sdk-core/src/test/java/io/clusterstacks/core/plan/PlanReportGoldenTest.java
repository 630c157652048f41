package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.cloud.Quota;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.model.OutputMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the planner's whole output, byte for byte, for the bundled profiles: the report of a feasible
 * request in both modes, of one with a deployment above the member quota (roomy quotas), and the messages and options of a pinned flavor that is missing and of a role
 * no flavor can satisfy. Planner changes that only make it faster must not change a byte.
 *
 * <p>When a change of the output is intended, rewrite the files with
 * {@code mvn -o -pl sdk-core test -Dtest=PlanReportGoldenTest -Dclusterstacks.golden.record=true} and review the diff.
 */
class PlanReportGoldenTest {

  private static final String DIR = "io/clusterstacks/core/plan/golden/";

  static List<String[]> cases() {
    List<String[]> out = new ArrayList<>();
    for (String profile : CloudProfiles.bundledNames()) {
      for (String kind : List.of("topology", "raw-capi", "roomy-split", "pinned-missing", "too-big")) {
        out.add(new String[] {profile, kind});
      }
    }
    return out;
  }

  private static ClusterRequest request(String kind) {
    ControlPlaneRequest cp = switch (kind) {
      case "pinned-missing" -> ControlPlaneRequest.of(c -> c.replicas(3).flavor("SCS-4V-8-50s"));
      case "too-big" -> ControlPlaneRequest.of(c -> c.replicas(3).requirements(RoleRequirements.of(r -> r.minVcpus(512))));
      default -> ControlPlaneRequest.of(c -> c.replicas(3));
    };
    OutputMode mode = kind.equals("raw-capi") ? OutputMode.RAW_CAPI : OutputMode.TOPOLOGY;
    return ClusterRequest.of(r -> {
      r.clusterName("golden").kubernetesVersion("v1.34.7").mode(mode).controlPlane(cp).addWorkers(WorkerRequest.of("md-0", 3));
      if (kind.equals("roomy-split")) {
        r.addWorkers(WorkerRequest.of("md-1", 10));
      }
    });
  }

  /** The bundled profile; with quotas roomy enough for a deployment above the member quota in "roomy-split". */
  private static CloudProfile cloud(String profile, String kind) {
    CloudProfile bundled = CloudProfiles.bundled(profile);
    if (!kind.equals("roomy-split")) {
      return bundled;
    }
    return CloudProfile.builder().from(bundled).quotas(Quotas.of(q -> q.instances(Quota.of(1000)).cores(Quota.of(100_000))
        .ramMiB(Quota.of(100_000_000)).serverGroups(Quota.of(50)))).build();
  }

  /** The plan's report, or the failure's type, message and options. */
  static String render(String profile, String kind) {
    try {
      return Planner.plan(request(kind), cloud(profile, kind)).report();
    } catch (FlavorNotFoundException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage() + "\nnearest: " + e.nearest() + "\n";
    } catch (InfeasiblePlanException e) {
      // the message lists the violations and options once; the structured options must be exactly those
      for (Alternative a : e.options()) {
        assertTrue(e.getMessage().contains("\n  * " + a + "\n") || e.getMessage().endsWith("\n  * " + a), a.toString());
      }
      return e.getClass().getSimpleName() + ": " + e.getMessage() + "\n";
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void theOutputIsUnchanged(String profile, String kind) throws IOException {
    String actual = render(profile, kind);
    String file = profile + "-" + kind + ".txt";
    if (Boolean.getBoolean("clusterstacks.golden.record")) {
      Path p = Path.of("src/test/resources", DIR, file);
      Files.createDirectories(p.getParent());
      Files.writeString(p, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = PlanReportGoldenTest.class.getClassLoader().getResourceAsStream(DIR + file)) {
      assertNotNull(in, "golden file " + DIR + file + " is missing; record it with -Dclusterstacks.golden.record=true");
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, profile + " " + kind);
    }
  }
}
