package io.clusterstacks.core.stack.sample;

import io.clusterstacks.core.stack.ClusterClassName;
import io.clusterstacks.core.stack.CommonVariable;
import io.clusterstacks.core.stack.Role;
import io.clusterstacks.core.stack.StackDialect;
import io.clusterstacks.core.stack.StackDialectProvider;
import io.clusterstacks.core.stack.StackGeneration;
import io.clusterstacks.core.stack.VariableSpec;
import io.clusterstacks.core.stack.VariableType;
import io.clusterstacks.core.stack.WorkloadSecretStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dialect another module could register: a hosted-control-plane stack {@code hosted} that follows the
 * Kamaji conventions (control plane as pods, only workers have machines). Listed in this test module's
 * {@code META-INF/services/io.clusterstacks.core.stack.StackDialectProvider}.
 */
public class HostedDialectProvider implements StackDialectProvider {
  /** The dialect this provider offers. */
  public static final StackDialect HOSTED = StackDialect.builder().id("hosted").generation(StackGeneration.KAMAJI)
      .releases("hosted 1-33-v1 and later")
      .variables(List.of(
          VariableSpec.builder().name("worker_flavor").type(VariableType.STRING).defaultValue("SCS-2V-4")
              .description("worker flavor name").build()))
      .commonVariables(Map.of(CommonVariable.WORKER_FLAVOR, "worker_flavor"))
      .rolesWithMachines(EnumSet.of(Role.WORKER)).workloadSecret(WorkloadSecretStyle.CLOUD_CONFIG)
      .fixedImageName(true).build();

  @Override
  public String name() {
    return "hosted";
  }

  @Override
  public List<StackDialect> dialects() {
    return List.of(HOSTED);
  }

  @Override
  public Optional<StackDialect> forClass(ClusterClassName className) {
    return className.stackName().equals("hosted") ? Optional.of(HOSTED) : Optional.empty();
  }
}
