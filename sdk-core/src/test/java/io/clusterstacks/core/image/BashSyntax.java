package io.clusterstacks.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code /bin/bash -n} (parse only, nothing executed) on shell text. */
final class BashSyntax {
  private BashSyntax() {}

  static void assertParses(String script) {
    assertParses("/bin/bash", script);
  }

  static void assertParses(String shell, String script) {
    try {
      Path f = Files.createTempFile("bootstrap-", ".sh");
      try {
        Files.writeString(f, script + "\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(shell, "-n", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError(shell + " -n timed out");
        }
        assertEquals(0, p.exitValue(), () -> shell + " -n rejected:\n" + script + "\n--- " + out);
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new AssertionError("could not run " + shell + " -n: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
