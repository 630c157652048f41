package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterstacks plan} and the no-argument default: report, placement map, YAML, validation, exit codes. */
class PlanCommandTest {

  private static final String CP_GROUP = "cluster-control-plane=2a1e6b9c-5d0e-4a47-9d7e-0c6f4a1b2c3d";
  private static final String MD_GROUP = "cluster-md-0=7b2f0c1d-3e4a-4b5c-8d6e-9f0a1b2c3d4e";

  /** The YAML between the "Manifests (N documents):" line and the validation summary. */
  private static String yamlOf(String out) {
    List<String> lines = out.lines().collect(Collectors.toList());
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Manifests (")) {
        start = i + 1;
      } else if (lines.get(i).startsWith("Strict validation against the upstream CRDs:")) {
        end = i;
      }
    }
    assertTrue(start > 0 && end > start, out);
    return String.join("\n", lines.subList(start, end)) + "\n";
  }

  @Test
  void noArgumentsPrintsPlanPlacementMapAndYamlThatPassesStrictValidation() {
    CliRun run = CliRun.of();
    assertEquals(ClusterStacksCli.EXIT_OK, run.exitCode(), run.toString());
    String out = run.out();
    assertTrue(out.startsWith("Cluster plan: cluster, Kubernetes v1.34.7, on cloud profile 'scs-reference'"), out);
    assertTrue(out.contains("Control plane: 3 replicas"), out);
    assertTrue(out.contains("Workers 'md-0': 3 replicas"), out);
    assertTrue(out.contains("Placement map:"), out);
    assertTrue(out.contains("worst case/host"), out);
    String yaml = yamlOf(out);
    assertTrue(yaml.contains("kind: KubeadmControlPlane"), yaml);
    // The printed YAML itself, validated again here, independently of the command's own check.
    ValidationReport report = CrdValidator.strict().validateYaml(yaml);
    assertTrue(report.isValid(), report.summary());
    assertTrue(report.isFullyChecked(), report.summary());
    assertTrue(out.strip().endsWith("valid"), out);
  }

  @Test
  void explicitPlanEqualsTheDefault() {
    assertEquals(CliRun.of().out(), CliRun.of("plan").out());
  }

  @Test
  void controlPlaneGetsALocalSsdFlavorOfTheProfile() throws IOException {
    CliRun run = CliRun.of("plan", "-o", "json");
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode cp = json.at("/plan/roles/0");
    assertEquals("control-plane", cp.get("role").asText());
    CloudProfile cloud = CloudProfiles.bundled("scs-reference");
    String flavor = cp.at("/flavor/name").asText();
    assertTrue(cloud.flavor(flavor).orElseThrow().localDisk(), flavor + " should have a local disk for etcd");
    assertFalse(cp.at("/flavor/reasons").isEmpty());
    assertTrue(json.at("/validation/valid").asBoolean(), run.out());
    assertEquals(json.get("manifests").size(), json.at("/validation/documents").asInt());
    assertTrue(json.at("/plan/placementMap").asText().contains("compute-1"), run.out());
  }

  @Test
  void yamlOutputIsOneDocument() throws IOException {
    CliRun run = CliRun.of("plan", "--output", "yaml", "--workers", "0");
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode yaml = new YAMLMapper().readTree(run.out());
    assertEquals(1, yaml.at("/plan/roles").size(), run.out());
    assertTrue(yaml.at("/validation/valid").asBoolean());
  }

  @Test
  void topologyModeNeedsServerGroupIdsAndSaysHowToCreateThem() {
    // A valid plan that only waits for the server groups' IDs is no invalid input: exit 0, and stderr
    // says how to create the groups and that the manifests follow once their IDs are given (they were
    // rendered and validated with stand-in IDs; a release/version mismatch still exits 2, see below).
    CliRun run = CliRun.of("plan", "--mode", "topology");
    assertEquals(ClusterStacksCli.EXIT_OK, run.exitCode(), run.toString());
    assertTrue(run.err().contains("The plan is valid (exit 0)"), run.toString());
    assertFalse(run.out().contains("Manifests ("), "no manifests without the IDs: " + run);
    assertTrue(run.out().contains("Placement map:"), "the plan is still printed: " + run);
    assertTrue(run.err().contains("server group create --policy anti-affinity"), run.toString());
    assertTrue(run.err().contains("--server-group-id cluster-control-plane=ID"), run.toString());
  }

  @Test
  void topologyModeWithServerGroupIdsRendersTheStacksClusterClass() {
    CliRun run = CliRun.of("plan", "--mode", "topology", "--server-group-id", CP_GROUP, "--server-group-id", MD_GROUP);
    assertEquals(0, run.exitCode(), run.toString());
    String yaml = yamlOf(run.out());
    assertTrue(yaml.contains("class: openstack-scs2-1-34-v2"), yaml);
    assertTrue(yaml.contains("value: 2a1e6b9c-5d0e-4a47-9d7e-0c6f4a1b2c3d"), yaml);
    assertTrue(CrdValidator.strict().validateYaml(yaml).isValid());
  }

  @Test
  void stackReleaseAndKubernetesMinorPickTheReleasesExactVersion() {
    CliRun run = CliRun.of("plan", "--mode", "topology", "--release", "v4", "-k", "1.33",
        "--server-group-id", CP_GROUP, "--server-group-id", MD_GROUP);
    assertEquals(0, run.exitCode(), run.toString());
    String yaml = yamlOf(run.out());
    assertTrue(yaml.contains("class: openstack-scs2-1-33-v4"), yaml);
    assertTrue(yaml.contains("version: v1.33.7"), yaml);
  }

  @Test
  void kamajiStackHasNoControlPlaneMachinesInEitherMode() {
    CliRun noStore = CliRun.of("plan", "--stack", "kamaji");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, noStore.exitCode(), noStore.toString());
    assertTrue(noStore.err().contains("dataStore(\"default\")"), noStore.toString());
    CliRun raw = CliRun.of("plan", "--stack", "kamaji", "--data-store", "default");
    assertEquals(0, raw.exitCode(), raw.toString());
    String rawYaml = yamlOf(raw.out());
    assertTrue(rawYaml.contains("kind: KamajiControlPlane") && rawYaml.contains("dataStoreName: default"), rawYaml);
    assertTrue(rawYaml.contains("disableAPIServerFloatingIP: true"), rawYaml);
    assertFalse(rawYaml.contains("KubeadmControlPlane") || rawYaml.contains("name: cluster-control-plane\n  namespace: "
        + "default\nspec:\n  template:"), "no control-plane machines: " + rawYaml);
    CliRun withoutIds = CliRun.of("plan", "--stack", "kamaji", "--mode", "topology");
    // without --data-store the plan is not one that only waits for IDs: the stand-in render refuses it
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, withoutIds.exitCode(), withoutIds.toString());
    assertTrue(withoutIds.err().contains("data_store"), withoutIds.toString());
    assertFalse(withoutIds.err().contains("cluster-control-plane"), withoutIds.toString());
    CliRun noDataStore = CliRun.of("plan", "--stack", "kamaji", "--mode", "topology", "--server-group-id", MD_GROUP);
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, noDataStore.exitCode(), noDataStore.toString());
    assertTrue(noDataStore.err().contains("data_store"), noDataStore.toString());
    CliRun run = CliRun.of("plan", "--stack", "kamaji", "--mode", "topology", "--server-group-id", MD_GROUP,
        "--data-store", "default", "--namespace", "tenant-a");
    assertEquals(0, run.exitCode(), run.toString());
    String yaml = yamlOf(run.out());
    assertTrue(yaml.contains("class: openstack-kamaji-1-30-v0-sha.11930ee"), yaml);
    assertTrue(yaml.contains("namespace: tenant-a"), yaml);
    assertTrue(yaml.contains("value: default"), yaml);
    assertFalse(run.out().contains("Control plane: 3 replicas"), run.out());
  }

  @Test
  void kamajiWithManagementWorkersShowsBothLevels() {
    CliRun run = CliRun.of("plan", "--stack", "kamaji", "--mode", "topology", "--server-group-id", MD_GROUP,
        "--data-store", "default", "--management-workers", "hv-a=2,hv-b=1");
    assertEquals(0, run.exitCode(), run.toString());
    // the machine level (workload workers over hypervisors) and the pod level (API-server pods over the
    // management workers, over their hypervisors) in one report
    assertTrue(run.out().contains("Tenant cluster: 3 API-server replicas, hard spread, on 3 schedulable workers over 2"
        + " hypervisors"), run.out());
    assertTrue(run.out().contains("topologySpread topology.clusterstacks.io/hypervisor: maxSkew 1, DoNotSchedule"), run.out());
    assertTrue(run.out().contains("hypervisor hv-a: loses 2 of 3 replicas, API stays up, reduced capacity"), run.out());
    assertTrue(run.out().contains("kind: KamajiControlPlane"), run.out());
    String yaml = yamlOf(run.out());
    assertFalse(yaml.contains("kind: KamajiControlPlane\nmetadata:\n  name: cluster\n  namespace: default\nspec:\n"
        + "  deployment:"), "the patch is advice, not one of the rendered manifests");

    CliRun soft = CliRun.of("plan", "--stack", "kamaji", "--mode", "topology", "--server-group-id", MD_GROUP,
        "--data-store", "default", "--management-workers", "hv-a=3", "--tenant-spread", "soft");
    assertEquals(0, soft.exitCode(), soft.toString());
    assertTrue(soft.out().contains("worker hv-a-w1: loses 3 of 3 replicas, API DOWN"), soft.out());

    // raw CAPI mode: the rules are part of the rendered KamajiControlPlane, planned under its name
    CliRun raw = CliRun.of("plan", "--stack", "kamaji", "--data-store", "default",
        "--management-workers", "hv-a=2,hv-b=1");
    assertEquals(0, raw.exitCode(), raw.toString());
    assertTrue(raw.out().contains("In raw CAPI mode these rules are part of the KamajiControlPlane below"), raw.out());
    String rawYaml = yamlOf(raw.out());
    assertTrue(rawYaml.contains("  deployment:\n    strategy:") && rawYaml.contains("kamaji.clastix.io/name: "
        + "cluster-control-plane"), rawYaml);
    assertTrue(raw.out().contains("valid"), raw.out());

    CliRun notKamaji = CliRun.of("plan", "--management-workers", "hv-a=2");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, notKamaji.exitCode(), notKamaji.toString());
    assertTrue(notKamaji.err().contains("use it with --stack kamaji"), notKamaji.toString());
    CliRun badSpread = CliRun.of("plan", "--stack", "kamaji", "--mode", "topology", "--server-group-id", MD_GROUP,
        "--data-store", "default", "--management-workers", "hv-a=-1", "--tenant-spread", "sideways");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, badSpread.exitCode(), badSpread.toString());
    assertTrue(badSpread.err().contains("--tenant-spread") && badSpread.err().contains("--management-workers hv-a"),
        badSpread.toString());
  }

  @Test
  void profileFromAJsonFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("cloud.json"), CloudProfiles.toJson(CloudProfiles.bundled("two-hypervisors")));
    CliRun run = CliRun.of("plan", "--profile", file.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("on cloud profile 'two-hypervisors'"), run.toString());
  }

  @Test
  void unknownProfileIsInvalidInputAndListsTheBundledOnes() {
    CliRun run = CliRun.of("plan", "--profile", "no-such-cloud");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("scs-reference"), run.toString());
    assertEquals("", run.out());
  }

  @Test
  void invalidProfileFileIsInvalidInput(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("cloud.json"), "{\"name\": \"\"}");
    CliRun run = CliRun.of("plan", "--profile", file.toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("error: "), run.toString());
  }

  @Test
  void badOptionValuesAreInvalidInput() {
    for (String[] args : List.of(
        new String[] {"plan", "-k", "1.34.x"},
        new String[] {"plan", "--mode", "kamaji"},
        new String[] {"plan", "--control-planes", "0"},
        new String[] {"plan", "--stack", "scs9"},
        new String[] {"plan", "--image-strategy", "windows"},
        new String[] {"plan", "--mode", "topology", "--release", "v1", "-k", "v1.34.5"})) {
      CliRun run = CliRun.of(args);
      assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), String.join(" ", args) + "\n" + run);
      assertFalse(run.err().isBlank(), run.toString());
    }
  }

  @Test
  void quotaTheClusterCannotFitIsAnInfeasiblePlan() {
    CliRun run = CliRun.of("plan", "--workers", "30");
    assertEquals(ClusterStacksCli.EXIT_INFEASIBLE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("instances"), run.toString());
    assertTrue(run.err().contains("raise the instances quota"), run.toString());
  }

  @Test
  void manifestsTheValidatorRejectsExitFourAndAreStillPrinted() {
    // A validator that knows release openstack-scs2-1-34-v2 as built for another patch version rejects
    // the Cluster's topology.version, as the cluster stack operator would.
    PlanCommand.validatorForTests = CrdValidator.builder()
        .releaseKubernetesVersion("openstack-scs2-1-34-v2", "v1.34.6").build();
    try {
      CliRun run = CliRun.of("plan", "--mode", "topology", "--server-group-id", CP_GROUP, "--server-group-id", MD_GROUP);
      assertEquals(ClusterStacksCli.EXIT_VALIDATION_FAILED, run.exitCode(), run.toString());
      assertTrue(run.out().contains("kind: Cluster"), run.toString());
      assertTrue(run.out().strip().endsWith("INVALID"), run.toString());
      assertTrue(run.err().contains("fail strict validation"), run.toString());
    } finally {
      PlanCommand.validatorForTests = null;
    }
  }

  @Test
  void topologyModeIncludesTheClusterStackThatInstallsTheClassUnlessTurnedOff() throws IOException {
    CliRun run = CliRun.of("plan", "--mode", "topology", "--server-group-id", CP_GROUP, "--server-group-id", MD_GROUP,
        "-o", "json");
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode stack = null;
    for (JsonNode doc : json.get("manifests")) {
      if (doc.path("kind").asText().equals("ClusterStack")) {
        stack = doc;
      }
    }
    assertTrue(stack != null, run.out());
    assertEquals("openstack-scs2-1-34", stack.at("/metadata/name").asText());
    assertEquals("scs2", stack.at("/spec/name").asText());
    assertEquals("v2", stack.at("/spec/versions/0").asText());
    assertTrue(json.at("/validation/valid").asBoolean(), run.out());
    CliRun without = CliRun.of("plan", "--mode", "topology", "--server-group-id", CP_GROUP, "--server-group-id", MD_GROUP,
        "--no-cluster-stack");
    assertEquals(0, without.exitCode(), without.toString());
    String yaml = yamlOf(without.out());
    assertFalse(yaml.contains("kind: ClusterStack"), yaml);
    assertTrue(yaml.contains("kind: Cluster\n"), yaml);
  }

  @Test
  void ubuntuInTopologyModeSwitchesToRawCapiOnlyWhenAllowed() throws IOException {
    CliRun refused = CliRun.of("plan", "--mode", "topology", "--image-strategy", "ubuntu");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, refused.exitCode(), refused.toString());
    assertTrue(refused.err().contains("--allow-raw-switch"), refused.toString());
    CliRun run = CliRun.of("plan", "--mode", "topology", "--image-strategy", "ubuntu", "--allow-raw-switch");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("switched from topology to raw CAPI mode"), run.out());
    assertTrue(run.out().contains("not installed by the cluster stack operator"), run.out());
    String yaml = yamlOf(run.out());
    assertTrue(yaml.contains("kind: KubeadmControlPlane"), yaml);
    assertTrue(yaml.contains("kind: ServerGroup"), "ORC creates the server groups: " + yaml);
    assertFalse(yaml.contains("kind: ClusterStack"), yaml);
    CliRun json = CliRun.of("plan", "--mode", "topology", "--image-strategy", "ubuntu", "--allow-raw-switch", "-o", "json");
    JsonNode plan = new ObjectMapper().readTree(json.out()).get("plan");
    assertEquals("RAW_CAPI", plan.get("mode").asText());
    assertEquals("TOPOLOGY", plan.get("requestedMode").asText());
    assertTrue(plan.at("/roles/0/image/modeSwitch").asText().startsWith("switched from topology"), json.out());
  }

  @Test
  void theReportShowsTheWholeImagePlanAndChecksThePlannedRootVolume() {
    CliRun run = CliRun.of("plan", "--image-strategy", "ubuntu");
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(run.out().contains("no root volume is set"), run.out());
    assertTrue(run.out().contains("trade-off: every node downloads"), run.out());
    assertTrue(run.out().contains("bootstrap: format cloud-config"), run.out());
  }
}
