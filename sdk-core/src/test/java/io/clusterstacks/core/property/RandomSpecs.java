package io.clusterstacks.core.property;

import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFile;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RolloutStrategy;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.StackGeneration;
import io.clusterstacks.core.stack.StackRelease;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random cluster specs built directly (without the planner), for what only a spec can say:
 * the kamaji stack's DataStore and CSPO template, images of every kind, root disks from the flavor or
 * on volumes of any size and type, server groups known, to be created or per deployment, bootstrap
 * additions in cloud-init and Ignition, rollout strategies, failure domains, per-deployment variable
 * overrides, and the settings of {@link RandomRequests#extras}.
 */
final class RandomSpecs {

  private RandomSpecs() {}

  /** One in {@code n} cases breaks a rule of the dialect or mode on purpose, which the builder must refuse. */
  private static boolean offRule(Random rnd, int n) {
    return rnd.nextInt(n) == 0;
  }

  static ClusterSpec spec(Random rnd) {
    StackRelease release = RandomRequests.RELEASES.get(rnd.nextInt(RandomRequests.RELEASES.size()));
    ClusterClassName cls = release.className();
    StackDialect dialect = StackDialects.forClass(cls).orElseThrow();
    boolean kamaji = dialect.generation() == StackGeneration.KAMAJI;
    OutputMode mode = rnd.nextInt(3) == 0 ? OutputMode.RAW_CAPI : OutputMode.TOPOLOGY;
    boolean topology = mode == OutputMode.TOPOLOGY;
    int replicas = offRule(rnd, 30) ? 2 : new int[] {1, 3, 5, 3}[rnd.nextInt(4)];
    ClusterSpec.Builder b = ClusterSpec.builder().name(Ids.label(rnd, rnd.nextInt(8) == 0 ? 42 : 12)).mode(mode)
        .className(cls).controlPlaneReplicas(replicas);
    String version = release.kubernetesVersion();
    if (rnd.nextInt(4) > 0) {
      // another patch than the release's is refused in topology mode (the cluster stack operator would)
      version = topology && !offRule(rnd, 10) ? version : "v" + cls.kubernetesMinor() + "." + rnd.nextInt(20);
      b.kubernetesVersion(version);
    }
    RandomRequests.extras(rnd, Optional.of(dialect), topology).accept(b);
    String namespace = Ids.label(rnd, 20);
    b.namespace(namespace);
    if (topology && rnd.nextBoolean()) {
      b.clusterStack(ClusterStack.builder().from(ClusterStack.forClass(rnd.nextBoolean() ? "openstack" : Ids.label(rnd, 30),
          cls)).namespace(namespace).providerRef(kamaji ? Optional.of("cspotemplate") : Optional.empty()).build());
    }
    if (kamaji && !offRule(rnd, 10)) {
      b.cspoTemplate(CspoReleaseTemplate.builder().name("cspotemplate").build());
      b.dataStore(rnd.nextBoolean() ? "default" : Ids.label(rnd, 30));
    }
    if (kamaji && !offRule(rnd, 10)) {
      b.loadBalancer(Optional.empty()); // the kamaji class has no load-balancer variable, raw Kamaji no API load balancer
    }
    if (!kamaji || offRule(rnd, 10)) {
      b.controlPlane(machine(rnd, mode, dialect, version, "cp", true));
    }
    b.workers(machine(rnd, mode, dialect, version, "workers", rnd.nextInt(3) > 0));
    if (mode == OutputMode.RAW_CAPI && (kamaji ? offRule(rnd, 10) : rnd.nextInt(4) == 0)) {
      b.controlPlaneMaxSurge(replicas >= 3 || offRule(rnd, 5) ? rnd.nextInt(2) : 1);
    }
    int mds = rnd.nextInt(4);
    for (int i = 0; i < mds; i++) {
      MachineDeploymentSpec.Builder md = MachineDeploymentSpec.builder().name(rnd.nextBoolean() ? "md-" + i
          : Ids.label(rnd, 20) + i).replicas(rnd.nextInt(rnd.nextInt(5) == 0 ? 100 : 6));
      if (rnd.nextInt(3) == 0) {
        md.failureDomain("az" + (1 + rnd.nextInt(3)));
      }
      if (rnd.nextInt(3) == 0) {
        md.strategy(RolloutStrategy.rollingUpdate(intOrPercent(rnd), intOrPercent(rnd)));
      }
      if (rnd.nextInt(4) == 0) {
        md.machine(machine(rnd, mode, dialect, version, "md" + i, false));
      }
      if (topology && rnd.nextInt(4) == 0) {
        md.variableOverrides(RandomRequests.variables(rnd, dialect));
      }
      if (rnd.nextInt(8) == 0) {
        md.workerClass(offRule(rnd, 5) ? Ids.label(rnd, 20) : dialect.workerClass());
      }
      b.addMachineDeployments(md.build());
    }
    if (rnd.nextInt(3) > 0) {
      b.credentials(RandomRequests.credentials(rnd));
    }
    return b.build();
  }

  static IntOrPercent intOrPercent(Random rnd) {
    return rnd.nextBoolean() ? IntOrPercent.of(rnd.nextInt(4)) : IntOrPercent.percent(rnd.nextInt(101));
  }

  /**
   * Machine inputs that the mode and dialect can express in most cases (SCS ClusterClasses take flavor
   * names, image names, no volume types and no server metadata; some releases cannot boot from the
   * flavor disk; fixed-image stacks need their standard image name), and one that they cannot now and then.
   */
  static MachineInputs machine(Random rnd, OutputMode mode, StackDialect dialect, String version, String role,
      boolean flavor) {
    boolean raw = mode == OutputMode.RAW_CAPI;
    MachineInputs.Builder m = MachineInputs.builder();
    if (flavor || raw) {
      m.flavor(raw && rnd.nextBoolean() || offRule(rnd, 30) ? FlavorRef.byId(Ids.uuid(rnd))
          : FlavorRef.byName(RandomClouds.scsFlavor(rnd).name()));
    }
    int image = rnd.nextInt(6);
    if (!raw && !offRule(rnd, 20)) {
      image = dialect.fixedImageName() ? (rnd.nextBoolean() ? 0 : 5) : image == 1 ? 0 : image;
    }
    switch (image) {
      case 0 -> m.image(ImageRef.glanceName("ubuntu-capi-image-" + version));
      case 1 -> m.image(ImageRef.glanceId(Ids.uuid(rnd)));
      case 2 -> m.image(ImageRef.orc("ubuntu-" + Ids.label(rnd, 20)));
      case 3 -> m.image(ImageRef.orcToCreate(RandomRequests.orcImage(rnd, version)));
      default -> { }
    }
    boolean flavorDisk = raw || dialect.flavorDiskBoot(io.clusterstacks.core.stack.Role.CONTROL_PLANE)
        != io.clusterstacks.core.stack.FlavorDiskBoot.NOT_EXPRESSIBLE || offRule(rnd, 20);
    switch (rnd.nextInt(5)) {
      case 0 -> m.rootDisk(flavorDisk ? RootDisk.flavorDisk() : RootDisk.volume(20));
      case 1 -> m.rootDisk(RootDisk.volume(1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5000)));
      case 2 -> m.rootDisk(raw || offRule(rnd, 20) ? RootDisk.volume(1 + rnd.nextInt(200), rnd.nextBoolean() ? "__DEFAULT__"
          : Ids.label(rnd, 20)) : RootDisk.volume(1 + rnd.nextInt(200)));
      default -> { }
    }
    // a group still to be created has no ID for a topology Cluster (the renderer says so, typed); the
    // request path gives such groups their IDs, so specs in topology mode name known groups only
    int group = rnd.nextInt(6);
    if (!raw && (group == 1 || group == 2)) {
      group = 0;
    }
    switch (group) {
      case 0 -> m.serverGroup(ServerGroupRef.known(Ids.uuid(rnd)));
      case 1 -> m.serverGroup(ServerGroupRef.toCreate(Ids.label(rnd, 30) + "-" + role,
          ServerGroupPolicy.values()[rnd.nextInt(ServerGroupPolicy.values().length)]));
      case 2 -> m.serverGroup(ServerGroupRef.toCreate(Ids.label(rnd, 30) + "-" + role, 1 + rnd.nextInt(5)));
      default -> { }
    }
    if ((raw || offRule(rnd, 20)) && rnd.nextInt(3) == 0) {
      m.putServerMetadata(rnd.nextBoolean() ? "ps_restart_after_maint" : Ids.label(rnd, 20),
          rnd.nextBoolean() ? "true" : RandomRequests.text(rnd));
    }
    if (raw && rnd.nextInt(3) == 0) {
      m.bootstrap(bootstrap(rnd));
    }
    return m.build();
  }

  static BootstrapAdditions bootstrap(Random rnd) {
    boolean ignition = rnd.nextInt(3) == 0;
    BootstrapAdditions.Builder a = BootstrapAdditions.builder();
    if (ignition) {
      a.format(BootstrapFormat.IGNITION).nodeName("${COREOS_OPENSTACK_HOSTNAME}");
      if (rnd.nextBoolean()) {
        a.ignitionAdditionalConfig("systemd:\n  units:\n  - name: kubeadm.service\n    enabled: true\n");
      }
    }
    int files = rnd.nextInt(3);
    for (int i = 0; i < files; i++) {
      a.addFiles(BootstrapFile.builder().path("/etc/" + Ids.label(rnd, 20) + "/f" + i + ".conf")
          .content(RandomRequests.text(rnd) + "\n" + RandomRequests.text(rnd))
          .permissions(rnd.nextBoolean() ? "0644" : "0600").owner("root:root").build());
    }
    if (rnd.nextBoolean()) {
      a.addPreKubeadmCommands("echo " + RandomRequests.text(rnd));
    }
    if (rnd.nextBoolean()) {
      a.addPostKubeadmCommands("echo done");
    }
    if (rnd.nextBoolean()) {
      Map<String, String> args = new LinkedHashMap<>();
      args.put(rnd.nextBoolean() ? "node-labels" : Ids.label(rnd, 20), RandomRequests.text(rnd));
      a.putAllKubeletExtraArgs(args);
    }
    return a.build();
  }
}
