package io.clusterstacks.core.validation.bundle;

import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.validation.RuleContext;
import io.clusterstacks.core.validation.ValidationBundle;
import io.clusterstacks.core.validation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * A bundle as another module would ship it (registered in this module's test resources under
 * {@code META-INF/services}): one CRD of a made-up group and a rule across its fields.
 */
public final class WidgetBundle implements ValidationBundle {

  /** The CRD: a namespaced Widget with a required size (1-10) and an optional colour. */
  public static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.bundles.test.clusterstacks.io}
      spec:
        group: bundles.test.clusterstacks.io
        scope: Namespaced
        names: {kind: Widget, plural: widgets}
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                apiVersion: {type: string}
                kind: {type: string}
                metadata: {type: object}
                spec:
                  type: object
                  required: [size]
                  properties:
                    size: {type: integer, minimum: 1, maximum: 10}
                    colour: {type: string, enum: [red, blue]}
      """;

  /** Public no-argument constructor, for {@link java.util.ServiceLoader}. */
  public WidgetBundle() {}

  @Override
  public String name() {
    return "widgets";
  }

  @Override
  public List<String> customResourceDefinitions() {
    return List.of(CRD);
  }

  @Override
  public List<ValidationRule> rules() {
    return List.of(new ValidationRule() {
      @Override
      public String name() {
        return "widgets.bigOnesAreBlue";
      }

      @Override
      public String group() {
        return "bundles.test.clusterstacks.io";
      }

      @Override
      public String kind() {
        return "Widget";
      }

      @Override
      public void check(ManifestDocument document, RuleContext context) {
        Map<?, ?> spec = (Map<?, ?>) document.toMap().get("spec");
        if (spec != null && spec.get("size") instanceof Long size && size > 5 && !"blue".equals(spec.get("colour"))) {
          context.violation("spec.colour", "blue when size > 5", "widgets larger than 5 must be blue");
        }
      }
    });
  }
}
