package io.clusterstacks.kamaji.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kamaji.Kamaji;
import io.clusterstacks.kubernetes.ManagementCluster;
import io.clusterstacks.kubernetes.lab.KubernetesLab;
import io.clusterstacks.openstack.CloudsYaml;
import io.clusterstacks.openstack.OpenStackClient;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * End to end on both labs: real servers booted on the OpenStack lab's Nova (fake-driver computes), Node
 * objects on the Kubernetes lab with {@code providerID: openstack:///<server id>} as the cloud controller
 * manager would set them (none runs here: the test writes them), then labelling: each node's label equals
 * its server's {@code hostId} as the {@code openstack} command line shows it; a second run changes
 * nothing; a label set wrong is found stale and corrected.
 */
class LabelNodesOnTheLabsIT {
  private static final Path OS_LAB = Path.of(System.getProperty("clusterstacks.openstack.lab.dir",
      "/var/lib/clusterstacks-lab/openstack"));

  @Test
  void nodesOfRealLabServersGetTheirHostIdAndReRunsChangeNothing() throws Exception {
    String run = Long.toString(System.nanoTime() % 1_000_000L, 36);
    List<String> servers = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    KubernetesClient k8s = KubernetesLab.get().newClient();
    try (OpenStackClient os = OpenStackClient.connect(CloudsYaml.load("lab-member", environment()));
        ManagementCluster mgmt = ManagementCluster.builder().kubeconfig(KubernetesLab.get().kubeconfig()).build()) {
      // one request boots both (Nova names them <name>-1 and <name>-2); each openstack call costs seconds
      openstack("--os-compute-api-version", "2.37", "server", "create", "--flavor", "SCS-1L-1-5", "--image", "lab-tiny",
          "--nic", "none", "--min", "2", "--max", "2", "--wait", "label-it-" + run);
      for (String line : openstack("server", "list", "--name", "^label-it-" + run + "-", "-f", "value", "-c", "ID")
          .strip().split("\n")) {
        servers.add(line.strip());
      }
      assertEquals(2, servers.size(), servers.toString());
      List<String> hostIds = new ArrayList<>();
      for (String s : servers) {
        hostIds.add(openstack("server", "show", "-f", "value", "-c", "hostId", s).strip());
      }
      for (int i = 0; i < servers.size(); i++) {
        String name = "label-it-" + run + "-" + i;
        nodes.add(name);
        k8s.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata()
            .withNewSpec().withProviderID(HypervisorLabels.OPENSTACK_PROVIDER_PREFIX + servers.get(i)).endSpec().build())
            .create();
      }

      HypervisorLabeller.Result first = HypervisorLabeller.label(mgmt, os, false);
      assertTrue(first.applied().complete(), first.applied().toString());
      for (int i = 0; i < servers.size(); i++) {
        String hostId = hostIds.get(i);
        assertEquals(56, hostId.length(), "a hostId as Nova gives it: " + hostId);
        assertEquals(hostId, k8s.nodes().withName(nodes.get(i)).get().getMetadata().getLabels().get(Kamaji.HYPERVISOR_LABEL));
      }
      HypervisorLabeller.Result second = HypervisorLabeller.label(mgmt, os, false);
      assertTrue(second.labels().of(LabelFinding.Kind.NEW).stream().noneMatch(f -> nodes.contains(f.node())), second.labels().report());
      assertTrue(second.labels().of(LabelFinding.Kind.STALE).stream().noneMatch(f -> nodes.contains(f.node())));

      // a wrong label (as a live migration leaves it) is stale and corrected
      // a merge patch (no resourceVersion, so no conflict with the node controller writing the Node too)
      k8s.nodes().withName(nodes.get(0)).patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"metadata\":{\"labels\":{\"" + Kamaji.HYPERVISOR_LABEL + "\":\"" + "0".repeat(56) + "\"}}}");
      HypervisorLabeller.Result third = HypervisorLabeller.label(mgmt, os, false);
      assertTrue(third.applied().complete(), third.applied().toString());
      assertEquals(List.of(nodes.get(0)), third.labels().of(LabelFinding.Kind.STALE).stream().map(LabelFinding::node)
          .filter(nodes::contains).toList());
      assertEquals(hostIds.get(0), k8s.nodes().withName(nodes.get(0)).get().getMetadata().getLabels().get(Kamaji.HYPERVISOR_LABEL));
    } finally {
      for (String n : nodes) {
        k8s.nodes().withName(n).delete();
      }
      if (!servers.isEmpty()) {
        List<String> delete = new ArrayList<>(List.of("server", "delete", "--wait"));
        delete.addAll(servers);
        openstack(delete.toArray(String[]::new));
      }
      k8s.close();
    }
  }

  private static CloudsYaml.Environment environment() {
    Map<String, String> vars = new HashMap<>();
    vars.put("OS_CLIENT_CONFIG_FILE", OS_LAB.resolve("clouds.yaml").toString());
    vars.put("OS_CLIENT_SECURE_FILE", OS_LAB.resolve("secure.yaml").toString());
    return new CloudsYaml.Environment(vars, OS_LAB, OS_LAB.resolve("no-home"), OS_LAB.resolve("no-etc"));
  }

  /** The openstack command line as the lab's member user; its output, or an AssertionError with stderr. */
  private static String openstack(String... args) throws Exception {
    if (!Files.isRegularFile(OS_LAB.resolve("clouds.yaml"))) {
      throw new AssertionError("the OpenStack lab is not set up: " + OS_LAB.resolve("clouds.yaml") + " is missing."
          + " Run ./bin/test-all (or lab/openstack/ensure), then the tests again");
    }
    List<String> cmd = new ArrayList<>(List.of("openstack", "--os-cloud", "lab-member"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("OS_CLIENT_CONFIG_FILE", OS_LAB.resolve("clouds.yaml").toString());
    pb.environment().put("OS_CLIENT_SECURE_FILE", OS_LAB.resolve("secure.yaml").toString());
    Process p = pb.start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError("openstack " + String.join(" ", args) + " failed: " + err);
    }
    return out;
  }
}
