package io.clusterstacks.core.image.internal;

import io.clusterstacks.core.image.ContainerRuntime;
import io.clusterstacks.core.image.FlatcarNodeSetup;
import io.clusterstacks.core.image.FlatcarVariant;
import io.clusterstacks.core.image.HttpProxy;
import io.clusterstacks.core.image.ImageStrategies;
import io.clusterstacks.core.image.ImageStrategy;
import io.clusterstacks.core.image.ImageStrategyException;
import io.clusterstacks.core.image.ImageStrategyProvider;
import io.clusterstacks.core.image.PackageMirrors;
import io.clusterstacks.core.image.UbuntuNodeSetup;
import io.clusterstacks.core.image.UbuntuRelease;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The providers of the built-in strategies, configured by text options (for command lines). */
public final class BuiltInProviders {
  private BuiltInProviders() {}

  /**
   * The built-in providers.
   *
   * @return capi-image, flatcar, ubuntu
   */
  public static List<ImageStrategyProvider> all() {
    return List.of(new CapiImage(), new Flatcar(), new Ubuntu());
  }

  private static void checkKnown(String strategy, Map<String, String> options, Map<String, String> known) {
    TreeSet<String> unknown = new TreeSet<>(options.keySet());
    unknown.removeAll(known.keySet());
    if (!unknown.isEmpty()) {
      throw new ImageStrategyException("image strategy " + strategy + ": unknown option(s) " + unknown
          + "; known: " + String.join(", ", known.keySet()));
    }
  }

  private static Optional<HttpProxy> proxy(Map<String, String> o) {
    if (!o.containsKey("http-proxy") && !o.containsKey("https-proxy")) {
      return Optional.empty();
    }
    io.clusterstacks.core.image.HttpProxy.Builder b = HttpProxy.builder();
    Optional.ofNullable(o.get("http-proxy")).ifPresent(b::httpProxy);
    Optional.ofNullable(o.get("https-proxy")).ifPresent(b::httpsProxy);
    Optional.ofNullable(o.get("no-proxy")).ifPresent(n -> Arrays.stream(n.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).forEach(b::addNoProxy));
    return Optional.of(b.build());
  }

  private static boolean bool(String strategy, String key, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ImageStrategyException("image strategy " + strategy + ": option " + key + ": got '" + value
        + "'; use true or false");
  }

  /** {@code capi-image}. */
  static final class CapiImage implements ImageStrategyProvider {
    @Override
    public String name() {
      return CapiImageStrategy.NAME;
    }

    @Override
    public String description() {
      return "pre-built CAPI image with Kubernetes baked in: by standard name, custom name, ID, ORC upload or CSPO";
    }

    @Override
    public Map<String, String> options() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("name", "Glance image name (default ubuntu-capi-image-<version>)");
      m.put("id", "Glance image ID (raw CAPI mode)");
      m.put("url", "download URL for ORC to upload the image (with sha256)");
      m.put("sha256", "SHA-256 of the file at url");
      m.put("cspo", "true: CSPO uploads the release's node image");
      return m;
    }

    @Override
    public ImageStrategy create(Map<String, String> o) {
      checkKnown(name(), o, options());
      long sources = List.of("name", "id", "url", "cspo").stream().filter(o::containsKey).count();
      if (sources > 1) {
        throw new ImageStrategyException("image strategy capi-image: options name, id, url and cspo exclude each"
            + " other; got " + new TreeSet<>(o.keySet()));
      }
      if (o.containsKey("url") != o.containsKey("sha256")) {
        throw new ImageStrategyException("image strategy capi-image: url and sha256 go together; got "
            + new TreeSet<>(o.keySet()));
      }
      if (o.containsKey("name")) {
        return ImageStrategies.capiImage(o.get("name"));
      }
      if (o.containsKey("id")) {
        return ImageStrategies.capiImageById(o.get("id"));
      }
      if (o.containsKey("url")) {
        return ImageStrategies.capiImageFromUrl(o.get("url"), o.get("sha256"));
      }
      if (o.containsKey("cspo") && bool(name(), "cspo", o.get("cspo"))) {
        return ImageStrategies.capiImageFromCspo();
      }
      return ImageStrategies.capiImage();
    }
  }

  /** {@code ubuntu}. */
  static final class Ubuntu implements ImageStrategyProvider {
    @Override
    public String name() {
      return UbuntuStrategy.NAME;
    }

    @Override
    public String description() {
      return "general-purpose Ubuntu LTS that installs the container runtime and kubelet/kubeadm/kubectl at boot";
    }

    @Override
    public Map<String, String> options() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("release", "24.04 (default) or 22.04");
      m.put("runtime", "cri-o (default), ubuntu-containerd or containerd-release");
      m.put("containerd-version", "containerd release version (runtime=containerd-release)");
      m.put("containerd-sha256", "SHA-256 of the containerd tarball for the node architecture");
      m.put("runc-version", "runc release version (runtime=containerd-release)");
      m.put("runc-sha256", "SHA-256 of the runc binary for the node architecture");
      m.put("image", "Glance image name or ID (default: found by os_distro/os_version)");
      m.put("kubernetes-mirror", "base URL replacing " + PackageMirrors.KUBERNETES_DEB);
      m.put("crio-mirror", "base URL replacing " + PackageMirrors.CRIO_DEB);
      m.put("github-mirror", "base URL replacing " + PackageMirrors.GITHUB);
      m.put("http-proxy", "HTTP proxy URL for downloads and image pulls");
      m.put("https-proxy", "HTTPS proxy URL");
      m.put("no-proxy", "comma-separated hosts, domains and CIDRs to reach directly");
      return m;
    }

    @Override
    public ImageStrategy create(Map<String, String> o) {
      checkKnown(name(), o, options());
      io.clusterstacks.core.image.UbuntuNodeSetup.Builder b = UbuntuNodeSetup.builder();
      if (o.containsKey("release")) {
        b.release(UbuntuRelease.fromVersion(o.get("release")).orElseThrow(() -> new ImageStrategyException(
            "image strategy ubuntu: option release: got '" + o.get("release") + "'; use 24.04 or 22.04")));
      }
      String runtime = o.getOrDefault("runtime", "cri-o");
      switch (runtime) {
        case "cri-o" -> b.runtime(ContainerRuntime.crio());
        case "ubuntu-containerd" -> b.runtime(ContainerRuntime.ubuntuContainerd());
        case "containerd-release" -> b.runtime(ContainerRuntime.containerdRelease(
            o.getOrDefault("containerd-version", ""), o.getOrDefault("containerd-sha256", ""),
            o.getOrDefault("runc-version", ""), o.getOrDefault("runc-sha256", "")));
        default -> throw new ImageStrategyException("image strategy ubuntu: option runtime: got '" + runtime
            + "'; use cri-o, ubuntu-containerd or containerd-release");
      }
      io.clusterstacks.core.image.PackageMirrors.Builder m = PackageMirrors.builder();
      Optional.ofNullable(o.get("kubernetes-mirror")).ifPresent(m::kubernetesDeb);
      Optional.ofNullable(o.get("crio-mirror")).ifPresent(m::crioDeb);
      Optional.ofNullable(o.get("github-mirror")).ifPresent(m::githubReleases);
      b.mirrors(m.build());
      proxy(o).ifPresent(b::proxy);
      UbuntuNodeSetup setup = b.build();
      return o.containsKey("image") ? ImageStrategies.generalPurposeUbuntu(setup, o.get("image"))
          : ImageStrategies.generalPurposeUbuntu(setup);
    }
  }

  /** {@code flatcar}. */
  static final class Flatcar implements ImageStrategyProvider {
    @Override
    public String name() {
      return FlatcarStrategy.NAME;
    }

    @Override
    public String description() {
      return "Flatcar Container Linux configured by ignition (plain Flatcar + Kubernetes sysext, or image-builder image)";
    }

    @Override
    public Map<String, String> options() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("variant", "sysext (default) or image-builder");
      m.put("sysext-sha512", "SHA-512 of the Kubernetes sysext for the node architecture");
      m.put("sysext-mirror", "base URL replacing " + PackageMirrors.FLATCAR_SYSEXT);
      m.put("auto-updates", "true to let Flatcar update itself (default false)");
      m.put("image", "Glance image name or ID (default: found by os_distro=flatcar)");
      m.put("http-proxy", "HTTP proxy URL for containerd");
      m.put("https-proxy", "HTTPS proxy URL for containerd");
      m.put("no-proxy", "comma-separated hosts, domains and CIDRs to reach directly");
      return m;
    }

    @Override
    public ImageStrategy create(Map<String, String> o) {
      checkKnown(name(), o, options());
      io.clusterstacks.core.image.FlatcarNodeSetup.Builder b = FlatcarNodeSetup.builder();
      String variant = o.getOrDefault("variant", "sysext");
      switch (variant) {
        case "sysext" -> b.variant(FlatcarVariant.SYSEXT);
        case "image-builder" -> b.variant(FlatcarVariant.IMAGE_BUILDER);
        default -> throw new ImageStrategyException("image strategy flatcar: option variant: got '" + variant
            + "'; use sysext or image-builder");
      }
      Optional.ofNullable(o.get("sysext-sha512")).ifPresent(b::sysextSha512);
      Optional.ofNullable(o.get("sysext-mirror"))
          .ifPresent(u -> b.mirrors(PackageMirrors.builder().flatcarSysext(u).build()));
      Optional.ofNullable(o.get("auto-updates")).ifPresent(v -> b.autoUpdates(bool(name(), "auto-updates", v)));
      proxy(o).ifPresent(b::proxy);
      FlatcarNodeSetup setup = b.build();
      return o.containsKey("image") ? ImageStrategies.flatcar(setup, o.get("image")) : ImageStrategies.flatcar(setup);
    }
  }
}
