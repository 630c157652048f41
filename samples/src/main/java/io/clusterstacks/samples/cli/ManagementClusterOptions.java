package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.manifest.ManifestParser;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.kubernetes.ManagementCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every management-cluster command shares: which kubeconfig and which context. */
final class ManagementClusterOptions {
  /** Exit code when the management cluster refused an object or did not answer. */
  static final int EXIT_API_ERROR = 5;
  /** Exit code when a wait or a delete ran out of time. */
  static final int EXIT_TIMEOUT = 6;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "The management cluster's kubeconfig (default: KUBECONFIG, then ~/.kube/config, then in-cluster).")
  Optional<Path> kubeconfig = Optional.empty();

  @Option(names = "--context", paramLabel = "NAME", description = "A kubeconfig context (default: its current context).")
  Optional<String> context = Optional.empty();

  ManagementCluster connect() {
    ManagementCluster.Builder b = ManagementCluster.builder();
    kubeconfig.ifPresent(b::kubeconfig);
    context.ifPresent(b::context);
    return b.build();
  }

  /** The manifests of the files, in the files' order. */
  static Manifests read(List<Path> files) {
    Manifests all = Manifests.of(List.of(), List.of());
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ClusterStacksException(f + ": cannot be read (" + e.getClass().getSimpleName()
            + "); name a readable UTF-8 manifest file");
      }
      all = all.plus(ManifestParser.parseLenient(text));
    }
    return all;
  }
}
