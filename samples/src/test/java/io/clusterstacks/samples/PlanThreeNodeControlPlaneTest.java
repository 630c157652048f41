package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.validation.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link PlanThreeNodeControlPlane} sample, before and after the server groups exist. */
class PlanThreeNodeControlPlaneTest {

  @Test
  void withoutServerGroupIdsPrintsThePlanAndTheGroupsToCreate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Optional<ValidationReport> report = PlanThreeNodeControlPlane.planAndPrint(Map.of(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(report.isEmpty());
    assertTrue(out.contains("Control plane: 3 replicas"), out);
    assertTrue(out.contains("Placement map:"), out);
    assertTrue(out.contains("server group to create: prod-control-plane (anti-affinity"), out);
    assertTrue(out.contains("server group to create: prod-md-0"), out);
  }

  @Test
  void withServerGroupIdsPrintsYamlThatPassesStrictValidation() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Optional<ValidationReport> report = PlanThreeNodeControlPlane.planAndPrint(
        Map.of("prod-control-plane", "2a1e6b9c-5d0e-4a47-9d7e-0c6f4a1b2c3d",
            "prod-md-0", "7b2f0c1d-3e4a-4b5c-8d6e-9f0a1b2c3d4e"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(report.isPresent(), out);
    assertTrue(report.get().isValid(), report.get().summary());
    assertTrue(out.contains("class: openstack-scs2-1-34-v2"), out);
    assertTrue(out.contains("controlPlaneServerGroupID"), out);
    assertEquals(1, report.get().documents().stream().filter(d -> d.kind().equals("Cluster")).count(), out);
  }
}
