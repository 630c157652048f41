package io.clusterstacks.core.plan.internal;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.HostCount;
import io.clusterstacks.core.cloud.HostKnowledge;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.core.cloud.Quotas;
import io.clusterstacks.core.flavor.FlavorConsistency;
import io.clusterstacks.core.flavor.FlavorDiscrepancy;
import io.clusterstacks.core.flavor.InvalidFlavorNameException;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.NodeShape;
import io.clusterstacks.core.image.UnsupportedCombinationException;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.plan.Alternative;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.core.plan.ClusterRequest;
import io.clusterstacks.core.plan.ControlPlaneRequest;
import io.clusterstacks.core.plan.FlavorChoice;
import io.clusterstacks.core.plan.FlavorNotFoundException;
import io.clusterstacks.core.plan.HostFailureTolerance;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import io.clusterstacks.core.plan.MaintenanceOptIn;
import io.clusterstacks.core.plan.PlacementPolicy;
import io.clusterstacks.core.plan.PlanWarning.Code;
import io.clusterstacks.core.Severity;
import io.clusterstacks.core.plan.PlanWarning;
import io.clusterstacks.core.plan.PolicyDecision;
import io.clusterstacks.core.plan.QuorumAnalysis;
import io.clusterstacks.core.plan.QuotaCheck;
import io.clusterstacks.core.plan.RolePlan;
import io.clusterstacks.core.plan.RoleRequirements;
import io.clusterstacks.core.plan.RootDiskDecision;
import io.clusterstacks.core.plan.RunnerUp;
import io.clusterstacks.core.plan.Scs0214Verdict;
import io.clusterstacks.core.plan.StorageClass;
import io.clusterstacks.core.plan.WorkerRequest;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.FlavorDiskBoot;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.VariableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Decides and explains where a role's servers boot from and how they come back after maintenance. */
final class Provisioning {

  /** The run this part explains or decides for: request, cloud, flavors' facts, warnings, dialect, mode. */
  private final Planning planning;

  Provisioning(Planning p) {
    this.planning = p;
  }

  RootDiskDecision rootDisk(RoleContext ctx, FlavorFacts f, int imageMinDiskGiB) {
    Role role = ctx.controlPlane() ? Role.CONTROL_PLANE : Role.WORKER;
    Optional<String> variable = planning.dialect() == null ? Optional.empty()
        : planning.dialect().variableFor(CommonVariable.rootDisk(role)).map(VariableSpec::name);
    if (f.flavor.diskGB() > 0) {
      if (planning.mode() == OutputMode.RAW_CAPI) {
        return rootDiskDecision(true, 0, "no rootVolume in the OpenStackMachineTemplate: the server boots from the flavor's "
            + f.flavor.diskGB() + " GB " + f.storage.description(), true);
      }
      if (planning.dialect() == null) {
        return rootDiskDecision(true, 0, "leave the stack's root-disk variable unset or 0 (no dialect given)", true);
      }
      FlavorDiskBoot boot = planning.dialect().flavorDiskBoot(role);
      switch (boot) {
        case OMIT_VARIABLE:
          return rootDiskDecision(true, 0, variable.map(v -> "leave " + v + " unset (no default: no root volume)")
              .orElse("no root-disk variable: the server boots from the flavor's disk"), true);
        case SET_ZERO:
          return rootDiskDecision(true, 0, variable.orElse("root disk") + ": 0 (the default is a "
              + variable.flatMap(v -> planning.dialect().variable(v)).flatMap(VariableSpec::defaultValue).map(String::valueOf).orElse("")
              + " GiB network volume, which would put " + (ctx.controlPlane() ? "etcd" : "the node") + " back on network storage)",
              true);
        default:
          String msg = planning.dialect().releases() + " cannot boot " + ctx.name() + " from the flavor's disk: " + variable.orElse("its root-disk variable")
              + " has a minimum above 0 and a default, so every server gets a root volume"
              + (ctx.controlPlane() && f.storage.isEtcdGrade() ? " and etcd runs on network storage although " + f.flavor.name()
                  + " has a " + f.storage.description() : "")
              + "; use a release that accepts 0 or raw CAPI mode";
          planning.warnings().add(PlanWarning.of(ctx.controlPlane() ? Severity.WARNING : Severity.INFO, Code.ROOT_DISK, ctx.name(), msg));
          return rootDiskDecision(false, Math.max(ctx.requirements().minDiskGB(), imageMinDiskGiB), msg, false);
      }
    }
    int size = Math.max(ctx.requirements().minDiskGB(), imageMinDiskGiB);
    String expr = planning.mode() == OutputMode.RAW_CAPI ? "rootVolume.sizeGiB: " + size
        : variable.map(v -> v + ": " + size).orElse("root volume of " + size + " GiB");
    return rootDiskDecision(false, size, expr + " (the flavor has no disk; the volume is network storage)", true);
  }

  MaintenanceOptIn maintenance(RoleContext ctx, FlavorFacts f) {
    ProviderQuirks q = planning.cloud().quirks();
    if (!f.storage.isLocal() || !q.localDiskServersStoppedInMaintenance()) {
      return maintenanceOptIn(MaintenanceOptIn.Method.NOT_NEEDED, Optional.empty(), q.restartAfterMaintenanceValue(),
          q.maintenanceAnnouncementKeys(), f.storage.isLocal() ? "the provider does not stop local-disk servers in maintenance"
              : "no local disk: servers are live-migrated when their hypervisor is maintained");
    }
    String watch = q.maintenanceAnnouncementKeys().isEmpty() ? ""
        : " Watch the server metadata " + String.join(", ", q.maintenanceAnnouncementKeys())
            + " to drain a node before its hypervisor goes down.";
    if (q.restartAfterMaintenanceKey().isEmpty()) {
      planning.warnings().add(PlanWarning.of(Severity.WARNING, Code.MAINTENANCE, ctx.name(), f.flavor.name() + " has a local disk: in"
          + " hypervisor maintenance its servers are powered off, not migrated, and the provider has no known restart opt-in;"
          + " check with the provider that they are started again." + watch));
      return maintenanceOptIn(MaintenanceOptIn.Method.NO_KNOWN_OPT_IN, Optional.empty(), q.restartAfterMaintenanceValue(),
          q.maintenanceAnnouncementKeys(), "powered off in maintenance; no known opt-in to restart them." + watch);
    }
    String key = q.restartAfterMaintenanceKey().get();
    String kv = key + "=" + q.restartAfterMaintenanceValue();
    if (planning.mode() == OutputMode.RAW_CAPI) {
      return maintenanceOptIn(MaintenanceOptIn.Method.SERVER_METADATA, Optional.of(key), q.restartAfterMaintenanceValue(),
          q.maintenanceAnnouncementKeys(), "local disk: powered off in hypervisor maintenance and left off unless the server"
              + " carries " + kv + "; the OpenStackMachineTemplate sets it as serverMetadata, so every new machine has it." + watch);
    }
    String msg = "local disk: powered off in hypervisor maintenance and left off unless the server carries " + kv
        + ". The ClusterClass has no variable for server metadata, so set it after each server boots through the cloud API"
        + " (a merging POST /servers/{id}/metadata, never the replacing PUT), also on machines created by rollouts and"
        + " remediation." + watch;
    planning.warnings().add(PlanWarning.of(Severity.INFO, Code.MAINTENANCE, ctx.name(), msg));
    return maintenanceOptIn(MaintenanceOptIn.Method.CLOUD_API_AFTER_BOOT, Optional.of(key), q.restartAfterMaintenanceValue(),
        q.maintenanceAnnouncementKeys(), msg);
  }

  private static RootDiskDecision rootDiskDecision(boolean fromFlavorDisk, int volumeGiB, String expression,
      boolean expressible) {
    return RootDiskDecision.builder().fromFlavorDisk(fromFlavorDisk).volumeGiB(volumeGiB).expression(expression)
        .expressible(expressible).build();
  }

  private static MaintenanceOptIn maintenanceOptIn(MaintenanceOptIn.Method method, Optional<String> key, String value,
      List<String> announcementKeys, String explanation) {
    return MaintenanceOptIn.builder().method(method).key(key).value(value).announcementKeys(announcementKeys)
        .explanation(explanation).build();
  }
}
