package io.clusterstacks.core.image;

import io.clusterstacks.core.ClusterStacksException;
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
   * @throws ClusterStacksException for ignition additions; read their Container Linux Config instead
   */
  public static String cloudConfig(BootstrapAdditions additions) {
    if (additions.format() != BootstrapFormat.CLOUD_CONFIG) {
      throw new ClusterStacksException("cloudConfig: got format " + additions.format().value()
          + "; read ignitionAdditionalConfig() instead");
    }
    return CloudConfigs.render(additions);
  }
}
