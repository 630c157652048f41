package io.clusterstacks.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code clouds.yaml} the way the {@code openstack} command line does.
 *
 * <p>The file is the first that exists of {@code $OS_CLIENT_CONFIG_FILE}, {@code ./clouds.yaml},
 * {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml} (each also as {@code .yml}
 * or {@code .json}). {@code secure.yaml} from the same places (or {@code $OS_CLIENT_SECURE_FILE}) is merged
 * into it key by key, so passwords can live apart. The cloud is the one named, else {@code $OS_CLOUD};
 * without either, the {@code OS_*} variables ({@code OS_AUTH_URL}, {@code OS_USERNAME}, ...) form the
 * cloud {@code envvars}.
 *
 * <p>Supported keys per cloud: {@code auth} ({@code auth_url}, {@code username}, {@code user_id},
 * {@code password}, {@code user_domain_name|id}, {@code project_name|id}, {@code project_domain_name|id},
 * {@code domain_name|id} as default for both, {@code application_credential_id|name|secret}),
 * {@code auth_type} ({@code password}, {@code v3password}, {@code v3applicationcredential}),
 * {@code region_name}, {@code interface}, {@code cacert}, {@code verify}, {@code api_timeout}, {@code <type>_endpoint_override} and
 * {@code clusterstacks_provider}. Other keys are ignored; an unsupported {@code auth_type} is an error.
 */
public final class CloudsYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  /**
   * Where to look: the process's variables and directories, replaceable for tests and embedding.
   *
   * @param variables the environment variables
   * @param workingDirectory the directory for {@code ./clouds.yaml}
   * @param home the user's home directory
   * @param systemDirectory the system directory, normally {@code /etc/openstack}
   */
  public record Environment(Map<String, String> variables, Path workingDirectory, Path home, Path systemDirectory) {
    /**
     * Copies the variables.
     *
     * @param variables the environment variables
     * @param workingDirectory the directory for {@code ./clouds.yaml}
     * @param home the user's home directory
     * @param systemDirectory the system directory
     */
    public Environment {
      variables = Map.copyOf(variables);
    }

    /**
     * The process's own environment.
     *
     * @return the environment of this JVM
     */
    public static Environment ofProcess() {
      return new Environment(System.getenv(), Path.of(System.getProperty("user.dir")),
          Path.of(System.getProperty("user.home")), Path.of("/etc/openstack"));
    }

    /**
     * The search path of one file name, in order.
     *
     * @param base {@code clouds} or {@code secure}
     * @return the candidate files
     */
    public List<Path> searchPath(String base) {
      List<Path> out = new ArrayList<>();
      String override = variables.get(base.equals("clouds") ? "OS_CLIENT_CONFIG_FILE" : "OS_CLIENT_SECURE_FILE");
      if (override != null && !override.isBlank()) {
        out.add(Path.of(override));
      }
      for (Path dir : List.of(workingDirectory, home.resolve(".config").resolve("openstack"), systemDirectory)) {
        for (String ext : EXTENSIONS) {
          out.add(dir.resolve(base + ext));
        }
      }
      return out;
    }
  }

  private CloudsYaml() {}

  /**
   * The cloud named by {@code $OS_CLOUD}, else the one the {@code OS_*} variables describe.
   *
   * @return the configuration
   * @throws InvalidInputException when nothing names a cloud, or the entry is incomplete
   */
  public static CloudConfig load() {
    return load(null, Environment.ofProcess());
  }

  /**
   * One cloud from clouds.yaml (merged with secure.yaml).
   *
   * @param cloud the cloud's name in clouds.yaml
   * @return the configuration
   * @throws InvalidInputException when the cloud is absent (naming those there are) or incomplete
   */
  public static CloudConfig load(String cloud) {
    InvalidInputException.requireArgument(cloud, "cloud");
    return load(cloud, Environment.ofProcess());
  }

  /**
   * One cloud, looked up in a given environment.
   *
   * @param cloud the cloud's name, or null for {@code $OS_CLOUD} and then the {@code OS_*} variables
   * @param env where to look
   * @return the configuration
   * @throws InvalidInputException when the cloud is absent or incomplete
   */
  public static CloudConfig load(@Nullable String cloud, Environment env) {
    String name = cloud != null ? cloud : blankToNull(env.variables().get("OS_CLOUD"));
    if (name == null) {
      if (blankToNull(env.variables().get("OS_AUTH_URL")) != null) {
        return fromVariables(env.variables());
      }
      Optional<Path> file = first(env.searchPath("clouds"));
      throw new InvalidInputException(List.of(Problem.missing("cloud",
          "name a cloud (OS_CLOUD or the --os-cloud option)"
              + file.map(f -> " from " + f + " " + cloudNames(read(f))).orElse("")
              + ", or set the OS_* variables (OS_AUTH_URL, ...)")));
    }
    if (name.equals("envvars") && blankToNull(env.variables().get("OS_AUTH_URL")) != null) {
      return fromVariables(env.variables());
    }
    Optional<Path> cloudsFile = first(env.searchPath("clouds"));
    if (cloudsFile.isEmpty()) {
      throw new InvalidInputException(List.of(Problem.of("cloud", name,
          "no clouds.yaml found in " + env.searchPath("clouds") + "; create one or set OS_CLIENT_CONFIG_FILE")));
    }
    Map<String, Object> clouds = read(cloudsFile.get());
    Optional<Path> secureFile = first(env.searchPath("secure"));
    String source = cloudsFile.get().toString();
    if (secureFile.isPresent()) {
      deepMerge(clouds, read(secureFile.get()));
      source += " + " + secureFile.get();
    }
    Map<String, Object> all = map(clouds.get("clouds"));
    Map<String, Object> entry = all == null ? null : map(all.get(name));
    if (entry == null) {
      throw new InvalidInputException(List.of(Problem.of("cloud", name,
          "use one of the clouds in " + cloudsFile.get() + ": " + cloudNames(clouds))));
    }
    return fromEntry(name, source, entry);
  }

  /**
   * The cloud the {@code OS_*} variables describe ({@code OS_AUTH_URL}, {@code OS_USERNAME}, ...).
   *
   * @param variables the environment variables
   * @return the configuration, named {@code envvars}
   * @throws InvalidInputException when the variables are incomplete
   */
  public static CloudConfig fromVariables(Map<String, String> variables) {
    Map<String, Object> auth = new LinkedHashMap<>();
    Map<String, Object> entry = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : variables.entrySet()) {
      if (!e.getKey().startsWith("OS_") || e.getValue() == null || e.getValue().isBlank()) {
        continue;
      }
      String key = e.getKey().substring(3).toLowerCase(Locale.ROOT);
      if (key.endsWith("_endpoint_override")) {
        entry.put(key, e.getValue());
        continue;
      }
      switch (key) {
        case "auth_type", "region_name", "interface", "cacert", "verify", "api_timeout", "clusterstacks_provider" ->
            entry.put(key, e.getValue());
        case "endpoint_type" -> entry.putIfAbsent("interface", e.getValue());
        case "identity_api_version", "cloud", "client_config_file", "client_secure_file" -> { }
        default -> auth.put(key, e.getValue());
      }
    }
    entry.put("auth", auth);
    return fromEntry("envvars", "OS_* environment variables", entry);
  }

  private static CloudConfig fromEntry(String name, String source, Map<String, Object> entry) {
    List<Problem> problems = new ArrayList<>();
    String at = "clouds." + name;
    Map<String, Object> auth = map(entry.get("auth"));
    if (auth == null) {
      auth = Map.of();
    }
    CloudConfig.Builder b = CloudConfig.builder().name(name).source(source);
    String authType = text(entry.get("auth_type"));
    if (authType == null || authType.equals("password") || authType.equals("v3password")) {
      b.authType(AuthType.PASSWORD);
    } else if (authType.equals("v3applicationcredential")) {
      b.authType(AuthType.APPLICATION_CREDENTIAL);
    } else {
      problems.add(Problem.of(at + ".auth_type", authType,
          "use password, v3password or v3applicationcredential; other auth types are not supported"));
    }
    String domainName = text(auth.get("domain_name"));
    String domainId = text(auth.get("domain_id"));
    b.authUrl(text(auth.get("auth_url")))
        .username(text(auth.get("username")))
        .userId(text(auth.get("user_id")))
        .password(secret(auth.get("password")))
        .userDomainName(or(text(auth.get("user_domain_name")), domainName))
        .userDomainId(or(text(auth.get("user_domain_id")), domainId))
        .projectName(or(text(auth.get("project_name")), text(auth.get("tenant_name"))))
        .projectId(or(text(auth.get("project_id")), text(auth.get("tenant_id"))))
        .projectDomainName(or(text(auth.get("project_domain_name")), domainName))
        .projectDomainId(or(text(auth.get("project_domain_id")), domainId))
        .applicationCredentialId(text(auth.get("application_credential_id")))
        .applicationCredentialName(text(auth.get("application_credential_name")))
        .applicationCredentialSecret(secret(auth.get("application_credential_secret")))
        .regionName(text(entry.get("region_name")))
        .provider(text(entry.get("clusterstacks_provider")));
    for (Map.Entry<String, Object> e : entry.entrySet()) {
      if (e.getKey().endsWith("_endpoint_override") && text(e.getValue()) != null) {
        b.endpointOverride(e.getKey().substring(0, e.getKey().length() - "_endpoint_override".length()), text(e.getValue()));
      }
    }
    String iface = text(entry.get("interface"));
    if (iface != null) {
      switch (iface.toLowerCase(Locale.ROOT).replace("url", "")) {
        case "public" -> b.endpointInterface(EndpointInterface.PUBLIC);
        case "internal" -> b.endpointInterface(EndpointInterface.INTERNAL);
        case "admin" -> b.endpointInterface(EndpointInterface.ADMIN);
        default -> problems.add(Problem.of(at + ".interface", iface, "use public, internal or admin"));
      }
    }
    String cacert = text(entry.get("cacert"));
    if (cacert != null) {
      b.caCertFile(Path.of(cacert));
    }
    Object verify = entry.get("verify");
    if (verify != null) {
      String v = String.valueOf(verify).toLowerCase(Locale.ROOT);
      if (v.equals("true") || v.equals("false")) {
        b.verifyTls(Boolean.parseBoolean(v));
      } else {
        problems.add(Problem.of(at + ".verify", v, "use true or false"));
      }
    }
    String timeout = text(entry.get("api_timeout"));
    if (timeout != null) {
      try {
        b.readTimeout(Duration.ofMillis((long) (Double.parseDouble(timeout) * 1000)));
      } catch (NumberFormatException e) {
        problems.add(Problem.of(at + ".api_timeout", timeout, "give the timeout in seconds, e.g. 60"));
      }
    }
    try {
      CloudConfig c = b.build();
      InvalidInputException.throwIfAny(problems);
      return c;
    } catch (InvalidInputException e) {
      List<Problem> all = new ArrayList<>(problems);
      all.addAll(e.problems());
      throw new InvalidInputException(all);
    }
  }

  private static Optional<Path> first(List<Path> candidates) {
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path file) {
    try {
      Object o = YAML.readValue(file.toFile(), Object.class);
      if (o == null) {
        return new LinkedHashMap<>();
      }
      if (!(o instanceof Map)) {
        throw new InvalidInputException(List.of(Problem.of(file.toString(), o.getClass().getSimpleName(),
            "the file must be a YAML mapping with a 'clouds' key")));
      }
      return (Map<String, Object>) o;
    } catch (IOException e) {
      // Jackson's message quotes the offending text, which may hold a password: report only the position.
      String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? "line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "the file";
      throw new InvalidInputException(List.of(Problem.of(file.toString(), "unreadable at " + where,
          "fix the YAML syntax (or the file's permissions)")));
    }
  }

  @SuppressWarnings("unchecked")
  private static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
    for (Map.Entry<String, Object> e : from.entrySet()) {
      Object mine = into.get(e.getKey());
      if (mine instanceof Map && e.getValue() instanceof Map) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) mine);
        deepMerge(copy, (Map<String, Object>) e.getValue());
        into.put(e.getKey(), copy);
      } else {
        into.put(e.getKey(), e.getValue());
      }
    }
  }

  private static String cloudNames(Map<String, Object> clouds) {
    Map<String, Object> all = map(clouds.get("clouds"));
    return all == null ? "[]" : new TreeSet<>(all.keySet()).toString();
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, Object> map(@Nullable Object o) {
    return o instanceof Map ? (Map<String, Object>) o : null;
  }

  private static @Nullable String text(@Nullable Object o) {
    if (o == null) {
      return null;
    }
    return blankToNull(String.valueOf(o));
  }

  private static @Nullable Secret secret(@Nullable Object o) {
    String t = o == null ? null : String.valueOf(o);
    return t == null || t.isEmpty() ? null : Secret.of(t);
  }

  private static @Nullable String or(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
