package io.clusterstacks.core.stack.sample;

/**
 * A second provider of the {@code hosted} dialect; listed only on the class loader that the
 * ambiguity tests build, never in {@code META-INF/services} of the test module.
 */
public class RivalHostedDialectProvider extends HostedDialectProvider {
  @Override
  public String name() {
    return "rival-hosted";
  }
}
