package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.CloudFlavor;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.NodeArchitecture;
import io.clusterstacks.core.image.NodeShape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks an image against the flavors it boots on: architecture, {@code min_disk}, {@code min_ram}. */
public final class ImageFit {
  private ImageFit() {}

  /**
   * The single architecture of all machines.
   *
   * @param nodes the machines
   * @return their architecture ({@link NodeArchitecture#X86_64} when there are none)
   */
  public static NodeArchitecture architectureOf(List<NodeShape> nodes) {
    Set<NodeArchitecture> archs = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (NodeShape n : nodes) {
      Optional<NodeArchitecture> a = NodeArchitecture.fromName(n.flavor().architecture());
      if (a.isPresent()) {
        archs.add(a.get());
      } else {
        unknown.add(n.role() + " flavor " + n.flavor().name() + " has architecture " + n.flavor().architecture());
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(List.of(Problem.of("nodes", Names.shown(String.join("; ", unknown)),
          "the built-in strategies support x86_64 and aarch64; choose flavors of those architectures")));
    }
    if (archs.size() > 1) {
      throw new InvalidInputException(List.of(Problem.of("nodes", "flavors of architectures " + archs,
          "one image serves one architecture: choose flavors of one architecture, or one image strategy per"
              + " architecture")));
    }
    return archs.isEmpty() ? NodeArchitecture.X86_64 : archs.iterator().next();
  }

  /**
   * Checks the image fits every machine and adds an unmet requirement per mismatch (architecture,
   * {@code min_disk}, {@code min_ram}) and warnings for what cannot be checked.
   *
   * @param plan the plan being built
   * @param image the image name, for messages
   * @param architecture the image's {@code architecture} property, if set
   * @param minDiskGiB the image's {@code min_disk}
   * @param minRamMiB the image's {@code min_ram}
   * @param nodes the machines
   */
  public static void check(ImagePlan.Builder plan, String image, Optional<String> architecture,
      int minDiskGiB, int minRamMiB, List<NodeShape> nodes) {
    Optional<NodeArchitecture> imageArch = architecture.flatMap(NodeArchitecture::fromName);
    if (architecture.isEmpty()) {
      plan.addWarnings("image " + image + " has no architecture property (scs-0102 makes it mandatory);"
          + " assumed to match the flavors");
    } else if (imageArch.isEmpty()) {
      plan.addRequirements(ImageRequirement.flavorMismatch("an x86_64 or aarch64 image",
          "image " + image + " is " + architecture.get() + "; the built-in strategies support x86_64 and aarch64"));
    }
    for (NodeShape n : nodes) {
      CloudFlavor f = n.flavor();
      Optional<NodeArchitecture> fa = NodeArchitecture.fromName(f.architecture());
      if (imageArch.isPresent() && fa.isPresent() && imageArch.get() != fa.get()) {
        plan.addRequirements(ImageRequirement.flavorMismatch(n.role() + ": an " + fa.get().glanceName()
            + " build of " + image + " for flavor " + f.name(), "flavor " + f.name() + " runs "
            + fa.get().glanceName() + " but the image is " + imageArch.get().glanceName()
            + "; use an image with architecture=" + fa.get().glanceName() + " or a " + imageArch.get().glanceName()
            + " flavor"));
      }
      int disk = n.rootDiskGiB();
      if (minDiskGiB > 0 && disk > 0 && disk < minDiskGiB) {
        plan.addRequirements(ImageRequirement.flavorMismatch(n.role() + ": a root disk of at least " + minDiskGiB
            + " GiB (image min_disk)", "root disk " + disk + " GiB"
            + (n.rootVolumeGiB().isPresent() ? " (volume)" : " (flavor " + f.name() + ")")
            + " is below the image's min_disk " + minDiskGiB + " GiB; use a larger "
            + (n.rootVolumeGiB().isPresent() ? "root volume" : "flavor or boot from a volume of " + minDiskGiB
                + " GiB or more")));
      }
      if (minDiskGiB > 0 && disk == 0) {
        plan.addWarnings(n.role() + ": flavor " + f.name() + " has no root disk and no root volume is set; the"
            + " image needs at least " + minDiskGiB + " GiB");
      }
      if (minRamMiB > 0 && f.ramMiB() < minRamMiB) {
        plan.addRequirements(ImageRequirement.flavorMismatch(n.role() + ": at least " + minRamMiB
            + " MiB RAM (image min_ram)", "flavor " + f.name() + " has " + f.ramMiB() + " MiB RAM, below the"
            + " image's min_ram " + minRamMiB + " MiB; use a flavor with more RAM"));
      }
    }
  }
}
