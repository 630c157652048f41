package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.validation.RuleContext;
import io.clusterstacks.core.validation.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Runs the rules of bundles on the documents of their kinds, after the SDK's own named rules. */
final class BundleRules {
  private BundleRules() {}

  static void run(Map<String, List<ValidationRule>> rules, List<ValidationEngine.Item> items,
      List<? extends @Nullable JsonNode> originals) {
    List<ManifestDocument> all = null;
    for (ValidationEngine.Item item : items) {
      if (item.version == null) {
        continue;
      }
      List<ValidationRule> forKind = rules.get(item.version.group() + "/" + item.version.kind());
      if (forKind == null) {
        continue;
      }
      if (all == null) {
        all = new ArrayList<>();
        for (JsonNode n : originals) {
          if (n != null && n.isObject()) {
            all.add(ManifestDocument.fromJson(n.toString()));
          }
        }
        all = List.copyOf(all);
      }
      item.ctx.beginNamedRules();
      ManifestDocument doc = ManifestDocument.fromJson(item.doc.toString());
      for (ValidationRule r : forKind) {
        List<ManifestDocument> documents = all;
        r.check(doc, new RuleContext() {
          @Override
          public List<ManifestDocument> documents() {
            return documents;
          }

          @Override
          public void violation(String path, String allowed, String message) {
            FieldPath p = FieldPath.of(path);
            item.ctx.add(p, p.resolve(item.doc), allowed, r.name(), message);
          }
        });
      }
    }
  }
}
