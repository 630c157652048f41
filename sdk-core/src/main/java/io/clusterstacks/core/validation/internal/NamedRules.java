package io.clusterstacks.core.validation.internal;

import java.util.List;

/** The SDK's re-implementations of CEL ({@code x-kubernetes-validations}) and admission-webhook rules. */
final class NamedRules {

  private NamedRules() {}

  static void run(ValidationEngine.Item item, List<ValidationEngine.Item> batch) {
    // Filled in by the rule sets per kind.
  }
}
