package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.util.List;
import io.clusterstacks.core.image.internal.CloudConfigs;
import io.clusterstacks.core.model.BootstrapAdditions;
import io.clusterstacks.core.model.BootstrapFormat;

/** Shows bootstrap additions the way a node receives them, for review in a plan or a test. */
public final class BootstrapPreview {
  private BootstrapPreview() {}

  /**
   * The additions as a cloud-init document ({@code write_files} and {@code runcmd}), the way CAPI's
   * kubeadm bootstrap provider turns files and preKubeadmCommands into user data.
   *
   * @param additions cloud-config additions
   * @return a {@code #cloud-config} YAML document
   * @throws InvalidInputException for ignition additions; read their Container Linux Config instead
   */
  public static String cloudConfig(BootstrapAdditions additions) {
    InvalidInputException.requireArgument(additions, "additions");
    if (additions.format() != BootstrapFormat.CLOUD_CONFIG) {
      throw new InvalidInputException(List.of(Problem.of("additions.format", additions.format().value(),
          "pass cloud-config additions; for ignition read ignitionAdditionalConfig() instead")));
    }
    return CloudConfigs.render(additions);
  }
}
