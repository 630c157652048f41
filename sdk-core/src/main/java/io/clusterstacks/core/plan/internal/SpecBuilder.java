package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RolloutStrategy;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.MaintenanceOptIn;
import io.clusterstacks.core.plan.RolePlan;
import java.util.function.Consumer;

/** Turns a {@link ClusterPlan} into the model's {@link ClusterSpec}. */
public final class SpecBuilder {

  private SpecBuilder() {}

  /**
   * Builds the cluster spec of a plan.
   *
   * @param plan the plan
   * @param extras further settings (network, SSH key, namespace, ...), applied last
   * @return the spec
   */
  public static ClusterSpec toSpec(ClusterPlan plan, Consumer<ClusterSpec.Builder> extras) {
    ClusterSpec.Builder b = ClusterSpec.builder()
        .name(plan.request().clusterName())
        .mode(plan.mode())
        .kubernetesVersion(plan.request().kubernetesVersion());
    plan.request().className().ifPresent(b::className);
    plan.request().dialect().ifPresent(b::dialect);
    plan.request().credentials().ifPresent(b::credentials);
    if (plan.mode() == OutputMode.TOPOLOGY) {
      // the model renders a ClusterStack in topology mode only: raw CAPI mode uses no ClusterClass
      plan.request().clusterStackToRender().ifPresent(b::clusterStack);
    }
    // a control plane without machines (Kamaji's pods) is not planned here, but its replicas are the request's
    b.controlPlaneReplicas(plan.request().controlPlane().replicas());
    plan.controlPlane().ifPresent(cp -> {
      b.controlPlaneReplicas(cp.replicas());
      b.controlPlane(inputs(plan, cp, cp.deployments().get(0)));
      if (plan.mode() == OutputMode.RAW_CAPI) {
        b.controlPlaneMaxSurge(cp.placement().maxSurge());
      }
    });
    for (RolePlan w : plan.workers()) {
      for (RolePlan.Deployment d : w.deployments()) {
        b.addMachineDeployments(MachineDeploymentSpec.builder()
            .name(d.name())
            .replicas(d.replicas())
            .machine(inputs(plan, w, d))
            .strategy(RolloutStrategy.rollingUpdate(IntOrPercent.of(w.placement().maxSurge()),
                // CAPI rejects maxSurge 0 with maxUnavailable 0: without a surge, a rollout removes one first
                IntOrPercent.of(w.placement().maxSurge() == 0 ? 1 : 0)))
            .build());
      }
    }
    extras.accept(b);
    ClusterSpec spec = b.build();
    RolePlan imageRole = plan.controlPlane().orElse(plan.workers().isEmpty() ? null : plan.workers().get(0));
    return imageRole == null ? spec : imageRole.image().applyTo(spec);
  }

  private static MachineInputs inputs(ClusterPlan plan, RolePlan role, RolePlan.Deployment d) {
    MachineInputs.Builder m = MachineInputs.builder().flavor(FlavorRef.byName(role.flavor().name()));
    m.rootDisk(role.rootDisk().fromFlavorDisk() ? io.clusterstacks.core.model.RootDisk.flavorDisk()
        : io.clusterstacks.core.model.RootDisk.volume(role.rootDisk().volumeGiB()));
    d.serverGroup().ifPresent(m::serverGroup);
    MaintenanceOptIn opt = role.maintenance();
    if (opt.method() == MaintenanceOptIn.Method.SERVER_METADATA && opt.key().isPresent()) {
      m.putServerMetadata(opt.key().get(), opt.value());
    }
    return m.build();
  }
}
