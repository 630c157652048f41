package io.clusterstacks.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Flatcar: ignition with a Container Linux Config, as Flatcar on OpenStack needs it. */
class FlatcarNodeSetupTest {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> CLC_SECTIONS = Set.of("ignition", "storage", "systemd", "networkd",
      "passwd", "etcd", "flannel", "update", "locksmith", "docker");

  private static JsonNode clc(BootstrapAdditions a) throws Exception {
    assertEquals(BootstrapFormat.IGNITION, a.format());
    String text = a.ignitionAdditionalConfig().orElseThrow();
    assertTrue(text.getBytes(StandardCharsets.UTF_8).length < 32 * 1024, "CLC stays under 32 KiB");
    JsonNode root = YAML.readTree(text);
    assertTrue(root.isObject(), "CLC is a mapping");
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      assertTrue(CLC_SECTIONS.contains(f), "unknown CLC section " + f);
    }
    for (JsonNode unit : root.at("/systemd/units")) {
      assertTrue(unit.get("name").asText().matches("[A-Za-z0-9@._-]+\\.(service|timer|socket|mount|path)"),
          unit.toString());
    }
    for (JsonNode file : root.at("/storage/files")) {
      assertTrue(file.get("path").asText().startsWith("/"));
      assertEquals("root", file.get("filesystem").asText());
      assertTrue(file.get("mode").isInt(), "CLC mode is an integer: " + file);
    }
    return root;
  }

  private static JsonNode unit(JsonNode clc, String name) {
    for (JsonNode u : clc.at("/systemd/units")) {
      if (u.get("name").asText().equals(name)) {
        return u;
      }
    }
    throw new AssertionError("no unit " + name + " in " + clc);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"v1.29.15", "v1.30.14", "v1.31.12", "v1.32.8", "v1.33.4", "v1.34.7"})
  void sysextForTheExactVersionIsDownloadedAndLinked(String version) throws Exception {
    for (NodeArchitecture arch : NodeArchitecture.values()) {
      JsonNode clc = clc(FlatcarNodeSetup.defaults().bootstrap(version, arch));
      String raw = "kubernetes-" + version + "-" + arch.sysextName() + ".raw";
      JsonNode file = clc.at("/storage/files/0");
      assertEquals("/opt/extensions/kubernetes/" + raw, file.get("path").asText());
      assertEquals("https://github.com/flatcar/sysext-bakery/releases/download/latest/" + raw,
          file.at("/contents/remote/url").asText());
      JsonNode link = clc.at("/storage/links/0");
      assertEquals("/etc/extensions/kubernetes.raw", link.get("path").asText());
      assertEquals(file.get("path").asText(), link.get("target").asText());
      assertFalse(link.get("hard").asBoolean());
    }
  }

  @Test
  void nodeRegistersWithTheOpenStackHostnameAndInstanceUuid() throws Exception {
    BootstrapAdditions a = FlatcarNodeSetup.defaults().bootstrap("v1.33.4", NodeArchitecture.X86_64);
    assertEquals("${COREOS_OPENSTACK_HOSTNAME}", a.nodeName().orElseThrow());
    assertEquals("openstack:///${COREOS_OPENSTACK_INSTANCE_UUID}", a.kubeletExtraArgs().get("provider-id"));
    assertEquals("/etc/kubeadm.yml", FlatcarNodeSetup.KUBEADM_CONFIG_PATH);
    List<List<String>> envsubst = ShellWords.invocations(a.preKubeadmCommands(), "envsubst");
    assertEquals(List.of(List.of("envsubst", "<", "/etc/kubeadm.yml", ">", "/etc/kubeadm.yml.tmp")), envsubst);
    assertEquals(List.of(List.of("mv", "/etc/kubeadm.yml.tmp", "/etc/kubeadm.yml")),
        ShellWords.invocations(a.preKubeadmCommands(), "mv"));
    JsonNode kubeadm = unit(clc(a), "kubeadm.service");
    assertTrue(kubeadm.get("enabled").asBoolean());
    String dropin = kubeadm.at("/dropins/0/contents").asText();
    assertTrue(dropin.lines().anyMatch(l -> l.equals("EnvironmentFile=/run/metadata/flatcar")), dropin);
    assertTrue(dropin.lines().anyMatch(l -> l.startsWith("After=") && l.contains("coreos-metadata.service")));
    for (String c : a.preKubeadmCommands()) {
      BashSyntax.assertParses(c);
    }
    BashSyntax.assertParses(String.join("\n", a.preKubeadmCommands()));
  }

  @Test
  void imageBuilderVariantDownloadsNothing() throws Exception {
    JsonNode clc = clc(FlatcarNodeSetup.of(b -> b.variant(FlatcarVariant.IMAGE_BUILDER))
        .bootstrap("v1.32.8", NodeArchitecture.X86_64));
    assertTrue(clc.path("storage").isMissingNode(), clc.toString());
    assertTrue(unit(clc, "kubeadm.service").get("enabled").asBoolean());
  }

  @Test
  void aGivenSha512IsVerifiedByIgnition() throws Exception {
    String sum = "AB".repeat(64);
    JsonNode clc = clc(FlatcarNodeSetup.of(b -> b.sysextSha512(sum)).bootstrap("v1.32.8", NodeArchitecture.X86_64));
    JsonNode hash = clc.at("/storage/files/0/contents/remote/verification/hash");
    assertEquals("sha512", hash.get("function").asText());
    assertEquals(sum.toLowerCase(), hash.get("sum").asText());
    assertThrows(ClusterStacksException.class, () -> FlatcarNodeSetup.of(b -> b.sysextSha512("abc")));
  }

  @ParameterizedTest
  @EnumSource(FlatcarVariant.class)
  void autoUpdatesAreOffUnlessAskedFor(FlatcarVariant variant) throws Exception {
    JsonNode off = clc(FlatcarNodeSetup.of(b -> b.variant(variant)).bootstrap("v1.32.8", NodeArchitecture.X86_64));
    assertTrue(unit(off, "update-engine.service").get("mask").asBoolean());
    assertTrue(unit(off, "locksmithd.service").get("mask").asBoolean());
    JsonNode on = clc(FlatcarNodeSetup.of(b -> b.variant(variant).autoUpdates(true))
        .bootstrap("v1.32.8", NodeArchitecture.X86_64));
    List<String> names = new ArrayList<>();
    on.at("/systemd/units").forEach(u -> names.add(u.get("name").asText()));
    assertFalse(names.contains("update-engine.service"), names.toString());
  }

  @Test
  void additionalConfigIsMergedAndChecked() throws Exception {
    String extra = """
        systemd:
          units:
          - name: node-exporter.service
            enabled: true
        passwd:
          users:
          - name: core
            ssh_authorized_keys: ["ssh-ed25519 AAAA test"]
        """;
    JsonNode clc = clc(FlatcarNodeSetup.of(b -> b.additionalConfig(extra)).bootstrap("v1.32.8", NodeArchitecture.X86_64));
    assertTrue(unit(clc, "node-exporter.service").get("enabled").asBoolean());
    assertTrue(unit(clc, "kubeadm.service").get("enabled").asBoolean(), "generated units kept");
    assertEquals("core", clc.at("/passwd/users/0/name").asText());
    ClusterStacksException unknown = assertThrows(ClusterStacksException.class,
        () -> FlatcarNodeSetup.of(b -> b.additionalConfig("systemdd:\n  units: []\n"))
            .bootstrap("v1.32.8", NodeArchitecture.X86_64));
    assertTrue(unknown.getMessage().contains("systemdd"), unknown.getMessage());
  }

  @Test
  void aConfigAbove32KibIsRefusedWithItsSize() {
    StringBuilder big = new StringBuilder("storage:\n  files:\n");
    for (int i = 0; i < 400; i++) {
      big.append("  - path: /etc/big/").append(i).append("\n    filesystem: root\n    mode: 420\n")
          .append("    contents:\n      inline: ").append("x".repeat(80)).append('\n');
    }
    BootstrapTooLargeException e = assertThrows(BootstrapTooLargeException.class,
        () -> FlatcarNodeSetup.of(b -> b.additionalConfig(big.toString())).bootstrap("v1.32.8", NodeArchitecture.X86_64));
    assertEquals(32 * 1024, e.limitBytes());
    assertTrue(e.sizeBytes() > e.limitBytes());
    assertTrue(e.getMessage().contains("additionalConfig"), e.getMessage());
  }

  @Test
  void appliedToAControlPlaneSpecItSetsIgnitionAndBothRegistrations() throws Exception {
    ObjectNode spec = (ObjectNode) YAML.readTree("""
        initConfiguration:
          nodeRegistration:
            name: '{{ local_hostname }}'
            kubeletExtraArgs:
              cloud-provider: external
              provider-id: openstack:///{{ instance_id }}
        joinConfiguration:
          nodeRegistration:
            name: '{{ local_hostname }}'
        preKubeadmCommands:
        - echo template
        """);
    BootstrapAdditions a = FlatcarNodeSetup.defaults().bootstrap("v1.33.4", NodeArchitecture.X86_64);
    KubeadmSpecPatcher.apply(a, spec, true);
    assertEquals("ignition", spec.get("format").asText());
    assertEquals(a.ignitionAdditionalConfig().orElseThrow(), spec.at("/ignition/containerLinuxConfig/additionalConfig").asText());
    for (String phase : List.of("initConfiguration", "joinConfiguration")) {
      JsonNode reg = spec.at("/" + phase + "/nodeRegistration");
      assertEquals("${COREOS_OPENSTACK_HOSTNAME}", reg.get("name").asText());
      assertEquals("openstack:///${COREOS_OPENSTACK_INSTANCE_UUID}", reg.at("/kubeletExtraArgs/provider-id").asText());
    }
    assertEquals("external", spec.at("/initConfiguration/nodeRegistration/kubeletExtraArgs/cloud-provider").asText());
    assertEquals("echo template", spec.at("/preKubeadmCommands/0").asText());
  }
}
