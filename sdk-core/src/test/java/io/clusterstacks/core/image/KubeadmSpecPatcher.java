package io.clusterstacks.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import io.clusterstacks.core.model.BootstrapFormat;
import java.util.Map;

/** Applies bootstrap additions to a KubeadmConfig spec tree shaped like an SCS template (tests only). */
final class KubeadmSpecPatcher {
  private KubeadmSpecPatcher() {}

  /**
   * Appends files and commands, sets format/ignition and node registration settings.
   *
   * @param a the additions
   * @param spec the KubeadmConfig spec
   * @param controlPlane whether to touch {@code initConfiguration} as well
   */
  public static void apply(BootstrapAdditions a, ObjectNode spec, boolean controlPlane) {
    if (!a.files().isEmpty()) {
      ArrayNode files = array(spec, "files");
      for (BootstrapFile f : a.files()) {
        ObjectNode n = files.addObject();
        n.put("path", f.path());
        f.owner().ifPresent(o -> n.put("owner", o));
        f.permissions().ifPresent(p -> n.put("permissions", p));
        f.content().ifPresent(c -> n.put("content", c));
      }
    }
    if (!a.preKubeadmCommands().isEmpty()) {
      ArrayNode cmds = array(spec, "preKubeadmCommands");
      a.preKubeadmCommands().forEach(cmds::add);
    }
    if (a.format() == BootstrapFormat.IGNITION) {
      spec.put("format", a.format().value());
      ObjectNode clc = object(object(spec, "ignition"), "containerLinuxConfig");
      clc.put("additionalConfig", a.ignitionAdditionalConfig().orElseThrow());
    }
    if (!a.postKubeadmCommands().isEmpty()) {
      ArrayNode cmds = array(spec, "postKubeadmCommands");
      a.postKubeadmCommands().forEach(cmds::add);
    }
    boolean registration = !a.kubeletExtraArgs().isEmpty() || a.nodeName().isPresent();
    if (!registration) {
      return;
    }
    if (controlPlane) {
      nodeRegistration(a, object(object(spec, "initConfiguration"), "nodeRegistration"));
    }
    nodeRegistration(a, object(object(spec, "joinConfiguration"), "nodeRegistration"));
  }

  private static void nodeRegistration(BootstrapAdditions a, ObjectNode reg) {
    a.nodeName().ifPresent(n -> reg.put("name", n));
    if (!a.kubeletExtraArgs().isEmpty()) {
      ObjectNode args = object(reg, "kubeletExtraArgs");
      for (Map.Entry<String, String> e : a.kubeletExtraArgs().entrySet()) {
        args.put(e.getKey(), e.getValue());
      }
    }
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }

  private static ArrayNode array(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n instanceof ArrayNode o) {
      return o;
    }
    return parent.putArray(field);
  }
}
