package io.clusterstacks.core.image;

import io.clusterstacks.core.manifest.TestTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.ManifestRenderer;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.ClusterNetwork;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.model.ClusterStack;
import io.clusterstacks.core.model.CspoReleaseTemplate;
import io.clusterstacks.core.model.FlavorRef;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.MachineDeploymentSpec;
import io.clusterstacks.core.model.MachineInputs;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.model.RootDisk;
import io.clusterstacks.core.model.ServerGroupRef;
import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.ReleaseCatalogue;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.StackGeneration;
import io.clusterstacks.core.validation.CrdValidator;
import io.clusterstacks.core.validation.ValidationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Strategy × dialect × mode: every supported combination renders manifests that pass strict CRD
 * validation and carry the strategy's image and bootstrap; every other combination is refused with the
 * typed error, or switched to raw CAPI mode when allowed.
 */
class ImageManifestsTest {

  /** Dialect id to ClusterClass name; empty class = raw CAPI mode without a stack. */
  static final Map<String, String> CLASSES = new LinkedHashMap<>();

  static {
    CLASSES.put("scs@1-29", "openstack-scs-1-29-v1");
    CLASSES.put("scs", "openstack-scs-1-32-v1");
    CLASSES.put("scs2@1-33-v1", "openstack-scs2-1-33-v1");
    CLASSES.put("scs2", "openstack-scs2-1-34-v2");
    CLASSES.put("kamaji", "openstack-kamaji-1-30-v0-sha.11930ee");
    CLASSES.put("none", "");
  }

  static final String SHA = "f7bf12297833cca14de6d24081c8a01e99143651e4c01431b911375300550fe0";
  static final String CAPI_ID = "b197c1a0-3183-5143-a08d-106799224be8";

  /** The strategies under test, by label; each is created per version where it names a version. */
  static Map<String, Function<String, ImageStrategy>> strategies() {
    Map<String, Function<String, ImageStrategy>> m = new LinkedHashMap<>();
    m.put("capi standard", v -> ImageStrategies.capiImage());
    m.put("capi custom name", v -> ImageStrategies.capiImage("my-capi-image"));
    m.put("capi by id", v -> ImageStrategies.capiImageById(CAPI_ID));
    m.put("capi ORC", v -> ImageStrategies.capiImageFromUrl("https://nbg1.your-objectstorage.com/osism/"
        + "openstack-k8s-capi-images/ubuntu-2404-kube-" + v.substring(0, v.lastIndexOf('.')) + "/ubuntu-2404-kube-" + v
        + ".qcow2", SHA));
    m.put("capi CSPO", v -> ImageStrategies.capiImageFromCspo());
    m.put("ubuntu CRI-O", v -> ImageStrategies.generalPurposeUbuntu());
    m.put("ubuntu 22.04 containerd release, mirror, proxy", v -> ImageStrategies.generalPurposeUbuntu(
        UbuntuNodeSetup.of(b -> b.release(UbuntuRelease.JAMMY)
            .runtime(ContainerRuntime.containerdRelease("1.7.27", "a".repeat(64), "1.2.6", "b".repeat(64)))
            .mirrors(PackageMirrors.of(x -> x.kubernetesDeb("https://mirror.internal/k8s/")
                .githubReleases("https://mirror.internal/github/")))
            .proxy(HttpProxy.of("http://proxy.internal:3128", "10.0.0.0/8", ".svc")))));
    m.put("ubuntu containerd (Ubuntu)", v -> ImageStrategies.generalPurposeUbuntu(
        UbuntuNodeSetup.of(b -> b.runtime(ContainerRuntime.ubuntuContainerd()))));
    m.put("flatcar sysext", v -> ImageStrategies.flatcar(FlatcarNodeSetup.of(b -> b.sysextSha512("c".repeat(128)))));
    m.put("flatcar image-builder", v -> ImageStrategies.flatcar(FlatcarNodeSetup.of(b -> b
        .variant(FlatcarVariant.IMAGE_BUILDER))));
    return m;
  }

  static CloudProfile cloud() {
    CloudProfile base = CloudProfiles.bundled("scs-reference");
    ImmutableCloudProfileBuilder b = new ImmutableCloudProfileBuilder(base);
    List<String> versions = new ArrayList<>();
    for (String d : CLASSES.keySet()) {
      if (!versions.contains(versionOf(d))) {
        versions.add(versionOf(d));
      }
    }
    for (String v : versions) {
      if (base.image("ubuntu-capi-image-" + v).isEmpty()) {
        b.add(CloudImage.of(i -> i.name("ubuntu-capi-image-" + v).minDiskGiB(20).minRamMiB(2048)
            .putProperties("architecture", "x86_64").putProperties("os_distro", "ubuntu")
            .putProperties("os_version", "22.04").putProperties("os_purpose", "k8snode")));
      }
      b.add(CloudImage.of(i -> i.name("flatcar-stable-4081.2.0-kube-" + v).minDiskGiB(10).minRamMiB(1024)
          .putProperties("architecture", "x86_64").putProperties("os_distro", "flatcar")));
    }
    b.add(CloudImage.of(i -> i.name("my-capi-image").id("7e6c1d52-0c4c-4a36-9f07-1d6e0f2b3a11").minDiskGiB(20)
        .minRamMiB(2048).putProperties("architecture", "x86_64")));
    b.add(CloudImage.of(i -> i.name("Flatcar stable").id("0d7c7b7e-2f0a-4b8e-9c1d-3e4f5a6b7c8d").minDiskGiB(10)
        .minRamMiB(1024).putProperties("architecture", "x86_64").putProperties("os_distro", "flatcar")));
    return b.build();
  }

  /** A tiny helper to add images to a profile. */
  static final class ImmutableCloudProfileBuilder {
    private final io.clusterstacks.core.cloud.CloudProfile.Builder b;

    ImmutableCloudProfileBuilder(CloudProfile base) {
      b = CloudProfile.builder().from(base);
    }

    void add(CloudImage i) {
      b.addImages(i);
    }

    CloudProfile build() {
      return b.build();
    }
  }

  static ClusterSpec spec(String dialectId, OutputMode mode, String version, boolean cspo) {
    String cls = CLASSES.get(dialectId);
    ClusterSpec.Builder b = ClusterSpec.builder().name("img").namespace("tenant-a").mode(mode)
        .controlPlaneReplicas(3)
        .clusterNetwork(ClusterNetwork.builder().addPods("172.16.0.0/16").addServices("10.96.0.0/12")
            .serviceDomain("cluster.local").dnsServiceIp("10.96.0.10").build())
        .addMachineDeployments(MachineDeploymentSpec.of("md-0", 2));
    boolean kamaji = false;
    if (cls.isEmpty()) {
      b.kubernetesVersion(version);
    } else {
      ClusterClassName c = ClusterClassName.parse(cls);
      kamaji = StackDialects.byId(dialectId).generation() == StackGeneration.KAMAJI;
      b.className(c);
      boolean provider = kamaji || cspo;
      b.clusterStack(ClusterStack.builder().from(ClusterStack.forClass("openstack", c)).namespace("tenant-a")
          .providerRef(provider ? Optional.of("cspotemplate") : Optional.empty()).build());
      if (provider) {
        b.cspoTemplate(CspoReleaseTemplate.builder().name("cspotemplate").build());
      }
      if (kamaji) {
        b.dataStore("default");
      }
    }
    if (!kamaji) {
      b.controlPlane(MachineInputs.builder().flavor(FlavorRef.byName("SCS-2V-4-20s")).rootDisk(RootDisk.volume(30))
          .serverGroup(ServerGroupRef.known("3adf4e92-bb33-4e44-8ad3-afda9dfe8ec3")).build());
    }
    b.workers(MachineInputs.builder().flavor(FlavorRef.byName("SCS-4V-8")).rootDisk(RootDisk.volume(50)).build());
    return b.build();
  }

  static String versionOf(String dialectId) {
    String cls = CLASSES.get(dialectId);
    return cls.isEmpty() ? "v1.33.4"
        : ReleaseCatalogue.builtIn().find(ClusterClassName.parse(cls)).orElseThrow().kubernetesVersion();
  }

  @Test
  void everySupportedCombinationRendersValidManifestsAndEveryOtherIsRefusedOrSwitched() {
    CloudProfile cloud = cloud();
    CrdValidator validator = CrdValidator.strict();
    List<String> failures = new ArrayList<>();
    int rendered = 0;
    int switched = 0;
    int refused = 0;
    for (String dialectId : CLASSES.keySet()) {
      Optional<StackDialect> dialect = dialectId.equals("none") ? Optional.empty()
          : Optional.of(StackDialects.byId(dialectId));
      String version = versionOf(dialectId);
      for (OutputMode mode : OutputMode.values()) {
        for (Map.Entry<String, Function<String, ImageStrategy>> e : strategies().entrySet()) {
          ImageStrategy strategy = e.getValue().apply(version);
          String id = dialectId + " " + mode + " " + e.getKey();
          Optional<StackGeneration> g = dialect.map(StackDialect::generation);
          if (dialect.isEmpty() && mode == OutputMode.TOPOLOGY) {
            continue; // topology needs a stack
          }
          ImageSupport support = ImageStrategies.effectiveSupport(strategy, g, mode);
          ImageRequest request = ImageRequest.of(b -> b.dialect(dialect).mode(mode).kubernetesVersion(version)
              .cloud(cloud).nodes(List.of(
                  NodeShape.withRootVolume("control-plane", cloud.flavor("SCS-2V-4-20s").orElseThrow(), 30),
                  NodeShape.withRootVolume("md-0", cloud.flavor("SCS-4V-8").orElseThrow(), 50))));
          try {
            ImagePlan plan;
            try {
              plan = strategy.plan(request);
            } catch (UnsupportedCombinationException refusal) {
              if (support == ImageSupport.SUPPORTED) {
                failures.add(id + ": refused although supported: " + refusal.getMessage());
                continue;
              }
              refused++;
              if (support == ImageSupport.UNSUPPORTED) {
                continue;
              }
              plan = strategy.plan(ImageRequest.builder().from(request).allowRawCapiSwitch(true).build());
              if (plan.mode() != OutputMode.RAW_CAPI || plan.modeSwitch().isEmpty()) {
                failures.add(id + ": the allowed switch was not made or not announced");
                continue;
              }
              switched++;
            }
            if (support == ImageSupport.UNSUPPORTED) {
              failures.add(id + ": planned although unsupported");
              continue;
            }
            if (support == ImageSupport.RAW_CAPI_ONLY && plan.modeSwitch().isEmpty()) {
              failures.add(id + ": planned in topology mode although it needs raw CAPI mode");
              continue;
            }
            if (!plan.requirementsMet()) {
              failures.add(id + ": requirements not met: " + plan.requirements());
              continue;
            }
            ClusterSpec spec = plan.applyTo(spec(dialectId, mode, version, e.getKey().equals("capi CSPO")));
            Manifests m = ManifestRenderer.render(spec);
            ValidationReport r = validator.validate(m);
            if (!r.violations().isEmpty()) {
              failures.add(id + ": " + r.summary());
              continue;
            }
            String content = checkContent(plan, m);
            if (!content.isEmpty()) {
              failures.add(id + ": " + content);
              continue;
            }
            rendered++;
          } catch (RuntimeException ex) {
            failures.add(id + ": " + ex);
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " failures:\n" + String.join("\n", failures));
    }
    assertTrue(rendered >= 60, "rendered and validated " + rendered);
    assertTrue(switched >= 20, "switched " + switched);
    assertTrue(refused >= 30, "refused " + refused);
  }

  /** The rendered manifests carry the plan: image reference, bootstrap commands, ignition, ORC Image. */
  static String checkContent(ImagePlan plan, Manifests m) {
    List<String> problems = new ArrayList<>();
    if (plan.mode() == OutputMode.RAW_CAPI) {
      for (ManifestDocument d : m.ofKind("OpenStackMachineTemplate")) {
        JsonNode image = TestTrees.tree(d).at("/spec/template/spec/image");
        String expected = plan.image() instanceof ImageRef.GlanceName ? "/filter/name"
            : plan.image() instanceof ImageRef.GlanceId ? "/id" : "/imageRef/name";
        if (!plan.image().value().equals(image.at(expected).asText())) {
          problems.add(TestTrees.tree(d).at("/metadata/name").asText() + " image " + image + " is not " + plan.image());
        }
      }
      BootstrapAdditions b = plan.bootstrap();
      List<JsonNode> specs = new ArrayList<>();
      m.ofKind("KubeadmConfigTemplate").forEach(d -> specs.add(TestTrees.tree(d).at("/spec/template/spec")));
      m.ofKind("KubeadmControlPlane").forEach(d -> specs.add(TestTrees.tree(d).at("/spec/kubeadmConfigSpec")));
      if (specs.isEmpty()) {
        problems.add("no kubeadm configs rendered");
      }
      for (JsonNode s : specs) {
        List<String> cmds = new ArrayList<>();
        s.path("preKubeadmCommands").forEach(c -> cmds.add(c.asText()));
        if (!cmds.containsAll(b.preKubeadmCommands())
            || cmds.size() < b.preKubeadmCommands().size()
            || !cmds.subList(cmds.size() - b.preKubeadmCommands().size(), cmds.size()).equals(b.preKubeadmCommands())) {
          problems.add("preKubeadmCommands " + cmds + " do not end with the plan's " + b.preKubeadmCommands());
        }
        if (b.format() == BootstrapFormat.IGNITION) {
          if (!"ignition".equals(s.path("format").asText())
              || !b.ignitionAdditionalConfig().orElseThrow().equals(
                  s.at("/ignition/containerLinuxConfig/additionalConfig").asText())) {
            problems.add("ignition format/config missing");
          }
          if (!"${COREOS_OPENSTACK_HOSTNAME}".equals(s.at("/joinConfiguration/nodeRegistration/name").asText())) {
            problems.add("node name not set for Flatcar");
          }
        } else if (s.has("format") && !"cloud-config".equals(s.get("format").asText())) {
          problems.add("unexpected format " + s.get("format"));
        }
        List<String> paths = new ArrayList<>();
        s.path("files").forEach(f -> paths.add(f.path("path").asText()));
        b.files().forEach(f -> {
          if (!paths.contains(f.path())) {
            problems.add("file " + f.path() + " missing");
          }
        });
      }
    } else {
      JsonNode vars = TestTrees.tree(m.ofKind("Cluster").get(0)).at("/spec/topology/variables");
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      vars.forEach(v -> byName.put(v.path("name").asText(), v.path("value")));
      plan.topologyVariables().forEach((k, v) -> {
        JsonNode rendered = byName.get(k);
        if (rendered == null || !rendered.asText().equals(String.valueOf(v))) {
          problems.add("variable " + k + " = " + rendered + ", plan says " + v);
        }
      });
      if (!plan.bootstrap().isEmpty()) {
        problems.add("bootstrap additions in topology mode");
      }
    }
    if (plan.image() instanceof ImageRef.OrcCreate c) {
      boolean found = m.ofKind("Image").stream()
          .anyMatch(d -> TestTrees.tree(d).at("/metadata/name").asText().equals(c.image().name())
              && TestTrees.tree(d).at("/spec/resource/content/download/hash/value").asText().equals(c.image().checksum()));
      if (!found) {
        problems.add("ORC Image " + c.image().name() + " not rendered");
      }
    }
    return String.join("; ", problems);
  }

  @Test
  void topologyFlatcarOnScs2IsRefusedNamingChoicesAndTheAllowedSwitchRendersIgnition() {
    CloudProfile cloud = cloud();
    String v = versionOf("scs2");
    ImageRequest r = ImageRequest.of(b -> b.dialect(StackDialects.scs2()).kubernetesVersion(v).cloud(cloud)
        .flavor(cloud.flavor("SCS-4V-8").orElseThrow()).role(io.clusterstacks.core.stack.Role.WORKER));
    UnsupportedCombinationException e = org.junit.jupiter.api.Assertions.assertThrows(
        UnsupportedCombinationException.class, () -> ImageStrategies.flatcar().plan(r));
    assertTrue(e.supportedChoices().stream().anyMatch(c -> c.contains("capi-image")), e.supportedChoices().toString());
    ImagePlan p = ImageStrategies.flatcar().plan(ImageRequest.builder().from(r).allowRawCapiSwitch(true).build());
    Manifests m = ManifestRenderer.render(p.applyTo(spec("scs2", OutputMode.TOPOLOGY, v, false)));
    assertTrue(CrdValidator.strict().validate(m).isValid());
    assertFalse(m.ofKind("KubeadmConfigTemplate").isEmpty());
    assertEquals("ignition", TestTrees.tree(m.ofKind("KubeadmConfigTemplate").get(0)).at("/spec/template/spec/format").asText());
    assertTrue(TestTrees.tree(m.ofKind("Cluster").get(0)).at("/spec/topology").isMissingNode(), "raw CAPI: no topology");
  }
}
