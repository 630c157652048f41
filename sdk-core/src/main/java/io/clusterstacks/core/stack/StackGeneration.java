package io.clusterstacks.core.stack;

import java.util.Locale;
import java.util.Optional;

/** A generation of SCS cluster stacks for OpenStack, named as in the ClusterStack's {@code spec.name}. */
public enum StackGeneration {
  /** The {@code scs} stack: snake_case variables, image name fixed to {@code ubuntu-capi-image-<version>}. */
  SCS("scs"),
  /** The {@code scs2} stack: camelCase variables, a free image choice ({@code imageName}, {@code imageIsOrc}). */
  SCS2("scs2"),
  /** The {@code kamaji} stack: control plane as pods in the management cluster, snake_case variables. */
  KAMAJI("kamaji");

  private final String stackName;

  StackGeneration(String stackName) {
    this.stackName = stackName;
  }

  /**
   * The stack name as it appears in class names and in {@code ClusterStack.spec.name}.
   *
   * @return e.g. {@code scs2}
   */
  public String stackName() {
    return stackName;
  }

  /**
   * Finds the generation for a stack name.
   *
   * @param stackName e.g. {@code scs}; older stacks such as {@code alpha} have no generation here
   * @return the generation, or empty for stacks the SDK has no dialect for
   */
  public static Optional<StackGeneration> fromStackName(String stackName) {
    String s = stackName.toLowerCase(Locale.ROOT);
    for (StackGeneration g : values()) {
      if (g.stackName.equals(s)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
