package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudsYamlTest {
  @TempDir Path tmp;

  private CloudsYaml.Environment env(Map<String, String> vars) throws IOException {
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path etc = Files.createDirectories(tmp.resolve("etc"));
    return new CloudsYaml.Environment(vars, cwd, home, etc);
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static final String CLOUDS = """
      clouds:
        dev:
          auth:
            auth_url: https://keystone.example:5000/v3/
            username: alice
            password: from-clouds-yaml
            project_name: k8s
            user_domain_name: Default
            project_domain_name: Default
          region_name: RegionTwo
          interface: internal
          api_timeout: 30
        ac:
          auth_type: v3applicationcredential
          auth:
            auth_url: https://keystone.example:5000/v3
            application_credential_id: 0123abc
      """;

  @Test
  void searchPathPrefersTheWorkingDirectoryOverHomeAndEtc() throws IOException {
    CloudsYaml.Environment e = env(Map.of());
    write(e.systemDirectory().resolve("clouds.yaml"), CLOUDS.replace("alice", "etc-user"));
    assertEquals("etc-user", CloudsYaml.load("dev", e).username().orElseThrow());
    write(e.home().resolve(".config/openstack/clouds.yaml"), CLOUDS.replace("alice", "home-user"));
    write(e.home().resolve(".config/openstack/secure.yaml"), "clouds:\n  dev:\n    auth:\n      password: s3cret-home\n");
    assertEquals("home-user", CloudsYaml.load("dev", e).username().orElseThrow());
    write(e.workingDirectory().resolve("clouds.yaml"), CLOUDS.replace("alice", "cwd-user"));
    CloudConfig c = CloudsYaml.load("dev", e);
    assertEquals("cwd-user", c.username().orElseThrow());
    // secure.yaml is found on its own search path and merged key by key
    assertEquals("s3cret-home", c.password().orElseThrow().reveal());
    assertTrue(c.source().contains("secure.yaml"), c.source());
  }

  @Test
  void osClientConfigFileWinsAndOsCloudNamesTheCloud() throws IOException {
    Path custom = tmp.resolve("elsewhere/my-clouds.yaml");
    write(custom, CLOUDS);
    CloudsYaml.Environment e = env(Map.of("OS_CLIENT_CONFIG_FILE", custom.toString(), "OS_CLOUD", "dev"));
    write(e.workingDirectory().resolve("clouds.yaml"), "clouds: {}\n");
    CloudConfig c = CloudsYaml.load(null, e);
    assertEquals("dev", c.name());
    assertEquals("https://keystone.example:5000/v3", c.authUrl());
    assertEquals("RegionTwo", c.regionName().orElseThrow());
    assertEquals(EndpointInterface.INTERNAL, c.endpointInterface());
    assertEquals(Duration.ofSeconds(30), c.readTimeout());
  }

  @Test
  void secureYamlSuppliesTheApplicationCredentialSecret() throws IOException {
    CloudsYaml.Environment e = env(Map.of());
    write(e.workingDirectory().resolve("clouds.yaml"), CLOUDS);
    write(e.workingDirectory().resolve("secure.yaml"),
        "clouds:\n  ac:\n    auth:\n      application_credential_secret: very-secret-value\n");
    CloudConfig c = CloudsYaml.load("ac", e);
    assertEquals(AuthType.APPLICATION_CREDENTIAL, c.authType());
    assertEquals("very-secret-value", c.applicationCredentialSecret().orElseThrow().reveal());
    assertFalse(c.toString().contains("very-secret-value"), c.toString());
  }

  @Test
  void anUnknownCloudListsTheCloudsThereAre() throws IOException {
    CloudsYaml.Environment e = env(Map.of());
    write(e.workingDirectory().resolve("clouds.yaml"), CLOUDS);
    InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CloudsYaml.load("prod", e));
    assertTrue(ex.getMessage().contains("[ac, dev]"), ex.getMessage());
  }

  @Test
  void missingPiecesAreAllReportedAtOnceWithoutSecrets() throws IOException {
    CloudsYaml.Environment e = env(Map.of());
    write(e.workingDirectory().resolve("clouds.yaml"), """
        clouds:
          bad:
            auth_type: token
            interface: sideways
            auth:
              username: bob
              password: hunter2-secret
        """);
    InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CloudsYaml.load("bad", e));
    String m = ex.getMessage();
    assertTrue(m.contains("clouds.bad.auth_type"), m);
    assertTrue(m.contains("clouds.bad.interface"), m);
    assertTrue(m.contains("clouds.bad.auth.auth_url"), m);
    assertTrue(m.contains("clouds.bad.auth.project_name"), m);
    assertFalse(m.contains("hunter2-secret"), m);
  }

  @Test
  void osVariablesFormTheEnvvarsCloud() throws IOException {
    CloudsYaml.Environment e = env(Map.of("OS_AUTH_URL", "http://127.0.0.1:5000/v3", "OS_USERNAME", "demo",
        "OS_PASSWORD", "pw-from-env", "OS_PROJECT_NAME", "demo", "OS_USER_DOMAIN_NAME", "Default",
        "OS_PROJECT_DOMAIN_ID", "default", "OS_REGION_NAME", "RegionOne", "OS_INTERFACE", "public"));
    CloudConfig c = CloudsYaml.load(null, e);
    assertEquals("envvars", c.name());
    assertEquals("demo", c.username().orElseThrow());
    assertEquals("default", c.projectDomainId().orElseThrow());
    assertEquals("pw-from-env", c.password().orElseThrow().reveal());
    assertFalse(c.toString().contains("pw-from-env"));
  }

  @Test
  void osApplicationCredentialVariables() throws IOException {
    CloudsYaml.Environment e = env(Map.of("OS_AUTH_URL", "http://127.0.0.1:5000/v3", "OS_AUTH_TYPE", "v3applicationcredential",
        "OS_APPLICATION_CREDENTIAL_ID", "abc", "OS_APPLICATION_CREDENTIAL_SECRET", "xyz-secret"));
    CloudConfig c = CloudsYaml.load(null, e);
    assertEquals(AuthType.APPLICATION_CREDENTIAL, c.authType());
    assertEquals("abc", c.applicationCredentialId().orElseThrow());
  }

  @Test
  void nothingNamedIsATypedErrorThatSaysHowToNameACloud() throws IOException {
    InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CloudsYaml.load(null, env(Map.of())));
    assertTrue(ex.getMessage().contains("OS_CLOUD"), ex.getMessage());
  }

  @Test
  void brokenYamlDoesNotEchoTheFileContent() throws IOException {
    CloudsYaml.Environment e = env(Map.of());
    write(e.workingDirectory().resolve("clouds.yaml"), "clouds:\n  x:\n    auth: {password: \"leaky-secret\n");
    InvalidInputException ex = assertThrows(InvalidInputException.class, () -> CloudsYaml.load("x", e));
    assertFalse(ex.getMessage().contains("leaky-secret"), ex.getMessage());
  }
}
