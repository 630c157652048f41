package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.openstack.CloudsYaml;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The option handling of {@code discover} and {@code plan --os-cloud}: which cloud, conflicts, files, exit
 * codes and that no secret is printed. A cloud that answers is the lab's, in DiscoverCommandIT.
 */
class DiscoverCommandTest {
  private static final String PASSWORD = "Pw-never-printed-7f3a9c2e41";

  @TempDir Path tmp;
  private int closedPort;

  @BeforeEach
  void cloudsYamlWithACloudThatDoesNotAnswer() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Files.writeString(tmp.resolve("clouds.yaml"), """
        clouds:
          gone:
            auth:
              auth_url: http://127.0.0.1:%d/v3
              username: demo
              project_name: demo
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne
          other:
            auth:
              auth_url: http://127.0.0.1:%d/v3
              username: demo
              project_name: demo
        """.formatted(closedPort, closedPort));
    Files.writeString(tmp.resolve("secure.yaml"), "clouds:\n  gone:\n    auth:\n      password: " + PASSWORD + "\n");
    use(Map.of("OS_CLIENT_CONFIG_FILE", tmp.resolve("clouds.yaml").toString(),
        "OS_CLIENT_SECURE_FILE", tmp.resolve("secure.yaml").toString()));
  }

  private void use(Map<String, String> variables) {
    OpenStackDiscovery.environmentForTests = new CloudsYaml.Environment(variables, tmp.resolve("cwd"), tmp.resolve("home"),
        tmp.resolve("etc"));
  }

  @AfterEach
  void processEnvironmentAgain() {
    OpenStackDiscovery.environmentForTests = null;
  }

  private static void assertNoSecret(CliRun run) {
    assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), run.toString());
  }

  @Test
  void labelNodesNeedsACloudAndSaysWhichClouds_yamlHasAndNeverPrintsTheSecret() {
    CliRun none = CliRun.of("label-nodes");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, none.exitCode(), none.toString());
    assertTrue(none.err().contains("--os-cloud"), none.toString());
    CliRun nope = CliRun.of("label-nodes", "--os-cloud", "nope");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, nope.exitCode(), nope.toString());
    assertTrue(nope.err().contains("nope") && nope.err().contains("gone"), nope.toString());
    // a cloud that does not answer: the cloud's error, exit 5, no secret
    CliRun gone = CliRun.of("label-nodes", "--os-cloud", "gone");
    assertEquals(5, gone.exitCode(), gone.toString());
    assertNoSecret(gone);
  }

  @Test
  void aCloudClouds_yamlDoesNotNameIsInvalidInputListingTheCloudsThereAre() {
    CliRun run = CliRun.of("discover", "--os-cloud", "nope");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("nope") && run.err().contains("gone") && run.err().contains("other"), run.toString());
    assertEquals("", run.out());
  }

  @Test
  void withoutACloudNameItSaysHowToNameOne() {
    use(Map.of("OS_CLIENT_CONFIG_FILE", tmp.resolve("clouds.yaml").toString()));
    CliRun run = CliRun.of("discover");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--os-cloud") && run.err().contains("OS_CLOUD"), run.toString());
  }

  @Test
  void os_cloudFromTheEnvironmentIsTheDefault() {
    use(Map.of("OS_CLIENT_CONFIG_FILE", tmp.resolve("clouds.yaml").toString(), "OS_CLOUD", "nope"));
    CliRun run = CliRun.of("discover");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("nope"), run.toString());
  }

  @Test
  void aCloudThatDoesNotAnswerExitsFiveNamingTheAddressAndNoSecret() {
    CliRun run = CliRun.of("discover", "--os-cloud", "gone");
    assertEquals(ClusterStacksCli.EXIT_CLOUD_ERROR, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("error: identity POST /auth/tokens: no connection"), run.toString());
    assertTrue(run.err().contains("127.0.0.1:" + closedPort), run.toString());
    assertEquals("", run.out());
    assertNoSecret(run);
  }

  @Test
  void anOutputFileThatCannotBeWrittenIsRefusedBeforeTheCloudIsAsked() throws IOException {
    // exit 2, not 5: the cloud (which does not answer) was never called
    CliRun folder = CliRun.of("discover", "--os-cloud", "gone", "-o", tmp.toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, folder.exitCode(), folder.toString());
    assertTrue(folder.err().contains("is a folder"), folder.toString());
    CliRun noFolder = CliRun.of("discover", "--os-cloud", "gone", "-o", tmp.resolve("missing/profile.json").toString());
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, noFolder.exitCode(), noFolder.toString());
    assertTrue(noFolder.err().contains("its folder does not exist"), noFolder.toString());
    assertFalse(Files.exists(tmp.resolve("missing")));
  }

  @Test
  void planOnADiscoveredProfileAndABundledOneAtOnceIsRefused() {
    CliRun run = CliRun.of("plan", "--os-cloud", "gone", "--profile", "two-hypervisors");
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--os-cloud") && run.err().contains("--profile") && run.err().contains("give one of them"),
        run.toString());
  }

  @Test
  void planOnACloudThatDoesNotAnswerExitsFive() {
    CliRun plan = CliRun.of("plan", "--os-cloud", "gone", "-o", "json");
    assertEquals(ClusterStacksCli.EXIT_CLOUD_ERROR, plan.exitCode(), plan.toString());
    assertEquals("", plan.out());
    assertNoSecret(plan);
    CliRun render = CliRun.of("render", "--os-cloud", "gone");
    assertEquals(ClusterStacksCli.EXIT_CLOUD_ERROR, render.exitCode(), render.toString());
    assertNoSecret(render);
  }

  @Test
  void planWithoutOs_cloudIgnoresOs_cloudInTheEnvironment() {
    use(Map.of("OS_CLIENT_CONFIG_FILE", tmp.resolve("clouds.yaml").toString(), "OS_CLOUD", "gone"));
    CliRun run = CliRun.of("plan", "-o", "json");
    assertEquals(ClusterStacksCli.EXIT_OK, run.exitCode(), run.toString());
    assertTrue(run.out().contains("\"cloudProfile\" : \"scs-reference\""), run.out());
  }

  @Test
  void theRootHelpListsDiscoverAndExitCodeFive() {
    CliRun run = CliRun.of("--help");
    assertTrue(run.out().contains("  discover "), run.toString());
    assertTrue(run.out().contains("5   the cloud (discover, --os-cloud) or the management cluster refused"), run.toString());
    CliRun plan = CliRun.of("plan", "--help");
    assertTrue(plan.out().contains("--os-cloud=NAME"), plan.toString());
  }
}
