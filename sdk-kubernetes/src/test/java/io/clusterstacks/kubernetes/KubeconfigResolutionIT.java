package io.clusterstacks.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.kubernetes.lab.RoleBoundToken;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ManagementCluster#connect()}'s resolution against the lab's API server: {@code KUBECONFIG} (one
 * file, and a list of files merged), {@code ~/.kube/config}, and the in-cluster service account, each with
 * its default context and a chosen one.
 *
 * <p>Each case runs {@link ConnectProbe} in a child JVM whose environment the test sets whole (HOME,
 * KUBECONFIG, KUBERNETES_SERVICE_HOST/PORT; nothing inherited), so the build's own environment neither
 * helps nor harms. Every choice the resolution should not make points at a closed port, and every context
 * has its own namespace: the probe's ConfigMap {@code resolved} is found by the test (as admin) in the
 * namespace of the context that should have been chosen, written with that context's credentials. The
 * children log at DEBUG; no token appears in what they print.
 */
class KubeconfigResolutionIT {
  /** Nothing listens here: a kubeconfig choice that must not be taken points at it. */
  private static final String NOWHERE = "https://127.0.0.1:1";

  record Child(int exit, String out, String err) {
    String value(String key) {
      return out.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst()
          .orElse("(no " + key + " line; stdout: " + out + "; stderr: " + err + ")");
    }
  }

  private static Config admin() {
    return Config.fromKubeconfig(Lab.kubeconfig().toFile());
  }

  private static String caData(Config admin) throws Exception {
    return admin.getCaCertData() != null ? admin.getCaCertData()
        : Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(admin.getCaCertFile())));
  }

  /** A kubeconfig with one cluster and user per context: name → {server, namespace}; the first is current. */
  static Path kubeconfig(Path file, String token, Map<String, String[]> contexts) throws Exception {
    String ca = caData(admin());
    StringBuilder clusters = new StringBuilder();
    StringBuilder ctxs = new StringBuilder();
    for (var e : contexts.entrySet()) {
      clusters.append("- name: ").append(e.getKey()).append("\n  cluster:\n    server: ").append(e.getValue()[0])
          .append("\n    certificate-authority-data: ").append(ca).append('\n');
      ctxs.append("- name: ").append(e.getKey()).append("\n  context: {cluster: ").append(e.getKey())
          .append(", user: ").append(e.getKey()).append(", namespace: ").append(e.getValue()[1]).append("}\n");
    }
    StringBuilder users = new StringBuilder();
    for (String name : contexts.keySet()) {
      users.append("- name: ").append(name).append("\n  user: {token: ").append(token).append("}\n");
    }
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n" + clusters + "users:\n" + users
        + "contexts:\n" + ctxs + "current-context: " + contexts.keySet().iterator().next() + "\n");
  }

  static Map<String, String[]> contexts(String... nameServerNamespace) {
    Map<String, String[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameServerNamespace.length; i += 3) {
      m.put(nameServerNamespace[i], new String[] {nameServerNamespace[i + 1], nameServerNamespace[i + 2]});
    }
    return m;
  }

  /**
   * Runs the probe in a new JVM with exactly this environment (plus PATH) and these system properties.
   */
  static Child probe(Map<String, String> env, List<String> sysProps, String label, String... context)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"));
    cmd.addAll(sysProps);
    cmd.add(ConnectProbe.class.getName());
    cmd.add(label);
    cmd.addAll(List.of(context));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().putAll(env);
    Path dir = Files.createTempDirectory("probe");
    pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    Process p = pb.start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the probe did not finish in 3 minutes: " + Files.readString(dir.resolve("err")));
    }
    Child c = new Child(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    assertEquals(0, c.exit(), c.toString());
    return c;
  }

  /** The probe's ConfigMap as the admin reads it, checked to carry the label of this run. */
  static void assertApplied(Child c, String ns, String label) {
    assertEquals("CREATED ConfigMap/" + ns + "/resolved", c.value("apply"), c.toString());
    ConfigMap cm = Lab.admin().configMaps().inNamespace(ns).withName("resolved").get();
    assertEquals(label, cm.getData().get("by"));
    assertEquals(ManagementCluster.FIELD_MANAGER, cm.getMetadata().getManagedFields().get(0).getManager());
  }

  static void assertNoSecret(Child c, String token) {
    assertFalse(c.out().contains(token) || c.err().contains(token), "the token appears in the probe's output");
    assertTrue(c.err().contains("DEBUG"), "the probe logged at DEBUG: " + c.err());
  }

  static String labServer() {
    return admin().getMasterUrl().replaceAll("/$", "");
  }

  @Test
  void kubeconfigVariableNamesTheFileAndWinsOverTheHomeFile(@TempDir Path dir) throws Exception {
    String token = admin().getAutoOAuthToken();
    String a = Lab.namespace("kc-env");
    String b = Lab.namespace("kc-env-ctx");
    Path home = dir.resolve("home");
    kubeconfig(home.resolve(".kube/config"), token, contexts("home", NOWHERE, "default"));
    Path file = kubeconfig(dir.resolve("env.kubeconfig"), token, contexts("env-a", labServer(), a, "env-b",
        labServer(), b));
    Map<String, String> env = Map.of("HOME", home.toString(), "KUBECONFIG", file.toString());

    Child current = probe(env, List.of(), "env-current");
    assertEquals(labServer() + "/", current.value("server"));
    assertEquals("env-a", current.value("context"));
    assertEquals(a, current.value("namespace"));
    assertApplied(current, a, "env-current");

    Child chosen = probe(env, List.of(), "env-chosen", "env-b");
    assertEquals("env-b", chosen.value("context"));
    assertApplied(chosen, b, "env-chosen");
    assertNoSecret(current, token);
    assertNoSecret(chosen, token);
  }

  /**
   * kubectl's rule for a list of files: the contexts of all files, the first current-context set wins, a
   * missing file in the list is skipped.
   */
  @Test
  void aListOfKubeconfigFilesIsMergedAndTheFirstCurrentContextWins(@TempDir Path dir) throws Exception {
    String token = admin().getAutoOAuthToken();
    String a = Lab.namespace("kc-list-first");
    String b = Lab.namespace("kc-list-second");
    Path first = kubeconfig(dir.resolve("first"), token, contexts("first", labServer(), a));
    // The second file's own current-context points nowhere: it must not be the one used.
    Path second = kubeconfig(dir.resolve("second"), token, contexts("second-current", NOWHERE, "default",
        "second", labServer(), b));
    String list = String.join(File.pathSeparator, first.toString(), dir.resolve("missing").toString(),
        second.toString());
    Map<String, String> env = Map.of("HOME", Files.createDirectories(dir.resolve("home")).toString(),
        "KUBECONFIG", list);

    Child current = probe(env, List.of(), "list-current");
    assertEquals("first", current.value("context"));
    assertApplied(current, a, "list-current");

    Child chosen = probe(env, List.of(), "list-chosen", "second");
    assertEquals("second", chosen.value("context"));
    assertEquals(b, chosen.value("namespace"));
    assertApplied(chosen, b, "list-chosen");
    assertNoSecret(current, token);
    assertNoSecret(chosen, token);
  }

  @Test
  void withoutKubeconfigVariableTheHomeFileIsUsed(@TempDir Path dir) throws Exception {
    String token = admin().getAutoOAuthToken();
    String a = Lab.namespace("kc-home");
    String b = Lab.namespace("kc-home-ctx");
    Path home = dir.resolve("home");
    kubeconfig(home.resolve(".kube/config"), token, contexts("home-a", labServer(), a, "home-b", labServer(), b));
    Map<String, String> env = Map.of("HOME", home.toString());

    Child current = probe(env, List.of(), "home-current");
    assertEquals("home-a", current.value("context"));
    assertApplied(current, a, "home-current");

    Child chosen = probe(env, List.of(), "home-chosen", "home-b");
    assertEquals("home-b", chosen.value("context"));
    assertApplied(chosen, b, "home-chosen");

    Child unknown = probe(env, List.of(), "home-unknown", "nope");
    assertTrue(unknown.value("invalid").startsWith("context "), unknown.toString());
    assertTrue(unknown.value("invalid").contains("home-a") && unknown.value("invalid").contains("home-b"),
        unknown.toString());
    assertNoSecret(current, token);
  }

  /**
   * A pod's view, without a pod (no kubelet runs in the lab): the ServiceAccount's token Secret, written by
   * v1.20's token controller (kube-controller-manager with --service-account-private-key-file and
   * --root-ca-file, lab/kubernetes/lib.sh), holds what the kubelet would mount: token, ca.crt, namespace.
   * The files go where the test says through fabric8's documented properties
   * ({@code kubernetes.auth.serviceAccount.token}, {@code kubernetes.certs.ca.file}, {@code kubenamespace})
   * instead of /var/run/secrets/kubernetes.io/serviceaccount, and the API server's address comes from
   * KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT, as in a pod. The token is bound to the documented
   * Role (which has no ConfigMaps: the first probe's 403 names the ServiceAccount as the user), then to a Role
   * for ConfigMaps, and the second probe's apply succeeds; no other credential is there.
   */
  @Test
  void inClusterTheServiceAccountIsUsed(@TempDir Path dir) throws Exception {
    String ns = Lab.namespace("kc-pod");
    Secret secret = RoleBoundToken.serviceAccountBoundToTheRole(Lab.admin(), ns, "sdk");
    Path mount = Files.createDirectories(dir.resolve("serviceaccount"));
    for (String key : List.of("token", "ca.crt", "namespace")) {
      Files.write(mount.resolve(key), Base64.getDecoder().decode(secret.getData().get(key)));
    }
    String token = Files.readString(mount.resolve("token"), StandardCharsets.UTF_8);
    URI server = URI.create(labServer());
    Map<String, String> env = Map.of("HOME", Files.createDirectories(dir.resolve("home")).toString(),
        "KUBERNETES_SERVICE_HOST", server.getHost(), "KUBERNETES_SERVICE_PORT", Integer.toString(server.getPort()));
    List<String> props = List.of("-Dkubernetes.auth.serviceAccount.token=" + mount.resolve("token"),
        "-Dkubernetes.certs.ca.file=" + mount.resolve("ca.crt"), "-Dkubenamespace=" + mount.resolve("namespace"));

    // The documented Role has no ConfigMaps: the server's refusal names the identity the probe used.
    Child refused = probe(env, props, "in-cluster");
    assertEquals(labServer() + "/", refused.value("server"));
    assertEquals("", refused.value("context"));
    assertEquals(ns, refused.value("namespace"));
    assertTrue(refused.value("rejection").startsWith("403 ")
        && refused.value("rejection").contains("\"system:serviceaccount:" + ns + ":sdk\""), refused.toString());
    Lab.admin().resource("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: configmaps, namespace: %s}
        rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, create, patch]}]
        """.formatted(ns)).create();
    Lab.admin().rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata()
        .withName("configmaps").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
        .withKind("Role").withName("configmaps").endRoleRef().addNewSubject().withKind("ServiceAccount")
        .withName("sdk").withNamespace(ns).endSubject().build()).create();
    Child pod = probe(env, props, "in-cluster");
    assertApplied(pod, ns, "in-cluster");
    assertNoSecret(refused, token);
    assertNoSecret(pod, token);

    Child withContext = probe(env, props, "in-cluster-context", "some-context");
    assertTrue(withContext.value("invalid").startsWith("context "), withContext.toString());
    assertTrue(withContext.value("invalid").contains("no kubeconfig"), withContext.toString());
  }

  /** Nothing to connect with: no KUBECONFIG, no ~/.kube/config, no service account. */
  @Test
  void withNothingToConnectWithTheErrorSaysWhatWasLookedFor(@TempDir Path dir) throws Exception {
    Map<String, String> env = Map.of("HOME", Files.createDirectories(dir.resolve("home")).toString());
    Child none = probe(env, List.of(), "none");
    assertTrue(none.value("invalid").startsWith("kubeconfig "), none.toString());
    assertTrue(none.value("invalid").contains("KUBECONFIG") && none.value("invalid").contains(".kube/config")
        && none.value("invalid").contains("service account"), none.toString());
  }
}
