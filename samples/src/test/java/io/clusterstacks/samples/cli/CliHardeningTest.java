package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad invocations end with exit code 2 and a one-line reason, never a stack trace: numbers beyond
 * int in versions, profiles beyond the JSON reader's limits, manifests with numbers beyond any type,
 * special files (read neither forever nor blocking), and names with escape sequences (quoted).
 */
class CliHardeningTest {

  private static void assertInvalidInput(CliRun run, String... expected) {
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("error: ") || run.err().contains("Invalid value"), run.toString());
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception:"), "no stack trace: " + run);
    for (String e : expected) {
      assertTrue(run.err().contains(e), "'" + e + "' in " + run);
    }
  }

  @Test
  void versionNumbersBeyondIntAreRefusedByTheCommandLine() {
    for (String v : List.of("v2147483648.33.0", "v1.2147483648.0", "v1.33.99999999999", "1.99999999999")) {
      assertInvalidInput(CliRun.of("plan", "--release", "v1", "-k", v), "--kubernetes-version: got '" + v + "'");
    }
  }

  @Test
  void profilesBeyondTheReadersLimitsAreInvalidInput(@TempDir Path dir) throws IOException {
    Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(1001) + "]".repeat(1001));
    Path digits = Files.writeString(dir.resolve("digits.json"), "{\"name\": " + "1".repeat(1001) + "}");
    Path big = dir.resolve("big.json");
    Files.writeString(big, "{\"name\": \"" + "a".repeat(17 << 20) + "\"}");
    assertInvalidInput(CliRun.of("plan", "--profile", deep.toString()));
    assertInvalidInput(CliRun.of("plan", "--profile", digits.toString()));
    assertInvalidInput(CliRun.of("plan", "--profile", big.toString()), "is larger than 16 MiB");
  }

  @Test
  void manifestsWithNumbersBeyondAnyTypeAreNotAStackTrace(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("c.yaml"), "apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\n"
        + "metadata:\n  name: a\nspec:\n  topology:\n    class: openstack-scs-2147483648-1-v1\n"
        + "    version: v1.2147483648.0\n    controlPlane: {replicas: 1e400}\n");
    CliRun run = CliRun.of("validate", f.toString());
    assertTrue(run.exitCode() == ClusterStacksCli.EXIT_INVALID_INPUT
        || run.exitCode() == ClusterStacksCli.EXIT_VALIDATION_FAILED, run.toString());
    assertFalse(run.err().contains("\tat "), run.toString());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void devicesAndPipesAreNamedAsWhatTheyAreAndNeverRead(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("profile.json");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    for (String f : List.of("/dev/null", "/dev/zero")) {
      assertInvalidInput(CliRun.of("plan", "--profile", f), "is a character device");
      assertInvalidInput(CliRun.of("validate", f), "is a character device");
    }
    assertInvalidInput(CliRun.of("plan", "--profile", fifo.toString()), "is a FIFO (named pipe)");
    assertInvalidInput(CliRun.of("validate", fifo.toString()), "is a FIFO (named pipe)");
    assertInvalidInput(CliRun.of("plan", "--profile", dir.toString()), "is a folder");
    CliRun missing = CliRun.of("validate", dir.resolve("nope.yaml").toString());
    assertInvalidInput(missing, "no such file or folder");
  }

  @Test
  void escapeSequencesInNamesNeverReachTheTerminalRaw(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("s.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        + "  name: \"a\\e]0;owned\\a\\e[2J\"\n  bogus: 1\n");
    for (CliRun run : List.of(CliRun.of("plan", "--cluster-name", "a\u001b]0;x\u0007"),
        CliRun.of("flavor", "SCS-\u001b[31m2V-4"), CliRun.of("plan", "-k", "\u009b31m"),
        CliRun.of("validate", f.toString()), CliRun.of("plan", "--bogus\u001b[2J"))) {
      String all = run.out() + run.err();
      assertTrue(all.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b), run.toString());
      assertTrue(all.contains("\\u001B") || all.contains("\\u009B"), run.toString());
    }
  }

  @Test
  void unreadableBytesAreNotUtf8(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.json");
    Files.write(f, new byte[] {'{', '"', (byte) 0xff, '"', '}'});
    assertInvalidInput(CliRun.of("plan", "--profile", f.toString()), "is not UTF-8 text");
  }

  @Test
  void planWritesThePlacementMapAsSvg(@TempDir Path dir) throws IOException {
    Path svg = dir.resolve("map.svg");
    CliRun run = CliRun.of("plan", "--svg", svg.toString());
    assertEquals(0, run.exitCode(), run.toString());
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("<svg ") && text.contains("font-family=\"DejaVu Sans\"")
        && text.contains(">compute-1</text>"), text);
    assertInvalidInput(CliRun.of("plan", "--svg", dir.toString()), "is a folder");
    assertInvalidInput(CliRun.of("plan", "--svg", dir.resolve("no/such/map.svg").toString()),
        "its folder does not exist");
  }
}
