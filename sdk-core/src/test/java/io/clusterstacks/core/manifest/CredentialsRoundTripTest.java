package io.clusterstacks.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.model.CloudAuth;
import io.clusterstacks.core.model.CloudCredentials;
import io.clusterstacks.core.model.ClusterSpec;
import io.clusterstacks.core.stack.ClusterClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every generated credential value either is refused by the credential builders with an
 * {@link InvalidInputException} that does not quote it, or reads back exactly from what the renderer
 * writes: from {@code cloud.conf} (the INI of the older stacks, read by the OpenStack cloud controller
 * manager with gcfg) and from {@code clouds.yaml} (read as YAML). Nothing in between: a value that is
 * accepted but reads back changed (cut at {@code ;} or {@code #}, trimmed, or turned into another key)
 * fails the test.
 *
 * <p>The cloud.conf reader below follows gcfg's documented value syntax (comments start at {@code ;}
 * or {@code #} outside quotes, unquoted whitespace at either end is dropped, {@code "..."} quotes with
 * the escapes {@code \\ \" \n \t \b}); it is written from that description, not from our renderer.
 */
class CredentialsRoundTripTest {

  private static final String[] PIECES = {
    "a", "Z", "9", " ", "  ", ";", "#", "=", "\"", "\\", "[", "]", "[Global]", "'", ":", "{", "}", "&", "*", "!",
    "%", "@", "/", "?", "-", "_", ".", ",", "ü", "日本", "😀", "\u00a0", "auth-url=http://evil", "\n", "\r\n", "\t",
    "\u0000", "\u001b[31m", "\u007f", "$HOME", "${x}", "`id`", "~", "|", ">", "null", "true", "0x1F", "1e400", "-",
  };
  private static final int CASES = 3_000;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyCredentialValueReadsBackExactlyOrIsRefused() throws Exception {
    Random rnd = new Random(20_261_202L);
    int refused = 0;
    int readBack = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES && failures.size() < 5; i++) {
      String secret = value(rnd);
      String name = value(rnd);
      String region = rnd.nextInt(3) == 0 ? value(rnd) : "RegionOne";
      boolean password = rnd.nextBoolean();
      CloudCredentials credentials;
      try {
        CloudAuth auth = password
            ? CloudAuth.Password.of(p -> p.authUrl("https://keystone.example.com:5000/v3").username(name)
                .password(secret).userDomainName("Default").projectName(name))
            : CloudAuth.applicationCredential("https://keystone.example.com:5000/v3", name, secret);
        credentials = CloudCredentials.builder().auth(auth).regionName(region).build();
      } catch (InvalidInputException e) {
        refused++;
        if (secret.strip().length() >= 6) {
          assertFalse(e.getMessage().contains(secret), "case " + i + ": the refusal quotes the secret");
        }
        continue;
      }
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("region", region);
      if (password) {
        expected.put("username", name);
        expected.put("password", secret);
        expected.put("tenant-name", name);
      } else {
        expected.put("application-credential-id", name);
        expected.put("application-credential-secret", secret);
      }
      Map<String, String> ini;
      try {
        ini = readGcfg(renderedText(cloudConfCluster(credentials), "[Global]\n"));
      } catch (InvalidInputException e) {
        failures.add("case " + i + ": the rendered Secret does not parse back (" + e.problems() + ") for "
            + show(name) + "/" + show(secret) + "/" + show(region));
        continue;
      }
      for (Map.Entry<String, String> e : expected.entrySet()) {
        if (!e.getValue().equals(ini.get(e.getKey()))) {
          failures.add("case " + i + ": cloud.conf " + e.getKey() + " reads back as " + show(ini.get(e.getKey()))
              + ", written " + show(e.getValue()));
        }
      }
      JsonNode cloud = YAML.readTree(renderedText(cloudsYamlCluster(credentials), "clouds:")).path("clouds")
          .path(credentials.cloudName());
      String yamlSecret = cloud.path("auth").path(password ? "password" : "application_credential_secret").asText(null);
      String yamlName = cloud.path("auth").path(password ? "username" : "application_credential_id").asText(null);
      if (!secret.equals(yamlSecret) || !name.equals(yamlName) || !region.equals(cloud.path("region_name").asText(null))) {
        failures.add("case " + i + ": clouds.yaml reads back " + show(yamlName) + "/" + show(yamlSecret) + ", written "
            + show(name) + "/" + show(secret));
      }
      readBack++;
    }
    assertEquals(List.of(), failures);
    assertTrue(refused > 100 && readBack > 100, "both outcomes are exercised: refused " + refused + ", read back " + readBack);
  }

  /** One to four pieces, now and then a long one. */
  private static String value(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[rnd.nextInt(PIECES.length)]);
    }
    if (rnd.nextInt(50) == 0) {
      sb.append("x".repeat(rnd.nextInt(2) == 0 ? 300 : 5_000));
    }
    return sb.toString();
  }

  /** An scs (1.29) cluster: its workload Secret carries cloud.conf. */
  private static ClusterSpec cloudConfCluster(CloudCredentials c) {
    return ClusterSpec.builder().name("old").namespace("cluster").className(ClusterClassName.of("scs", "1.29", "v1"))
        .controlPlaneReplicas(1).credentials(c).build();
  }

  /** An scs2 cluster: its Secrets carry clouds.yaml. */
  private static ClusterSpec cloudsYamlCluster(CloudCredentials c) {
    return Fixtures.scs2().credentials(c).build();
  }

  /** The first string in the rendered Secrets (nested Secret manifests included) that starts with a marker. */
  private static String renderedText(ClusterSpec spec, String marker) {
    for (ManifestDocument d : ManifestRenderer.render(spec).ofKind("Secret")) {
      String found = find(d.toMap(), marker);
      if (found != null) {
        return found;
      }
    }
    throw new AssertionError("no rendered Secret holds " + marker);
  }

  private static String find(Object node, String marker) {
    if (node instanceof Map<?, ?> map) {
      for (Object v : map.values()) {
        String f = find(v, marker);
        if (f != null) {
          return f;
        }
      }
    } else if (node instanceof List<?> list) {
      for (Object v : list) {
        String f = find(v, marker);
        if (f != null) {
          return f;
        }
      }
    } else if (node instanceof String s) {
      if (s.startsWith("apiVersion:")) {
        return find(ManifestDocument.fromYaml(s).toMap(), marker);
      }
      return s.startsWith(marker) ? s : null;
    }
    return null;
  }

  /** name = value pairs of a gcfg file, section headers skipped, values unquoted and unescaped. */
  static Map<String, String> readGcfg(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("[") || t.startsWith(";") || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq < 0) {
        throw new AssertionError("not a gcfg line: " + show(line));
      }
      String key = t.substring(0, eq).strip();
      if (out.containsKey(key)) {
        throw new AssertionError("key twice: " + key);
      }
      out.put(key, gcfgValue(t.substring(eq + 1)));
    }
    return out;
  }

  private static String gcfgValue(String raw) {
    StringBuilder value = new StringBuilder();
    StringBuilder pendingSpace = new StringBuilder();
    boolean quoted = false;
    boolean started = false;
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if (ch == '\\') {
        if (++i == raw.length()) {
          throw new AssertionError("a backslash ends the value: " + show(raw));
        }
        char e = raw.charAt(i);
        value.append(pendingSpace);
        pendingSpace.setLength(0);
        switch (e) {
          case '\\', '"' -> value.append(e);
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'b' -> value.append('\b');
          default -> throw new AssertionError("gcfg has no escape \\" + e + ": " + show(raw));
        }
        started = true;
      } else if (ch == '"') {
        value.append(pendingSpace);
        pendingSpace.setLength(0);
        quoted = !quoted;
        started = true;
      } else if (!quoted && (ch == ';' || ch == '#')) {
        break;
      } else if (!quoted && Character.isWhitespace(ch)) {
        if (started) {
          pendingSpace.append(ch);
        }
      } else {
        value.append(pendingSpace);
        pendingSpace.setLength(0);
        value.append(ch);
        started = true;
      }
    }
    if (quoted) {
      throw new AssertionError("an unclosed quote: " + show(raw));
    }
    return value.toString();
  }

  private static String show(String s) {
    if (s == null) {
      return "(missing)";
    }
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().limit(80).forEach(cp -> {
      if (cp < 0x20 || cp == 0x7f) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.append(s.length() > 80 ? "…\"" : "\"").toString();
  }
}
