package io.clusterstacks.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API server's generic {@code ObjectMeta} checks: known fields only, a name (DNS-1123 subdomain,
 * or label for namespaces), a namespace that is a DNS-1123 label, labels and annotations as string
 * maps with qualified-name keys and valid label values.
 */
final class ObjectMetaRules {

  static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern QUALIFIED_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  private static final List<String> FIELDS = List.of("annotations", "creationTimestamp", "deletionGracePeriodSeconds",
      "deletionTimestamp", "finalizers", "generateName", "generation", "labels", "managedFields", "name",
      "namespace", "ownerReferences", "resourceVersion", "selfLink", "uid");
  private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  private ObjectMetaRules() {}

  /**
   * Checks {@code metadata}.
   *
   * @param doc the document
   * @param namespaced whether the kind is namespaced
   * @param nameIsLabel whether the name must be a DNS-1123 label (namespaces) instead of a subdomain
   * @param ctx where violations go
   */
  static void check(ObjectNode doc, boolean namespaced, boolean nameIsLabel, DocContext ctx) {
    FieldPath mp = FieldPath.ROOT.child("metadata");
    JsonNode meta = doc.get("metadata");
    if (meta == null || meta.isNull()) {
      ctx.add(mp.child("name"), null, "a DNS-1123 name", "required", "name or generateName is required");
      return;
    }
    if (!meta.isObject()) {
      ctx.add(mp, meta, "object", "type", "must be of type object");
      return;
    }
    for (Map.Entry<String, JsonNode> e : meta.properties()) {
      if (!FIELD_SET.contains(e.getKey())) {
        ctx.add(mp.child(e.getKey()), null, "one of the known fields " + FIELDS, "unknownField",
            "unknown field \"" + e.getKey() + "\" (strict field validation rejects it)");
      }
    }
    JsonNode name = meta.get("name");
    JsonNode generateName = meta.get("generateName");
    boolean hasGenerate = generateName != null && generateName.isTextual() && !generateName.textValue().isEmpty();
    if (name == null || name.isNull() || (name.isTextual() && name.textValue().isEmpty())) {
      if (!hasGenerate) {
        ctx.add(mp.child("name"), name, "a DNS-1123 name", "required", "name or generateName is required");
      }
    } else if (!name.isTextual()) {
      ctx.add(mp.child("name"), name, "string", "type", "must be of type string");
    } else {
      checkName(name, mp.child("name"), nameIsLabel, ctx);
    }
    JsonNode ns = meta.get("namespace");
    if (ns != null && !ns.isNull()) {
      if (!ns.isTextual()) {
        ctx.add(mp.child("namespace"), ns, "string", "type", "must be of type string");
      } else if (!ns.textValue().isEmpty()) {
        if (!namespaced) {
          ctx.add(mp.child("namespace"), ns, "no namespace", "metadata.namespace:clusterScoped",
              "this kind is cluster-scoped; remove the namespace");
        } else if (ns.textValue().length() > 63 || !DNS1123_LABEL.matcher(ns.textValue()).matches()) {
          ctx.add(mp.child("namespace"), ns, "a DNS-1123 label (lower-case letters, digits, '-', at most 63)",
              "metadata.namespace:dns1123Label", "is not a valid namespace name");
        }
      }
    }
    checkStringMap(meta.get("labels"), mp.child("labels"), true, ctx);
    checkStringMap(meta.get("annotations"), mp.child("annotations"), false, ctx);
    JsonNode fin = meta.get("finalizers");
    if (fin != null && !fin.isNull()) {
      if (!fin.isArray()) {
        ctx.add(mp.child("finalizers"), fin, "array", "type", "must be of type array");
      } else {
        for (int i = 0; i < fin.size(); i++) {
          if (!fin.get(i).isTextual()) {
            ctx.add(mp.child("finalizers").at(i), fin.get(i), "string", "type", "must be of type string");
          }
        }
      }
    }
  }

  private static void checkName(JsonNode name, FieldPath path, boolean label, DocContext ctx) {
    String n = name.textValue();
    if (label) {
      if (n.length() > 63 || !DNS1123_LABEL.matcher(n).matches()) {
        ctx.add(path, name, "a DNS-1123 label (lower-case letters, digits, '-', at most 63)",
            "metadata.name:dns1123Label", "is not a valid name");
      }
    } else if (n.length() > 253 || !DNS1123_SUBDOMAIN.matcher(n).matches()) {
      ctx.add(path, name, "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253)",
          "metadata.name:dns1123Subdomain", "is not a valid name");
    }
  }

  private static void checkStringMap(JsonNode map, FieldPath path, boolean labels, DocContext ctx) {
    if (map == null || map.isNull()) {
      return;
    }
    if (!map.isObject()) {
      ctx.add(path, map, "a map of strings", "type", "must be of type object");
      return;
    }
    int total = 0;
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      FieldPath kp = path.child(key);
      if (!isQualifiedName(key)) {
        ctx.add(kp, null, "a qualified name ([prefix/]name, name at most 63 of [A-Za-z0-9-_.])",
            labels ? "metadata.labels:key" : "metadata.annotations:key", "invalid key");
      }
      if (!v.isTextual()) {
        ctx.add(kp, v, "string", "type", "must be of type string (quote numbers and booleans)");
        continue;
      }
      String s = v.textValue();
      total += key.length() + s.length();
      if (labels && (s.length() > 63 || !LABEL_VALUE.matcher(s).matches())) {
        ctx.add(kp, v, "empty or at most 63 of [A-Za-z0-9-_.], starting and ending alphanumeric",
            "metadata.labels:value", "invalid label value");
      }
    }
    if (!labels && total > MAX_ANNOTATIONS_BYTES) {
      ctx.add(path, null, "at most 256 KiB in total", "metadata.annotations:size", "annotations are too large");
    }
  }

  static boolean isQualifiedName(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
  }
}
