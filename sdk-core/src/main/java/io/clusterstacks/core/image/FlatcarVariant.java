package io.clusterstacks.core.image;

/** Which Flatcar image the nodes boot (CAPO documents both: {@code flatcar} and {@code flatcar-sysext}). */
public enum FlatcarVariant {
  /**
   * A Flatcar image built by Kubernetes image-builder with kubelet, kubeadm and containerd baked in
   * (e.g. {@code flatcar-stable-3374.2.5-kube-v1.25.6}); one image per Kubernetes version.
   */
  IMAGE_BUILDER,
  /**
   * A plain Flatcar image plus the Kubernetes systemd-sysext for the exact version, downloaded by
   * ignition at first boot (from the Flatcar sysext-bakery or a mirror); one image for all versions.
   */
  SYSEXT
}
