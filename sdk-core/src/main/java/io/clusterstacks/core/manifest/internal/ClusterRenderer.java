package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.manifest.Notice;
import io.clusterstacks.core.manifest.RenderOptions;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.VersionCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the cluster model into Kubernetes object trees, in apply order: checks the spec first
 * ({@link RenderChecks}), then asks each object family for its documents.
 */
public final class ClusterRenderer {
  private ClusterRenderer() {}

  /**
   * Renders a cluster.
   *
   * @param s the spec
   * @param options the options
   * @param docsOut where the documents go
   * @param noticesOut where the notices go
   */
  public static void render(ClusterSpec s, RenderOptions options, List<ObjectNode> docsOut, List<Notice> noticesOut) {
    RenderContext ctx = new RenderContext(s, options);
    RenderChecks.serverGroupsReferable(ctx);
    Map<String, OrcImage> images = RenderChecks.orcImages(ctx);
    Map<String, ServerGroupRef.ToCreate> groups = s.mode() == OutputMode.RAW_CAPI
        ? RenderChecks.orcServerGroups(ctx) : Map.of();
    if (options.includeClusterStack() && s.mode() == OutputMode.TOPOLOGY) {
      Optional<String> stackNs = s.classNamespace().or(s::namespace);
      s.clusterStack().ifPresent(cs -> ctx.docs.add(StackObjects.clusterStack(cs.namespace().isPresent() ? cs
          : cs.toBuilder().namespace(stackNs).build())));
      s.cspoTemplate().ifPresent(t -> ctx.docs.add(StackObjects.cspoTemplate(t.namespace().isPresent() ? t
          : CspoReleaseTemplate.builder().from(t).namespace(stackNs).build())));
    }
    s.versionCheck().filter(v -> v.status() == VersionCheck.Status.PARTIAL && s.mode() == OutputMode.TOPOLOGY)
        .ifPresent(v -> ctx.notices.add(Notice.of(Severity.WARNING, Notice.Code.VERSION_CHECK_PARTIAL, v.message())));
    if (options.includeCredentials()) {
      s.credentials().ifPresent(c -> CredentialObjects.render(ctx, c));
    }
    for (OrcImage img : images.values()) {
      ctx.docs.add(OrcObjects.orcImage(img, s.namespace(), ctx.secretName(), ctx.cloudName()));
    }
    if (s.mode() == OutputMode.TOPOLOGY) {
      ctx.docs.add(ClusterObjects.topologyCluster(ctx));
    } else {
      raw(ctx, groups);
    }
    docsOut.addAll(ctx.docs);
    noticesOut.addAll(ctx.notices);
  }

  private static void raw(RenderContext ctx, Map<String, ServerGroupRef.ToCreate> groups) {
    ClusterSpec s = ctx.s;
    ctx.notices.add(Notice.of(Severity.WARNING, Notice.Code.RAW_MODE_NO_ADDONS, "Raw CAPI mode: no cluster stack "
        + "operator installs addons for this cluster (no CNI, no OpenStack cloud controller manager, no Cinder CSI, no "
        + "metrics-server). Nodes run with cloud-provider=external and stay NotReady (tainted "
        + "node.cloudprovider.kubernetes.io/uninitialized) until you install a cloud controller manager and a CNI, "
        + "e.g. with a ClusterResourceSet or Helm."));
    String version = s.kubernetesVersion().orElseThrow();
    String cpName = s.name() + "-control-plane";
    for (ServerGroupRef.ToCreate g : groups.values()) {
      ctx.docs.add(OrcObjects.serverGroup(ctx, g));
    }
    if (!groups.isEmpty()) {
      ctx.notices.add(Notice.of(Severity.INFO, Notice.Code.ORC_SERVER_GROUPS, "server groups "
          + String.join(", ", groups.keySet()) + " are created by ORC (v2.2.0 or later) and machines find them by "
          + "name; machines fail to create until ORC has made them"));
    }
    boolean pods = s.dialect().map(d -> !d.hasMachines(Role.CONTROL_PLANE)).orElse(false);
    ctx.docs.add(ClusterObjects.rawCluster(ctx, cpName, pods));
    ctx.docs.add(InfrastructureObjects.openStackCluster(ctx, pods));
    if (pods) {
      ctx.docs.add(ControlPlaneObjects.kamajiControlPlane(ctx, cpName, version));
    } else {
      ctx.docs.add(ControlPlaneObjects.kubeadmControlPlane(ctx, cpName, version));
      ctx.docs.add(InfrastructureObjects.machineTemplate(ctx, cpName, Role.CONTROL_PLANE, s.controlPlane(), version));
    }
    for (MachineDeploymentSpec md : s.machineDeployments()) {
      MachineDeploymentObjects.render(ctx, md, version);
    }
    boolean ignition = ctx.roleInputs().values().stream()
        .anyMatch(m -> m.bootstrap().map(b -> b.format() == BootstrapFormat.IGNITION).orElse(false));
    if (ignition) {
      ctx.notices.add(Notice.of(Severity.WARNING, Notice.Code.IGNITION_FEATURE_GATE, "Ignition bootstrap needs the CAPI "
          + "feature gate EXP_KUBEADM_BOOTSTRAP_FORMAT_IGNITION=true on the management cluster"));
    }
  }
}
