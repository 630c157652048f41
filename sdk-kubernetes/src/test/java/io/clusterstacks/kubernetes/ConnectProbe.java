package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.ManifestParser;

/**
 * The child process of {@link KubeconfigResolutionIT}: connects with {@link ManagementCluster#connect()}'s
 * resolution (no explicit kubeconfig; a context when one is given), prints what it resolved, then applies
 * a ConfigMap {@code resolved} without a namespace, so it lands in the resolved default namespace with the
 * resolved credentials. Runs in its own JVM so that the test controls its whole environment (HOME,
 * KUBECONFIG, KUBERNETES_SERVICE_HOST) without touching the build's.
 *
 * <p>Output, one {@code key=value} per line: {@code server}, {@code context}, {@code namespace},
 * {@code apply} (the verdict), {@code rejection} (code and message) or {@code invalid} (the first problem's path, value and fix).
 */
public final class ConnectProbe {
  private ConnectProbe() {}

  /**
   * Runs it.
   *
   * @param args the label written into the ConfigMap, then optionally a context
   */
  public static void main(String[] args) {
    ManagementCluster.Builder b = ManagementCluster.builder();
    if (args.length > 1) {
      b.context(args[1]);
    }
    try (ManagementCluster mc = b.build()) {
      System.out.println("server=" + mc.serverUrl());
      System.out.println("context=" + mc.context());
      System.out.println("namespace=" + mc.defaultNamespace());
      ApplyResult r = mc.apply(ManifestParser.parseLenient(
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: resolved}\ndata: {by: \"" + args[0] + "\"}\n"));
      ObjectOutcome o = r.outcomes().get(0);
      System.out.println("apply=" + o.verdict().name() + " " + o.object());
      o.rejection().ifPresent(e -> System.out.println("rejection=" + e.code() + " " + e.getMessage()));
    } catch (InvalidInputException e) {
      var p = e.problems().get(0);
      System.out.println("invalid=" + p.path() + " " + p.value() + ": " + p.fix());
    }
  }
}
