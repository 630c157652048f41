package io.clusterstacks.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.cloud.CloudProfiles;
import io.clusterstacks.core.model.BootstrapFormat;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialects;
import io.clusterstacks.core.stack.StackGeneration;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue, the support table, mode switching, image lookups and flavor checks. */
class ImageStrategiesTest {

  static final CloudProfile CLOUD = CloudProfiles.bundled("scs-reference");
  static final CloudFlavor CP = CLOUD.flavor("SCS-2V-4-20s").orElseThrow();
  static final CloudFlavor WORKER = CLOUD.flavor("SCS-4V-8").orElseThrow();
  static final List<NodeShape> NODES = List.of(NodeShape.of("control-plane", CP),
      NodeShape.withRootVolume("md-0", WORKER, 50));

  static ImageRequest request(StackDialect dialect, OutputMode mode, String version) {
    return ImageRequest.of(b -> b.dialect(dialect).mode(mode).kubernetesVersion(version).cloud(CLOUD).nodes(NODES));
  }

  private static final Optional<StackGeneration> SCS = Optional.of(StackGeneration.SCS);
  private static final Optional<StackGeneration> SCS2 = Optional.of(StackGeneration.SCS2);
  private static final Optional<StackGeneration> KAMAJI = Optional.of(StackGeneration.KAMAJI);

  @Test
  void supportTableEncodesWhatEachClusterClassCanExpress() {
    SupportTable t = ImageStrategies.supportTable();
    String std = ImageStrategies.capiImage().label();
    String custom = ImageStrategies.capiImage("x").label();
    String byId = ImageStrategies.capiImageById("b197c1a0-3183-5143-a08d-106799224be8").label();
    String orc = ImageStrategies.capiImageFromUrl("https://h/x.qcow2", "0".repeat(64)).label();
    String cspo = ImageStrategies.capiImageFromCspo().label();
    String ubuntu = ImageStrategies.generalPurposeUbuntu().label();
    String flatcar = ImageStrategies.flatcar().label();
    for (Optional<StackGeneration> g : List.of(SCS, SCS2, KAMAJI)) {
      assertEquals(ImageSupport.SUPPORTED, t.get(std, g, OutputMode.TOPOLOGY), "standard name everywhere");
      for (String s : List.of(std, custom, byId, orc, cspo, ubuntu, flatcar)) {
        ImageSupport raw = t.get(s, g, OutputMode.RAW_CAPI);
        if (s.equals(cspo)) {
          assertEquals(ImageSupport.UNSUPPORTED, raw, s + ": raw mode has no CSPO");
        } else {
          assertEquals(ImageSupport.SUPPORTED, raw, s + " in raw mode with " + g);
        }
      }
    }
    for (Optional<StackGeneration> g : List.of(SCS, SCS2, KAMAJI)) {
      assertEquals(ImageSupport.RAW_CAPI_ONLY, t.get(byId, g, OutputMode.TOPOLOGY), "no class takes an ID");
      assertEquals(ImageSupport.RAW_CAPI_ONLY, t.get(ubuntu, g, OutputMode.TOPOLOGY), "no class takes commands");
      assertEquals(ImageSupport.RAW_CAPI_ONLY, t.get(flatcar, g, OutputMode.TOPOLOGY), "no class takes ignition");
    }
    assertEquals(ImageSupport.RAW_CAPI_ONLY, t.get(custom, KAMAJI, OutputMode.TOPOLOGY), "kamaji forces the name");
    for (String s : List.of(std, custom, byId, orc, ubuntu, flatcar)) {
      assertEquals(ImageSupport.SUPPORTED, t.get(s, Optional.empty(), OutputMode.RAW_CAPI), s + " without a stack");
    }
    assertEquals(ImageSupport.RAW_CAPI_ONLY, t.get(custom, SCS, OutputMode.TOPOLOGY), "scs forces the name");
    assertEquals(ImageSupport.SUPPORTED, t.get(custom, SCS2, OutputMode.TOPOLOGY), "scs2 has imageName");
    assertEquals(ImageSupport.SUPPORTED, t.get(cspo, SCS, OutputMode.TOPOLOGY));
    assertEquals(ImageSupport.SUPPORTED, t.get(orc, SCS2, OutputMode.TOPOLOGY), "scs2: imageIsOrc");
    assertEquals(ImageSupport.SUPPORTED, t.get(orc, KAMAJI, OutputMode.TOPOLOGY), "ORC image with the forced name");
    assertEquals(ImageSupport.RAW_CAPI_ONLY, t.get(orc, SCS, OutputMode.TOPOLOGY), "scs renders its own ORC image");
    assertEquals(ImageSupport.UNSUPPORTED, t.get(cspo, SCS2, OutputMode.TOPOLOGY), "scs2 ships no node images");
    assertEquals(7, t.rows().size());
    assertEquals(7, t.columns().size());
  }

  @Test
  void theDocsShowTheSupportTableFromCode() throws IOException {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/image-strategies.md").normalize();
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    assertTrue(text.contains(ImageStrategies.supportTable().toMarkdown()),
        "docs/image-strategies.md must contain exactly:\n" + ImageStrategies.supportTable().toMarkdown());
  }

  @Test
  void standardCapiImageIsFoundByTheNameTheDialectForces() {
    ImagePlan p = ImageStrategies.capiImage().plan(request(StackDialects.scs(), OutputMode.TOPOLOGY, "v1.32.5"));
    assertEquals(ImageRef.glanceName("ubuntu-capi-image-v1.32.5"), p.image());
    assertEquals("b197c1a0-3183-5143-a08d-106799224be8", p.cloudImage().orElseThrow().id());
    assertTrue(p.topologyVariables().isEmpty(), "scs has no image variable");
    assertTrue(p.bootstrap().isEmpty());
    assertEquals(OutputMode.TOPOLOGY, p.mode());
    assertTrue(p.modeSwitch().isEmpty());
    assertTrue(p.requirements().stream().anyMatch(r -> r.kind() == ImageRequirement.Kind.IMAGE_PRESENT));
  }

  @Test
  void scs2GetsItsImageVariables() {
    ImagePlan std = ImageStrategies.capiImage().plan(request(StackDialects.scs2(), OutputMode.TOPOLOGY, "v1.34.7"));
    assertEquals(Map.of("imageName", "ubuntu-capi-image-v1.34.7", "imageAddVersion", false),
        std.topologyVariables());
    CloudProfile withCustom = CloudProfile.builder().from(CLOUD)
        .addImages(CloudImage.of(b -> b.name("my-capi-1.34").id("c0ffee00-0000-4000-8000-000000000001").minDiskGiB(20).minRamMiB(2048)
            .putProperties("architecture", "x86_64"))).build();
    ImagePlan custom = ImageStrategies.capiImage("my-capi-1.34").plan(ImageRequest.builder()
        .from(request(StackDialects.scs2(), OutputMode.TOPOLOGY, "v1.34.7")).cloud(withCustom).build());
    assertEquals(Map.of("imageName", "my-capi-1.34", "imageAddVersion", false),
        custom.topologyVariables());
    ImagePlan orc = ImageStrategies.capiImageFromUrl("https://nbg1.your-objectstorage.com/osism/"
            + "openstack-k8s-capi-images/ubuntu-2404-kube-v1.34/ubuntu-2404-kube-v1.34.7.qcow2", "F7".repeat(32))
        .plan(request(StackDialects.scs2(), OutputMode.TOPOLOGY, "v1.34.7"));
    assertEquals(Map.of("imageName", "ubuntu-capi-image-v1.34.7", "imageAddVersion", false, "imageIsOrc", true),
        orc.topologyVariables());
    ImageRef.OrcCreate create = assertInstanceOf(ImageRef.OrcCreate.class, orc.image());
    assertEquals("ubuntu-capi-image-v1.34.7", create.image().name());
    assertEquals("f7".repeat(32), create.image().checksum());
    assertTrue(orc.warnings().stream().anyMatch(w -> w.contains("already exists")),
        "the profile already has that Glance name: " + orc.warnings());
  }

  @Test
  void aMissingCapiImageListsWhatExistsAndHowToGetIt() {
    ImageNotFoundException e = assertThrows(ImageNotFoundException.class,
        () -> ImageStrategies.capiImage().plan(request(StackDialects.scs(), OutputMode.TOPOLOGY, "v1.31.4"))
            .throwIfUnmet());
    assertTrue(e.existing().get(0).startsWith("ubuntu-capi-image-"), "CAPI images first: " + e.existing());
    assertTrue(e.existing().stream().anyMatch(s -> s.startsWith("Ubuntu 24.04")), e.existing().toString());
    assertTrue(e.getMessage().contains("ubuntu-capi-image-v1.31.4"));
    assertEquals("Glance image ubuntu-capi-image-v1.31.4", e.wanted());
    assertTrue(e.getMessage().contains("openstack-k8s-capi-images/ubuntu-2404-kube-v1.31/ubuntu-2404-kube-v1.31.4.qcow2"),
        e.getMessage());
    assertTrue(e.getMessage().contains("capiImageFromUrl") && e.getMessage().contains("generalPurposeUbuntu"));
  }

  @Test
  void unsupportedCombinationFailsNamingTheSupportedChoices() {
    UnsupportedCombinationException e = assertThrows(UnsupportedCombinationException.class,
        () -> ImageStrategies.generalPurposeUbuntu().plan(request(StackDialects.scs(), OutputMode.TOPOLOGY, "v1.32.5")));
    assertEquals("scs", e.dialect());
    assertEquals(OutputMode.TOPOLOGY, e.mode());
    assertTrue(e.getMessage().contains("no SCS ClusterClass takes extra bootstrap"), e.getMessage());
    assertTrue(e.supportedChoices().get(0).contains(ImageStrategies.capiImage().label()), e.supportedChoices().toString());
    assertTrue(e.supportedChoices().stream().anyMatch(c -> c.contains("allowRawCapiSwitch")), e.supportedChoices().toString());

    UnsupportedCombinationException cspoRaw = assertThrows(UnsupportedCombinationException.class,
        () -> ImageStrategies.capiImageFromCspo().plan(request(StackDialects.scs(), OutputMode.RAW_CAPI, "v1.32.5")));
    assertFalse(cspoRaw.supportedChoices().stream().anyMatch(c -> c.contains("allowRawCapiSwitch")),
        "raw mode is already asked, nothing to switch to");
    UnsupportedCombinationException byIdScs2 = assertThrows(UnsupportedCombinationException.class,
        () -> ImageStrategies.capiImageById("b197c1a0-3183-5143-a08d-106799224be8")
            .plan(request(StackDialects.scs2(), OutputMode.TOPOLOGY, "v1.32.5")));
    assertTrue(byIdScs2.getMessage().contains("never by ID"), byIdScs2.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = StackGeneration.class, names = {"SCS", "SCS2"})
  void allowedSwitchToRawModeIsAnnouncedWithItsCost(StackGeneration g) {
    StackDialect d = StackDialects.all().stream().filter(x -> x.generation() == g).findFirst().orElseThrow();
    ImageRequest r = ImageRequest.builder().from(request(d, OutputMode.TOPOLOGY, "v1.33.4")).allowRawCapiSwitch(true)
        .build();
    ImagePlan p = ImageStrategies.flatcar().plan(withFlatcar(r));
    assertEquals(OutputMode.RAW_CAPI, p.mode());
    String announcement = p.modeSwitch().orElseThrow();
    assertTrue(announcement.contains("switched from topology to raw CAPI mode"), announcement);
    assertTrue(announcement.contains("addons"), announcement);
    assertTrue(p.tradeOffs().stream().anyMatch(t -> t.kind() == TradeOff.Kind.ADDONS));
    assertEquals(List.of(ImageRequirement.IGNITION_FEATURE_GATE), p.featureGates());
    assertEquals(BootstrapFormat.IGNITION, p.bootstrap().format());
    assertTrue(p.describe().contains("switched"), p.describe());
  }

  @Test
  void kamajiSwitchesToRawModeWhenAllowedAndOtherwiseOffersTheSwitch() {
    // the kamaji ClusterClass takes no ignition; raw CAPI mode renders a KamajiControlPlane and machine
    // deployments that take it
    ImageRequest r = request(StackDialects.kamaji(), OutputMode.TOPOLOGY, "v1.30.1");
    UnsupportedCombinationException e = assertThrows(UnsupportedCombinationException.class,
        () -> ImageStrategies.flatcar().plan(withFlatcar(r)));
    assertTrue(e.supportedChoices().stream().anyMatch(c -> c.contains("allowRawCapiSwitch")), e.supportedChoices().toString());
    ImagePlan p = ImageStrategies.flatcar().plan(withFlatcar(ImageRequest.builder().from(r).allowRawCapiSwitch(true).build()));
    assertEquals(OutputMode.RAW_CAPI, p.mode());
    assertTrue(p.modeSwitch().orElseThrow().contains("switched from topology to raw CAPI mode"), p.describe());
  }

  static ImageRequest withFlatcar(ImageRequest r) {
    CloudProfile c = CloudProfile.builder().from(r.cloud()).addImages(CloudImage.of(b -> b.name("Flatcar 4230.2.3")
        .id("f1a7ca12-0000-4000-8000-000000000002").minDiskGiB(10).minRamMiB(1024).putProperties("os_distro", "flatcar")
        .putProperties("architecture", "x86_64"))).build();
    return ImageRequest.builder().from(r).cloud(c).build();
  }

  @Test
  void generalPurposeUbuntuFindsThePlainImageByScs0102Properties() {
    ImagePlan p = ImageStrategies.generalPurposeUbuntu().plan(request(StackDialects.scs2(), OutputMode.RAW_CAPI, "v1.33.4"));
    assertEquals("Ubuntu 24.04", p.cloudImage().orElseThrow().name(), "generic image, not a k8snode CAPI image");
    assertEquals(ImageRef.glanceId("4824c98b-342b-5ee3-8dd4-7de50eeea720"), p.image());
    assertFalse(p.bootstrap().preKubeadmCommands().isEmpty());
    assertTrue(p.tradeOffs().stream().anyMatch(t -> t.kind() == TradeOff.Kind.BOOT_WORK));
    assertTrue(p.tradeOffs().stream().anyMatch(t -> t.kind() == TradeOff.Kind.IMMUTABILITY));
    assertTrue(p.requirements().stream().anyMatch(r -> r.kind() == ImageRequirement.Kind.OUTBOUND_ACCESS
        && r.description().contains("pkgs.k8s.io") && r.description().contains("download.opensuse.org")), p.requirements().toString());

    ImagePlan jammy = ImageStrategies.generalPurposeUbuntu(UbuntuNodeSetup.of(b -> b.release(UbuntuRelease.JAMMY)))
        .plan(request(StackDialects.scs2(), OutputMode.RAW_CAPI, "v1.33.4"));
    assertEquals("Ubuntu 22.04", jammy.cloudImage().orElseThrow().name());
  }

  @Test
  void askingForAlpineFailsWithTheReason() {
    CloudProfile c = CloudProfile.builder().from(CLOUD).addImages(CloudImage.of(b -> b.name("Alpine 3.20")
        .putProperties("os_distro", "alpine").putProperties("os_version", "3.20"))).build();
    ImageRequest r = ImageRequest.builder().from(request(StackDialects.scs2(), OutputMode.RAW_CAPI, "v1.33.4"))
        .cloud(c).build();
    UnsupportedOperatingSystemException e = assertThrows(UnsupportedOperatingSystemException.class,
        () -> ImageStrategies.generalPurposeUbuntu(UbuntuNodeSetup.defaults(), "Alpine 3.20").plan(r));
    assertTrue(e.reason().contains("systemd") && e.reason().contains("glibc"), e.reason());
    assertThrows(UnsupportedOperatingSystemException.class,
        () -> ImageStrategies.flatcar(FlatcarNodeSetup.defaults(), "Alpine 3.20").plan(r));
  }

  @Test
  void everyStrategyChecksTheImageAgainstTheFlavor() {
    CloudFlavor arm = CloudFlavor.of(b -> b.name("SCS-4V-16_a1").vcpus(4).ramMiB(16384).architecture("aarch64"));
    CloudFlavor tiny = CloudFlavor.of(b -> b.name("SCS-1L-1-5").vcpus(1).ramMiB(1024).diskGB(5));
    ImageRequest armReq = ImageRequest.builder().from(request(StackDialects.scs(), OutputMode.TOPOLOGY, "v1.32.5"))
        .nodes(List.of(NodeShape.of("md-0", arm))).build();
    ImageFlavorMismatchException a = assertThrows(ImageFlavorMismatchException.class,
        () -> ImageStrategies.capiImage().plan(armReq).throwIfUnmet());
    assertTrue(a.mismatches().get(0).contains("aarch64") && a.mismatches().get(0).contains("SCS-4V-16_a1"), a.getMessage());

    ImageRequest tinyReq = ImageRequest.builder().from(request(StackDialects.scs(), OutputMode.TOPOLOGY, "v1.32.5"))
        .nodes(List.of(NodeShape.of("md-0", tiny))).build();
    ImageFlavorMismatchException t = assertThrows(ImageFlavorMismatchException.class,
        () -> ImageStrategies.capiImage().plan(tinyReq).throwIfUnmet());
    assertEquals(2, t.mismatches().size(), "disk and RAM: " + t.mismatches());
    assertTrue(t.getMessage().contains("min_disk 20") && t.getMessage().contains("min_ram 2048"), t.getMessage());

    ImageRequest tinyVolume = ImageRequest.builder().from(tinyReq)
        .nodes(List.of(NodeShape.withRootVolume("md-0", tiny, 30))).build();
    ImageFlavorMismatchException onlyRam = assertThrows(ImageFlavorMismatchException.class,
        () -> ImageStrategies.capiImage().plan(tinyVolume).throwIfUnmet());
    assertEquals(1, onlyRam.mismatches().size(), "a 30 GiB volume satisfies min_disk: " + onlyRam.mismatches());

    ImageRequest armRaw = ImageRequest.builder().from(armReq).mode(OutputMode.RAW_CAPI).build();
    assertThrows(ImageNotFoundException.class, () -> ImageStrategies.generalPurposeUbuntu().plan(armRaw).throwIfUnmet(),
        "no aarch64 Ubuntu in the profile");
    ImageFlavorMismatchException orcArm = assertThrows(ImageFlavorMismatchException.class,
        () -> ImageStrategies.capiImageFromOrc(io.clusterstacks.core.model.OrcImage.builder().name("x86-image")
            .url("https://h/x.qcow2").checksum("ab".repeat(32)).architecture("x86_64").build()).plan(armRaw)
            .throwIfUnmet());
    assertTrue(orcArm.getMessage().contains("aarch64"));
  }

  @Test
  void armFlavorsGetArmBootstrapArtifacts() {
    CloudFlavor arm = CloudFlavor.of(b -> b.name("SCS-4V-16_a1").vcpus(4).ramMiB(16384).architecture("aarch64"));
    CloudProfile c = CloudProfile.builder().from(CLOUD).addImages(CloudImage.of(b -> b.name("Flatcar arm64")
        .putProperties("os_distro", "flatcar").putProperties("architecture", "aarch64"))).build();
    ImageRequest r = ImageRequest.of(b -> b.mode(OutputMode.RAW_CAPI).kubernetesVersion("v1.33.4").cloud(c)
        .addNodes(NodeShape.of("md-0", arm)));
    ImagePlan p = ImageStrategies.flatcar().plan(r);
    assertEquals("Flatcar arm64", p.cloudImage().orElseThrow().name());
    assertTrue(p.bootstrap().ignitionAdditionalConfig().orElseThrow().contains("kubernetes-v1.33.4-arm64.raw"));
  }

  @Test
  void thirdPartyStrategiesAreFoundThroughServiceLoader() {
    List<String> names = ImageStrategies.providers().stream().map(ImageStrategyProvider::name).toList();
    assertEquals(List.of("capi-image", "flatcar", "sample-debian", "ubuntu"), names);
    ImageStrategy debian = ImageStrategies.named("sample-debian", Map.of());
    ImagePlan p = debian.plan(ImageRequest.builder().from(request(StackDialects.scs2(), OutputMode.TOPOLOGY, "v1.33.4"))
        .allowRawCapiSwitch(true).build());
    assertEquals("Debian 12", p.cloudImage().orElseThrow().name());
    assertEquals(OutputMode.RAW_CAPI, p.mode(), "the generic mode logic applies to third parties too");
    assertTrue(p.modeSwitch().isPresent());
    UnknownImageStrategyException u = assertThrows(UnknownImageStrategyException.class,
        () -> ImageStrategies.named("rocky", Map.of()));
    assertTrue(u.getMessage().contains("sample-debian (io.clusterstacks.core.image.sample.SampleDebianStrategyProvider)"),
        u.getMessage());
  }

  @Test
  void twoProvidersForOneNameIsAnErrorNamingBothAndAnExplicitClassWins(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(ImageStrategyProvider.class.getName()),
        "io.clusterstacks.core.image.sample.DuplicateUbuntuProvider\n");
    try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      AmbiguousImageStrategyException e = assertThrows(AmbiguousImageStrategyException.class,
          () -> ImageStrategies.named("ubuntu", Map.of(), cl));
      assertEquals(List.of("io.clusterstacks.core.image.internal.BuiltInProviders$Ubuntu",
          "io.clusterstacks.core.image.sample.DuplicateUbuntuProvider"), e.candidates());
      assertTrue(e.getMessage().contains("DuplicateUbuntuProvider") && e.getMessage().contains("BuiltInProviders$Ubuntu"));
      ImageStrategy explicit = ImageStrategies.named("io.clusterstacks.core.image.sample.DuplicateUbuntuProvider",
          Map.of(), cl);
      assertEquals("flatcar", explicit.name(), "the explicitly chosen class wins");
      assertEquals("ubuntu", ImageStrategies.named("io.clusterstacks.core.image.internal.BuiltInProviders$Ubuntu",
          Map.of(), cl).name());
    }
  }

  @Test
  void builtInProvidersTakeTextOptions() {
    ImageStrategy u = ImageStrategies.named("ubuntu", Map.of("release", "22.04", "runtime", "ubuntu-containerd",
        "http-proxy", "http://proxy:3128", "no-proxy", "10.0.0.0/8, .svc"));
    ImagePlan p = u.plan(request(StackDialects.scs2(), OutputMode.RAW_CAPI, "v1.33.4"));
    assertEquals("Ubuntu 22.04", p.cloudImage().orElseThrow().name());
    assertTrue(p.bootstrap().files().stream().anyMatch(f -> f.path().equals("/etc/apt/apt.conf.d/90clusterstacks-proxy")));
    ImageStrategyException bad = assertThrows(ImageStrategyException.class,
        () -> ImageStrategies.named("ubuntu", Map.of("relase", "22.04")));
    assertTrue(bad.getMessage().contains("relase") && bad.getMessage().contains("release"), bad.getMessage());
    assertEquals(ImageStrategies.capiImageById("b197c1a0-3183-5143-a08d-106799224be8").label(), ImageStrategies.named("capi-image", Map.of("id", "b197c1a0-3183-5143-a08d-106799224be8")).label());
    assertThrows(ImageStrategyException.class, () -> ImageStrategies.named("capi-image", Map.of("id", "x", "name", "y")));
    assertThrows(ImageStrategyException.class, () -> ImageStrategies.named("flatcar", Map.of("variant", "latest")));
  }

  @Test
  void aThirdPartyPlanThatTopologyCannotExpressIsRefused() {
    ImageStrategy liar = new ImageStrategy() {
      @Override
      public String name() {
        return "liar";
      }

      @Override
      public String description() {
        return "claims topology support but adds commands";
      }

      @Override
      public ImageSupport support(Optional<StackGeneration> generation, OutputMode mode) {
        return ImageSupport.SUPPORTED;
      }

      @Override
      public ImagePlan planSupported(ImageRequest request) {
        return ImagePlan.builder().from(ImageStrategies.generalPurposeUbuntu().plan(request.withMode(OutputMode.RAW_CAPI)))
            .mode(request.mode()).build();
      }
    };
    UnsupportedCombinationException e = assertThrows(UnsupportedCombinationException.class,
        () -> liar.plan(request(StackDialects.scs2(), OutputMode.TOPOLOGY, "v1.33.4")));
    assertTrue(e.getMessage().contains("bootstrap additions"), e.getMessage());
  }
}
