package io.clusterstacks.core.validation.internal;

import static io.clusterstacks.core.validation.internal.RuleNodes.CORE;
import static io.clusterstacks.core.validation.internal.RuleNodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The API server's own checks of Secret and ConfigMap data (keys, typed Secrets, size). */
final class CoreRules extends RuleFamily {

  private static final Pattern CONFIG_KEY = Pattern.compile("^[-._a-zA-Z0-9]+$");
  private static final int MAX_DATA_BYTES = 1024 * 1024;

  private final Rule secretKey = rule("core.secret.key");
  private final Rule secretType = rule("core.secret.type");
  private final Rule secretSize = rule("core.secret.size");
  private final Rule configMapKey = rule("core.configMap.key");
  private final Rule configMapDuplicateKey = rule("core.configMap.duplicateKey");
  private final Rule configMapSize = rule("core.configMap.size");

  CoreRules() {
    on(CORE, "Secret", (i, b) -> secret(i));
    on(CORE, "ConfigMap", (i, b) -> configMap(i));
  }

  private void secret(ValidationEngine.Item i) {
    DocContext c = i.ctx;
    Set<String> keys = new HashSet<>();
    long size = 0;
    for (String field : List.of("data", "stringData")) {
      JsonNode map = i.doc.get(field);
      if (map == null || !map.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        keys.add(e.getKey());
        size += e.getKey().length() + (e.getValue().isTextual() ? e.getValue().textValue().length() : 0);
        if (!validKey(e.getKey())) {
          secretKey.report(c, FieldPath.ROOT.child(field).child(e.getKey()), null,
              "a key of [-._a-zA-Z0-9], at most 253", "invalid key name");
        }
      }
    }
    if (size > MAX_DATA_BYTES) {
      secretSize.report(c, FieldPath.ROOT.child("data"), null, "at most 1 MiB in total", "the Secret is too large");
    }
    String type = text(i.doc, "type");
    List<String> needed = switch (type) {
      case "kubernetes.io/tls" -> List.of("tls.crt", "tls.key");
      case "kubernetes.io/dockerconfigjson" -> List.of(".dockerconfigjson");
      case "kubernetes.io/dockercfg" -> List.of(".dockercfg");
      case "kubernetes.io/ssh-auth" -> List.of("ssh-privatekey");
      default -> List.of();
    };
    for (String k : needed) {
      if (!keys.contains(k)) {
        secretType.report(c, FieldPath.ROOT.child("data").child(k), null, "a " + k + " key, as type is " + type,
            "required key for this Secret type is missing");
      }
    }
  }

  private void configMap(ValidationEngine.Item i) {
    DocContext c = i.ctx;
    Set<String> keys = new HashSet<>();
    long size = 0;
    for (String field : List.of("data", "binaryData")) {
      JsonNode map = i.doc.get(field);
      if (map == null || !map.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        FieldPath kp = FieldPath.ROOT.child(field).child(e.getKey());
        size += e.getKey().length() + (e.getValue().isTextual() ? e.getValue().textValue().length() : 0);
        if (!validKey(e.getKey())) {
          configMapKey.report(c, kp, null, "a key of [-._a-zA-Z0-9], at most 253", "invalid key name");
        }
        if (!keys.add(e.getKey())) {
          configMapDuplicateKey.report(c, kp, null, "a key in data or binaryData, not both",
              "duplicate of a key in data");
        }
      }
    }
    if (size > MAX_DATA_BYTES) {
      configMapSize.report(c, FieldPath.ROOT.child("data"), null, "at most 1 MiB in total",
          "the ConfigMap is too large");
    }
  }

  private static boolean validKey(String key) {
    return key.length() <= 253 && CONFIG_KEY.matcher(key).matches() && !key.equals(".") && !key.equals("..")
        && !key.startsWith("..");
  }
}
