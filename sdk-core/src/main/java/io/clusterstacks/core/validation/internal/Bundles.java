package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.internal.YamlDocuments;
import io.clusterstacks.core.validation.ValidationBundle;
import io.clusterstacks.core.validation.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Resolves the bundles of a validator: explicit ones win over discovered ones for the same kind, or for
 * a rule of the same name on the same kind; two of the same tier are an error naming both; each CRD is
 * compiled once per validator.
 */
public final class Bundles {
  /** The resolved kinds and rules, both by {@code group/kind}. */
  public record Resolved(Map<String, CrdCatalog.CrdKind> kinds, Map<String, List<ValidationRule>> rules,
      List<String> names) {}

  private record Source<T>(T value, ValidationBundle bundle, boolean explicit) {}

  private Bundles() {}

  /**
   * The bundles found by {@link ServiceLoader} on a class loader, in the loader's order.
   *
   * @param loader the class loader
   * @return the bundles
   * @throws InvalidInputException when a listed bundle cannot be loaded
   */
  public static List<ValidationBundle> discover(ClassLoader loader) {
    List<ValidationBundle> out = new ArrayList<>();
    try {
      for (ValidationBundle b : ServiceLoader.load(ValidationBundle.class, loader)) {
        out.add(b);
      }
    } catch (java.util.ServiceConfigurationError e) {
      throw new InvalidInputException(List.of(Problem.of("META-INF/services/" + ValidationBundle.class.getName(),
          Names.shown(String.valueOf(e.getMessage())), "list public classes with a public no-argument constructor")), e);
    }
    return out;
  }

  /**
   * Resolves explicit and discovered bundles.
   *
   * @param explicit bundles added on the builder
   * @param discovered bundles found by discovery (a class also added explicitly counts once, as explicit)
   * @return the kinds and rules
   * @throws InvalidInputException listing every conflict and every unusable CRD
   */
  public static Resolved resolve(List<ValidationBundle> explicit, List<ValidationBundle> discovered) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Source<CrdCatalog.CrdKind>> kinds = new LinkedHashMap<>();
    Map<String, Source<ValidationRule>> rules = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<String> explicitClasses = explicit.stream().map(b -> b.getClass().getName()).toList();
    List<Source<ValidationBundle>> all = new ArrayList<>();
    explicit.forEach(b -> all.add(new Source<>(b, b, true)));
    discovered.stream().filter(b -> !explicitClasses.contains(b.getClass().getName()))
        .forEach(b -> all.add(new Source<>(b, b, false)));
    for (Source<ValidationBundle> s : all) {
      ValidationBundle b = s.value();
      names.add(label(b) + (s.explicit() ? "" : " (discovered)"));
      List<String> crds = b.customResourceDefinitions();
      for (int i = 0; i < crds.size(); i++) {
        CrdCatalog.CrdKind k = compile(crds.get(i), "bundles[" + label(b) + "].customResourceDefinitions[" + i + "]",
            problems);
        if (k != null) {
          put(kinds, k.group() + "/" + k.kind(), new Source<>(k, b, s.explicit()), "kind", problems);
        }
      }
      for (ValidationRule r : b.rules()) {
        put(rules, r.name() + " on " + r.group() + "/" + r.kind(), new Source<>(r, b, s.explicit()), "rule", problems);
      }
    }
    InvalidInputException.throwIfAny(problems);
    Map<String, CrdCatalog.CrdKind> k = new LinkedHashMap<>();
    kinds.forEach((key, v) -> k.put(key, v.value()));
    Map<String, List<ValidationRule>> r = new LinkedHashMap<>();
    rules.values().forEach(v -> r.computeIfAbsent(v.value().group() + "/" + v.value().kind(), x -> new ArrayList<>())
        .add(v.value()));
    r.replaceAll((key, v) -> List.copyOf(v));
    return new Resolved(Map.copyOf(k), Map.copyOf(r), List.copyOf(names));
  }

  private static <T> void put(Map<String, Source<T>> map, String key, Source<T> s, String what, List<Problem> problems) {
    Source<T> old = map.get(key);
    if (old == null || (s.explicit() && !old.explicit())) {
      map.put(key, s);
    } else if (old.explicit() == s.explicit()) {
      problems.add(Problem.of("bundles", Names.shown(what + " " + key),
          "defined by both " + label(old.bundle()) + " and " + label(s.bundle()) + "; keep one of them: register "
              + "only one bundle for it, or add the one to use with CrdValidator.Builder.addBundle (an explicitly "
              + "added bundle wins over a discovered one)"));
    }
  }

  private static String label(ValidationBundle b) {
    return b.name() + " (" + b.getClass().getName() + ")";
  }

  private static CrdCatalog.@org.jspecify.annotations.Nullable CrdKind compile(String text, String path,
      List<Problem> problems) {
    YamlDocuments.Result read = YamlDocuments.read(text);
    if (read.failure().isPresent() || read.documents().size() > 1) {
      problems.add(Problem.of(path, read.failure().map(f -> "malformed at " + f.where() + ": " + f.message())
          .orElse(read.documents().size() + " documents"), "pass the YAML or JSON text of one CustomResourceDefinition"));
      return null;
    }
    JsonNode crd = read.documents().isEmpty() ? null : read.documents().get(0);
    if (crd == null || !crd.path("apiVersion").asText().equals("apiextensions.k8s.io/v1")
        || !crd.path("kind").asText().equals("CustomResourceDefinition")) {
      problems.add(Problem.of(path, crd == null ? "empty" : Names.shown(crd.path("apiVersion").asText() + " " + crd.path("kind").asText()),
          "pass an apiextensions.k8s.io/v1 CustomResourceDefinition"));
      return null;
    }
    String group = crd.path("spec").path("group").asText("");
    String kind = crd.path("spec").path("names").path("kind").asText("");
    if (group.isEmpty() || kind.isEmpty() || !crd.path("spec").path("versions").isArray()) {
      problems.add(Problem.of(path + ".spec", Names.shown(group + "/" + kind), "set spec.group, spec.names.kind and spec.versions"));
      return null;
    }
    try {
      return CrdCatalog.compile(crd, group, kind);
    } catch (RuntimeException e) {
      problems.add(Problem.of(path, Names.shown(group + "/" + kind), "use a structural schema the SDK can compile ("
          + e.getClass().getSimpleName() + ")"));
      return null;
    }
  }
}
