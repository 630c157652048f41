package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;

/**
 * clouds.yaml, cloud.conf and the workload-side Secret manifest, written directly (values as
 * double-quoted JSON strings, which YAML reads verbatim). These texts carry secrets: never log them.
 */
public final class Credentials {
  private Credentials() {}

  private static String q(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /**
   * A cloud.conf value as a gcfg double-quoted string: unquoted, a {@code ;} or {@code #} would start a
   * comment and cut the value, and surrounding spaces would be trimmed. Inside quotes gcfg reads
   * {@code \\} and {@code \"} as escapes; the credential builders refuse control characters, so no
   * other escape is needed.
   */
  private static String ini(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * The clouds.yaml text with one cloud entry.
   *
   * @param c the credentials
   * @param caCertPath where the CA certificate is mounted, or "" for none
   * @return the YAML text
   */
  public static String cloudsYaml(CloudCredentials c, String caCertPath) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("clouds:\n  ").append(q(c.cloudName())).append(":\n    auth:\n");
    sb.append("      auth_url: ").append(q(c.auth().authUrl())).append('\n');
    String authType;
    if (c.auth() instanceof CloudAuth.ApplicationCredential a) {
      sb.append("      application_credential_id: ").append(q(a.id())).append('\n');
      sb.append("      application_credential_secret: ").append(q(a.secret())).append('\n');
      authType = "v3applicationcredential";
    } else {
      CloudAuth.Password p = (CloudAuth.Password) c.auth();
      sb.append("      username: ").append(q(p.username())).append('\n');
      sb.append("      password: ").append(q(p.password())).append('\n');
      sb.append("      user_domain_name: ").append(q(p.userDomainName())).append('\n');
      p.projectId().ifPresent(v -> sb.append("      project_id: ").append(q(v)).append('\n'));
      p.projectName().ifPresent(v -> sb.append("      project_name: ").append(q(v)).append('\n'));
      p.projectDomainName().ifPresent(v -> sb.append("      project_domain_name: ").append(q(v)).append('\n'));
      authType = "password";
    }
    sb.append("    auth_type: ").append(authType).append('\n');
    c.regionName().ifPresent(r -> sb.append("    region_name: ").append(q(r)).append('\n'));
    c.endpointInterface().ifPresent(i -> sb.append("    interface: ").append(q(i)).append('\n'));
    sb.append("    identity_api_version: 3\n");
    if (c.caCert().isPresent() && !caCertPath.isEmpty()) {
      sb.append("    cacert: ").append(q(caCertPath)).append('\n');
    }
    return sb.toString();
  }

  /**
   * The cloud.conf (INI) the OpenStack cloud controller manager of older stacks reads.
   *
   * @param c the credentials
   * @return the INI text
   */
  public static String cloudConf(CloudCredentials c) {
    StringBuilder sb = new StringBuilder("[Global]\n");
    sb.append("auth-url=").append(ini(c.auth().authUrl())).append('\n');
    c.regionName().ifPresent(r -> sb.append("region=").append(ini(r)).append('\n'));
    if (c.auth() instanceof CloudAuth.ApplicationCredential a) {
      sb.append("application-credential-id=").append(ini(a.id())).append('\n');
      sb.append("application-credential-secret=").append(ini(a.secret())).append('\n');
    } else {
      CloudAuth.Password p = (CloudAuth.Password) c.auth();
      sb.append("username=").append(ini(p.username())).append('\n');
      sb.append("password=").append(ini(p.password())).append('\n');
      sb.append("user-domain-name=").append(ini(p.userDomainName())).append('\n');
      p.projectId().ifPresent(v -> sb.append("tenant-id=").append(ini(v)).append('\n'));
      p.projectName().ifPresent(v -> sb.append("tenant-name=").append(ini(v)).append('\n'));
      p.projectDomainName().ifPresent(v -> sb.append("tenant-domain-name=").append(ini(v)).append('\n'));
    }
    if (c.caCert().isPresent()) {
      sb.append("ca-file=/etc/config/ca.crt\n");
    }
    sb.append("\n[LoadBalancer]\nmanage-security-groups=true\nuse-octavia=true\nenable-ingress-hostname=true\ncreate-monitor=true\n");
    return sb.toString();
  }

  /**
   * The kube-system Secret manifest a ClusterResourceSet applies in the workload cluster.
   *
   * @param name the Secret name, e.g. {@code clouds-yaml}
   * @param key the data key, e.g. {@code clouds.yaml}
   * @param content the content
   * @param caKey the data key of the CA certificate, or "" for none
   * @param ca the CA certificate, or ""
   * @return the YAML text
   */
  public static String workloadSecret(String name, String key, String content, String caKey, String ca) {
    StringBuilder sb = new StringBuilder(content.length() * 2 + 200);
    sb.append("apiVersion: v1\nkind: Secret\nmetadata:\n  name: ").append(name).append("\n  namespace: kube-system\n");
    sb.append("type: Opaque\nstringData:\n");
    block(sb, key, content);
    if (!caKey.isEmpty()) {
      block(sb, caKey, ca);
    }
    return sb.toString();
  }

  private static void block(StringBuilder sb, String key, String content) {
    if (content.isEmpty() || content.startsWith(" ") || content.startsWith("\n") || !content.endsWith("\n")) {
      sb.append("  ").append(q(key)).append(": ").append(q(content)).append('\n');
      return;
    }
    sb.append("  ").append(q(key)).append(": |\n");
    for (String line : content.substring(0, content.length() - 1).split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append("    ").append(line);
      }
      sb.append('\n');
    }
  }
}
