package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlanAClusterTest {
  @Test
  void plansRendersAndExplainsTheInfeasibleRequest() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      PlanACluster.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("Flavor: SCS-2V-4-20s"), out);
    assertTrue(out.contains("Trade-off: Surge-safe upgrades"), out);
    assertTrue(out.contains("kind: Cluster"), out);
    assertTrue(out.contains("controlPlaneServerGroupID"), out);
    assertTrue(out.contains("no plan for control-plane"), out);
    assertTrue(out.contains("use raw CAPI mode"), out);
    assertTrue(out.contains("placement map SVG: "), out);
  }
}
