package io.clusterstacks.kamaji.validation;

import io.clusterstacks.core.validation.ValidationBundle;
import io.clusterstacks.core.validation.ValidationRule;
import java.util.List;

/**
 * The strict validator's Kamaji rules: Kamaji's CEL rules on KamajiControlPlane(Template),
 * TenantControlPlane and DataStore, checked on the documents after the bundled CRD schemas applied their
 * defaults, as the API server does. Listed in
 * {@code META-INF/services/io.clusterstacks.core.validation.ValidationBundle}, so
 * {@link io.clusterstacks.core.validation.CrdValidator#strict()} uses it whenever sdk-kamaji is on the
 * class path; the rules and their sources are in {@code docs/validation-rules.md}.
 */
public final class KamajiValidation implements ValidationBundle {

  /** The bundle's name in {@link io.clusterstacks.core.validation.CrdValidator#bundles()}. */
  public static final String NAME = "sdk-kamaji";

  /** For {@link java.util.ServiceLoader} and {@link io.clusterstacks.core.validation.CrdValidator.Builder#addBundle}. */
  public KamajiValidation() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<ValidationRule> rules() {
    return KamajiRules.ALL;
  }

  /**
   * The names of the rules, each once, in declaration order.
   *
   * @return e.g. {@code kamaji.konnectivity.agentReplicas}
   */
  public static List<String> ruleNames() {
    return KamajiRules.NAMES;
  }
}
