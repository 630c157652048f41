package io.clusterstacks.core.manifest.internal;

import static io.clusterstacks.core.manifest.internal.RenderContext.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.RolloutStrategy;
import io.clusterstacks.core.stack.StackDialect;
import java.util.Map;
import java.util.TreeMap;

/** The CAPI Cluster: with a ClusterClass topology, or (raw mode) referring to its control plane and infrastructure. */
final class ClusterObjects {
  private ClusterObjects() {}

  static ObjectNode topologyCluster(RenderContext ctx) {
    var s = ctx.s;
    ObjectNode c = metadataLabels(ctx, ctx.header(ApiVersions.CAPI, "Cluster", s.name()));
    ObjectNode spec = c.putObject("spec");
    clusterNetwork(ctx, spec);
    ObjectNode t = spec.putObject("topology");
    t.put("class", s.className().orElseThrow().format());
    s.classNamespace().ifPresent(n -> t.put("classNamespace", n));
    t.put("version", s.kubernetesVersion().orElseThrow());
    t.putObject("controlPlane").put("replicas", s.controlPlaneReplicas());
    Map<String, Object> vars = s.topologyVariables();
    if (!vars.isEmpty()) {
      t.set("variables", variableList(vars));
    }
    if (!s.machineDeployments().isEmpty()) {
      ArrayNode mds = t.putObject("workers").putArray("machineDeployments");
      for (MachineDeploymentSpec md : s.machineDeployments()) {
        ObjectNode m = mds.addObject();
        m.put("class", md.workerClass().orElse(s.dialect().map(StackDialect::workerClass).orElse("default-worker")));
        m.put("name", md.name());
        m.put("replicas", md.replicas());
        md.failureDomain().ifPresent(f -> m.put("failureDomain", f));
        md.strategy().ifPresent(st -> m.set("strategy", strategy(st)));
        Map<String, Object> overrides = s.topologyOverrides(md);
        if (!overrides.isEmpty()) {
          m.putObject("variables").set("overrides", variableList(overrides));
        }
      }
    }
    return c;
  }

  /** The raw-mode Cluster; {@code pods}: its control plane is a KamajiControlPlane (pods, no machines). */
  static ObjectNode rawCluster(RenderContext ctx, String controlPlaneName, boolean pods) {
    var s = ctx.s;
    ObjectNode cluster = metadataLabels(ctx, ctx.header(ApiVersions.CAPI, "Cluster", s.name()));
    ObjectNode cspec = cluster.putObject("spec");
    clusterNetwork(ctx, cspec);
    if (pods) {
      RenderContext.ref(cspec, "controlPlaneRef", ApiVersions.KAMAJI_CP, "KamajiControlPlane", controlPlaneName);
    } else {
      RenderContext.ref(cspec, "controlPlaneRef", ApiVersions.KCP, "KubeadmControlPlane", controlPlaneName);
    }
    RenderContext.ref(cspec, "infrastructureRef", ApiVersions.CAPO, "OpenStackCluster", s.name());
    return cluster;
  }

  /** The user's labels, and the labels the credentials ClusterResourceSet selects. */
  private static ObjectNode metadataLabels(RenderContext ctx, ObjectNode cluster) {
    TreeMap<String, String> labels = new TreeMap<>(ctx.s.labels());
    if (ctx.s.credentials().isPresent()) {
      labels.putIfAbsent(ApiVersions.MANAGED_SECRET_LABEL, ctx.workloadStyle().secretName());
      labels.putIfAbsent(ApiVersions.CREDENTIALS_LABEL, ctx.secretName());
    }
    if (!labels.isEmpty()) {
      ObjectNode l = ((ObjectNode) cluster.get("metadata")).putObject("labels");
      labels.forEach(l::put);
    }
    return cluster;
  }

  private static void clusterNetwork(RenderContext ctx, ObjectNode spec) {
    ctx.s.clusterNetwork().ifPresent(n -> {
      ObjectNode cn = spec.putObject("clusterNetwork");
      if (!n.pods().isEmpty()) {
        ArrayNode a = cn.putObject("pods").putArray("cidrBlocks");
        n.pods().forEach(a::add);
      }
      if (!n.services().isEmpty()) {
        ArrayNode a = cn.putObject("services").putArray("cidrBlocks");
        n.services().forEach(a::add);
      }
      n.serviceDomain().ifPresent(d -> cn.put("serviceDomain", d));
    });
  }

  private static ArrayNode variableList(Map<String, Object> vars) {
    ArrayNode a = Yaml.NODES.arrayNode();
    for (Map.Entry<String, Object> e : new TreeMap<>(vars).entrySet()) {
      ObjectNode v = a.addObject();
      v.put("name", e.getKey());
      v.set("value", Yaml.toNode(e.getValue()));
    }
    return a;
  }

  /** A MachineDeployment's rollout strategy, shared by topology workers and raw MachineDeployments. */
  static ObjectNode strategy(RolloutStrategy st) {
    ObjectNode o = obj();
    o.put("type", "RollingUpdate");
    if (st.maxSurge().isPresent() || st.maxUnavailable().isPresent()) {
      ObjectNode ru = o.putObject("rollingUpdate");
      st.maxSurge().ifPresent(v -> putIntOrPercent(ru, "maxSurge", v));
      st.maxUnavailable().ifPresent(v -> putIntOrPercent(ru, "maxUnavailable", v));
    }
    return o;
  }

  private static void putIntOrPercent(ObjectNode o, String field, IntOrPercent v) {
    if (v.percent()) {
      o.put(field, v.toString());
    } else {
      o.put(field, v.value());
    }
  }
}
