package io.clusterstacks.core.image.internal;

import java.util.ArrayList;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.image.BootstrapTooLargeException;
import io.clusterstacks.core.image.FlatcarNodeSetup;
import io.clusterstacks.core.image.FlatcarVariant;
import io.clusterstacks.core.image.HttpProxy;
import io.clusterstacks.core.image.NodeArchitecture;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFormat;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates the Container Linux Config (CLC) and the kubeadm settings Flatcar on OpenStack needs.
 *
 * <p>Facts from CAPO v0.12 ({@code docs/book/src/clusteropenstack/configuration.md},
 * {@code templates/cluster-template-flatcar.yaml}, {@code -flatcar-sysext.yaml}): node name
 * {@code ${COREOS_OPENSTACK_HOSTNAME}}, {@code provider-id: openstack:///${COREOS_OPENSTACK_INSTANCE_UUID}},
 * {@code envsubst} over {@code /etc/kubeadm.yml}, {@code kubeadm.service} drop-in requiring
 * {@code containerd.service} and {@code coreos-metadata.service} with
 * {@code EnvironmentFile=/run/metadata/flatcar}; sysext {@code kubernetes-<version>-<arch>.raw} under
 * {@code /opt/extensions/kubernetes/}, linked as {@code /etc/extensions/kubernetes.raw}.
 */
public final class FlatcarConfig {

  /** Top-level sections a Container Linux Config may have. */
  public static final Set<String> CLC_SECTIONS = Set.of(
      "ignition", "storage", "systemd", "networkd", "passwd", "etcd", "flannel", "update", "locksmith",
      "docker");

  private static final String KUBEADM_DROPIN = String.join("\n",
      "[Unit]",
      "Requires=containerd.service coreos-metadata.service",
      "After=containerd.service coreos-metadata.service",
      "[Service]",
      "EnvironmentFile=/run/metadata/flatcar",
      "");

  private FlatcarConfig() {}

  /**
   * Generates the additions.
   *
   * @param setup the options
   * @param v the exact Kubernetes version
   * @param arch the node architecture
   * @return ignition additions
   */
  public static BootstrapAdditions generate(FlatcarNodeSetup setup, KubeVersion v, NodeArchitecture arch) {
    ObjectNode clc = Yamls.object();
    if (setup.variant() == FlatcarVariant.SYSEXT) {
      String raw = "kubernetes-" + v.tag() + "-" + arch.sysextName() + ".raw";
      String target = "/opt/extensions/kubernetes/" + raw;
      ObjectNode storage = clc.putObject("storage");
      ObjectNode file = storage.putArray("files").addObject();
      file.put("path", target);
      file.put("filesystem", "root");
      file.put("mode", 420);
      ObjectNode remote = file.putObject("contents").putObject("remote");
      remote.put("url", setup.mirrors().flatcarSysext() + raw);
      setup.sysextSha512().ifPresent(sum -> {
        ObjectNode hash = remote.putObject("verification").putObject("hash");
        hash.put("function", "sha512");
        hash.put("sum", sum);
      });
      ObjectNode link = storage.putArray("links").addObject();
      link.put("path", "/etc/extensions/kubernetes.raw");
      link.put("filesystem", "root");
      link.put("hard", false);
      link.put("target", target);
    }
    ArrayNode units = clc.putObject("systemd").putArray("units");
    ObjectNode kubeadm = units.addObject();
    kubeadm.put("name", "kubeadm.service");
    kubeadm.put("enabled", true);
    ObjectNode dropin = kubeadm.putArray("dropins").addObject();
    dropin.put("name", "10-flatcar.conf");
    dropin.put("contents", KUBEADM_DROPIN);
    ObjectNode sshKeys = units.addObject();
    sshKeys.put("name", "coreos-metadata-sshkeys@.service");
    sshKeys.put("enabled", true);
    if (!setup.autoUpdates()) {
      for (String unit : List.of("update-engine.service", "locksmithd.service")) {
        ObjectNode u = units.addObject();
        u.put("name", unit);
        u.put("mask", true);
      }
    }
    setup.proxy().ifPresent(p -> {
      ObjectNode containerd = units.addObject();
      containerd.put("name", "containerd.service");
      ObjectNode d = containerd.putArray("dropins").addObject();
      d.put("name", "10-clusterstacks-proxy.conf");
      d.put("contents", systemdProxy(p));
    });
    setup.additionalConfig().ifPresent(extra -> merge(clc, checkedClc(extra), "additionalConfig"));

    String config = Yamls.write(clc);
    int size = config.getBytes(StandardCharsets.UTF_8).length;
    if (size > BootstrapAdditions.MAX_IGNITION_BYTES) {
      throw new BootstrapTooLargeException(
          "ignition.containerLinuxConfig.additionalConfig", size, BootstrapAdditions.MAX_IGNITION_BYTES);
    }
    return BootstrapAdditions.builder()
        .format(BootstrapFormat.IGNITION)
        .ignitionAdditionalConfig(config)
        .nodeName("${COREOS_OPENSTACK_HOSTNAME}")
        .putKubeletExtraArgs("provider-id", "openstack:///${COREOS_OPENSTACK_INSTANCE_UUID}")
        .addPreKubeadmCommands(
            "export COREOS_OPENSTACK_HOSTNAME=${COREOS_OPENSTACK_HOSTNAME%.*}",
            "export COREOS_OPENSTACK_INSTANCE_UUID=${COREOS_OPENSTACK_INSTANCE_UUID}",
            "envsubst < " + FlatcarNodeSetup.KUBEADM_CONFIG_PATH + " > "
                + FlatcarNodeSetup.KUBEADM_CONFIG_PATH + ".tmp",
            "mv " + FlatcarNodeSetup.KUBEADM_CONFIG_PATH + ".tmp "
                + FlatcarNodeSetup.KUBEADM_CONFIG_PATH)
        .build();
  }

  /**
   * Parses a Container Linux Config and checks its top-level structure.
   *
   * @param yaml the config
   * @return the parsed object
   */
  public static ObjectNode checkedClc(String yaml) {
    JsonNode n = Yamls.read("flatcarNodeSetup.additionalConfig", yaml);
    if (!(n instanceof ObjectNode o)) {
      throw new InvalidInputException(List.of(Problem.of("flatcarNodeSetup.additionalConfig",
          "a " + n.getNodeType() + " at the top", "write a mapping with sections such as storage: and systemd:")));
    }
    List<Problem> p = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!CLC_SECTIONS.contains(f)) {
        p.add(Problem.of("flatcarNodeSetup.additionalConfig", Names.escaped(f), "use the sections "
            + String.join(", ", CLC_SECTIONS.stream().sorted().toList())));
      }
    }
    InvalidInputException.throwIfAny(p);
    return o;
  }

  private static void merge(ObjectNode into, ObjectNode from, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String p = path + "." + e.getKey();
      JsonNode existing = into.get(e.getKey());
      if (existing == null) {
        into.set(e.getKey(), e.getValue().deepCopy());
      } else if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode fo) {
        merge(eo, fo, p);
      } else if (existing instanceof ArrayNode ea && e.getValue() instanceof ArrayNode fa) {
        fa.forEach(x -> ea.add(x.deepCopy()));
      } else if (!existing.equals(e.getValue())) {
        throw new InvalidInputException(List.of(Problem.of("flatcarNodeSetup." + Names.shown(p),
            Names.shown(e.getValue().toString()), "the generated config sets " + Names.shown(existing.toString())
                + "; remove it from the additional config")));
      }
    }
  }

  private static String systemdProxy(HttpProxy p) {
    StringBuilder sb = new StringBuilder("[Service]\n");
    p.httpProxy().ifPresent(u -> sb.append("Environment=\"HTTP_PROXY=").append(u).append("\"\n"));
    p.httpsProxy().ifPresent(u -> sb.append("Environment=\"HTTPS_PROXY=").append(u).append("\"\n"));
    sb.append("Environment=\"NO_PROXY=").append(p.noProxyValue()).append("\"\n");
    return sb.toString();
  }
}
