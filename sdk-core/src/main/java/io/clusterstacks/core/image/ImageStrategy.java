package io.clusterstacks.core.image;

/**
 * One way to give a role's machines an operating-system image that becomes a Kubernetes node: which
 * image to boot, what to add to the bootstrap, what the provider must offer, and what it costs.
 *
 * <p>A strategy is a pure function of its {@link ImageRequest} (no network, no clock). Get the built-in
 * ones from {@link ImageStrategies}, e.g. {@link ImageStrategies#capiImage()}. A strategy that cannot
 * serve a request at all (e.g. an architecture it has no build for) throws an
 * {@link ImageStrategyException} naming what was asked and what would work; a strategy that can serve it
 * but needs something the cloud lacks (an image not uploaded yet) says so in
 * {@link ImagePlan#requirements()} instead.
 */
public interface ImageStrategy {

  /**
   * A short, stable name used in reports and errors.
   *
   * @return e.g. {@code capi-image}
   */
  String name();

  /**
   * One sentence on what the strategy does, for reports and errors.
   *
   * @return the description
   */
  String description();

  /**
   * Plans the image for one role.
   *
   * @param request the stack dialect, output mode, Kubernetes version, cloud profile and role flavor
   * @return the image reference, bootstrap additions, requirements, trade-offs and the mode it needs
   * @throws ImageStrategyException when the strategy cannot serve the request at all
   */
  ImagePlan plan(ImageRequest request);
}
