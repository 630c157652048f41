package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImmutableImagePlan;
import io.clusterstacks.core.model.ImageRef;
import java.util.Optional;

/**
 * The pre-built CAPI image, found by its name {@code ubuntu-capi-image-<version>}.
 */
public final class CapiImageStrategy implements ImageStrategy {

  /** The one instance. */
  public static final CapiImageStrategy INSTANCE = new CapiImageStrategy();

  /** The name prefix of the osism/SCS CAPI images (scs-0104 {@code name_scheme} with a dash). */
  public static final String PREFIX = "ubuntu-capi-image-";

  private CapiImageStrategy() {}

  @Override
  public String name() {
    return "capi-image";
  }

  @Override
  public String description() {
    return "boot the pre-built CAPI image " + PREFIX + "<version> (kubelet, kubeadm and a runtime baked in)";
  }

  @Override
  public ImagePlan plan(ImageRequest request) {
    String name = request.dialect().flatMap(d -> d.forcedImageName(request.kubernetesVersion()))
        .orElse(PREFIX + request.kubernetesVersion());
    ImmutableImagePlan.Builder b = ImagePlan.builder()
        .strategy(name())
        .image(ImageRef.glanceName(name))
        .addTradeOffs("nothing is installed at boot, so nodes join fastest; but the provider (or you) must offer one image "
            + "per Kubernetes patch version, and scs-0104 only recommends these images (a plain Ubuntu image is the mandatory one)");
    Optional<CloudImage> image = request.cloud().image(name);
    if (image.isEmpty()) {
      String alt = request.cloud().images().stream().map(CloudImage::name).filter(n -> n.startsWith(PREFIX)).sorted()
          .reduce((a, c) -> a + ", " + c).map(s -> " (the cloud has " + s + ")").orElse("");
      b.addRequirements(new ImageRequirement("Glance image " + name, false,
          "upload it (osism/k8s-capi-images builds one per Kubernetes version), let the stack create it as an ORC Image, "
              + "or choose another Kubernetes version or image strategy" + alt));
      return b.build();
    }
    CloudImage img = image.get();
    b.addRequirements(new ImageRequirement("Glance image " + name, true, ""));
    b.minDiskGiB(img.minDiskGiB());
    if (request.flavor().isPresent()) {
      String flavorArch = request.flavor().get().architecture();
      Optional<String> imageArch = img.architecture();
      if (imageArch.isPresent() && !imageArch.get().equals(flavorArch)) {
        b.addRequirements(new ImageRequirement("an " + flavorArch + " build of " + name + " for flavor "
            + request.flavor().get().name(), false, "the image is " + imageArch.get() + "; choose a flavor of that "
            + "architecture or upload an " + flavorArch + " image"));
      }
      int disk = request.flavor().get().diskGB();
      if (disk > 0 && disk < img.minDiskGiB()) {
        b.addRequirements(new ImageRequirement("a root disk of at least " + img.minDiskGiB() + " GiB (image min_disk)", false,
            "flavor " + request.flavor().get().name() + " has " + disk + " GB; choose a larger flavor or boot from a volume"));
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    return name();
  }
}
