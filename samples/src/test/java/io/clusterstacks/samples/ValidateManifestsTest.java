package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ValidateManifests} sample on a folder with one valid and one invalid file. */
class ValidateManifestsTest {

  @Test
  void countsTheFilesWithViolationsAndPrintsEachReport(@TempDir Path dir) throws IOException {
    Files.copy(SharedDir.example("06-scs-custom-channel-clusterstack-and-cluster.yaml"), dir.resolve("a-valid.yaml"));
    Files.createDirectories(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/b-invalid.yaml"),
        "apiVersion: clusterstack.x-k8s.io/v1alpha1\nkind: ClusterStack\nmetadata:\n  name: openstack\n"
            + "  namespace: cluster\nspec:\n  provider: openstack\n  name: scs2\n  kubernetesVersion: \"1.33\"\n"
            + "  channel: beta\n  noProvider: true\n  versions: [v1]\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int invalid = ValidateManifests.validateFolder(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(1, invalid, out);
    assertTrue(out.contains("a-valid.yaml: 2 document(s), 0 violation(s)"), out);
    assertTrue(out.contains("b-invalid.yaml: 1 document(s), 1 violation(s)"), out);
    assertTrue(out.contains("spec.channel"), out);
  }
}
