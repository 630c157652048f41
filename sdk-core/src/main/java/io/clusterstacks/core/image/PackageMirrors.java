package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.image.internal.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Base URLs of the repositories and download sites a node fetches from at boot; point them at a
 * mirror for clouds without internet access.
 *
 * <p>A mirror must reproduce the upstream path layout below its base URL, including the signing key:
 * for the Kubernetes packages {@code <kubernetesDeb>v1.32/deb/} with {@code Release.key}, for CRI-O
 * {@code <crioDeb>v1.32/deb/} with {@code Release.key}, for GitHub releases
 * {@code <githubReleases>containerd/containerd/releases/download/v1.7.27/...}, for Flatcar sysexts
 * {@code <flatcarSysext>kubernetes-v1.32.5-x86-64.raw}. Defaults are the official locations.
 */
@Value.Immutable
@SdkStyle
public abstract class PackageMirrors {
  PackageMirrors() {}

  /** The official Kubernetes package repository (pkgs.k8s.io, one repository per minor). */
  public static final String KUBERNETES_DEB = "https://pkgs.k8s.io/core:/stable:/";

  /**
   * The official CRI-O package repository since February 2025: the openSUSE Build Service project
   * {@code isv:cri-o:stable:v1.N}, one repository per CRI-O minor. CRI-O left
   * {@code https://pkgs.k8s.io/addons:/cri-o:/stable:/v1.N/deb/} (cri-o/packaging commit b133393
   * "Switch to new OBS subprojects", README "Add the CRI-O repository": {@code
   * https://download.opensuse.org/repositories/isv:/cri-o:/stable:/$CRIO_VERSION/deb/}); the old
   * location answers 403 for v1.33 and later (cri-o/cri-o issue 9341, cri-o/packaging issue 288).
   */
  public static final String CRIO_DEB = "https://download.opensuse.org/repositories/isv:/cri-o:/stable:/";

  /** GitHub, for containerd and runc release artifacts. */
  public static final String GITHUB = "https://github.com/";

  /**
   * The Flatcar sysext-bakery release holding {@code kubernetes-<version>-<arch>.raw} images, as CAPO's
   * {@code flatcar-sysext} template uses it.
   */
  public static final String FLATCAR_SYSEXT =
      "https://github.com/flatcar/sysext-bakery/releases/download/latest/";

  /**
   * The official locations.
   *
   * @return mirrors pointing at upstream
   */
  public static PackageMirrors official() {
    return builder().build();
  }

  /**
   * Base of the Kubernetes deb repositories; {@code v1.N/deb/} is appended.
   *
   * @return the base URL, ending in {@code /}
   */
  @Value.Default
  public String kubernetesDeb() {
    return KUBERNETES_DEB;
  }

  /**
   * Base of the CRI-O deb repositories; {@code v1.N/deb/} is appended.
   *
   * @return the base URL, ending in {@code /}
   */
  @Value.Default
  public String crioDeb() {
    return CRIO_DEB;
  }

  /**
   * Base for GitHub release downloads (containerd, runc).
   *
   * @return the base URL, ending in {@code /}
   */
  @Value.Default
  public String githubReleases() {
    return GITHUB;
  }

  /**
   * Base for Flatcar Kubernetes sysext images.
   *
   * @return the base URL, ending in {@code /}
   */
  @Value.Default
  public String flatcarSysext() {
    return FLATCAR_SYSEXT;
  }

  /**
   * Whether every location is the official one (nodes then need outbound internet access).
   *
   * @return true when no mirror is configured
   */
  public boolean allOfficial() {
    return kubernetesDeb().equals(KUBERNETES_DEB) && crioDeb().equals(CRIO_DEB)
        && githubReleases().equals(GITHUB) && flatcarSysext().equals(FLATCAR_SYSEXT);
  }

  /**
   * Checks every URL (reporting all problems at once) and normalises trailing slashes.
   *
   * @return this, or a normalised copy
   */
  @Value.Check
  PackageMirrors check() {
    List<Problem> problems = new ArrayList<>();
    Urls.problem("packageMirrors.kubernetesDeb", kubernetesDeb()).ifPresent(problems::add);
    Urls.problem("packageMirrors.crioDeb", crioDeb()).ifPresent(problems::add);
    Urls.problem("packageMirrors.githubReleases", githubReleases()).ifPresent(problems::add);
    Urls.problem("packageMirrors.flatcarSysext", flatcarSysext()).ifPresent(problems::add);
    InvalidInputException.throwIfAny(problems);
    String k = Urls.withTrailingSlash(kubernetesDeb());
    String c = Urls.withTrailingSlash(crioDeb());
    String g = Urls.withTrailingSlash(githubReleases());
    String f = Urls.withTrailingSlash(flatcarSysext());
    if (k.equals(kubernetesDeb()) && c.equals(crioDeb()) && g.equals(githubReleases())
        && f.equals(flatcarSysext())) {
      return this;
    }
    return builder().kubernetesDeb(k).crioDeb(c).githubReleases(g).flatcarSysext(f).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A PackageMirrors built by a function, e.g. {@code PackageMirrors.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the package mirrors
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static PackageMirrors of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this package mirrors's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link PackageMirrors}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutablePackageMirrors.Builder {
    Builder() {}
  }
}
