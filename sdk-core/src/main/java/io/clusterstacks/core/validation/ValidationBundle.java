package io.clusterstacks.core.validation;

import java.util.List;

/**
 * CRDs and rules another module adds to a {@link CrdValidator}, e.g. sdk-kamaji bringing a newer
 * Kamaji control-plane CRD and the webhook rules of its provider.
 *
 * <p>Register a bundle explicitly with {@link CrdValidator.Builder#addBundle(ValidationBundle)}, or
 * for discovery through {@link java.util.ServiceLoader}: list the implementing class (public, with a
 * public no-argument constructor) in {@code META-INF/services/io.clusterstacks.core.validation.ValidationBundle}.
 * A bundle's CRD replaces the CRD the SDK bundles for the same group and kind. When two bundles define
 * the same group and kind, or a rule of the same name on the same kind, an explicitly added bundle wins over a discovered
 * one; two of the same kind (both explicit, or both discovered) are an error naming both.
 */
public interface ValidationBundle {

  /**
   * The bundle's name, shown in errors and in {@link CrdValidator#bundles()}.
   *
   * @return e.g. {@code sdk-kamaji}
   */
  String name();

  /**
   * The CRDs, each the YAML or JSON text of one {@code apiextensions.k8s.io/v1}
   * {@code CustomResourceDefinition} (descriptions may be stripped). Documents of these kinds are then
   * walked against the CRD's schema as strictly as the bundled ones.
   *
   * @return the CRD texts; none by default
   */
  default List<String> customResourceDefinitions() {
    return List.of();
  }

  /**
   * Rules the schemas cannot express (CEL, webhooks), run after the schema check.
   *
   * @return the rules; none by default
   */
  default List<ValidationRule> rules() {
    return List.of();
  }
}
