package io.clusterstacks.kamaji.readiness;

import java.util.Objects;

/**
 * One condition of a Kamaji control plane's readiness and what was last seen of it.
 *
 * @param name the condition, one of the {@code KamajiReadiness} constants, e.g.
 *     {@link KamajiReadiness#TENANT_CONTROL_PLANE_READY}
 * @param met whether it holds
 * @param seen the values it was judged on, e.g. {@code status.kubernetesResources.version.status=Provisioning};
 *     never a kubeconfig, certificate or token
 */
public record ReadinessCheck(String name, boolean met, String seen) {

  /**
   * Checks the fields.
   *
   * @param name the condition
   * @param met whether it holds
   * @param seen what was seen
   */
  public ReadinessCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(seen, "seen");
  }

  /** {@code name met|missing (seen)}. */
  @Override
  public String toString() {
    return name + (met ? " met" : " missing") + " (" + seen + ")";
  }
}
