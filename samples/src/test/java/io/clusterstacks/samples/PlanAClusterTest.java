package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.validation.CrdValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlanAClusterTest {

  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String CP_ID = "5f0c2d1e-8a3b-4c7d-9e6f-102132435465";
  private static final String MD_ID = "6a1d3e2f-9b4c-4d8e-8f7a-213243546576";

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      PlanACluster.main(args);
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** The UUIDs in a text that neither the cloud profile nor the arguments contain: invented ones. */
  private static List<String> inventedUuids(String out, String... given) {
    String profile = CloudProfiles.toJson(CloudProfiles.bundled("scs-reference"));
    List<String> invented = new ArrayList<>();
    Matcher m = UUID.matcher(out);
    while (m.find()) {
      if (!profile.contains(m.group()) && !List.of(given).contains(m.group())) {
        invented.add(m.group());
      }
    }
    return invented;
  }

  private static final Pattern YAML_LINE = Pattern.compile("^(---|- .*|\\s.*|(apiVersion|kind|metadata|spec|data|stringData|type):.*)$");

  /** The block of YAML documents (consecutive YAML lines from a {@code ---}) that contains a text. */
  private static String yamlWith(String out, String mustContain) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : out.lines().toList()) {
      if (current == null && line.equals("---")) {
        current = new StringBuilder();
      }
      if (current != null) {
        if (YAML_LINE.matcher(line).matches()) {
          current.append(line).append('\n');
          continue;
        }
        blocks.add(current.toString());
        current = null;
      }
    }
    if (current != null) {
      blocks.add(current.toString());
    }
    return blocks.stream().filter(b -> b.contains(mustContain)).findFirst()
        .orElseThrow(() -> new AssertionError("no YAML with " + mustContain + " in\n" + out));
  }

  @Test
  void withoutIdsItSaysWhichGroupsToCreateHowAndWhyTopologyCannotRenderYet() {
    String out = run();
    assertTrue(out.contains("Flavor: SCS-2V-4-20s"), out);
    assertTrue(out.contains("Trade-off: Surge-safe upgrades"), out);
    assertTrue(out.contains("openstack --os-compute-api-version 2.64 server group create --policy anti-affinity"
        + " --rule max_server_per_host=2 prod-control-plane"), out);
    assertTrue(out.contains("server group create --policy anti-affinity --rule max_server_per_host=2 prod-md-0"), out);
    assertTrue(out.contains("Topology mode, not yet: cannot render cluster prod in TOPOLOGY mode"),
        "the typed exception's message: " + out);
    assertTrue(out.contains("`openstack --os-compute-api-version 2.64 server group create --policy anti-affinity"
        + " --rule max_server_per_host=2 prod-md-0`"), "the message's command creates the planned group: " + out);
    assertFalse(out.contains("controlPlaneServerGroupID"), "no topology manifests without IDs: " + out);
    assertEquals(List.of(), inventedUuids(out));
    // raw CAPI mode: ORC creates the groups, the manifests are complete and valid
    String raw = yamlWith(out, "kind: KubeadmControlPlane");
    assertTrue(raw.contains("kind: ServerGroup"), raw);
    assertTrue(CrdValidator.strict().validateYaml(raw).isValid(), CrdValidator.strict().validateYaml(raw).summary());
    assertTrue(out.contains("no plan for control-plane"), out);
    assertTrue(out.contains("use raw CAPI mode"), out);
    assertTrue(out.contains("placement map SVG: "), out);
  }

  @Test
  void withTheCreatedGroupsIdsItRendersTheClusterStackAndTheCluster() {
    String out = run("prod-control-plane=" + CP_ID, "prod-md-0=" + MD_ID);
    String topology = yamlWith(out, "kind: ClusterStack");
    assertTrue(topology.contains("class: openstack-scs2-1-34-v2"), topology);
    assertTrue(topology.contains("value: " + CP_ID), topology);
    assertTrue(topology.contains("value: " + MD_ID), topology);
    assertTrue(CrdValidator.strict().validateYaml(topology).isValid(), CrdValidator.strict().validateYaml(topology).summary());
    assertFalse(out.contains("cannot render cluster prod"), out);
    assertEquals(List.of(), inventedUuids(out, CP_ID, MD_ID));
  }

  @Test
  void argumentsAreNameEqualsId() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("prod-control-plane"));
    assertTrue(e.getMessage().contains("NAME=ID"), e.getMessage());
  }
}
