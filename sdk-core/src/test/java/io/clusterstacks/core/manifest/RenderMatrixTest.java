package io.clusterstacks.core.manifest;

import io.clusterstacks.core.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.model.ApiServerLoadBalancer;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.IntOrPercent;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.NodeNetwork;
import io.clusterstacks.core.model.OidcConfig;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RolloutStrategy;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupPolicy;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.model.UnresolvedServerGroupException;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.FlavorDiskBoot;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.StackGeneration;
import io.clusterstacks.core.stack.StackRelease;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dialects × modes × options: every combination the model accepts renders manifests that pass the
 * strict offline validator with zero violations; every combination it should refuse is refused.
 */
class RenderMatrixTest {
  enum Image { NONE, GLANCE_NAME, ORC_CREATE, ORC_REF, GLANCE_ID }

  enum Disk { NONE, FLAVOR_DISK, VOLUME }

  enum Group { NONE, KNOWN, TO_CREATE, PER_DEPLOYMENT }

  enum Boot { NONE, CLOUD_INIT, IGNITION }

  enum Extras { NONE, COMMON, LB_AND_MTU }

  static final Map<String, String> CLASSES = new LinkedHashMap<>();

  static {
    CLASSES.put("scs@1-29", "openstack-scs-1-29-v1");
    CLASSES.put("scs", "openstack-scs-1-32-v1");
    CLASSES.put("scs2@1-33-v1", "openstack-scs2-1-33-v1");
    CLASSES.put("scs2", "openstack-scs2-1-34-v2");
    CLASSES.put("kamaji", "openstack-kamaji-1-30-v0-sha.11930ee");
  }

  static CrdValidator validator() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (StackRelease r : ReleaseCatalogue.builtIn().releases()) {
      versions.put(r.className().format(), r.kubernetesVersion());
    }
    return CrdValidator.builder().releaseKubernetesVersions(versions).build();
  }

  @Test
  void everyAcceptedCombinationPassesStrictValidation() {
    CrdValidator validator = validator();
    int rendered = 0;
    int refused = 0;
    int unresolved = 0;
    List<String> failures = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> cls : CLASSES.entrySet()) {
      StackDialect d = StackDialects.byId(cls.getKey());
      for (OutputMode mode : OutputMode.values()) {
        for (Image image : Image.values()) {
          for (Disk disk : Disk.values()) {
            for (Group group : Group.values()) {
              for (Boot boot : Boot.values()) {
                Extras extras = Extras.values()[i % 3];
                int creds = i % 3;
                boolean gitOps = (i / 3) % 2 == 1;
                boolean surge = mode == OutputMode.RAW_CAPI && i % 4 == 0;
                i++;
                String id = d.id() + " " + mode + " image=" + image + " disk=" + disk + " group=" + group + " boot=" + boot
                    + " extras=" + extras + " creds=" + creds + " gitOps=" + gitOps + " surge=" + surge;
                ClusterSpec.Builder b = spec(d, cls.getValue(), mode, image, disk, group, boot, extras, creds, surge);
                boolean expressible = expressible(d, mode, image, disk, boot, extras, surge);
                ClusterSpec s;
                try {
                  s = b.build();
                } catch (InvalidInputException e) {
                  if (expressible) {
                    failures.add(id + ": refused unexpectedly: " + e.getMessage());
                  }
                  refused++;
                  continue;
                }
                if (!expressible) {
                  failures.add(id + ": accepted but cannot be expressed");
                  continue;
                }
                Manifests m;
                try {
                  m = ManifestRenderer.render(s, gitOps ? RenderOptions.gitOps() : RenderOptions.defaults());
                } catch (UnresolvedServerGroupException e) {
                  if (!(mode == OutputMode.TOPOLOGY && group == Group.TO_CREATE)) {
                    failures.add(id + ": " + e.getMessage());
                  }
                  unresolved++;
                  continue;
                }
                if (mode == OutputMode.TOPOLOGY && group == Group.TO_CREATE) {
                  failures.add(id + ": rendered a group without an ID in topology mode");
                }
                ValidationReport r = validator.validate(m);
                if (!r.violations().isEmpty()) {
                  failures.add(id + ": " + r.summary());
                }
                // every kind the renderer emits has a schema or built-in rules: none may pass unchecked
                if (!r.isFullyChecked()) {
                  failures.add(id + ": a rendered document was not schema-checked: " + r.summary());
                }
                rendered++;
              }
            }
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " failures, e.g.:\n" + String.join("\n", failures.subList(0, Math.min(8, failures.size()))));
    }
    assertTrue(rendered > 300, "rendered and validated " + rendered);
    assertTrue(refused > 100, "refused " + refused);
    assertTrue(unresolved > 10, "unresolved " + unresolved);
  }

  /** What the model should accept, derived from the dialect tables (not from the model's own code). */
  static boolean expressible(StackDialect d, OutputMode mode, Image image, Disk disk, Boot boot, Extras extras,
      boolean surge) {
    boolean kamaji = d.generation() == StackGeneration.KAMAJI;
    if (mode == OutputMode.RAW_CAPI) {
      // a Kamaji control plane has no machines to surge, and Kamaji serves the tenant API itself (no API load balancer)
      return !kamaji || (!surge && extras != Extras.LB_AND_MTU);
    }
    if (boot != Boot.NONE) {
      return false;
    }
    if (image == Image.GLANCE_ID || (image == Image.ORC_REF && d.fixedImageName())) {
      return false;
    }
    if (disk == Disk.FLAVOR_DISK) {
      for (Role r : d.rolesWithMachines()) {
        if (d.flavorDiskBoot(r) == FlavorDiskBoot.NOT_EXPRESSIBLE) {
          return false;
        }
      }
    }
    if (extras == Extras.LB_AND_MTU && (kamaji || d.id().equals("scs@1-29"))) {
      return false;
    }
    return true;
  }

  static ClusterSpec.Builder spec(StackDialect d, String cls, OutputMode mode, Image image, Disk disk, Group group,
      Boot boot, Extras extras, int creds, boolean surge) {
    ClusterClassName c = ClusterClassName.parse(cls);
    String version = ReleaseCatalogue.builtIn().find(c).orElseThrow().kubernetesVersion();
    boolean kamaji = d.generation() == StackGeneration.KAMAJI;
    ClusterSpec.Builder b = ClusterSpec.builder().name("m-" + d.generation().stackName()).namespace("tenant-a")
        .mode(mode).className(c).controlPlaneReplicas(3)
        .clusterNetwork(ClusterNetwork.builder().addPods("172.16.0.0/16").addServices("10.96.0.0/12")
            .serviceDomain("cluster.local").dnsServiceIp("10.96.0.10").build());
    ClusterStack stack = ClusterStack.builder().from(ClusterStack.forClass("openstack", c)).namespace("tenant-a")
        .providerRef(kamaji ? java.util.Optional.of("cspotemplate") : java.util.Optional.empty()).build();
    b.clusterStack(stack);
    if (kamaji) {
      b.cspoTemplate(CspoReleaseTemplate.builder().name("cspotemplate").build());
      b.dataStore("default");
    }
    MachineInputs.Builder cp = MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4-20s"));
    MachineInputs.Builder w = MachineInputs.builder().flavor(mode == OutputMode.RAW_CAPI && boot == Boot.IGNITION
        ? FlavorRef.byId("2f5b3c1a-8d7e-4c6b-9a0f-1e2d3c4b5a69") : FlavorRef.byName("SCS-4V-8"));
    Fixtures.image(imageKind(image), version).ifPresent(img -> {
      cp.image(img);
      w.image(img);
    });
    switch (disk) {
      case FLAVOR_DISK:
        cp.rootDisk(RootDisk.flavorDisk());
        w.rootDisk(RootDisk.flavorDisk());
        break;
      case VOLUME:
        cp.rootDisk(RootDisk.volume(30));
        w.rootDisk(mode == OutputMode.RAW_CAPI ? RootDisk.volume(40, "__DEFAULT__") : RootDisk.volume(40));
        break;
      default:
        break;
    }
    MachineDeploymentSpec md1 = MachineDeploymentSpec.builder().name("md-1").replicas(2).failureDomain("nova")
        .strategy(RolloutStrategy.rollingUpdate(IntOrPercent.of(1), IntOrPercent.percent(0))).build();
    switch (group) {
      case KNOWN:
        cp.serverGroup(ServerGroupRef.known(Fixtures.CP_GROUP));
        w.serverGroup(ServerGroupRef.known(Fixtures.WORKER_GROUP));
        break;
      case TO_CREATE:
        cp.serverGroup(ServerGroupRef.toCreate("m-cp", ServerGroupPolicy.ANTI_AFFINITY));
        w.serverGroup(ServerGroupRef.toCreate("m-workers", 2));
        break;
      case PER_DEPLOYMENT:
        md1 = MachineDeploymentSpec.builder().from(md1)
            .machine(MachineInputs.builder().serverGroup(ServerGroupRef.known("7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d")).build()).build();
        break;
      default:
        break;
    }
    if (boot != Boot.NONE) {
      BootstrapAdditions add = boot == Boot.CLOUD_INIT ? Fixtures.cloudInitAdditions() : Fixtures.ignitionAdditions();
      cp.bootstrap(add).putServerMetadata("ps_restart_after_maint", "true");
      w.bootstrap(add).putServerMetadata("ps_restart_after_maint", "true");
    }
    if (!kamaji) {
      b.controlPlane(cp.build());
    }
    b.workers(w.build());
    b.addMachineDeployments(MachineDeploymentSpec.of("md-0", 3), md1);
    if (extras != Extras.NONE) {
      b.oidc(OidcConfig.builder().issuerUrl("https://dex.example.com").clientId("kubectl").usernameClaim("email").build())
          .nodeNetwork(NodeNetwork.builder().externalNetworkId(Fixtures.EXTERNAL).nodeCidr("10.10.0.0/20")
              .addDnsNameservers("9.9.9.9").build())
          .sshKeyName("ops").addCertSANs("api.example.com");
    }
    if (extras == Extras.LB_AND_MTU) {
      b.loadBalancer(ApiServerLoadBalancer.OCTAVIA_OVN)
          .nodeNetwork(NodeNetwork.builder().externalNetworkId(Fixtures.EXTERNAL).nodeCidr("10.10.0.0/20").mtu(1450).build());
    }
    if (creds == 1) {
      b.credentials(Fixtures.appCredential());
    } else if (creds == 2) {
      b.credentials(Fixtures.password());
    }
    if (surge) {
      b.controlPlaneMaxSurge(0);
    }
    return b;
  }

  static String imageKind(Image i) {
    switch (i) {
      case GLANCE_NAME:
        return "glanceName";
      case ORC_CREATE:
        return "orcToCreate";
      case ORC_REF:
        return "orc";
      case GLANCE_ID:
        return "glanceId";
      default:
        return "none";
    }
  }

  @Test
  void theValidatorWouldCatchABrokenRendering() {
    Manifests m = ManifestRenderer.render(Fixtures.scs2().mode(OutputMode.RAW_CAPI).build());
    List<com.fasterxml.jackson.databind.node.ObjectNode> trees = TestTrees.trees(m);
    com.fasterxml.jackson.databind.node.ObjectNode osmt = (com.fasterxml.jackson.databind.node.ObjectNode) trees.stream()
        .filter(t -> t.path("kind").asText().equals("OpenStackMachineTemplate")).findFirst().orElseThrow();
    ((com.fasterxml.jackson.databind.node.ObjectNode) osmt.path("spec").path("template").path("spec")).putObject("serverGroup");
    assertTrue(validator().validate(m).violations().isEmpty());
    assertTrue(!validator().validate(TestTrees.documents(trees)).violations().isEmpty(), "an empty serverGroup is a violation");
  }

  @Test
  void theMatrixPredicateAgreesWithHandPickedCases() {
    assertEquals(false, expressible(StackDialects.scs2Release133v1(), OutputMode.TOPOLOGY, Image.NONE, Disk.FLAVOR_DISK,
        Boot.NONE, Extras.NONE, false));
    assertEquals(true, expressible(StackDialects.scs2(), OutputMode.TOPOLOGY, Image.ORC_REF, Disk.FLAVOR_DISK, Boot.NONE,
        Extras.LB_AND_MTU, false));
    assertEquals(true, expressible(StackDialects.kamaji(), OutputMode.RAW_CAPI, Image.GLANCE_ID, Disk.FLAVOR_DISK,
        Boot.IGNITION, Extras.COMMON, false));
    assertEquals(false, expressible(StackDialects.kamaji(), OutputMode.RAW_CAPI, Image.NONE, Disk.NONE, Boot.NONE,
        Extras.NONE, true));
    assertEquals(false, expressible(StackDialects.kamaji(), OutputMode.RAW_CAPI, Image.NONE, Disk.NONE, Boot.NONE,
        Extras.LB_AND_MTU, false));
    assertThrows(InvalidInputException.class, () -> spec(StackDialects.scs(), "openstack-scs-1-32-v1", OutputMode.TOPOLOGY,
        Image.NONE, Disk.FLAVOR_DISK, Group.NONE, Boot.NONE, Extras.NONE, 0, false).build());
  }
}
