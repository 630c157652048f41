package io.clusterstacks.core.image.sample;

import io.clusterstacks.core.cloud.CloudImage;
import io.clusterstacks.core.image.ImageNotFoundException;
import io.clusterstacks.core.image.ImagePlan;
import io.clusterstacks.core.image.ImageRequest;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImageStrategyProvider;
import io.clusterstacks.core.image.ImageSupport;
import io.clusterstacks.core.image.ImageRequirement;
import io.clusterstacks.core.image.TradeOff;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackGeneration;
import java.util.Map;
import java.util.Optional;

/**
 * A third-party strategy as a user would write one: Debian 12 with Kubernetes installed at boot (only
 * a sketch of the commands), found through {@code META-INF/services}.
 */
public final class SampleDebianStrategyProvider implements ImageStrategyProvider {

  @Override
  public String name() {
    return "sample-debian";
  }

  @Override
  public String description() {
    return "sample third-party strategy: Debian 12 installing Kubernetes at boot";
  }

  @Override
  public Map<String, String> options() {
    return Map.of("image", "Glance image name");
  }

  @Override
  public ImageStrategy create(Map<String, String> options) {
    return new Strategy(Optional.ofNullable(options.get("image")).orElse("Debian 12"));
  }

  /** The strategy. */
  static final class Strategy implements ImageStrategy {
    private final String image;

    Strategy(String image) {
      this.image = image;
    }

    @Override
    public String name() {
      return "sample-debian";
    }

    @Override
    public String description() {
      return "Debian 12 installing Kubernetes at boot (sample)";
    }

    @Override
    public ImageSupport support(Optional<StackGeneration> generation, OutputMode mode) {
      return mode == OutputMode.RAW_CAPI ? ImageSupport.SUPPORTED : ImageSupport.RAW_CAPI_ONLY;
    }

    @Override
    public ImagePlan planSupported(ImageRequest request) {
      CloudImage found = request.cloud().image(image).orElseThrow(() -> new ImageNotFoundException(
          "image " + image, request.cloud().images().stream().map(CloudImage::name).toList(), "upload Debian 12"));
      String minor = request.kubernetesVersion().replaceFirst("^v?(\\d+\\.\\d+)\\..*$", "v$1");
      return ImagePlan.builder()
          .strategy(name())
          .description(description())
          .image(ImageRef.glanceName(found.name()))
          .cloudImage(found)
          .mode(request.mode())
          .bootstrap(BootstrapAdditions.builder()
              .addPreKubeadmCommands("echo 'deb [signed-by=/etc/apt/keyrings/k8s.gpg] https://pkgs.k8s.io/core:/stable:/"
                  + minor + "/deb/ /' > /etc/apt/sources.list.d/kubernetes.list")
              .build())
          .addRequirements(ImageRequirement.toEnsure(ImageRequirement.Kind.OUTBOUND_ACCESS, "pkgs.k8s.io"))
          .addTradeOffs(TradeOff.of(TradeOff.Kind.BOOT_WORK, "installs at boot"))
          .build();
    }
  }
}
