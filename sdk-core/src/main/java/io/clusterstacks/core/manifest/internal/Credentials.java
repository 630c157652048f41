package io.clusterstacks.core.manifest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;

/** clouds.yaml and cloud.conf texts. These carry secrets: never log them. */
public final class Credentials {
  private Credentials() {}

  /**
   * The clouds.yaml text with one cloud entry.
   *
   * @param c the credentials
   * @param caCertPath where the CA certificate is mounted, if any
   * @return the YAML text
   */
  public static String cloudsYaml(CloudCredentials c, String caCertPath) {
    ObjectNode root = Yaml.NODES.objectNode();
    ObjectNode cloud = root.putObject("clouds").putObject(c.cloudName());
    ObjectNode auth = cloud.putObject("auth");
    auth.put("auth_url", c.auth().authUrl());
    if (c.auth() instanceof CloudAuth.ApplicationCredential a) {
      auth.put("application_credential_id", a.id());
      auth.put("application_credential_secret", a.secret());
      cloud.put("auth_type", "v3applicationcredential");
    } else {
      CloudAuth.Password p = (CloudAuth.Password) c.auth();
      auth.put("username", p.username());
      auth.put("password", p.password());
      auth.put("user_domain_name", p.userDomainName());
      p.projectId().ifPresent(v -> auth.put("project_id", v));
      p.projectName().ifPresent(v -> auth.put("project_name", v));
      p.projectDomainName().ifPresent(v -> auth.put("project_domain_name", v));
      cloud.put("auth_type", "password");
    }
    c.regionName().ifPresent(r -> cloud.put("region_name", r));
    c.endpointInterface().ifPresent(i -> cloud.put("interface", i));
    cloud.put("identity_api_version", 3);
    if (c.caCert().isPresent() && !caCertPath.isEmpty()) {
      cloud.put("cacert", caCertPath);
    }
    return Yaml.write(root);
  }

  /**
   * The cloud.conf (INI) the OpenStack cloud controller manager of older stacks reads.
   *
   * @param c the credentials
   * @return the INI text
   */
  public static String cloudConf(CloudCredentials c) {
    StringBuilder sb = new StringBuilder("[Global]\n");
    sb.append("auth-url=").append(c.auth().authUrl()).append('\n');
    c.regionName().ifPresent(r -> sb.append("region=").append(r).append('\n'));
    if (c.auth() instanceof CloudAuth.ApplicationCredential a) {
      sb.append("application-credential-id=").append(a.id()).append('\n');
      sb.append("application-credential-secret=").append(a.secret()).append('\n');
    } else {
      CloudAuth.Password p = (CloudAuth.Password) c.auth();
      sb.append("username=").append(p.username()).append('\n');
      sb.append("password=").append(p.password()).append('\n');
      sb.append("user-domain-name=").append(p.userDomainName()).append('\n');
      p.projectId().ifPresent(v -> sb.append("tenant-id=").append(v).append('\n'));
      p.projectName().ifPresent(v -> sb.append("tenant-name=").append(v).append('\n'));
      p.projectDomainName().ifPresent(v -> sb.append("tenant-domain-name=").append(v).append('\n'));
    }
    if (c.caCert().isPresent()) {
      sb.append("ca-file=/etc/config/ca.crt\n");
    }
    sb.append("\n[LoadBalancer]\nmanage-security-groups=true\nuse-octavia=true\nenable-ingress-hostname=true\ncreate-monitor=true\n");
    return sb.toString();
  }
}
