package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.cloud.CloudProfile;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.NodeArchitecture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds images in a cloud profile and explains what exists when the wanted one does not. */
public final class ImageFinder {
  /** Where the SCS-recommended pre-built CAPI images are published (scs-0104 image_source prefix). */
  public static final String CAPI_IMAGES = "https://nbg1.your-objectstorage.com/osism/openstack-k8s-capi-images/";

  private static final int SHOWN = 12;

  private ImageFinder() {}

  /**
   * Finds an image by exact name or ID.
   *
   * @param cloud the profile
   * @param nameOrId the name or ID
   * @return the image, if listed
   */
  public static Optional<CloudImage> byNameOrId(CloudProfile cloud, String nameOrId) {
    return cloud.image(nameOrId);
  }

  /**
   * General-purpose images whose scs-0102 properties match (never {@code os_purpose=k8snode}, which
   * already carry Kubernetes), best first: {@code os_purpose=generic} first, then by name.
   *
   * @param cloud the profile
   * @param osDistro the wanted {@code os_distro}
   * @param osVersion the wanted {@code os_version}, or empty for any
   * @param arch the node architecture (images without the property also match)
   * @return the matching images
   */
  public static List<CloudImage> byOs(
      CloudProfile cloud, String osDistro, Optional<String> osVersion, NodeArchitecture arch) {
    List<CloudImage> out = new ArrayList<>();
    for (CloudImage i : cloud.images()) {
      boolean distro = i.osDistro().map(d -> d.equalsIgnoreCase(osDistro)).orElse(false);
      boolean version = osVersion.isEmpty() || i.osVersion().map(v -> v.equals(osVersion.get())).orElse(false);
      boolean archOk = i.architecture().flatMap(NodeArchitecture::fromName).map(a -> a == arch).orElse(true);
      boolean general = !"k8snode".equals(i.osPurpose().orElse(""));
      if (distro && version && archOk && general) {
        out.add(i);
      }
    }
    out.sort(Comparator.comparing((CloudImage i) -> !"generic".equals(i.osPurpose().orElse("")))
        .thenComparing(CloudImage::name).thenComparing(CloudImage::id));
    return out;
  }

  /**
   * The image names to show when one is missing: those matching a hint first.
   *
   * @param cloud the profile
   * @param relevant which images are most relevant
   * @return up to a dozen descriptions such as {@code ubuntu-capi-image-v1.33.3 (ubuntu 24.04, x86_64)}
   */
  public static List<String> existing(CloudProfile cloud, Predicate<CloudImage> relevant) {
    List<CloudImage> all = new ArrayList<>(cloud.images());
    all.sort(Comparator.comparing((CloudImage i) -> !relevant.test(i)).thenComparing(CloudImage::name));
    List<String> out = new ArrayList<>();
    for (CloudImage i : all) {
      if (out.size() == SHOWN) {
        out.add("... " + (all.size() - SHOWN) + " more");
        break;
      }
      out.add(describe(i));
    }
    return out;
  }

  /**
   * One image in words.
   *
   * @param i the image
   * @return e.g. {@code Ubuntu 24.04 (ubuntu 24.04, x86_64)}
   */
  public static String describe(CloudImage i) {
    List<String> props = new ArrayList<>();
    i.osDistro().ifPresent(d -> props.add(d + i.osVersion().map(v -> " " + v).orElse("")));
    i.architecture().ifPresent(props::add);
    return i.name() + (props.isEmpty() ? "" : " (" + String.join(", ", props) + ")");
  }

  /**
   * The unmet requirement for a missing pre-built CAPI image.
   *
   * @param cloud the profile
   * @param name the wanted Glance name
   * @param kubernetesVersion the exact version, e.g. {@code v1.33.4}
   * @param arch the node architecture
   * @return the requirement, listing the images that exist and how to get the right one
   */
  public static ImageRequirement capiImageMissing(
      CloudProfile cloud, String name, String kubernetesVersion, NodeArchitecture arch) {
    KubeVersion v = KubeVersion.parse(kubernetesVersion);
    String file = "ubuntu-2404-kube-" + v.tag() + ".qcow2";
    String url = CAPI_IMAGES + "ubuntu-2404-kube-" + v.stream() + "/" + file;
    String how = "upload the pre-built image as " + name + " (e.g. openstack image create --disk-format qcow2"
        + " --property os_distro=ubuntu --property os_version=24.04 --property architecture="
        + arch.glanceName() + " ... from " + url + ", or with openstack-image-manager), or let ORC upload it:"
        + " ImageStrategies.capiImageFromUrl(\"" + url + "\", \"<sha256>\")"
        + (arch == NodeArchitecture.AARCH64 ? " (the SCS images are x86_64; build an aarch64 image with"
            + " Kubernetes image-builder)" : "")
        + ", or install Kubernetes at boot on a plain Ubuntu image: ImageStrategies.generalPurposeUbuntu()";
    List<String> capi = cloud.images().stream().map(CloudImage::name)
        .filter(n -> n.startsWith("ubuntu-capi-image-")).sorted().toList();
    return ImageRequirement.imageMissing("Glance image " + name, existing(cloud,
        i -> i.name().toLowerCase(Locale.ROOT).contains("capi") || i.name().contains("kube")),
        how + (capi.isEmpty() ? "" : " (the cloud has " + String.join(", ", capi) + ")"));
  }
}
