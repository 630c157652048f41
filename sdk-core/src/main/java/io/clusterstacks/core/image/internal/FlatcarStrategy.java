package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.image.FlatcarNodeSetup;
import io.clusterstacks.core.image.FlatcarVariant;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImageSupport;
import io.clusterstacks.core.image.NodeArchitecture;
import io.clusterstacks.core.image.NodeOperatingSystems;
import io.clusterstacks.core.image.TradeOff;
import io.clusterstacks.core.image.UnsupportedOperatingSystemException;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackGeneration;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Flatcar Container Linux configured through ignition. */
public final class FlatcarStrategy implements ImageStrategy {

  /** The strategy name. */
  public static final String NAME = "flatcar";

  private final FlatcarNodeSetup setup;
  private final Optional<String> image;

  /**
   * Creates the strategy.
   *
   * @param setup how the node is set up
   * @param image an explicit image name or ID; empty to find one by {@code os_distro=flatcar}
   */
  public FlatcarStrategy(FlatcarNodeSetup setup, Optional<String> image) {
    this.setup = Objects.requireNonNull(setup, "setup");
    this.image = Objects.requireNonNull(image, "image");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return setup.variant() == FlatcarVariant.SYSEXT
        ? "plain Flatcar Container Linux plus the Kubernetes sysext for the exact version, configured by ignition"
        : "Flatcar Container Linux image built by image-builder with Kubernetes baked in, configured by ignition";
  }

  @Override
  public String toString() {
    return NAME + " (" + (setup.variant() == FlatcarVariant.SYSEXT ? "sysext" : "image-builder image") + ")";
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
    ImagePlan.Builder plan = ImagePlan.builder().strategy(NAME).description(description()).mode(request.mode());
    boolean sysext = setup.variant() == FlatcarVariant.SYSEXT;
    String how = sysext
        ? "upload a Flatcar OpenStack image (https://stable.release.flatcar-linux.net/" + (arch == NodeArchitecture.AARCH64
            ? "arm64-usr" : "amd64-usr") + "/current/flatcar_production_openstack_image.img) with os_distro=flatcar"
            + " architecture=" + arch.glanceName()
        : "build a Flatcar image with Kubernetes " + v.tag() + " using Kubernetes image-builder and upload it with"
            + " os_distro=flatcar (its name should contain kube-" + v.tag() + "), or use FlatcarVariant.SYSEXT"
            + " with a plain Flatcar image";

    List<String> existing = ImageFinder.existing(request.cloud(), FlatcarStrategy::isFlatcar);
    Optional<CloudImage> found;
    if (image.isPresent()) {
      found = ImageFinder.byNameOrId(request.cloud(), image.get());
      found.ifPresent(FlatcarStrategy::requireFlatcar);
      plan.addReasons("the image " + image.get() + " was named explicitly");
    } else {
      List<CloudImage> candidates = ImageFinder.byOs(request.cloud(), "flatcar", Optional.empty(), arch);
      if (!sysext) {
        candidates = candidates.stream().filter(i -> i.name().contains("kube-" + v.tag())).toList();
      }
      found = candidates.stream().findFirst();
      found.ifPresent(f -> plan.addReasons("found " + f.name() + " by os_distro=flatcar"
          + (sysext ? "" : " and kube-" + v.tag() + " in its name")));
    }
    plan.bootstrap(setup.bootstrap(v.tag(), arch));
    if (found.isEmpty()) {
      String wanted = image.orElse(sysext ? "flatcar" : "flatcar-kube-" + v.tag());
      plan.image(ImageRef.glanceName(wanted));
      plan.addRequirements(ImageRequirement.imageMissing(image.isPresent() ? "Glance image " + wanted
          : (sysext ? "a Flatcar " : "an image-builder Flatcar image for Kubernetes " + v.tag() + ", ")
              + arch.glanceName() + " image (os_distro=flatcar)", existing, how));
    } else {
      CloudImage f = found.get();
      plan.cloudImage(f).minDiskGiB(f.minDiskGiB());
      plan.image(f.id().equals(f.name()) ? ImageRef.glanceName(f.name()) : ImageRef.glanceId(f.id()));
      plan.addRequirements(ImageRequirement.imagePresent("Flatcar image " + f.name()));
      ImageFit.check(plan, f.name(), f.architecture(), f.minDiskGiB(), f.minRamMiB(), request.shapes());
    }
    plan.addRequirements(ImageRequirement.ignitionFeatureGate());
    if (sysext) {
      String host = URI.create(setup.mirrors().flatcarSysext()).getHost();
      plan.addRequirements(ImageRequirement.toEnsure(ImageRequirement.Kind.OUTBOUND_ACCESS, "nodes reach " + host
          + " at first boot: ignition downloads kubernetes-" + v.tag() + "-" + arch.sysextName() + ".raw"
          + (setup.proxy().isPresent() ? " (ignition does not use the containerd proxy: the sysext location must be"
              + " reachable directly, e.g. a mirror inside the cloud)" : "")));
      plan.addTradeOffs(TradeOff.of(TradeOff.Kind.BOOT_WORK, "every node downloads the Kubernetes sysext"
          + " (about 100 MB) at first boot"));
      if (setup.sysextSha512().isEmpty()) {
        plan.addTradeOffs(TradeOff.of(TradeOff.Kind.VERIFICATION, "the sysext download is not verified; set"
            + " FlatcarNodeSetup.sysextSha512 to have ignition check it"));
      }
    }
    plan.addTradeOffs(TradeOff.of(TradeOff.Kind.IMMUTABILITY, setup.autoUpdates()
        ? "Flatcar updates and reboots itself (update-engine, locksmithd): nodes drift from the image they booted"
        : "Flatcar's own updates are masked: nodes change only through CAPI rollouts to a new image"));
    return plan.build();
  }

  private static void requireFlatcar(CloudImage found) {
    String distro = found.osDistro().orElse("flatcar");
    if (!NodeOperatingSystems.requireSupported(distro, found.osVersion().orElse("")).equals("flatcar")) {
      throw new UnsupportedOperatingSystemException(distro, found.osVersion().orElse(""), "image " + found.name()
          + " is not Flatcar; the Flatcar strategy configures nodes with ignition", NodeOperatingSystems.SUPPORTED);
    }
  }

  private static boolean isFlatcar(CloudImage i) {
    return i.osDistro().map("flatcar"::equalsIgnoreCase).orElse(false) || i.name().toLowerCase(java.util.Locale.ROOT).contains("flatcar");
  }
}
