package io.clusterstacks.openstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.plan.ClusterPlan;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cloud whose endpoints speak TLS with a certificate of a private CA: the tests make the CA and a server
 * certificate for 127.0.0.1 with the JDK's keytool, and put TLS-terminating proxies of their own
 * ({@link LabProxy}) in front of the lab's Keystone, nova-api and Glance. clouds.yaml names them (auth_url
 * and {@code *_endpoint_override}); with {@code cacert} login, discovery and server groups work, without
 * it the login fails with a typed TLS error that names the fix.
 */
class CustomCaIT {
  static final String STOREPASS = "test-store-only";

  @TempDir static Path tmp;
  static Path caPem;
  static LabProxy keystone;
  static LabProxy compute;
  static LabProxy image;

  @BeforeAll
  static void caCertificatesAndProxies() throws Exception {
    Path ca = tmp.resolve("ca.p12");
    Path server = tmp.resolve("server.p12");
    caPem = tmp.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=clusterstacks test CA",
        "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", STOREPASS);
    keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", STOREPASS, "-rfc",
        "-file", caPem.toString());
    keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
        "-validity", "2", "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", STOREPASS);
    keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", STOREPASS,
        "-file", tmp.resolve("server.csr").toString());
    keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", STOREPASS, "-rfc",
        "-infile", tmp.resolve("server.csr").toString(), "-outfile", tmp.resolve("server.pem").toString(),
        "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth", "-validity", "2");
    keytool("-importcert", "-alias", "ca", "-keystore", server.toString(), "-storepass", STOREPASS,
        "-file", caPem.toString(), "-noprompt");
    keytool("-importcert", "-alias", "server", "-keystore", server.toString(), "-storepass", STOREPASS,
        "-file", tmp.resolve("server.pem").toString());
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server)) {
      ks.load(in, STOREPASS.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, STOREPASS.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);

    CloudConfig lab = Lab.cloud(Lab.MEMBER);
    try (OpenStackClient os = Lab.connect(Lab.MEMBER)) {
      keystone = new LabProxy(origin(lab.authUrl()), tls);
      compute = new LabProxy(origin(os.session().endpoint("compute")), tls);
      image = new LabProxy(origin(os.session().endpoint("image")), tls);
    }
    assertTrue(Files.readString(caPem).startsWith("-----BEGIN CERTIFICATE-----"));
  }

  @AfterAll
  static void stop() throws IOException {
    for (LabProxy p : new LabProxy[] {keystone, compute, image}) {
      if (p != null) {
        p.close();
      }
    }
  }

  static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
  }

  static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      fail("keytool " + String.join(" ", args) + " failed: " + out);
    }
  }

  /** The lab's member cloud as a clouds.yaml entry whose endpoints are the TLS proxies. */
  static CloudConfig tlsCloud(boolean withCa) throws IOException {
    CloudConfig lab = Lab.cloud(Lab.MEMBER);
    Path dir = Files.createDirectories(tmp.resolve(withCa ? "with-ca" : "without-ca"));
    Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  tls:\n    auth:\n      auth_url: " + keystone.via(lab.authUrl())
        + "\n      username: " + lab.username().orElseThrow() + "\n      project_name: " + lab.projectName().orElseThrow()
        + "\n      user_domain_name: Default\n      project_domain_name: Default\n    region_name: "
        + lab.regionName().orElse("RegionOne") + "\n    compute_endpoint_override: " + compute.base() + "/v2.1"
        + "\n    image_endpoint_override: " + image.base() + "\n" + (withCa ? "    cacert: " + caPem + "\n" : ""));
    Files.writeString(dir.resolve("secure.yaml"), "clouds:\n  tls:\n    auth:\n      password: \""
        + lab.password().orElseThrow().reveal() + "\"\n");
    return CloudsYaml.load("tls", new CloudsYaml.Environment(Map.of("OS_CLIENT_CONFIG_FILE", dir.resolve("clouds.yaml").toString(),
        "OS_CLIENT_SECURE_FILE", dir.resolve("secure.yaml").toString()), dir, dir.resolve("home"), dir.resolve("etc")));
  }

  @Test
  void withCacertLoginDiscoveryAndServerGroupsWorkThroughTls() throws IOException {
    CloudConfig c = tlsCloud(true);
    assertEquals(caPem, c.caCertFile().orElseThrow());
    assertTrue(c.authUrl().startsWith("https://"), c.authUrl());
    keystone.reset();
    compute.reset();
    image.reset();
    try (OpenStackClient os = OpenStackClient.connect(c)) {
      Lab.remember(os);
      CloudDiscovery.Discovered d = os.discovery().discover("tls");
      CloudProfile p = d.profile();
      assertTrue(p.flavors().size() >= 200, p.flavors().size() + " flavors");
      assertFalse(p.images().isEmpty());
      ClusterPlan plan = ServerGroupsIT.plan(p, "it-tls-" + Long.toString(System.nanoTime() % 100_000, 36));
      ServerGroups sg = os.serverGroups();
      try {
        assertEquals(plan.serverGroupsToCreate().size(), sg.ensure(plan).created().size());
      } finally {
        assertEquals(plan.serverGroupsToCreate().size(), sg.deleteFor(plan).size());
      }
      // every call went through the TLS proxies and was answered
      assertTrue(os.calls().calls().stream().allMatch(x -> x.status() >= 200 && x.status() < 300), os.calls().calls().toString());
      assertEquals(1, keystone.exchanges().size(), keystone.exchanges().toString());
      assertTrue(image.exchanges().size() >= 1, image.exchanges().toString());
      long computeCalls = os.calls().calls().stream().filter(x -> x.service().equals("compute")).count();
      assertEquals(computeCalls, compute.exchanges().size(), compute.exchanges().toString());
    }
  }

  @Test
  void withoutCacertTheLoginFailsWithATypedTlsErrorNamingTheFix() throws IOException {
    CloudConfig c = tlsCloud(false);
    keystone.reset();
    OpenStackConnectionException e = assertThrows(OpenStackConnectionException.class, () -> OpenStackClient.connect(c));
    assertEquals(OpenStackConnectionException.Kind.TLS_FAILED, e.kind(), e.getMessage());
    assertEquals("identity", e.service());
    assertTrue(e.getMessage().contains("TLS handshake failed") && e.getMessage().contains("cacert"), e.getMessage());
    assertFalse(e.getMessage().contains(c.password().orElseThrow().reveal()), e.getMessage());
    assertEquals(0, keystone.exchanges().size(), "no request got past the handshake: " + keystone.exchanges());
  }
}
