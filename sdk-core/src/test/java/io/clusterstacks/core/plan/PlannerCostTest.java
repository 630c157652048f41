package io.clusterstacks.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The planner's cost depends on the number of roles, groups and hypervisors, not on replica counts:
 * 2,147,483,646 workers are planned (or refused with a typed error) in a separate JVM limited to a 64 MiB
 * heap, which per-replica arrays or loops could not survive (4 bytes per worker alone are 8 GiB). The
 * answer comes within a bound that is not a timing claim: 5 minutes is only the test's hang guard.
 */
class PlannerCostTest {

  @Test
  void twoBillionWorkersArePlannedOrRefusedWithinA64MiBHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp",
        System.getProperty("java.class.path"), HugePlanMain.class.getName()).redirectErrorStream(true);
    Process p = pb.start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(done, "no answer in 5 minutes: " + out);
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().filter(l -> l.contains(": ")).toList();
    assertEquals(4, lines.size(), out);
    // the reference cloud's 10 instances cannot hold them: a typed refusal naming the quota
    assertTrue(lines.get(0).startsWith("reference quotas: InfeasiblePlanException"), out);
    assertTrue(lines.get(0).contains("instances"), out);
    // unlimited quotas but 10 members per group: a split would need 238,609,295 groups, more than the planner
    // makes, so the workers get no server group, in one deployment
    assertTrue(lines.get(1).startsWith("unlimited quotas, 10 members per group: plan 2147483646 workers, no server group,"
        + " 1 deployment(s)"), out);
    // unlimited members: one group, capped per host
    assertTrue(lines.get(2).startsWith("unlimited quotas and members: plan 2147483646 workers, anti-affinity with"
        + " max_server_per_host="), out);
    // 2^31-1 hypervisors: planned, and the map lists 200 of them (a per-host array would need 16 GiB)
    assertTrue(lines.get(3).startsWith("2147483647 hypervisors: plan 2147483646 workers"), out);
    assertTrue(lines.get(3).endsWith("map lists 200 hosts and 2147483447 more"), out);
  }
}
