package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.stack.Role;

/** A raw-mode worker group: its KubeadmConfigTemplate, OpenStackMachineTemplate and MachineDeployment. */
final class MachineDeploymentObjects {
  private MachineDeploymentObjects() {}

  static void render(RenderContext ctx, MachineDeploymentSpec md, String version) {
    var s = ctx.s;
    String n = s.name() + "-" + md.name();
    MachineInputs in = s.workerInputs(md);
    ObjectNode kct = ctx.header(ApiVersions.CABPK, "KubeadmConfigTemplate", n);
    kct.putObject("spec").putObject("template").set("spec", ControlPlaneObjects.kubeadmConfig(ctx, false, in.bootstrap()));
    ctx.docs.add(kct);
    ctx.docs.add(InfrastructureObjects.machineTemplate(ctx, n, Role.WORKER, in, version));
    ObjectNode mdDoc = ctx.header(ApiVersions.CAPI, "MachineDeployment", n);
    ObjectNode mspec = mdDoc.putObject("spec");
    mspec.put("clusterName", s.name());
    mspec.put("replicas", md.replicas());
    mspec.putObject("selector").putObject("matchLabels");
    md.strategy().ifPresent(st -> mspec.set("strategy", ClusterObjects.strategy(st)));
    ObjectNode tspec = mspec.putObject("template").putObject("spec");
    tspec.put("clusterName", s.name());
    tspec.put("version", version);
    md.failureDomain().ifPresent(f -> tspec.put("failureDomain", f));
    RenderContext.ref(tspec.putObject("bootstrap"), "configRef", ApiVersions.CABPK, "KubeadmConfigTemplate", n);
    RenderContext.ref(tspec, "infrastructureRef", ApiVersions.CAPO, "OpenStackMachineTemplate", n);
    ctx.docs.add(mdDoc);
  }
}
