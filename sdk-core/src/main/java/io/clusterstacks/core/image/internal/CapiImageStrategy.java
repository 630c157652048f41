package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImageSupport;
import io.clusterstacks.core.image.NodeArchitecture;
import io.clusterstacks.core.image.NodeShape;
import io.clusterstacks.core.image.TradeOff;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackGeneration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The pre-built CAPI image ({@code ubuntu-capi-image-v<version>}, Kubernetes baked in): found by name
 * as the dialect expects, by Glance ID, uploaded by ORC from a URL with a checksum, or uploaded by CSPO
 * from the stack release's node images.
 */
public final class CapiImageStrategy implements ImageStrategy {

  /** The strategy name. */
  public static final String NAME = "capi-image";

  /** The name prefix SCS ClusterClasses use. */
  public static final String STANDARD_PREFIX = "ubuntu-capi-image";

  /** Where the image comes from. */
  public sealed interface Source {
    /** The label of this variant for tables and messages. */
    String label();
  }

  /** {@code ubuntu-capi-image-<version>} by name, as every SCS ClusterClass expects. */
  public record StandardName() implements Source {
    @Override
    public String label() {
      return "standard name ubuntu-capi-image-<version>";
    }
  }

  /**
   * A Glance image with another name.
   *
   * @param name the Glance name
   */
  public record CustomName(String name) implements Source {
    /**
     * Checks the name.
     *
     * @param name the Glance name
     */
    public CustomName {
      ImageRef.glanceName(InvalidInputException.requireArgument(name, "name"));
    }

    @Override
    public String label() {
      return "custom Glance name";
    }
  }

  /**
   * A Glance image by ID.
   *
   * @param id the Glance ID
   */
  public record ById(String id) implements Source {
    /**
     * Checks the ID.
     *
     * @param id the Glance ID
     */
    public ById {
      ImageRef.glanceId(InvalidInputException.requireArgument(id, "id"));
    }

    @Override
    public String label() {
      return "Glance image ID";
    }
  }

  /**
   * An ORC Image to create; when {@code image} is empty, one is derived at planning from the URL and
   * checksum with the standard name and the SCS image properties.
   *
   * @param url the download URL
   * @param sha256 the SHA-256 checksum
   * @param image a complete ORC image definition, overriding the derived one
   */
  public record Orc(String url, String sha256, Optional<OrcImage> image) implements Source {
    /**
     * Checks presence.
     *
     * @param url the URL
     * @param sha256 the checksum
     * @param image the explicit definition, if any
     */
    public Orc {
      InvalidInputException.requireArgument(url, "url");
      InvalidInputException.requireArgument(sha256, "sha256");
      InvalidInputException.requireArgument(image, "image");
    }

    @Override
    public String label() {
      return "ORC Image from URL + checksum";
    }
  }

  /** The image CSPO uploads from the stack release's {@code node-images.yaml}. */
  public record Cspo() implements Source {
    @Override
    public String label() {
      return "CSPO node-image release";
    }
  }

  private final Source source;

  /**
   * Creates the strategy.
   *
   * @param source where the image comes from
   */
  public CapiImageStrategy(Source source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Where the image comes from.
   *
   * @return the source
   */
  public Source source() {
    return source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "pre-built CAPI image with Kubernetes baked in (" + source.label() + "); nothing installed at boot";
  }

  @Override
  public String toString() {
    return NAME + " (" + source.label() + ")";
  }

  @Override
  public String label() {
    return toString();
  }

  @Override
  public String whyUnsupported(Optional<StackGeneration> generation, OutputMode mode) {
    String forced = generation.map(g -> "the " + g.stackName() + " ClusterClass forces the image name "
        + STANDARD_PREFIX + "-<version> and has no image variable").orElse("");
    if (source instanceof Cspo) {
      return mode == OutputMode.RAW_CAPI ? "CSPO uploads node images only for a ClusterStack release, which only"
          + " topology mode uses" : "scs2 releases ship no node images for CSPO (use ORC or a Glance image)";
    }
    if (source instanceof Orc && generation.orElse(null) == StackGeneration.SCS) {
      return "the scs ClusterClass forces the image name " + STANDARD_PREFIX + "-<version> and (from 1.30) renders"
          + " its own ORC Image of that name; a second one would duplicate the Glance image";
    }
    if (source instanceof ById) {
      return "SCS ClusterClasses reference images by name (scs2: imageName as Glance name or ORC Image), never by ID";
    }
    return forced;
  }

  @Override
  public ImageSupport support(Optional<StackGeneration> generation, OutputMode mode) {
    if (source instanceof Cspo) {
      // node images ship only with scs (<= 1.30 era) and kamaji releases, and need a ClusterStack
      if (mode == OutputMode.TOPOLOGY && generation.isPresent() && generation.get() != StackGeneration.SCS2) {
        return ImageSupport.SUPPORTED;
      }
      return ImageSupport.UNSUPPORTED;
    }
    if (mode == OutputMode.RAW_CAPI) {
      return ImageSupport.SUPPORTED;
    }
    if (source instanceof StandardName) {
      return ImageSupport.SUPPORTED;
    }
    if (generation.isEmpty()) {
      return ImageSupport.RAW_CAPI_ONLY; // topology without a known stack: only the standard name is safe
    }
    StackGeneration g = generation.get();
    if (source instanceof Orc o) {
      // scs2: imageIsOrc. kamaji filters by the forced name, which the derived ORC image carries. scs
      // (1.30 and later) renders its own ORC Image of that name inside the ClusterClass chart.
      boolean kamajiStandard = g == StackGeneration.KAMAJI && o.image().isEmpty();
      return g == StackGeneration.SCS2 || kamajiStandard ? ImageSupport.SUPPORTED : ImageSupport.RAW_CAPI_ONLY;
    }
    if (source instanceof CustomName) {
      return g == StackGeneration.SCS2 ? ImageSupport.SUPPORTED : ImageSupport.RAW_CAPI_ONLY;
    }
    return ImageSupport.RAW_CAPI_ONLY; // by ID: no ClusterClass takes an image ID
  }

  @Override
  public ImagePlan planSupported(ImageRequest request) {
    KubeVersion v = KubeVersion.parse(request.kubernetesVersion());
    String standard = STANDARD_PREFIX + "-" + v.tag();
    List<NodeShape> nodes = request.shapes();
    NodeArchitecture arch = ImageFit.architectureOf(nodes);
    boolean topology = request.mode() == OutputMode.TOPOLOGY;
    Optional<StackDialect> dialect = request.dialect();
    boolean scs2Topology = topology && request.generation().orElse(null) == StackGeneration.SCS2;
    ImagePlan.Builder plan = ImagePlan.builder()
        .strategy(NAME)
        .description(description())
        .mode(request.mode())
        .addTradeOffs(TradeOff.of(TradeOff.Kind.BOOT_WORK, "nothing is installed at boot, so nodes join fastest;"
            + " but one image per Kubernetes patch version must be offered, and scs-0104 only recommends these"
            + " images (a plain Ubuntu image is the mandatory one)"));

    if (source instanceof Orc o) {
      OrcImage image = o.image().orElseGet(() -> OrcImage.builder()
          .name(standard)
          .url(o.url())
          .checksum(o.sha256().strip().toLowerCase(Locale.ROOT))
          .checksumAlgorithm("sha256")
          .visibility("private")
          .architecture(arch.glanceName())
          .minDiskGB(20)
          .minMemoryMB(2048)
          .osDistro("ubuntu")
          .osVersion("24.04")
          .diskBus("scsi")
          .scsiModel("virtio-scsi")
          .vifModel("virtio")
          .qemuGuestAgent(true)
          .rngModel("virtio")
          .build());
      String glanceName = image.glanceName().orElse(image.name());
      plan.image(ImageRef.orcToCreate(image))
          .minDiskGiB(image.minDiskGB().orElse(0))
          .addRequirements(ImageRequirement.toEnsure(ImageRequirement.Kind.IMAGE_IMPORT, "ORC"
              + " (openstack-resource-controller) installed in the management cluster (CAPO >= 0.12 needs it"
              + " anyway); it downloads " + image.url() + " into Glance as " + glanceName + " and verifies its "
              + image.checksumAlgorithm()))
          .addReasons("ORC uploads the image from a URL and verifies its checksum, so it need not exist yet");
      if (scs2Topology) {
        variables(plan, dialect.get(), image.name(), true);
      }
      if (topology && request.generation().orElse(null) == StackGeneration.KAMAJI) {
        plan.addWarnings("if the ClusterStack uses CSPO (noProvider: false) it uploads " + glanceName + " as well;"
            + " use either CSPO or ORC, or the Glance name is ambiguous");
      }
      if (request.cloud().image(glanceName).isPresent()) {
        plan.addWarnings("an image named " + glanceName + " already exists; a second one makes name lookups"
            + " ambiguous (CAPO's filter must match exactly one image): delete it or reference it by name instead");
      }
      ImageFit.check(plan, glanceName, image.architecture(), image.minDiskGB().orElse(0),
          image.minMemoryMB().orElse(0), nodes);
      return plan.build();
    }

    String name;
    Optional<CloudImage> found;
    if (source instanceof ById b) {
      name = b.id();
      found = request.cloud().images().stream().filter(i -> i.id().equals(b.id())).findFirst();
      plan.image(ImageRef.glanceId(b.id())).addReasons("the image is referenced by its Glance ID, which is exact");
    } else {
      name = source instanceof CustomName c ? c.name()
          : dialect.flatMap(d -> d.forcedImageName(v.tag())).orElse(standard);
      found = request.cloud().image(name);
      plan.image(ImageRef.glanceName(name));
      if (source instanceof CustomName) {
        plan.addReasons("the image is found by its Glance name " + name);
      } else {
        plan.addReasons(dialect.map(StackDialect::fixedImageName).orElse(false)
            ? "the " + dialect.get().id() + " ClusterClass forces the image name " + name
            : "pre-built CAPI images are named " + STANDARD_PREFIX + "-<version> (SCS convention, scs-0104)");
      }
      if (scs2Topology) {
        variables(plan, dialect.get(), name, false);
      }
    }

    if (source instanceof Cspo) {
      plan.addRequirements(ImageRequirement.toEnsure(ImageRequirement.Kind.IMAGE_IMPORT, "CSPO"
          + " (cluster-stack-provider-openstack) installed and the ClusterStack created with noProvider: false"
          + " and a providerRef to an OpenStackClusterStackReleaseTemplate; CSPO uploads " + name
          + " from the release's node-images.yaml"));
      if (found.isEmpty()) {
        plan.addReasons("CSPO uploads " + name + " when the ClusterStack release is reconciled");
        return plan.build();
      }
    } else if (found.isEmpty()) {
      if (request.cloud().images().isEmpty()) {
        plan.addWarnings("the cloud profile lists no images, so the presence of " + name + " was not checked");
      }
      plan.addRequirements(ImageFinder.capiImageMissing(request.cloud(), name, v.tag(), arch));
      return plan.build();
    } else {
      plan.addRequirements(ImageRequirement.imagePresent("Glance image " + name));
    }
    CloudImage image = found.get();
    plan.cloudImage(image).minDiskGiB(image.minDiskGiB());
    ImageFit.check(plan, image.name(), image.architecture(), image.minDiskGiB(), image.minRamMiB(), nodes);
    return plan.build();
  }

  /**
   * The scs2 image variables, exactly as the cluster model derives them from the image reference (the
   * full name, no appended version), so plan and rendered Cluster agree.
   */
  private static void variables(ImagePlan.Builder plan, StackDialect d, String imageName, boolean orc) {
    d.variableFor(CommonVariable.IMAGE_NAME).ifPresent(n -> plan.putTopologyVariables(n.name(), imageName));
    d.variableFor(CommonVariable.IMAGE_ADD_VERSION).ifPresent(n -> plan.putTopologyVariables(n.name(), false));
    if (orc) {
      d.variableFor(CommonVariable.IMAGE_IS_ORC).ifPresent(n -> plan.putTopologyVariables(n.name(), true));
    }
  }

}
