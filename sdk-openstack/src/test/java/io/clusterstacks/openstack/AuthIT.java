package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in to the lab's real Keystone. */
class AuthIT {
  @TempDir Path tmp;

  @Test
  void applicationCredentialLoginWorksAndIsScopedToItsProject() {
    try (OpenStackClient os = Lab.connect(Lab.APPCRED)) {
      assertEquals(AuthType.APPLICATION_CREDENTIAL, os.config().authType());
      OpenStackClient.Identity id = os.identity();
      assertFalse(id.projectId().isEmpty());
      assertTrue(os.computeMicroversions().max().atLeast(io.clusterstacks.core.cloud.ComputeMicroversion.MAX_SERVER_PER_HOST));
    }
  }

  @Test
  void aWrongPasswordIsATypedErrorWithoutTheSecret() {
    CloudConfig good = Lab.cloud(Lab.MEMBER);
    String wrong = "wrong-" + good.password().orElseThrow().reveal() + "-x";
    CloudConfig bad = good.toBuilder().password(Secret.of(wrong)).build();
    OpenStackAuthenticationException e = assertThrows(OpenStackAuthenticationException.class, () -> OpenStackClient.connect(bad));
    assertEquals(401, e.status());
    assertTrue(e.requestId().isPresent(), e.getMessage());
    assertFalse(e.getMessage().contains(wrong), e.getMessage());
    assertFalse(e.getMessage().contains(good.password().orElseThrow().reveal()), e.getMessage());
  }

  @Test
  void aWrongApplicationCredentialSecretIsTypedToo() {
    CloudConfig good = Lab.cloud(Lab.APPCRED);
    String wrong = "not-the-secret-" + System.nanoTime();
    OpenStackAuthenticationException e = assertThrows(OpenStackAuthenticationException.class,
        () -> OpenStackClient.connect(good.toBuilder().applicationCredentialSecret(Secret.of(wrong)).build()));
    assertEquals(401, e.status());
    assertFalse(e.getMessage().contains(wrong), e.getMessage());
  }

  @Test
  void eightThreadsShareOneClientWithOneLogin() throws Exception {
    try (OpenStackClient os = Lab.connect(Lab.MEMBER)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          fs.add(pool.submit(() -> {
            int n = 0;
            for (int k = 0; k < 5; k++) {
              n += os.serverGroups().list().size() >= 0 ? 1 : 0;
              n += os.discovery() != null ? 1 : 0;
            }
            return n;
          }));
        }
        for (Future<Integer> f : fs) {
          assertEquals(10, f.get());
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(1, os.identity().logins(), "one login for all threads");
      long groupLists = os.calls().calls().stream().filter(c -> c.path().equals("/os-server-groups")).count();
      assertEquals(40, groupLists, os.calls().summary().toString());
      assertTrue(os.calls().calls().stream().allMatch(c -> c.status() == 200 || c.status() == 201), os.calls().calls().toString());
    }
  }

  @Test
  void cloudsYamlFromTheHomeSearchPathMergesSecureYaml() throws Exception {
    // the lab's clouds.yaml without its secrets in ~/.config/openstack, the secrets in secure.yaml beside it
    CloudConfig lab = Lab.cloud(Lab.MEMBER);
    Path home = tmp.resolve("home");
    Path dir = Files.createDirectories(home.resolve(".config/openstack"));
    Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  it:\n    auth:\n      auth_url: " + lab.authUrl()
        + "\n      username: " + lab.username().orElseThrow() + "\n      project_name: " + lab.projectName().orElseThrow()
        + "\n      user_domain_name: Default\n      project_domain_name: Default\n    region_name: "
        + lab.regionName().orElse("RegionOne") + "\n");
    Files.writeString(dir.resolve("secure.yaml"), "clouds:\n  it:\n    auth:\n      password: \""
        + lab.password().orElseThrow().reveal().replace("\"", "\\\"") + "\"\n");
    CloudsYaml.Environment env = new CloudsYaml.Environment(Map.of("OS_CLOUD", "it"), Files.createDirectories(tmp.resolve("cwd")),
        home, tmp.resolve("etc"));
    CloudConfig c = CloudsYaml.load(null, env);
    try (OpenStackClient os = OpenStackClient.connect(c)) {
      assertEquals(lab.projectName().orElseThrow(), os.identity().projectName());
    }
  }

  @Test
  void theClientRenewsItsTokenWhenUsedPastTheTokenLifetime() throws Exception {
    // The lab issues tokens of a few minutes when it says so; otherwise the test moves the client's
    // clock past the token's lifetime, which makes the SDK log in again exactly as it would then.
    try (OpenStackClient os = Lab.connect(Lab.MEMBER)) {
      java.time.Duration life = java.time.Duration.between(java.time.Instant.now(), os.identity().tokenExpiresAt());
      assertTrue(life.toSeconds() > 0, "token lifetime " + life);
    }
    ClientLogicTest.MovableClock clock = new ClientLogicTest.MovableClock(java.time.Instant.now());
    try (OpenStackClient os = OpenStackClient.connect(Lab.cloud(Lab.MEMBER), clock)) {
      java.time.Duration life = java.time.Duration.between(clock.instant(), os.identity().tokenExpiresAt());
      os.serverGroups().list();
      clock.advance(life.plusMinutes(1));
      os.serverGroups().list();
      assertEquals(2, os.identity().logins());
      Set<Integer> statuses = new HashSet<>();
      os.calls().calls().forEach(c -> statuses.add(c.status()));
      assertFalse(statuses.contains(401), os.calls().calls().toString());
    }
  }
}
