package io.clusterstacks.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.validation.bundle.WidgetBundle;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CRD and rule bundles from other modules: discovered through {@code META-INF/services} (the test
 * resources register {@link WidgetBundle}), added explicitly, an explicit one winning, conflicts
 * naming both bundles.
 */
class ValidationBundleTest {

  private static final String BIG_RED = """
      apiVersion: bundles.test.clusterstacks.io/v1
      kind: Widget
      metadata: {name: w, namespace: ns}
      spec: {size: 7, colour: red, shape: round}
      """;

  private static List<String> findings(ValidationReport r) {
    return r.violations().stream().map(v -> v.path() + " " + v.rule()).toList();
  }

  @Test
  void aDiscoveredBundleValidatesItsKindsStrictlyWithItsRules() {
    CrdValidator v = CrdValidator.builder().build();
    assertEquals(List.of("widgets (" + WidgetBundle.class.getName() + ") (discovered)"), v.bundles());
    ValidationReport r = v.validateYaml(BIG_RED);
    assertEquals(List.of("spec.shape unknownField", "spec.colour widgets.bigOnesAreBlue"), findings(r), r.summary());
    assertEquals(CheckStatus.CRD_SCHEMA, r.documents().get(0).status());
    assertEquals("\"red\"", r.violations().get(1).value().orElseThrow());
    assertTrue(v.validateYaml(BIG_RED.replace("colour: red, shape: round", "colour: blue")).isValid());
    assertEquals(List.of("spec.size maximum"), findings(v.validate(ManifestDocument.fromYaml(
        BIG_RED.replace("size: 7, colour: red, shape: round", "size: 70, colour: blue")))));
    assertTrue(CrdValidator.strict().bundles().contains(v.bundles().get(0)), "strict() discovers too");
  }

  @Test
  void withoutDiscoveryTheKindIsNotSchemaChecked() {
    ValidationReport r = CrdValidator.builder().discoverBundles(false).build().validateYaml(BIG_RED);
    assertTrue(r.isValid(), r.summary());
    assertEquals(CheckStatus.NOT_SCHEMA_CHECKED, r.documents().get(0).status());
  }

  @Test
  void anExplicitBundleWinsOverADiscoveredOneForTheSameKind() {
    ValidationBundle lenient = new ValidationBundle() {
      @Override
      public String name() {
        return "lenient-widgets";
      }

      @Override
      public List<String> customResourceDefinitions() {
        String line = WidgetBundle.CRD.lines().filter(l -> l.contains("colour:")).findFirst().orElseThrow();
        String indent = line.substring(0, line.indexOf('c'));
        return List.of(WidgetBundle.CRD.replace(line, indent + "colour: {type: string}\n" + indent + "shape: {type: string}"));
      }
    };
    CrdValidator v = CrdValidator.builder().addBundle(lenient).build();
    ValidationReport r = v.validateYaml(BIG_RED);
    assertEquals(List.of("spec.colour widgets.bigOnesAreBlue"), findings(r),
        "the explicit CRD knows shape; the discovered bundle's rule still runs: " + r.summary());
  }

  @Test
  void twoBundlesOfTheSameTierForOneKindAreAnErrorNamingBoth() {
    ValidationBundle other = new ValidationBundle() {
      @Override
      public String name() {
        return "other-widgets";
      }

      @Override
      public List<String> customResourceDefinitions() {
        return List.of(WidgetBundle.CRD);
      }
    };
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CrdValidator.builder().addBundle(new WidgetBundle()).addBundle(other).build());
    assertEquals("kind bundles.test.clusterstacks.io/Widget", e.problems().get(0).value());
    String fix = e.problems().get(0).fix();
    assertTrue(fix.contains("widgets (" + WidgetBundle.class.getName() + ")") && fix.contains("other-widgets ("),
        e.getMessage());
  }

  @Test
  void aBrokenCrdInABundleIsInvalidInput() {
    ValidationBundle broken = new ValidationBundle() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public List<String> customResourceDefinitions() {
        return List.of("apiVersion: v1\nkind: ConfigMap\n", "a: [");
      }
    };
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> CrdValidator.builder().discoverBundles(false).addBundle(broken).build());
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).path().startsWith("bundles[broken ("), e.getMessage());
  }
}
