package io.clusterstacks.core.validation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named rules of one provider family (CAPO, ORC, CAPI, kubeadm, CSO, Kubernetes core, Kamaji) and
 * the kinds they check. A family declares each rule once with {@link #rule(String)}; the list of all
 * rule names ({@link NamedRules#ruleNames()}) is derived from these declarations.
 */
abstract class RuleFamily {

  /** A check of one document, which may look at the other documents of the batch. */
  @FunctionalInterface
  interface Check {
    void run(ValidationEngine.Item item, List<ValidationEngine.Item> batch);
  }

  private final List<Rule> rules = new ArrayList<>();
  private final Map<String, List<Check>> checks = new LinkedHashMap<>();

  /** Declares a rule of this family. */
  protected final Rule rule(String name) {
    Rule r = new Rule(name);
    rules.add(r);
    return r;
  }

  /** Runs {@code check} on every document of {@code group}/{@code kind} ({@code ""} for the core group). */
  protected final void on(String group, String kind, Check check) {
    checks.computeIfAbsent(group + "/" + kind, k -> new ArrayList<>()).add(check);
  }

  final List<Rule> rules() {
    return List.copyOf(rules);
  }

  final Map<String, List<Check>> checks() {
    return checks;
  }
}
