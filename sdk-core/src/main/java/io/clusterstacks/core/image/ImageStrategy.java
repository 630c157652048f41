package io.clusterstacks.core.image;

import io.clusterstacks.core.model.OutputMode;
import io.clusterstacks.core.stack.StackGeneration;
import java.util.Optional;

/**
 * How a cluster's machines get their operating-system image and what they run at boot to become
 * Kubernetes nodes.
 *
 * <p>Built-ins are in the catalogue {@link ImageStrategies}; third-party strategies are found through
 * {@link ImageStrategyProvider} and {@link java.util.ServiceLoader}. An implementation declares where
 * it works ({@link #support(Optional, OutputMode)}) and plans only supported combinations
 * ({@link #planSupported(ImageRequest)}); {@link #plan(ImageRequest)} does the rest: it checks the
 * combination, switches to raw CAPI mode when allowed and needed (announcing it), or fails with the
 * supported choices. Implementations are pure: no network, no clock.
 */
public interface ImageStrategy {

  /**
   * A short stable name, used to choose the strategy by name.
   *
   * @return e.g. {@code capi-image}, {@code ubuntu}, {@code flatcar}
   */
  String name();

  /**
   * What the strategy does, in one sentence for logs, errors and the plan.
   *
   * @return the description
   */
  String description();

  /**
   * The name plus the variant, for tables and messages.
   *
   * @return e.g. {@code capi-image (Glance image ID)}; the name unless overridden
   */
  default String label() {
    return name();
  }

  /**
   * Why a combination is not supported, for the error message.
   *
   * @param generation the stack generation, or empty without a stack
   * @param mode the output mode
   * @return one sentence
   */
  default String whyUnsupported(Optional<StackGeneration> generation, OutputMode mode) {
    return "the strategy does not support it";
  }

  /**
   * Whether the strategy works with a stack generation in an output mode.
   *
   * @param generation the stack generation, or empty for raw CAPI mode without a stack
   * @param mode the output mode
   * @return the support level
   */
  ImageSupport support(Optional<StackGeneration> generation, OutputMode mode);

  /**
   * Plans the image for a request whose mode this strategy supports.
   *
   * @param request the request, in a mode {@link #support(Optional, OutputMode)} reports as supported
   * @return the plan
   * @throws ImageStrategyException when the image is missing, unsuitable or does not fit a flavor
   */
  ImagePlan planSupported(ImageRequest request);

  /**
   * Plans the image: checks the combination, switches to raw CAPI mode when the request allows it and
   * the ClusterClass cannot express the strategy, then calls {@link #planSupported(ImageRequest)}.
   *
   * @param request the request
   * @return the plan, with {@link ImagePlan#modeSwitch()} set when the mode was switched
   * @throws UnsupportedCombinationException when the combination does not work (naming what does)
   * @throws ImageStrategyException for image problems
   */
  default ImagePlan plan(ImageRequest request) {
    return ImageStrategies.plan(this, request);
  }
}
