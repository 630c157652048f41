package io.clusterstacks.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** General-purpose Ubuntu: what a plain Ubuntu image runs at boot to become a kubeadm node. */
class UbuntuNodeSetupTest {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern MINOR_REPO = Pattern.compile(".*/v(1\\.\\d+)/deb/$");
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  /** A deb line of a sources.list file, split into its parts. */
  record DebLine(String options, URI uri, String suite) {
    static DebLine parse(String content) {
      List<String> lines = content.lines().filter(l -> !l.isBlank()).toList();
      assertEquals(1, lines.size(), "one deb line expected in: " + content);
      List<String> w = List.of(lines.get(0).trim().split("\\s+"));
      assertEquals("deb", w.get(0));
      assertTrue(w.get(1).startsWith("[signed-by=") && w.get(1).endsWith("]"), w.get(1));
      assertEquals(4, w.size(), "deb [options] uri suite: " + w);
      return new DebLine(w.get(1), URI.create(w.get(2)), w.get(3));
    }

    String keyring() {
      return options.substring("[signed-by=".length(), options.length() - 1);
    }
  }

  private static BootstrapFile file(BootstrapAdditions a, String path) {
    return a.files().stream().filter(f -> f.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no file " + path + " in " + a.files().stream()
            .map(BootstrapFile::path).toList()));
  }

  private static String minorOf(URI repo) {
    Matcher m = MINOR_REPO.matcher(repo.toString());
    assertTrue(m.matches(), "repository URL does not end in /v1.N/deb/: " + repo);
    return m.group(1);
  }

  /** The curl download whose output file is later dearmored into this keyring. */
  private static URI keyUrlFor(List<String> cmds, String keyring) {
    List<List<String>> gpg = ShellWords.invocations(cmds, "gpg");
    List<String> dearmor = gpg.stream().filter(c -> keyring.equals(ShellWords.option(c, "-o")))
        .findFirst().orElseThrow(() -> new AssertionError("no gpg --dearmor -o " + keyring));
    assertTrue(dearmor.contains("--dearmor"));
    String input = dearmor.get(dearmor.size() - 1);
    List<String> curl = ShellWords.invocations(cmds, "curl").stream()
        .filter(c -> input.equals(ShellWords.option(c, "-o"))).findFirst()
        .orElseThrow(() -> new AssertionError("no curl -o " + input));
    assertTrue(curl.contains("-fsSL"), "curl must fail on HTTP errors: " + curl);
    return URI.create(curl.get(curl.size() - 1));
  }

  private static Map<String, String> pinnedPackages(List<String> install) {
    return install.stream().filter(w -> w.contains("="))
        .collect(Collectors.toMap(w -> w.substring(0, w.indexOf('=')), w -> w.substring(w.indexOf('=') + 1)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v1.29.15", "v1.30.14", "v1.31.12", "v1.32.8", "v1.33.4", "v1.34.7"})
  void perMinorTheRepositoriesMatchThePackagesArePinnedAndHeld(String version) {
    String minor = version.substring(1, version.lastIndexOf('.'));
    String patch = version.substring(1);
    BootstrapAdditions a = UbuntuNodeSetup.defaults().bootstrap(version, NodeArchitecture.X86_64);
    List<String> cmds = a.preKubeadmCommands();

    DebLine k8s = DebLine.parse(file(a, "/etc/apt/sources.list.d/kubernetes.list").content().orElseThrow());
    assertEquals("pkgs.k8s.io", k8s.uri().getHost());
    assertEquals("/core:/stable:/v" + minor + "/deb/", k8s.uri().getPath());
    assertEquals(minor, minorOf(k8s.uri()));
    assertEquals("/", k8s.suite());
    URI k8sKey = keyUrlFor(cmds, k8s.keyring());
    assertEquals(k8s.uri().resolve("Release.key"), k8sKey, "key comes from the same minor's repository");

    DebLine crio = DebLine.parse(file(a, "/etc/apt/sources.list.d/cri-o.list").content().orElseThrow());
    assertEquals("download.opensuse.org", crio.uri().getHost());
    assertEquals("/repositories/isv:/cri-o:/stable:/v" + minor + "/deb/", crio.uri().getPath());
    assertEquals(minor, minorOf(crio.uri()), "CRI-O stream follows the Kubernetes minor");
    assertEquals(crio.uri().resolve("Release.key"), keyUrlFor(cmds, crio.keyring()));

    List<List<String>> installs = ShellWords.invocations(cmds, "apt-get").stream()
        .filter(c -> c.contains("install")).toList();
    assertEquals(1, installs.size(), "one apt-get install: " + installs);
    List<String> install = installs.get(0);
    assertTrue(install.contains("-y"));
    Map<String, String> pins = pinnedPackages(install);
    for (String p : List.of("kubelet", "kubeadm", "kubectl")) {
      assertEquals(patch + "-*", pins.get(p), p + " pinned to the exact patch: " + install);
      assertFalse(install.contains(p), p + " must not also appear unpinned");
    }
    assertTrue(install.contains("cri-o"));

    List<List<String>> holds = ShellWords.invocations(cmds, "apt-mark");
    assertEquals(1, holds.size());
    assertEquals("hold", holds.get(0).get(1));
    assertTrue(holds.get(0).containsAll(List.of("kubelet", "kubeadm", "kubectl", "cri-o")), holds.toString());
    int installAt = indexOf(cmds, "apt-get install");
    assertTrue(indexOf(cmds, "apt-mark hold") > installAt, "held after installing");
    assertTrue(indexOf(cmds, "apt-get update") < installAt, "index refreshed before installing");
    assertTrue(indexOf(cmds, "gpg ") < indexOf(cmds, "apt-get update"), "keys before apt-get update");
  }

  private static int indexOf(List<String> cmds, String fragment) {
    for (int i = 0; i < cmds.size(); i++) {
      if (cmds.get(i).contains(fragment)) {
        return i;
      }
    }
    throw new AssertionError("no command containing '" + fragment + "' in " + cmds);
  }

  @Test
  void loadsModulesSetsSysctlsAndDisablesSwapBeforeInstalling() {
    BootstrapAdditions a = UbuntuNodeSetup.defaults().bootstrap("v1.33.4", NodeArchitecture.X86_64);
    List<String> modules = file(a, "/etc/modules-load.d/kubernetes.conf").content().orElseThrow().lines().toList();
    assertEquals(List.of("overlay", "br_netfilter"), modules);
    Map<String, String> sysctls = file(a, "/etc/sysctl.d/99-kubernetes.conf").content().orElseThrow().lines()
        .map(l -> l.split("=", 2)).collect(Collectors.toMap(p -> p[0].trim(), p -> p[1].trim()));
    assertEquals(Map.of("net.bridge.bridge-nf-call-iptables", "1", "net.bridge.bridge-nf-call-ip6tables", "1",
        "net.ipv4.ip_forward", "1"), sysctls);
    List<String> cmds = a.preKubeadmCommands();
    List<String> modprobed = ShellWords.invocations(cmds, "modprobe").stream().map(c -> c.get(1)).toList();
    assertEquals(List.of("overlay", "br_netfilter"), modprobed);
    assertEquals(List.of(List.of("swapoff", "-a")), ShellWords.invocations(cmds, "swapoff"));
    assertEquals(List.of("sysctl", "--system"), ShellWords.invocations(cmds, "sysctl").get(0));
    assertTrue(indexOf(cmds, "sysctl --system") < indexOf(cmds, "apt-get install"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"crio", "ubuntu-containerd", "containerd-release", "proxy-and-mirror"})
  void everyCommandAndTheWholeSequencePassBashAndDashSyntaxChecks(String variant) {
    UbuntuNodeSetup setup = switch (variant) {
      case "crio" -> UbuntuNodeSetup.defaults();
      case "ubuntu-containerd" -> UbuntuNodeSetup.of(b -> b.runtime(ContainerRuntime.ubuntuContainerd()));
      case "containerd-release" -> UbuntuNodeSetup.of(b -> b.release(UbuntuRelease.JAMMY)
          .runtime(ContainerRuntime.containerdRelease("1.7.27", SHA_A, "1.2.6", SHA_B)));
      default -> UbuntuNodeSetup.of(b -> b.proxy(HttpProxy.of("http://proxy.internal:3128", "10.0.0.0/8", ".svc"))
          .mirrors(PackageMirrors.of(m -> m.kubernetesDeb("https://mirror.internal/k8s")
              .crioDeb("https://mirror.internal/crio/"))));
    };
    BootstrapAdditions a = setup.bootstrap("v1.32.8", NodeArchitecture.AARCH64);
    for (String c : a.preKubeadmCommands()) {
      BashSyntax.assertParses(c);
    }
    String script = String.join("\n", a.preKubeadmCommands());
    BashSyntax.assertParses(script);
    // cloud-init runs runcmd with /bin/sh (dash on Ubuntu): stay POSIX
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/dash")), "dash not installed");
    BashSyntax.assertParses("/bin/dash", script);
  }

  @Test
  void cloudConfigParsesAndCarriesTheFilesAndCommandsUnchanged() throws Exception {
    BootstrapAdditions a = UbuntuNodeSetup.defaults().bootstrap("v1.34.7", NodeArchitecture.X86_64);
    String doc = BootstrapPreview.cloudConfig(a);
    assertTrue(doc.startsWith("#cloud-config\n"));
    JsonNode root = YAML.readTree(doc);
    List<String> runcmd = new ArrayList<>();
    root.get("runcmd").forEach(n -> runcmd.add(n.asText()));
    assertEquals(a.preKubeadmCommands(), runcmd);
    assertEquals(a.files().size(), root.get("write_files").size());
    for (int i = 0; i < a.files().size(); i++) {
      JsonNode f = root.get("write_files").get(i);
      assertEquals(a.files().get(i).path(), f.get("path").asText());
      assertEquals(a.files().get(i).content().orElseThrow(), f.get("content").asText());
      assertEquals("0644", f.get("permissions").asText(), "permissions stay an octal string");
    }
  }

  @Test
  void additionsAreAppendedAfterTheTemplatesOwnCommandsAndFiles() throws Exception {
    ObjectNode spec = (ObjectNode) YAML.readTree("""
        files:
        - path: /etc/kube-proxy-patch.sh
          content: echo patch
        preKubeadmCommands:
        - bash /etc/kube-proxy-patch.sh
        joinConfiguration:
          nodeRegistration:
            kubeletExtraArgs:
              cloud-provider: external
        """);
    BootstrapAdditions a = UbuntuNodeSetup.defaults().bootstrap("v1.33.4", NodeArchitecture.X86_64);
    KubeadmSpecPatcher.apply(a, spec, true);
    assertEquals("bash /etc/kube-proxy-patch.sh", spec.get("preKubeadmCommands").get(0).asText());
    assertEquals(1 + a.preKubeadmCommands().size(), spec.get("preKubeadmCommands").size());
    assertEquals("/etc/kube-proxy-patch.sh", spec.get("files").get(0).get("path").asText());
    assertEquals(1 + a.files().size(), spec.get("files").size());
    assertEquals("external",
        spec.at("/joinConfiguration/nodeRegistration/kubeletExtraArgs/cloud-provider").asText());
    assertTrue(spec.path("format").isMissingNode(), "cloud-config is the default; format stays unset");
  }

  @Test
  void ubuntusOwnContainerdComesFromTheUbuntuArchiveWithSystemdCgroups() {
    BootstrapAdditions a = UbuntuNodeSetup.of(b -> b.runtime(ContainerRuntime.ubuntuContainerd()))
        .bootstrap("v1.31.12", NodeArchitecture.X86_64);
    assertTrue(a.files().stream().noneMatch(f -> f.path().contains("cri-o")), "no CRI-O repository");
    List<String> install = ShellWords.invocations(a.preKubeadmCommands(), "apt-get").stream()
        .filter(c -> c.contains("install")).findFirst().orElseThrow();
    assertTrue(install.contains("containerd"), install.toString());
    assertFalse(install.contains("cri-o"));
    List<String> sed = ShellWords.invocations(a.preKubeadmCommands(), "sed").stream()
        .filter(c -> c.contains("/etc/containerd/config.toml")).findFirst().orElseThrow();
    assertEquals("s/SystemdCgroup = false/SystemdCgroup = true/", sed.get(2));
    assertTrue(ShellWords.invocations(a.preKubeadmCommands(), "apt-mark").get(0).contains("containerd"));
  }

  @Test
  void containerdReleaseIsVerifiedAgainstTheGivenChecksumBeforeItIsUnpacked() {
    BootstrapAdditions a = UbuntuNodeSetup.of(b -> b
            .runtime(ContainerRuntime.containerdRelease("1.7.27", SHA_A, "1.2.6", SHA_B)))
        .bootstrap("v1.32.8", NodeArchitecture.AARCH64);
    List<String> cmds = a.preKubeadmCommands();
    List<URI> downloads = ShellWords.invocations(cmds, "curl").stream()
        .map(c -> URI.create(c.get(c.size() - 1))).toList();
    assertTrue(downloads.contains(URI.create("https://github.com/containerd/containerd/releases/download/v1.7.27/"
        + "containerd-1.7.27-linux-arm64.tar.gz")), downloads.toString());
    assertTrue(downloads.contains(URI.create(
        "https://github.com/opencontainers/runc/releases/download/v1.2.6/runc.arm64")), downloads.toString());
    String unpack = cmds.stream().filter(c -> c.contains("tar -C /usr/local")).findFirst().orElseThrow();
    List<List<String>> chain = ShellWords.commands(unpack);
    assertEquals(List.of("echo", SHA_A + "  /tmp/containerd-1.7.27-linux-arm64.tar.gz"), chain.get(0));
    assertEquals(List.of("sha256sum", "-c", "-"), chain.get(1));
    assertEquals("tar", chain.get(2).get(0));
    assertTrue(unpack.contains("sha256sum -c - && tar"), "tar runs only when the checksum matched");
    assertTrue(a.files().stream().anyMatch(f -> f.path().equals("/etc/systemd/system/containerd.service")));
    List<String> install = ShellWords.invocations(cmds, "apt-get").stream()
        .filter(c -> c.contains("install")).findFirst().orElseThrow();
    assertFalse(install.contains("containerd"), "containerd comes from the tarball, not apt");
  }

  @Test
  void aMirrorReplacesEveryUpstreamLocationKeepingThePathLayout() {
    PackageMirrors mirrors = PackageMirrors.of(m -> m.kubernetesDeb("https://mirror.internal/k8s/")
        .crioDeb("https://mirror.internal/crio"));
    BootstrapAdditions a = UbuntuNodeSetup.of(b -> b.mirrors(mirrors)).bootstrap("v1.30.14", NodeArchitecture.X86_64);
    DebLine k8s = DebLine.parse(file(a, "/etc/apt/sources.list.d/kubernetes.list").content().orElseThrow());
    assertEquals(URI.create("https://mirror.internal/k8s/v1.30/deb/"), k8s.uri());
    DebLine crio = DebLine.parse(file(a, "/etc/apt/sources.list.d/cri-o.list").content().orElseThrow());
    assertEquals(URI.create("https://mirror.internal/crio/v1.30/deb/"), crio.uri());
    for (List<String> curl : ShellWords.invocations(a.preKubeadmCommands(), "curl")) {
      assertEquals("mirror.internal", URI.create(curl.get(curl.size() - 1)).getHost(), curl.toString());
    }
  }

  @Test
  void aProxyIsUsedByAptCurlAndTheRuntime() {
    HttpProxy proxy = HttpProxy.of("http://proxy.internal:3128", "10.8.0.0/20", ".svc", ".cluster.local");
    BootstrapAdditions a = UbuntuNodeSetup.of(b -> b.proxy(proxy)).bootstrap("v1.33.4", NodeArchitecture.X86_64);
    String apt = file(a, "/etc/apt/apt.conf.d/90clusterstacks-proxy").content().orElseThrow();
    assertTrue(apt.contains("Acquire::https::Proxy \"http://proxy.internal:3128\";"), apt);
    String dropin = file(a, "/etc/systemd/system/crio.service.d/10-clusterstacks-proxy.conf").content().orElseThrow();
    assertTrue(dropin.contains("Environment=\"NO_PROXY=localhost,127.0.0.1,10.8.0.0/20,.svc,.cluster.local\""),
        dropin);
    for (List<String> curl : ShellWords.invocations(a.preKubeadmCommands(), "curl")) {
      assertEquals("http://proxy.internal:3128", ShellWords.option(curl, "--proxy"), curl.toString());
    }
    assertTrue(indexOf(a.preKubeadmCommands(), "systemctl daemon-reload")
        < indexOf(a.preKubeadmCommands(), "systemctl restart crio.service"));
  }

  @Test
  void proxyCredentialsAreRefusedWithoutEchoingThem() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class,
        () -> HttpProxy.of("http://user:s3cret@proxy.internal:3128"));
    assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), "the secret must not appear: " + e.getMessage());
  }

  @Test
  void mirrorsAndChecksumsAreValidatedAllAtOnce() {
    ClusterStacksException e = assertThrows(ClusterStacksException.class, () -> PackageMirrors.of(m -> m
        .kubernetesDeb("ftp://mirror/k8s").crioDeb("https://mirror/crio;rm -rf /")));
    assertTrue(e.getMessage().contains("kubernetesDeb") && e.getMessage().contains("crioDeb"), e.getMessage());
    ClusterStacksException c = assertThrows(ClusterStacksException.class,
        () -> ContainerRuntime.containerdRelease("v1.7", "xyz", "1.2.6", SHA_B));
    assertTrue(c.getMessage().contains("containerdVersion") && c.getMessage().contains("containerdSha256"),
        c.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.32", "v1.32", "latest", "v1.27.16", "v2.0.0"})
  void theExactSupportedKubernetesVersionIsRequired(String version) {
    ClusterStacksException e = assertThrows(ClusterStacksException.class,
        () -> UbuntuNodeSetup.defaults().bootstrap(version, NodeArchitecture.X86_64));
    assertTrue(e.getMessage().contains("kubernetesVersion"), e.getMessage());
    assertTrue(e.getMessage().contains(version), e.getMessage());
  }

  @Test
  void generationIsDeterministic() {
    UbuntuNodeSetup s = UbuntuNodeSetup.of(b -> b.proxy(HttpProxy.of("http://p:3128")));
    BootstrapAdditions a = s.bootstrap("v1.33.4", NodeArchitecture.X86_64);
    BootstrapAdditions b = s.bootstrap("1.33.4", NodeArchitecture.X86_64);
    assertEquals(a, b);
    assertEquals(BootstrapPreview.cloudConfig(a), BootstrapPreview.cloudConfig(b));
    assertNotNull(a.toString());
  }
}
