package io.clusterstacks.kubernetes;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for a Cluster with {@link TerminalProgress#forConsole}, as the command line's
 * {@code status --watch} does; run by {@link TerminalProgressIT} on a real terminal (tmux) and in a pipe.
 */
public final class ProgressDemo {
  private ProgressDemo() {}

  /**
   * Runs it.
   *
   * @param args kubeconfig, namespace, cluster
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    try (ManagementCluster mc = ManagementCluster.builder().kubeconfig(Path.of(args[0])).build()) {
      mc.awaitUsable(args[1], args[2], WaitOptions.of(o -> o.timeout(Duration.ofMinutes(2))),
          TerminalProgress.forConsole(out));
      out.println("USABLE");
    }
  }
}
