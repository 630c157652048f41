package io.clusterstacks.core.stack;

import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What one generation and release range of a cluster stack accepts: its ClusterClass variables
 * (names, types, defaults, formats), the mapping of common settings to those names, which roles
 * have machines, and how credentials reach the workload cluster.
 *
 * <p>Get one from {@link StackDialects}, e.g. {@code StackDialects.forClass(className)}. Variables
 * change between releases (e.g. scs2's root-disk minimum is 1 in 1-33-v1 and 0 later), so a dialect
 * names the releases it covers in {@link #releases()}.
 */
@Value.Immutable
@SdkStyle
public abstract class StackDialect {
  StackDialect() {}

  /**
   * A short identifier, e.g. {@code scs2} or {@code scs2@1-33-v1}.
   *
   * @return the identifier
   */
  public abstract String id();

  /**
   * The stack generation.
   *
   * @return the generation
   */
  public abstract StackGeneration generation();

  /**
   * Which releases this dialect describes, in words.
   *
   * @return e.g. {@code scs2 1-33-v4 and later}
   */
  public abstract String releases();

  /**
   * The ClusterClass variables, in the class's order.
   *
   * @return the variables
   */
  public abstract List<VariableSpec> variables();

  /**
   * Which variable implements each common setting this dialect supports.
   *
   * @return setting to variable name
   */
  public abstract Map<CommonVariable, String> commonVariables();

  /**
   * The roles that are machines (VMs) in this stack.
   *
   * @return {@code CONTROL_PLANE, WORKER}, or only {@code WORKER} for Kamaji
   */
  public abstract Set<Role> rolesWithMachines();

  /**
   * The Secret the stack's addons expect in the workload cluster.
   *
   * @return the style
   */
  public abstract WorkloadSecretStyle workloadSecret();

  /**
   * Whether the ClusterClass fixes the image name to {@code ubuntu-capi-image-<version>} (scs, kamaji).
   *
   * @return true when no image variable exists
   */
  public abstract boolean fixedImageName();

  /**
   * The machine-deployment class of the ClusterClass.
   *
   * @return {@code default-worker}
   */
  @Value.Default
  public String workerClass() {
    return "default-worker";
  }

  /**
   * Checks that every common setting names a declared variable.
   */
  @Value.Check
  void check() {
    List<String> names = variableNames();
    for (Map.Entry<CommonVariable, String> e : commonVariables().entrySet()) {
      if (!names.contains(e.getValue())) {
        throw new StackException("stackDialect.commonVariables." + e.getKey(), e.getValue(),
            "map it to one of the dialect's variables: " + String.join(", ", names));
      }
    }
  }

  /**
   * The variable names, in the class's order.
   *
   * @return the names
   */
  public List<String> variableNames() {
    List<String> out = new ArrayList<>();
    for (VariableSpec v : variables()) {
      out.add(v.name());
    }
    return out;
  }

  /**
   * Looks a variable up.
   *
   * @param name the variable name
   * @return its spec, or empty when the dialect has no such variable
   */
  public Optional<VariableSpec> variable(String name) {
    for (VariableSpec v : variables()) {
      if (v.name().equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The variable that implements a common setting.
   *
   * @param setting the setting
   * @return the variable, or empty when this dialect cannot express the setting
   */
  public Optional<VariableSpec> variableFor(CommonVariable setting) {
    String name = commonVariables().get(setting);
    return name == null ? Optional.empty() : variable(name);
  }

  /**
   * Whether a role has machines.
   *
   * @param role the role
   * @return false for the Kamaji control plane
   */
  public boolean hasMachines(Role role) {
    return rolesWithMachines().contains(role);
  }

  /**
   * The image name the ClusterClass forces for a Kubernetes version, if it forces one.
   *
   * @param kubernetesVersion e.g. {@code v1.29.6}
   * @return e.g. {@code ubuntu-capi-image-v1.29.6}, or empty when the image is a variable (scs2)
   */
  public Optional<String> forcedImageName(String kubernetesVersion) {
    return fixedImageName() ? Optional.of("ubuntu-capi-image-" + kubernetesVersion) : Optional.empty();
  }

  /**
   * How a role boots from its flavor's local disk in this release.
   *
   * @param role the role
   * @return the way to express it, or {@link FlavorDiskBoot#NOT_EXPRESSIBLE}
   */
  public FlavorDiskBoot flavorDiskBoot(Role role) {
    Optional<VariableSpec> v = variableFor(CommonVariable.rootDisk(role));
    if (v.isEmpty()) {
      return hasMachines(role) ? FlavorDiskBoot.OMIT_VARIABLE : FlavorDiskBoot.NOT_EXPRESSIBLE;
    }
    if (v.get().minimum().isPresent() && v.get().minimum().getAsLong() <= 0) {
      return FlavorDiskBoot.SET_ZERO;
    }
    return v.get().defaultValue().isEmpty() ? FlavorDiskBoot.OMIT_VARIABLE : FlavorDiskBoot.NOT_EXPRESSIBLE;
  }

  /**
   * Checks a variable name and value.
   *
   * @param name the variable name
   * @param value the value
   * @return one problem per mismatch, its path starting with the variable's name and its fix naming
   *     what is allowed; empty when accepted
   */
  public List<Problem> problems(String name, Object value) {
    Optional<VariableSpec> v = variable(name);
    if (v.isEmpty()) {
      return List.of(Problem.of(Names.shown(name), Names.shown(name), unknownMessage(name)));
    }
    return v.get().problems(value);
  }

  /**
   * Checks a variable name and value, throwing with every problem.
   *
   * @param name the variable name
   * @param value the value
   * @throws InvalidVariableException when the dialect has no such variable or the value does not fit
   */
  public void requireValid(String name, Object value) {
    List<Problem> p = problems(name, value);
    if (!p.isEmpty()) {
      boolean known = variable(name).isPresent();
      List<Problem> problems = new ArrayList<>();
      for (Problem q : p) {
        problems.add(Problem.of("variables." + Names.shown(name), known ? Names.shown(String.valueOf(value))
            : Names.shown(name), known ? VariableSpec.sentence(q) : q.fix()));
      }
      throw new InvalidVariableException(name, variableNames(), problems);
    }
  }

  /**
   * The message for a variable the dialect does not have.
   *
   * @param name the unknown name
   * @return the message listing the valid names
   */
  public String unknownMessage(String name) {
    return "variable '" + Names.shown(name) + "' does not exist in stack dialect " + id() + " (" + releases()
        + "); valid names: " + String.join(", ", variableNames());
  }

  @Override
  public String toString() {
    return "StackDialect{" + id() + ", " + releases() + "}";
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
   * A StackDialect built by a function, e.g. {@code StackDialect.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the stack dialect
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static StackDialect of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this stack dialect's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link StackDialect}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableStackDialect.Builder {
    Builder() {}
  }
}
