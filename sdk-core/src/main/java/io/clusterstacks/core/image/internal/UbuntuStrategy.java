package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.image.ContainerRuntime;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImageSupport;
import io.clusterstacks.core.image.NodeArchitecture;
import io.clusterstacks.core.image.NodeOperatingSystems;
import io.clusterstacks.core.image.PackageMirrors;
import io.clusterstacks.core.image.TradeOff;
import io.clusterstacks.core.image.UbuntuNodeSetup;
import io.clusterstacks.core.image.UnsupportedOperatingSystemException;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackGeneration;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** A plain Ubuntu LTS image that installs the container runtime and kubelet/kubeadm/kubectl at boot. */
public final class UbuntuStrategy implements ImageStrategy {

  /** The strategy name. */
  public static final String NAME = "ubuntu";

  private final UbuntuNodeSetup setup;
  private final Optional<String> image;

  /**
   * Creates the strategy.
   *
   * @param setup how the node is set up
   * @param image an explicit image name or ID; empty to find one by scs-0102 properties
   */
  public UbuntuStrategy(UbuntuNodeSetup setup, Optional<String> image) {
    this.setup = Objects.requireNonNull(setup, "setup");
    this.image = Objects.requireNonNull(image, "image");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "general-purpose Ubuntu " + setup.release().version() + " that installs " + runtimeName()
        + " and kubelet/kubeadm/kubectl (pinned, held) at boot";
  }

  @Override
  public String toString() {
    return NAME + " (Ubuntu " + setup.release().version() + ", " + runtimeName() + ")";
  }

  private String runtimeName() {
    ContainerRuntime r = setup.runtime();
    return r instanceof ContainerRuntime.CriO ? "CRI-O" : r instanceof ContainerRuntime.UbuntuContainerd
        ? "Ubuntu's containerd" : "containerd from its release";
  }

  @Override
  public String label() {
    return toString();
  }

  @Override
  public String whyUnsupported(Optional<StackGeneration> generation, OutputMode mode) {
    return GeneralPurposeSupport.WHY;
  }

  @Override
  public ImageSupport support(Optional<StackGeneration> generation, OutputMode mode) {
    return GeneralPurposeSupport.of(mode);
  }

  @Override
  public ImagePlan planSupported(ImageRequest request) {
    KubeVersion v = KubeVersion.parse(request.kubernetesVersion());
    NodeArchitecture arch = ImageFit.architectureOf(request.shapes());
    String version = setup.release().version();
    ImagePlan.Builder plan = ImagePlan.builder().strategy(NAME).description(description()).mode(request.mode());

    String how = "upload Ubuntu " + version + " from https://cloud-images.ubuntu.com/releases/"
        + setup.release().codename() + "/ with the scs-0102 properties os_distro=ubuntu os_version=" + version
        + " architecture=" + arch.glanceName() + " (scs-0104 makes Ubuntu 24.04 mandatory on SCS clouds)";
    List<String> existing = ImageFinder.existing(request.cloud(),
        i -> i.osDistro().map("ubuntu"::equalsIgnoreCase).orElse(false));
    Optional<CloudImage> found;
    if (image.isPresent()) {
      found = ImageFinder.byNameOrId(request.cloud(), image.get());
      found.ifPresent(f -> requireUbuntu(f, version));
      plan.addReasons("the image " + image.get() + " was named explicitly");
    } else {
      List<CloudImage> candidates = ImageFinder.byOs(request.cloud(), "ubuntu", Optional.of(version), arch);
      found = candidates.stream().findFirst();
      found.ifPresent(f -> plan.addReasons("found " + f.name() + " by scs-0102 properties os_distro=ubuntu"
          + " os_version=" + version + (candidates.size() > 1 ? " (first of " + candidates.size()
              + ": os_purpose=generic first, then by name)" : "")));
    }
    plan.bootstrap(setup.bootstrap(v.tag(), arch));
    if (found.isEmpty()) {
      String wanted = image.orElse("Ubuntu " + version);
      plan.image(ImageRef.glanceName(wanted));
      plan.addRequirements(ImageRequirement.imageMissing(image.isPresent() ? "Glance image " + wanted
          : "a plain Ubuntu " + version + " " + arch.glanceName() + " image (os_distro=ubuntu, os_version=" + version
              + ")", existing, image.isPresent() ? how + ", or leave the image out to find one by those properties"
              : how + ", or choose another release with UbuntuNodeSetup.release"));
    } else {
      CloudImage f = found.get();
      plan.cloudImage(f).minDiskGiB(f.minDiskGiB());
      plan.image(f.id().equals(f.name()) ? ImageRef.glanceName(f.name()) : ImageRef.glanceId(f.id()));
      plan.addRequirements(ImageRequirement.imagePresent("plain Ubuntu " + version + " image " + f.name()));
      ImageFit.check(plan, f.name(), f.architecture(), f.minDiskGiB(), f.minRamMiB(), request.shapes());
    }
    plan.addRequirements(ImageRequirement.toEnsure(ImageRequirement.Kind.OUTBOUND_ACCESS, "nodes reach " + hosts()
        + " at boot (HTTPS)" + (setup.proxy().isPresent() ? " through the configured proxy" : "")
        + (setup.mirrors().allOfficial() ? "; for clouds without internet set PackageMirrors and/or HttpProxy" : "")));
    plan.addTradeOffs(TradeOff.of(TradeOff.Kind.BOOT_WORK, "every node downloads and installs the container"
        + " runtime and kubelet/kubeadm/kubectl at boot (typically 100-200 MB and one to a few minutes more"
        + " before it joins), on every scale-out and rollout"));
    plan.addTradeOffs(TradeOff.of(TradeOff.Kind.IMMUTABILITY, "Kubernetes packages are pinned to " + v.plain()
        + " and held, but the runtime patch level and Ubuntu packages are whatever the repositories serve at boot;"
        + " nodes of one MachineDeployment can differ"));
    if (setup.runtime() instanceof ContainerRuntime.UbuntuContainerd) {
      plan.addWarnings("Ubuntu's containerd follows Ubuntu's release, not Kubernetes'; check its version supports"
          + " Kubernetes " + v.stream());
    }
    return plan.build();
  }

  private static void requireUbuntu(CloudImage found, String version) {
    String distro = found.osDistro().orElse("ubuntu");
    String family = NodeOperatingSystems.requireSupported(distro, found.osVersion().orElse(version));
    if (!family.equals("ubuntu")) {
      throw new UnsupportedOperatingSystemException(distro, found.osVersion().orElse(""), "image " + found.name()
          + " is not Ubuntu; the general-purpose Ubuntu strategy installs Debian packages with apt",
          NodeOperatingSystems.SUPPORTED);
    }
    if (found.osVersion().isPresent() && !found.osVersion().get().equals(version)) {
      throw new UnsupportedOperatingSystemException(distro, found.osVersion().get(), "image " + found.name()
          + " is Ubuntu " + found.osVersion().get() + " but the setup is for Ubuntu " + version
          + "; set UbuntuNodeSetup.release to match", NodeOperatingSystems.SUPPORTED);
    }
  }

  private String hosts() {
    PackageMirrors m = setup.mirrors();
    TreeSet<String> hosts = new TreeSet<>();
    hosts.add(URI.create(m.kubernetesDeb()).getHost());
    if (setup.runtime() instanceof ContainerRuntime.CriO) {
      hosts.add(URI.create(m.crioDeb()).getHost());
    }
    if (setup.runtime() instanceof ContainerRuntime.ContainerdRelease) {
      hosts.add(URI.create(m.githubReleases()).getHost());
    }
    return String.join(", ", hosts) + " and the image's Ubuntu archive";
  }
}
