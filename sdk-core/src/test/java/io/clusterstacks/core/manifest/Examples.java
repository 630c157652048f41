package io.clusterstacks.core.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/** The upstream example manifests from the shared reference folder, with their shell placeholders substituted. */
final class Examples {
  static final Map<String, String> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("${CS_K8S_PATCH_VERSION}", "6");
    VALUES.put("${CS_K8S_VERSION}", "1.29");
    VALUES.put("${CS_NAMESPACE}", "cluster");
    VALUES.put("${CS_NAME}", "scs");
    VALUES.put("${CS_CHANNEL}", "stable");
    VALUES.put("${CS_VERSION}", "v1");
    VALUES.put("${CS_SECRETNAME}", "openstack");
    VALUES.put("${CS_CLUSTER_NAME}", "cs-cluster");
    VALUES.put("${CS_POD_CIDR}", "192.168.0.0/16");
    VALUES.put("${CS_SERVICE_CIDR}", "10.96.0.0/12");
    VALUES.put("${CS_EXTERNAL_ID}", "ebfe5546-f09f-4f42-ab54-094e457d42ec");
    VALUES.put("${CS_CLASS_NAME}", "openstack-scs-1-29-v1");
    VALUES.put("$CLUSTERSTACK_NAMESPACE", "cluster");
    VALUES.put("$CLUSTER_NAMESPACE", "cluster");
    VALUES.put("$CLUSTERSTACK_VERSION", "v1");
    VALUES.put("$CLUSTER_NAME", "my-cluster");
  }

  private Examples() {}

  static Path shared() {
    String p = System.getProperty("clusterstacks.shared.dir");
    return p != null ? Paths.get(p) : Paths.get("../../shared");
  }

  static Path dir() {
    return shared().resolve("reference/examples");
  }

  /** The example text with placeholders replaced. */
  static String load(String file) throws IOException {
    String text = Files.readString(dir().resolve(file), StandardCharsets.UTF_8);
    for (Map.Entry<String, String> e : VALUES.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    for (String line : text.split("\n")) {
      if (!line.trim().startsWith("#") && line.contains("$")) {
        throw new IllegalStateException(file + " still has a placeholder: " + line);
      }
    }
    return text;
  }
}
