package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.openstack.internal.Json;
import io.clusterstacks.openstack.internal.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The project's OpenStack lab (lab/openstack/ensure) as the integration tests see it: its clouds.yaml
 * and secure.yaml under /var/lib/clusterstacks-lab/openstack (or -Dclusterstacks.openstack.lab.dir).
 * A missing lab fails the test, naming the command that starts it; it never skips.
 */
final class Lab {
  static final String ADMIN = System.getProperty("clusterstacks.openstack.lab.admin", "lab-admin");
  static final String MEMBER = System.getProperty("clusterstacks.openstack.lab.member", "lab-member");
  static final String APPCRED = System.getProperty("clusterstacks.openstack.lab.appcred", "lab-appcred");

  /** Every token a test client was issued, for the log check ({@link ZzLogHoldsNoSecretsIT}). */
  static final java.util.Set<String> TOKENS = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * The lab is one machine-wide OpenStack: tests here stop nova-api, disable hypervisors and move hosts into
   * zones, which breaks any other test run on it at the same time. A test JVM that uses the lab holds this
   * lock until it exits; a second run (another checkout's) waits for it.
   */
  private static final java.nio.channels.FileLock LOCK = lockTheLab();

  private static java.nio.channels.FileLock lockTheLab() {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "clusterstacks-openstack-lab-tests.lock");
    try {
      java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.WRITE);
      java.nio.channels.FileLock l = ch.tryLock();
      if (l == null) {
        System.err.println("another test run uses the OpenStack lab (lock " + file + "); waiting for it to end");
        l = ch.lock();
      }
      return l;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot lock " + file + " for the OpenStack lab tests", e);
    }
  }

  static {
    // As a user might: openstack4j's own HTTP logging (headers and bodies) switched on. The SDK must
    // switch it off before each openstack4j call, or the log check below fails.
    org.openstack4j.openstack.OSFactory.enableHttpLoggingFilter(true);
  }

  private Lab() {}

  static void remember(OpenStackClient os) {
    TOKENS.add(os.session().token().id().reveal());
  }

  static Path dir() {
    return Path.of(System.getProperty("clusterstacks.openstack.lab.dir", "/var/lib/clusterstacks-lab/openstack"));
  }

  static Path cloudsYaml() {
    Path p = dir().resolve("clouds.yaml");
    if (!Files.isRegularFile(p)) {
      fail("the OpenStack lab is not set up: " + p + " is missing. Start it with ./bin/test-all "
          + "(or lab/openstack/ensure), then run mvn -B verify again");
    }
    return p;
  }

  static CloudsYaml.Environment environment() {
    Map<String, String> vars = new HashMap<>();
    vars.put("OS_CLIENT_CONFIG_FILE", cloudsYaml().toString());
    Path secure = dir().resolve("secure.yaml");
    if (Files.isRegularFile(secure)) {
      vars.put("OS_CLIENT_SECURE_FILE", secure.toString());
    }
    return new CloudsYaml.Environment(vars, dir(), dir().resolve("no-home"), dir().resolve("no-etc"));
  }

  static CloudConfig cloud(String name) {
    return CloudsYaml.load(name, environment());
  }

  static OpenStackClient connect(String name) {
    try {
      OpenStackClient os = OpenStackClient.connect(cloud(name));
      remember(os);
      return os;
    } catch (OpenStackConnectionException e) {
      throw new AssertionError("the OpenStack lab does not answer (" + e.getMessage() + "). Start it with ./bin/test-all "
          + "(or lab/openstack/ensure)", e);
    }
  }

  /** A raw call for test set-up (admin work the SDK does not offer, e.g. disabling compute services). */
  static JsonNode call(OpenStackClient os, String method, String service, String path, String microversion, JsonNode body) {
    Session.Call c = Session.Call.of(service, method, path);
    if (microversion != null) {
      c.microversion(io.clusterstacks.core.cloud.ComputeMicroversion.parse(microversion));
    }
    if (body != null) {
      c.body(body);
    }
    return os.session().json(c);
  }

  static JsonNode get(OpenStackClient os, String service, String path, String microversion) {
    return call(os, "GET", service, path, microversion, null);
  }

  /** Every secret the lab seeded, read from its files, for the log check. */
  static java.util.List<String> seededSecrets() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String name : new String[] {ADMIN, MEMBER, APPCRED}) {
      try {
        CloudConfig c = cloud(name);
        c.password().ifPresent(s -> out.add(s.reveal()));
        c.applicationCredentialSecret().ifPresent(s -> out.add(s.reveal()));
      } catch (RuntimeException e) {
        // a cloud the lab does not define has no secret
      }
    }
    return out;
  }

  static String json(JsonNode n) {
    return Json.write(n);
  }
}
