package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.plan.ClusterPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A DEBUG log of logins (password and application credential), a token renewal, discovery, server groups,
 * openstack4j's own HTTP logging switched on, and errors (a wrong password, a 404) holds none of the lab's
 * seeded secrets and none of the tokens Keystone issued. The tokens are captured at the HTTP layer, by the
 * tests' own proxy in front of Keystone ({@link LabProxy}: every X-Subject-Token), not asked of the SDK.
 *
 * <p>Captured: everything written to standard output and error while the test runs (slf4j-simple at DEBUG,
 * set by the failsafe configuration) and every java.util.logging record at ALL (okhttp logs there). Named
 * Zz so that it runs last: it also searches the outputs of the earlier integration tests of this run.
 */
class ZzLogHoldsNoSecretsIT {

  /** Every line a stream and java.util.logging receive, while also passing them on. */
  static final class Capture implements AutoCloseable {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<String> julRecords = java.util.Collections.synchronizedList(new ArrayList<>());
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        julRecords.add(r.getLoggerName() + " " + r.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(r)
            + (r.getThrown() == null ? "" : " " + r.getThrown()));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };

    Capture() {
      System.setOut(tee(out));
      System.setErr(tee(err));
      root.setLevel(Level.ALL);
      Logger.getLogger("okhttp3").setLevel(Level.ALL);
      root.addHandler(handler);
    }

    private PrintStream tee(PrintStream to) {
      return new PrintStream(new OutputStream() {
        @Override
        public void write(int b) {
          synchronized (bytes) {
            bytes.write(b);
          }
          to.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          synchronized (bytes) {
            bytes.write(b, off, len);
          }
          to.write(b, off, len);
        }
      }, true, StandardCharsets.UTF_8);
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8) + String.join("\n", julRecords);
      }
    }

    @Override
    public void close() {
      System.out.flush();
      System.err.flush();
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(handler);
      root.setLevel(rootLevel);
    }
  }

  /** Every secret the lab generated: secrets.env (passwords of all users and services, the credential secret, keys). */
  static List<String> seededSecrets() throws IOException {
    List<String> out = new ArrayList<>(Lab.seededSecrets());
    Path env = Lab.dir().resolve("secrets.env");
    for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0 && line.length() - eq > 8) {
        out.add(line.substring(eq + 1).trim());
      }
    }
    assertTrue(out.size() >= 6, "the lab's secrets.env and secure.yaml hold " + out.size() + " secrets");
    return out;
  }

  @Test
  void aDebugLogOfLoginsRenewalDiscoveryServerGroupsAndErrorsHoldsNoSecretAndNoIssuedToken() throws Exception {
    assertTrue(LoggerDebug.enabled(), "the test needs slf4j at DEBUG (failsafe sets org.slf4j.simpleLogger.defaultLogLevel)");
    CloudConfig member = Lab.cloud(Lab.MEMBER);
    URI auth = URI.create(member.authUrl());
    Set<String> tokens = new TreeSet<>();
    String log;
    try (LabProxy keystone = LabProxy.plain(auth.getScheme() + "://" + auth.getHost() + ":" + auth.getPort());
        Capture capture = new Capture()) {
      // as a user might: openstack4j's HTTP logging (headers and bodies) on
      org.openstack4j.openstack.OSFactory.enableHttpLoggingFilter(true);
      ClientLogicTest.MovableClock clock = new ClientLogicTest.MovableClock(Instant.now());
      try (OpenStackClient os = OpenStackClient.connect(viaProxy(member, keystone), clock)) {
        ClusterPlan plan = ServerGroupsIT.plan(os.discovery().discover("lab").profile(),
            "it-log-" + Long.toString(System.nanoTime() % 100_000, 36));
        try {
          os.serverGroups().ensure(plan);
        } finally {
          os.serverGroups().deleteFor(plan);
        }
        // renewal: the clock moved past the token's lifetime makes the client log in again
        clock.advance(Duration.between(clock.instant(), os.identity().tokenExpiresAt()).plusMinutes(1));
        os.serverGroups().list();
        assertTrue(os.identity().logins() >= 2, "the token was renewed");
        // an openstack4j call with its logging switched on by the user
        os.openstack4j().call("compute", "GET", "/flavors", o -> o.compute().flavors().list());
        OpenStackApiException notFound = assertThrows(OpenStackApiException.class, () -> Lab.get(os, "compute", "/servers/"
            + java.util.UUID.randomUUID(), null));
        System.err.println("logged as a user would: " + notFound.getMessage());
      }
      try (OpenStackClient appcred = OpenStackClient.connect(viaProxy(Lab.cloud(Lab.APPCRED), keystone))) {
        appcred.discovery().discover("lab-appcred");
      }
      try (OpenStackClient admin = OpenStackClient.connect(viaProxy(Lab.cloud(Lab.ADMIN), keystone))) {
        admin.discovery().discover("lab-admin");
      }
      CloudConfig wrong = viaProxy(member, keystone).toBuilder()
          .password(Secret.of("wrong-" + member.password().orElseThrow().reveal())).build();
      OpenStackAuthenticationException refused = assertThrows(OpenStackAuthenticationException.class,
          () -> OpenStackClient.connect(wrong));
      System.err.println("logged as a user would: " + refused.getMessage() + " " + wrong);
      org.openstack4j.openstack.OSFactory.enableHttpLoggingFilter(false);
      tokens.addAll(keystone.subjectTokens());
      log = capture.text();
    }
    // the capture holds what it should: the SDK's DEBUG lines of every login and call
    assertTrue(tokens.size() >= 4, "tokens issued through the proxy: " + tokens.size());
    long logins = log.lines().filter(l -> l.contains("io.clusterstacks.openstack.http - POST identity /auth/tokens -> 201")).count();
    assertTrue(logins >= 4, logins + " logins in the captured log:\n" + log);
    assertTrue(log.contains("GET compute /flavors/detail"), log);
    assertTrue(log.contains("POST identity /auth/tokens -> 401"), log);
    List<String> secrets = seededSecrets();
    for (String s : secrets) {
      assertFalse(log.contains(s), "a seeded secret of the lab is in the captured DEBUG log");
    }
    for (String t : tokens) {
      assertFalse(log.contains(t), "a token Keystone issued is in the captured DEBUG log");
    }
    System.out.println("captured " + log.length() + " characters of log (" + log.lines().count() + " lines, "
        + logins + " logins): none of " + secrets.size() + " secrets and " + tokens.size() + " tokens in it");

    // the earlier integration tests' output of this run (failsafe writes each test class's output to a file)
    Set<String> earlier = new TreeSet<>(Lab.TOKENS);
    earlier.addAll(tokens);
    Path reports = Path.of("target", "failsafe-reports");
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path f : files.filter(p -> p.toString().endsWith("-output.txt")).toList()) {
          String text = Files.readString(f, StandardCharsets.UTF_8);
          for (String s : secrets) {
            assertFalse(text.contains(s), f + " holds a seeded secret of the lab");
          }
          for (String t : earlier) {
            assertFalse(text.contains(t), f + " holds a token Keystone issued");
          }
        }
      }
    }
  }

  static CloudConfig viaProxy(CloudConfig c, LabProxy keystone) {
    return c.toBuilder().authUrl(keystone.via(c.authUrl())).build();
  }

  /** Whether slf4j logs the SDK's HTTP lines at DEBUG in this JVM. */
  static final class LoggerDebug {
    static boolean enabled() {
      return org.slf4j.LoggerFactory.getLogger("io.clusterstacks.openstack.http").isDebugEnabled();
    }
  }
}
