package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.manifest.Notice;
import io.clusterstacks.core.manifest.RenderOptions;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.VariableSpec;
import io.clusterstacks.core.stack.WorkloadSecretStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the object families of one render share: the spec, the options, and the documents and notices so far. */
final class RenderContext {
  final ClusterSpec s;
  final RenderOptions options;
  final List<ObjectNode> docs = new ArrayList<>();
  final List<Notice> notices = new ArrayList<>();

  RenderContext(ClusterSpec s, RenderOptions options) {
    this.s = s;
    this.options = options;
  }

  static ObjectNode obj() {
    return Yaml.NODES.objectNode();
  }

  static ObjectNode header(String apiVersion, String kind, String name, Optional<String> namespace) {
    ObjectNode d = obj();
    d.put("apiVersion", apiVersion);
    d.put("kind", kind);
    ObjectNode md = d.putObject("metadata");
    md.put("name", name);
    namespace.ifPresent(n -> md.put("namespace", n));
    return d;
  }

  /** Sets {@code parent.field} to a reference {@code {apiVersion, kind, name}}. */
  static void ref(ObjectNode parent, String field, String apiVersion, String kind, String name) {
    ObjectNode r = parent.putObject(field);
    r.put("apiVersion", apiVersion);
    r.put("kind", kind);
    r.put("name", name);
  }

  /** A header in the cluster's namespace. */
  ObjectNode header(String apiVersion, String kind, String name) {
    return header(apiVersion, kind, name, s.namespace());
  }

  String secretName() {
    return s.credentials().map(CloudCredentials::secretName).orElse("openstack");
  }

  String cloudName() {
    return s.credentials().map(CloudCredentials::cloudName).orElse("openstack");
  }

  WorkloadSecretStyle workloadStyle() {
    return s.dialect().map(StackDialect::workloadSecret).orElse(WorkloadSecretStyle.CLOUDS_YAML);
  }

  Optional<VariableSpec> dialectVar(CommonVariable v) {
    return s.dialect().flatMap(d -> d.variableFor(v));
  }

  /** The machine inputs of every role that renders machines, by the path a message names. */
  Map<String, MachineInputs> roleInputs() {
    Map<String, MachineInputs> m = new LinkedHashMap<>();
    boolean cpMachines = s.mode() == OutputMode.RAW_CAPI || s.dialect().map(d -> d.hasMachines(Role.CONTROL_PLANE)).orElse(true);
    if (cpMachines) {
      m.put("controlPlane", s.controlPlane());
    }
    if (s.mode() == OutputMode.TOPOLOGY) {
      m.put("workers", s.workers());
    }
    for (MachineDeploymentSpec md : s.machineDeployments()) {
      m.put("machineDeployments[" + md.name() + "]", s.workerInputs(md));
    }
    return m;
  }
}
