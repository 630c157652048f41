package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.image.internal.BuiltInProviders;
import io.clusterstacks.core.image.internal.CapiImageStrategy;
import io.clusterstacks.core.image.internal.FlatcarStrategy;
import io.clusterstacks.core.image.internal.UbuntuStrategy;
import io.clusterstacks.core.internal.Providers;
import io.clusterstacks.core.model.ImageRef;
import io.clusterstacks.core.model.OrcImage;
import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of built-in image strategies, discovery of third-party ones, and the support table.
 *
 * <pre>{@code
 * ImageStrategy s = ImageStrategies.generalPurposeUbuntu();
 * ImagePlan plan = s.plan(ImageRequest.of(b -> b.dialect(StackDialects.scs2()).mode(OutputMode.RAW_CAPI)
 *     .kubernetesVersion("v1.33.4").cloud(cloud).addNodes(NodeShape.of("worker", flavor))));
 * }</pre>
 */
public final class ImageStrategies {

  /** What switching from topology to raw CAPI mode costs, as announced in plans. */
  public static final String RAW_CAPI_COST = "the cluster stack's addons (CNI, OpenStack cloud controller manager,"
      + " Cinder CSI, metrics-server) are not installed by the cluster stack operator: install them yourself"
      + " (nodes stay NotReady until a CNI and the cloud controller run), and the stack's ClusterClass upgrades"
      + " no longer apply";

  private ImageStrategies() {}

  /**
   * The pre-built CAPI image {@code ubuntu-capi-image-<version>}, found by the name each dialect
   * expects; works with every SCS ClusterClass.
   *
   * @return the strategy
   */
  public static ImageStrategy capiImage() {
    return new CapiImageStrategy(new CapiImageStrategy.StandardName());
  }

  /**
   * A pre-built CAPI image under another Glance name (scs2 sets {@code imageName}; scs and kamaji
   * force the standard name, so they need raw CAPI mode).
   *
   * @param glanceName the exact Glance image name
   * @return the strategy
   */
  public static ImageStrategy capiImage(String glanceName) {
    return new CapiImageStrategy(new CapiImageStrategy.CustomName(glanceName));
  }

  /**
   * A pre-built CAPI image by Glance ID (raw CAPI mode: ClusterClasses take names).
   *
   * @param glanceId the Glance image ID
   * @return the strategy
   */
  public static ImageStrategy capiImageById(String glanceId) {
    return new CapiImageStrategy(new CapiImageStrategy.ById(glanceId));
  }

  /**
   * A pre-built CAPI image that ORC uploads from a URL and verifies: an ORC {@code Image} named
   * {@code ubuntu-capi-image-<version>} with the SCS image properties (Ubuntu 24.04, min disk 20 GB,
   * min RAM 2048 MB, the node architecture).
   *
   * @param url the qcow2 download URL, e.g. from {@code https://nbg1.your-objectstorage.com/osism/openstack-k8s-capi-images/}
   * @param sha256 the SHA-256 of the file
   * @return the strategy
   */
  public static ImageStrategy capiImageFromUrl(String url, String sha256) {
    return new CapiImageStrategy(new CapiImageStrategy.Orc(url, sha256, Optional.empty()));
  }

  /**
   * A pre-built CAPI image as a complete ORC {@code Image} definition.
   *
   * @param image the ORC image
   * @return the strategy
   */
  public static ImageStrategy capiImageFromOrc(OrcImage image) {
    return new CapiImageStrategy(new CapiImageStrategy.Orc(image.url(), image.checksum(), Optional.of(image)));
  }

  /**
   * The pre-built CAPI image that CSPO uploads from the cluster stack release's node images (scs up to
   * 1.30, kamaji; topology mode with a ClusterStack that uses CSPO).
   *
   * @return the strategy
   */
  public static ImageStrategy capiImageFromCspo() {
    return new CapiImageStrategy(new CapiImageStrategy.Cspo());
  }

  /**
   * A plain Ubuntu 24.04 image that installs CRI-O and kubelet/kubeadm/kubectl at boot, found by
   * scs-0102 properties.
   *
   * @return the strategy
   */
  public static ImageStrategy generalPurposeUbuntu() {
    return generalPurposeUbuntu(UbuntuNodeSetup.defaults());
  }

  /**
   * A plain Ubuntu image set up as configured, found by scs-0102 properties.
   *
   * @param setup release, runtime, mirrors, proxy
   * @return the strategy
   */
  public static ImageStrategy generalPurposeUbuntu(UbuntuNodeSetup setup) {
    return new UbuntuStrategy(setup, Optional.empty());
  }

  /**
   * A named plain Ubuntu image set up as configured.
   *
   * @param setup release, runtime, mirrors, proxy
   * @param imageNameOrId the Glance image name or ID
   * @return the strategy
   */
  public static ImageStrategy generalPurposeUbuntu(UbuntuNodeSetup setup, String imageNameOrId) {
    return new UbuntuStrategy(setup, Optional.of(imageNameOrId));
  }

  /**
   * Plain Flatcar plus the Kubernetes sysext, configured by ignition, found by {@code os_distro=flatcar}.
   *
   * @return the strategy
   */
  public static ImageStrategy flatcar() {
    return flatcar(FlatcarNodeSetup.defaults());
  }

  /**
   * Flatcar set up as configured, found by {@code os_distro=flatcar}.
   *
   * @param setup variant, sysext checksum, mirrors, proxy, updates
   * @return the strategy
   */
  public static ImageStrategy flatcar(FlatcarNodeSetup setup) {
    return new FlatcarStrategy(setup, Optional.empty());
  }

  /**
   * A named Flatcar image set up as configured.
   *
   * @param setup variant, sysext checksum, mirrors, proxy, updates
   * @param imageNameOrId the Glance image name or ID
   * @return the strategy
   */
  public static ImageStrategy flatcar(FlatcarNodeSetup setup, String imageNameOrId) {
    return new FlatcarStrategy(setup, Optional.of(imageNameOrId));
  }

  /**
   * One strategy per built-in variant, in table order.
   *
   * @return the built-ins
   */
  public static List<ImageStrategy> builtIns() {
    return List.of(
        capiImage(),
        capiImage("custom-capi-image"),
        capiImageById("00000000-0000-0000-0000-000000000000"),
        capiImageFromUrl("https://images.example/ubuntu-capi.qcow2", "0".repeat(64)),
        capiImageFromCspo(),
        generalPurposeUbuntu(),
        flatcar());
  }

  /**
   * The support table of the built-ins: strategy × stack dialect × output mode.
   *
   * @return the table
   */
  public static SupportTable supportTable() {
    return SupportTable.of(builtIns());
  }

  /**
   * A strategy's support as the SDK delivers it: its own {@link ImageStrategy#support(Optional, OutputMode)}
   * (every stack generation renders in both modes: raw CAPI mode renders a KubeadmControlPlane, or a
   * KamajiControlPlane for the kamaji stack).
   *
   * @param strategy the strategy
   * @param generation the generation, or empty without a stack
   * @param mode the mode
   * @return the effective support
   */
  public static ImageSupport effectiveSupport(
      ImageStrategy strategy, Optional<StackGeneration> generation, OutputMode mode) {
    InvalidInputException.requireArgument(strategy, "strategy");
    return strategy.support(generation, mode);
  }

  /**
   * The built-in strategies that work with a stack generation in a mode.
   *
   * @param generation the generation, or empty without a stack
   * @param mode the mode
   * @return their labels
   */
  public static List<String> supportedChoices(Optional<StackGeneration> generation, OutputMode mode) {
    List<String> out = new ArrayList<>();
    for (ImageStrategy s : builtIns()) {
      if (effectiveSupport(s, generation, mode) == ImageSupport.SUPPORTED) {
        out.add(s.label());
      }
    }
    return out;
  }

  /**
   * Plans with a strategy: checks the combination, switches to raw CAPI mode when allowed and needed
   * (announcing the switch and its cost), or fails naming the supported choices. This is what
   * {@link ImageStrategy#plan(ImageRequest)} does.
   *
   * @param strategy the strategy
   * @param request the request
   * @return the plan
   * @throws UnsupportedCombinationException when the combination does not work
   */
  public static ImagePlan plan(ImageStrategy strategy, ImageRequest request) {
    Optional<StackGeneration> g = request.generation();
    String dialect = request.dialect().map(StackDialect::id).orElse("none");
    ImageSupport asked = effectiveSupport(strategy, g, request.mode());
    if (asked == ImageSupport.SUPPORTED) {
      return checked(strategy, strategy.planSupported(request), request.mode(), dialect, g);
    }
    String why = strategy.whyUnsupported(g, request.mode());
    boolean rawWorks = request.mode() == OutputMode.TOPOLOGY
        && effectiveSupport(strategy, g, OutputMode.RAW_CAPI) == ImageSupport.SUPPORTED;
    if (rawWorks && request.allowRawCapiSwitch()) {
      ImagePlan p = checked(strategy, strategy.planSupported(request.withMode(OutputMode.RAW_CAPI)),
          OutputMode.RAW_CAPI, dialect, g);
      return ImagePlan.builder().from(p)
          .mode(OutputMode.RAW_CAPI)
          .modeSwitch("switched from topology to raw CAPI mode because " + why + "; cost: " + RAW_CAPI_COST)
          .addTradeOffs(TradeOff.of(TradeOff.Kind.ADDONS, RAW_CAPI_COST))
          .build();
    }
    List<String> choices = new ArrayList<>();
    List<String> here = supportedChoices(g, request.mode());
    if (!here.isEmpty()) {
      choices.add("in " + request.mode() + " mode with stack " + dialect + ": " + String.join(", ", here));
    }
    if (rawWorks) {
      choices.add("keep " + strategy.label() + " and allow the switch to raw CAPI mode"
          + " (ImageRequest.allowRawCapiSwitch(true)), at this cost: " + RAW_CAPI_COST);
    }
    throw new UnsupportedCombinationException(strategy.label(), dialect, request.mode(), why, choices);
  }

  private static ImagePlan checked(ImageStrategy s, ImagePlan plan, OutputMode mode, String dialect,
      Optional<StackGeneration> g) {
    boolean topo = effectiveSupport(s, g, OutputMode.TOPOLOGY) == ImageSupport.SUPPORTED;
    boolean raw = effectiveSupport(s, g, OutputMode.RAW_CAPI) == ImageSupport.SUPPORTED;
    Optional<OutputMode> needed = topo == raw ? Optional.empty()
        : Optional.of(topo ? OutputMode.TOPOLOGY : OutputMode.RAW_CAPI);
    plan = ImagePlan.builder().from(plan).modeNeeded(needed).build();
    if (plan.mode() != mode) {
      throw new ImageStrategyException("image strategy " + s.label() + " returned mode " + plan.mode()
          + " for a request in " + mode + " mode; a strategy must plan in the mode it is asked for");
    }
    if (mode == OutputMode.TOPOLOGY) {
      List<String> bad = new ArrayList<>();
      if (!plan.bootstrap().isEmpty()) {
        bad.add("bootstrap additions (no SCS ClusterClass takes extra files, commands or ignition)");
      }
      if (plan.image() instanceof ImageRef.GlanceId) {
        bad.add("an image ID (SCS ClusterClasses reference images by name)");
      }
      if (!bad.isEmpty()) {
        throw new UnsupportedCombinationException(s.label(), dialect, mode,
            "the strategy planned " + String.join(" and ", bad) + ", which topology mode cannot express",
            List.of("declare RAW_CAPI_ONLY for topology mode in support(..)"));
      }
    }
    return plan;
  }

  /**
   * The built-in providers plus those found by {@link java.util.ServiceLoader} on the thread's context class loader
   * (or this class's loader), sorted by name and class.
   *
   * @return the providers
   */
  public static List<ImageStrategyProvider> providers() {
    return providers(Providers.defaultLoader(ImageStrategies.class));
  }

  /**
   * The built-in providers plus those found by {@link java.util.ServiceLoader} on a class loader, sorted by name
   * and class; a provider class listed twice counts once.
   *
   * @param classLoader where to look for {@code META-INF/services/io.clusterstacks.core.image.ImageStrategyProvider}
   * @return the providers
   */
  public static List<ImageStrategyProvider> providers(ClassLoader classLoader) {
    InvalidInputException.requireArgument(classLoader, "classLoader");
    return Providers.discover(ImageStrategyProvider.class, BuiltInProviders.all(), classLoader,
        ImageStrategyProvider::name);
  }

  /**
   * Creates a strategy by name (or by provider class name, which wins when names clash) with options.
   *
   * @param nameOrClass e.g. {@code ubuntu}, or {@code com.example.RockyStrategyProvider}
   * @param options the provider's options, e.g. {@code release=22.04}
   * @return the strategy
   * @throws UnknownImageStrategyException when nothing has that name
   * @throws AmbiguousImageStrategyException when two providers share the name
   */
  public static ImageStrategy named(String nameOrClass, Map<String, String> options) {
    return named(nameOrClass, options, Providers.defaultLoader(ImageStrategies.class));
  }

  /**
   * Creates a strategy by name (or provider class name) with options, looking on a class loader.
   *
   * @param nameOrClass the strategy name or provider class name
   * @param options the provider's options
   * @param classLoader where to look for third-party providers
   * @return the strategy
   */
  public static ImageStrategy named(String nameOrClass, Map<String, String> options, ClassLoader classLoader) {
    InvalidInputException.requireArgument(nameOrClass, "nameOrClass");
    InvalidInputException.requireArgument(options, "options");
    Providers.Choice<ImageStrategyProvider> c =
        Providers.choose(providers(classLoader), nameOrClass, ImageStrategyProvider::name);
    if (c instanceof Providers.None<ImageStrategyProvider> none) {
      throw new UnknownImageStrategyException(nameOrClass, none.known());
    }
    if (c instanceof Providers.Several<ImageStrategyProvider> several) {
      throw new AmbiguousImageStrategyException(nameOrClass, several.candidates());
    }
    return ((Providers.One<ImageStrategyProvider>) c).provider().create(options);
  }
}
