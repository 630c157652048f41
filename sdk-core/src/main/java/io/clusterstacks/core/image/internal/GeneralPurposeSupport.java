package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.image.ImageSupport;
import io.clusterstacks.core.model.OutputMode;

/** Support of strategies that add bootstrap content: no SCS ClusterClass takes it, raw CAPI mode does. */
final class GeneralPurposeSupport {
  static final String WHY = "no SCS ClusterClass takes extra bootstrap files, preKubeadmCommands or an ignition"
      + " config (and scs and kamaji also force the image name ubuntu-capi-image-<version>)";

  private GeneralPurposeSupport() {}

  static ImageSupport of(OutputMode mode) {
    return mode == OutputMode.RAW_CAPI ? ImageSupport.SUPPORTED : ImageSupport.RAW_CAPI_ONLY;
  }
}
