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

  private static ValidationRule rule(String name, String kind, String message) {
    return new ValidationRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String group() {
        return "";
      }

      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void check(ManifestDocument document, RuleContext context) {
        context.violation("metadata.name", "anything else", message);
      }
    };
  }

  private static ValidationBundle bundle(String name, ValidationRule... rules) {
    return new ValidationBundle() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<ValidationRule> rules() {
        return List.of(rules);
      }
    };
  }

  @Test
  void oneRuleNameMayCheckSeveralKindsButTwoBundlesOfOneTierMayNotBothDefineItForOneKind() {
    CrdValidator v = CrdValidator.builder().discoverBundles(false)
        .addBundle(bundle("maps", rule("test.noName", "ConfigMap", "on a ConfigMap"),
            rule("test.noName", "Secret", "on a Secret"))).build();
    ValidationReport r = v.validateYaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a, namespace: ns}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: b, namespace: ns}
        """);
    assertEquals(List.of("0 test.noName on a ConfigMap", "1 test.noName on a Secret"), r.violations().stream()
        .map(x -> x.documentIndex() + " " + x.rule() + " " + x.message()).toList(), r.summary());

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> CrdValidator.builder()
        .discoverBundles(false).addBundle(bundle("one", rule("test.noName", "ConfigMap", "x")))
        .addBundle(bundle("two", rule("test.noName", "ConfigMap", "y"))).build());
    assertEquals("rule test.noName on /ConfigMap", e.problems().get(0).value(), e.getMessage());
  }

  @Test
  void kamajiKindsWithoutSdkKamajiAreSchemaCheckedAndTheReportSaysTheirRulesNeedIt() {
    // sdk-core's own tests have no sdk-kamaji on the class path: the Kamaji CEL rules are its bundle's
    ValidationReport r = CrdValidator.strict().validateYaml("""
        apiVersion: kamaji.clastix.io/v1alpha1
        kind: DataStore
        metadata: {name: default}
        spec:
          driver: etcd
          endpoints: ["etcd-0.etcd:2379"]
        """);
    assertTrue(r.isValid(), "the etcd TLS rule is sdk-kamaji's: " + r.summary());
    assertEquals(CheckStatus.CRD_SCHEMA, r.documents().get(0).status());
    assertEquals(List.of("#0 DataStore/default <root>: schema-checked, but its CEL rules were not: they come with "
        + "sdk-kamaji; add the dependency io.clusterstacks:sdk-kamaji to check them"), r.warnings(), r.summary());
  }
}
