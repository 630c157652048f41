package io.clusterstacks.kamaji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Planning and rendering need only sdk-core: a JVM whose class path is this test's without sdk-kubernetes,
 * sdk-openstack, fabric8, openstack4j and their HTTP stacks plans and renders a Kamaji cluster, and the
 * child checks that those classes are really absent.
 */
class OnlyCoreAndKamajiTest {
  private static final Pattern OPTIONAL = Pattern.compile(
      ".*(sdk-kubernetes|sdk-openstack|fabric8|openstack4j|vertx|netty|okhttp|junit|opentest4j|apiguardian|mockito).*");

  @Test
  void aKamajiClusterPlansAndRendersWithOnlySdkCoreAndSdkKamaji() throws Exception {
    List<String> cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !OPTIONAL.matcher(e).matches()).toList();
    assertTrue(cp.stream().anyMatch(e -> e.contains("sdk-core")), cp.toString());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, cp),
        OnlyCoreAndKamajiMain.class.getName()).redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done, "the child JVM did not finish in 120 s: " + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("KamajiControlPlane") && out.contains("Cluster") && out.contains("\nvalid true"), out);
    assertTrue(out.contains("raw valid true") && out.contains("Cluster, OpenStackCluster, "
        + "KamajiControlPlane, "), out);
    assertTrue(out.contains("sdk-kamaji (io.clusterstacks.kamaji.validation.KamajiValidation) (discovered)"),
        "the Kamaji CEL rules came with sdk-kamaji: " + out);
  }
}
