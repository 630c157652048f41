package io.clusterstacks.core.validation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SDK's re-implementations, as named Java checks, of the CEL rules ({@code x-kubernetes-validations})
 * in the bundled CRDs and of the admission-webhook rules (CAPI, CSO) that matter for what the SDK emits,
 * grouped by provider family.
 *
 * <p>They run on the document <em>after</em> schema defaults were applied, as CEL does on a real API
 * server. Transition rules (those using {@code oldSelf}: immutability) are not re-implemented: they only
 * apply to updates, and an offline check sees one object. The complete list, with sources, is in
 * {@code docs/validation-rules.md}; {@link #ruleNames()} is derived from the rules each family declares.
 */
public final class NamedRules {

  /**
   * The families in the order their checks run on a document. CSO before CAPI: on a Cluster, the CSO's
   * version rules and CAPI's semantic-version rule exclude each other, and CAPI's variable check comes last.
   */
  private static final List<RuleFamily> FAMILIES = List.of(new CapoRules(), new OrcRules(), new KubeadmRules(),
      new CsoRules(), new CapiRules(), new CoreRules());
  private static final Map<String, List<RuleFamily.Check>> BY_KIND = byKind();
  private static final List<String> NAMES = names();

  private NamedRules() {}

  /**
   * Every rule name the named rules can report, in family order, derived from the rules themselves.
   *
   * @return the names
   */
  public static List<String> ruleNames() {
    return NAMES;
  }

  static void run(ValidationEngine.Item item, List<ValidationEngine.Item> batch) {
    if (item.version == null) {
      return;
    }
    var checks = BY_KIND.get(item.version.group() + "/" + item.version.kind());
    if (checks == null) {
      return;
    }
    item.ctx.beginNamedRules();
    for (var check : checks) {
      check.run(item, batch);
    }
  }

  private static Map<String, List<RuleFamily.Check>> byKind() {
    Map<String, List<RuleFamily.Check>> all = new HashMap<>();
    for (RuleFamily f : FAMILIES) {
      f.checks().forEach((kind, checks) -> all.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(checks));
    }
    all.replaceAll((k, v) -> List.copyOf(v));
    return Map.copyOf(all);
  }

  private static List<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (RuleFamily f : FAMILIES) {
      for (Rule r : f.rules()) {
        if (!names.add(r.name())) {
          throw new IllegalStateException("rule " + r.name() + " is declared twice");
        }
      }
    }
    return List.copyOf(names);
  }
}
