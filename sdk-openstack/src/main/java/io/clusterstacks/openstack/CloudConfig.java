package io.clusterstacks.openstack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to reach and log in to one cloud: what one entry of {@code clouds.yaml} (or the {@code OS_*}
 * variables) says.
 *
 * <p>Read one with {@link CloudsYaml}, or build one in code. Secrets are {@link Secret}s; {@link #toString()}
 * names the cloud, URL, user and project but never a password, secret or token.
 */
public final class CloudConfig {
  private final String name;
  private final String source;
  private final String authUrl;
  private final AuthType authType;
  private final @Nullable String username;
  private final @Nullable String userId;
  private final @Nullable Secret password;
  private final @Nullable String userDomainName;
  private final @Nullable String userDomainId;
  private final @Nullable String projectName;
  private final @Nullable String projectId;
  private final @Nullable String projectDomainName;
  private final @Nullable String projectDomainId;
  private final @Nullable String applicationCredentialId;
  private final @Nullable String applicationCredentialName;
  private final @Nullable Secret applicationCredentialSecret;
  private final @Nullable String regionName;
  private final EndpointInterface endpointInterface;
  private final @Nullable Path caCertFile;
  private final boolean verifyTls;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final @Nullable String provider;
  private final java.util.SortedMap<String, String> endpointOverrides;

  private CloudConfig(Builder b) {
    this.name = b.name;
    this.source = b.source;
    this.authUrl = stripSlash(b.authUrl == null ? "" : b.authUrl);
    this.authType = b.authType;
    this.username = b.username;
    this.userId = b.userId;
    this.password = b.password;
    this.userDomainName = b.userDomainName;
    this.userDomainId = b.userDomainId;
    this.projectName = b.projectName;
    this.projectId = b.projectId;
    this.projectDomainName = b.projectDomainName;
    this.projectDomainId = b.projectDomainId;
    this.applicationCredentialId = b.applicationCredentialId;
    this.applicationCredentialName = b.applicationCredentialName;
    this.applicationCredentialSecret = b.applicationCredentialSecret;
    this.regionName = b.regionName;
    this.endpointInterface = b.endpointInterface;
    this.caCertFile = b.caCertFile;
    this.verifyTls = b.verifyTls;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.provider = b.provider;
    this.endpointOverrides = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(b.endpointOverrides));
  }

  private static String stripSlash(String url) {
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a configuration in one expression.
   *
   * @param spec fills in the builder
   * @return the configuration
   * @throws InvalidInputException listing every problem at once
   */
  public static CloudConfig of(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.source = source;
    b.authUrl = authUrl;
    b.authType = authType;
    b.username = username;
    b.userId = userId;
    b.password = password;
    b.userDomainName = userDomainName;
    b.userDomainId = userDomainId;
    b.projectName = projectName;
    b.projectId = projectId;
    b.projectDomainName = projectDomainName;
    b.projectDomainId = projectDomainId;
    b.applicationCredentialId = applicationCredentialId;
    b.applicationCredentialName = applicationCredentialName;
    b.applicationCredentialSecret = applicationCredentialSecret;
    b.regionName = regionName;
    b.endpointInterface = endpointInterface;
    b.caCertFile = caCertFile;
    b.verifyTls = verifyTls;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.provider = provider;
    b.endpointOverrides.putAll(endpointOverrides);
    return b;
  }

  /**
   * The cloud's name (the clouds.yaml key, or {@code envvars} for {@code OS_*} variables).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Where the configuration came from, for messages.
   *
   * @return e.g. {@code /home/u/.config/openstack/clouds.yaml + secure.yaml}
   */
  public String source() {
    return source;
  }

  /**
   * The Keystone URL, without a trailing slash.
   *
   * @return e.g. {@code https://keystone.example:5000/v3}
   */
  public String authUrl() {
    return authUrl;
  }

  /**
   * How the client logs in.
   *
   * @return the auth type
   */
  public AuthType authType() {
    return authType;
  }

  /**
   * The user name.
   *
   * @return the name, when given
   */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /**
   * The user ID.
   *
   * @return the ID, when given
   */
  public Optional<String> userId() {
    return Optional.ofNullable(userId);
  }

  /**
   * The password (password auth).
   *
   * @return the password, when given
   */
  public Optional<Secret> password() {
    return Optional.ofNullable(password);
  }

  /**
   * The user's domain name.
   *
   * @return the name, when given
   */
  public Optional<String> userDomainName() {
    return Optional.ofNullable(userDomainName);
  }

  /**
   * The user's domain ID.
   *
   * @return the ID, when given
   */
  public Optional<String> userDomainId() {
    return Optional.ofNullable(userDomainId);
  }

  /**
   * The project name (password auth scope).
   *
   * @return the name, when given
   */
  public Optional<String> projectName() {
    return Optional.ofNullable(projectName);
  }

  /**
   * The project ID (password auth scope).
   *
   * @return the ID, when given
   */
  public Optional<String> projectId() {
    return Optional.ofNullable(projectId);
  }

  /**
   * The project's domain name.
   *
   * @return the name, when given
   */
  public Optional<String> projectDomainName() {
    return Optional.ofNullable(projectDomainName);
  }

  /**
   * The project's domain ID.
   *
   * @return the ID, when given
   */
  public Optional<String> projectDomainId() {
    return Optional.ofNullable(projectDomainId);
  }

  /**
   * The application credential's ID.
   *
   * @return the ID, when given
   */
  public Optional<String> applicationCredentialId() {
    return Optional.ofNullable(applicationCredentialId);
  }

  /**
   * The application credential's name (needs the user as well).
   *
   * @return the name, when given
   */
  public Optional<String> applicationCredentialName() {
    return Optional.ofNullable(applicationCredentialName);
  }

  /**
   * The application credential's secret.
   *
   * @return the secret, when given
   */
  public Optional<Secret> applicationCredentialSecret() {
    return Optional.ofNullable(applicationCredentialSecret);
  }

  /**
   * The region whose endpoints are used.
   *
   * @return the region, or empty for the first one in the catalog
   */
  public Optional<String> regionName() {
    return Optional.ofNullable(regionName);
  }

  /**
   * Which endpoint interface is used.
   *
   * @return the interface, {@link EndpointInterface#PUBLIC} unless given
   */
  public EndpointInterface endpointInterface() {
    return endpointInterface;
  }

  /**
   * A PEM file of CA certificates to trust instead of the JVM's (clouds.yaml {@code cacert}).
   *
   * @return the file, when given
   */
  public Optional<Path> caCertFile() {
    return Optional.ofNullable(caCertFile);
  }

  /**
   * Whether TLS certificates are verified ({@code verify: false} turns it off, with a warning in the log).
   *
   * @return true unless turned off
   */
  public boolean verifyTls() {
    return verifyTls;
  }

  /**
   * The connect timeout of every call.
   *
   * @return the timeout, 10 s unless given
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The read timeout of every call ({@code api_timeout} in clouds.yaml).
   *
   * @return the timeout, 60 s unless given
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * The provider whose quirks apply (clouds.yaml {@code clusterstacks_provider}), e.g. {@code pluscloud-open}.
   *
   * @return the provider key, or empty to recognise it from the auth URL
   */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * Endpoints used instead of the catalog's, per service type ({@code <type>_endpoint_override} in
   * clouds.yaml), e.g. to reach a service through a proxy.
   *
   * @return URL per catalog type, e.g. {@code compute}
   */
  public java.util.SortedMap<String, String> endpointOverrides() {
    return endpointOverrides;
  }

  @Override
  public String toString() {
    return "CloudConfig{" + name + ", " + authUrl + ", " + authType.cloudsYamlName()
        + (applicationCredentialId != null ? ", application credential " + applicationCredentialId
            : applicationCredentialName != null ? ", application credential " + applicationCredentialName : "")
        + (username != null ? ", user " + username : userId != null ? ", user " + userId : "")
        + (projectName != null ? ", project " + projectName : projectId != null ? ", project " + projectId : "")
        + (regionName != null ? ", region " + regionName : "") + ", from " + source + "}";
  }

  /** Builds a {@link CloudConfig}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private String name = "envvars";
    private String source = "code";
    private @Nullable String authUrl;
    private AuthType authType = AuthType.PASSWORD;
    private @Nullable String username;
    private @Nullable String userId;
    private @Nullable Secret password;
    private @Nullable String userDomainName;
    private @Nullable String userDomainId;
    private @Nullable String projectName;
    private @Nullable String projectId;
    private @Nullable String projectDomainName;
    private @Nullable String projectDomainId;
    private @Nullable String applicationCredentialId;
    private @Nullable String applicationCredentialName;
    private @Nullable Secret applicationCredentialSecret;
    private @Nullable String regionName;
    private EndpointInterface endpointInterface = EndpointInterface.PUBLIC;
    private @Nullable Path caCertFile;
    private boolean verifyTls = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private @Nullable String provider;
    private final Map<String, String> endpointOverrides = new java.util.TreeMap<>();

    Builder() {}

    /**
     * Uses this URL for a service instead of the catalog's.
     *
     * @param serviceType the catalog type, e.g. {@code compute}
     * @param url the endpoint, e.g. {@code http://127.0.0.1:18774/v2.1}
     * @return this builder
     */
    public Builder endpointOverride(String serviceType, String url) {
      endpointOverrides.put(serviceType, stripSlash(url));
      return this;
    }

    /**
     * Sets the cloud's name.
     *
     * @param name the clouds.yaml key
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets where the configuration came from.
     *
     * @param source e.g. a file path
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the Keystone v3 URL.
     *
     * @param authUrl e.g. {@code https://keystone.example:5000/v3}
     * @return this builder
     */
    public Builder authUrl(String authUrl) {
      this.authUrl = authUrl;
      return this;
    }

    /**
     * Sets how the client logs in.
     *
     * @param authType the auth type
     * @return this builder
     */
    public Builder authType(AuthType authType) {
      this.authType = authType;
      return this;
    }

    /**
     * Sets the user name.
     *
     * @param username the name
     * @return this builder
     */
    public Builder username(@Nullable String username) {
      this.username = username;
      return this;
    }

    /**
     * Sets the user ID.
     *
     * @param userId the ID
     * @return this builder
     */
    public Builder userId(@Nullable String userId) {
      this.userId = userId;
      return this;
    }

    /**
     * Sets the password.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(@Nullable Secret password) {
      this.password = password;
      return this;
    }

    /**
     * Sets the user's domain name.
     *
     * @param v e.g. {@code Default}
     * @return this builder
     */
    public Builder userDomainName(@Nullable String v) {
      this.userDomainName = v;
      return this;
    }

    /**
     * Sets the user's domain ID.
     *
     * @param v e.g. {@code default}
     * @return this builder
     */
    public Builder userDomainId(@Nullable String v) {
      this.userDomainId = v;
      return this;
    }

    /**
     * Sets the project name.
     *
     * @param v the name
     * @return this builder
     */
    public Builder projectName(@Nullable String v) {
      this.projectName = v;
      return this;
    }

    /**
     * Sets the project ID.
     *
     * @param v the ID
     * @return this builder
     */
    public Builder projectId(@Nullable String v) {
      this.projectId = v;
      return this;
    }

    /**
     * Sets the project's domain name.
     *
     * @param v e.g. {@code Default}
     * @return this builder
     */
    public Builder projectDomainName(@Nullable String v) {
      this.projectDomainName = v;
      return this;
    }

    /**
     * Sets the project's domain ID.
     *
     * @param v e.g. {@code default}
     * @return this builder
     */
    public Builder projectDomainId(@Nullable String v) {
      this.projectDomainId = v;
      return this;
    }

    /**
     * Sets the application credential's ID.
     *
     * @param v the ID
     * @return this builder
     */
    public Builder applicationCredentialId(@Nullable String v) {
      this.applicationCredentialId = v;
      return this;
    }

    /**
     * Sets the application credential's name.
     *
     * @param v the name
     * @return this builder
     */
    public Builder applicationCredentialName(@Nullable String v) {
      this.applicationCredentialName = v;
      return this;
    }

    /**
     * Sets the application credential's secret.
     *
     * @param v the secret
     * @return this builder
     */
    public Builder applicationCredentialSecret(@Nullable Secret v) {
      this.applicationCredentialSecret = v;
      return this;
    }

    /**
     * Sets the region.
     *
     * @param v e.g. {@code RegionOne}
     * @return this builder
     */
    public Builder regionName(@Nullable String v) {
      this.regionName = v;
      return this;
    }

    /**
     * Sets the endpoint interface.
     *
     * @param v the interface
     * @return this builder
     */
    public Builder endpointInterface(EndpointInterface v) {
      this.endpointInterface = v;
      return this;
    }

    /**
     * Sets a PEM file of CA certificates to trust.
     *
     * @param v the file
     * @return this builder
     */
    public Builder caCertFile(@Nullable Path v) {
      this.caCertFile = v;
      return this;
    }

    /**
     * Turns TLS verification on or off.
     *
     * @param v false only for test clouds
     * @return this builder
     */
    public Builder verifyTls(boolean v) {
      this.verifyTls = v;
      return this;
    }

    /**
     * Sets the connect timeout.
     *
     * @param v the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration v) {
      this.connectTimeout = v;
      return this;
    }

    /**
     * Sets the read timeout.
     *
     * @param v the timeout
     * @return this builder
     */
    public Builder readTimeout(Duration v) {
      this.readTimeout = v;
      return this;
    }

    /**
     * Names the provider whose quirks apply.
     *
     * @param v e.g. {@code pluscloud-open}
     * @return this builder
     */
    public Builder provider(@Nullable String v) {
      this.provider = v;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws InvalidInputException listing every problem at once (never a secret's value)
     */
    public CloudConfig build() {
      List<Problem> p = new ArrayList<>();
      String at = "clouds." + name;
      if (authUrl == null || authUrl.isBlank()) {
        p.add(Problem.missing(at + ".auth.auth_url", "set the Keystone URL, e.g. https://keystone.example:5000/v3 (OS_AUTH_URL)"));
      } else if (!authUrl.strip().startsWith("http://") && !authUrl.strip().startsWith("https://")) {
        p.add(Problem.of(at + ".auth.auth_url", authUrl, "use an http:// or https:// URL"));
      }
      if (authType == AuthType.PASSWORD) {
        if (username == null && userId == null) {
          p.add(Problem.missing(at + ".auth.username", "set username (OS_USERNAME) or user_id (OS_USER_ID)"));
        }
        if (password == null) {
          p.add(Problem.missing(at + ".auth.password", "set password (OS_PASSWORD), or put it in secure.yaml"));
        }
        if (username != null && userId == null && userDomainName == null && userDomainId == null) {
          p.add(Problem.missing(at + ".auth.user_domain_name",
              "a user name needs its domain: set user_domain_name (e.g. Default) or user_domain_id"));
        }
        if (projectName == null && projectId == null) {
          p.add(Problem.missing(at + ".auth.project_name",
              "set project_name (OS_PROJECT_NAME) or project_id (OS_PROJECT_ID): the SDK works in one project"));
        }
        if (projectName != null && projectId == null && projectDomainName == null && projectDomainId == null) {
          p.add(Problem.missing(at + ".auth.project_domain_name",
              "a project name needs its domain: set project_domain_name (e.g. Default) or project_domain_id"));
        }
      } else {
        if (applicationCredentialId == null && applicationCredentialName == null) {
          p.add(Problem.missing(at + ".auth.application_credential_id",
              "set application_credential_id (OS_APPLICATION_CREDENTIAL_ID), or its name with the user"));
        }
        if (applicationCredentialId == null && applicationCredentialName != null && username == null && userId == null) {
          p.add(Problem.missing(at + ".auth.username",
              "an application credential given by name needs its user: set user_id, or username with user_domain_name"));
        }
        if (applicationCredentialSecret == null) {
          p.add(Problem.missing(at + ".auth.application_credential_secret",
              "set application_credential_secret (OS_APPLICATION_CREDENTIAL_SECRET), or put it in secure.yaml"));
        }
      }
      if (connectTimeout.isNegative() || connectTimeout.isZero()) {
        p.add(Problem.of(at + ".connect_timeout", connectTimeout.toString(), "use a positive duration"));
      }
      if (readTimeout.isNegative() || readTimeout.isZero()) {
        p.add(Problem.of(at + ".api_timeout", readTimeout.toString(), "use a positive number of seconds"));
      }
      InvalidInputException.throwIfAny(p);
      return new CloudConfig(this);
    }
  }
}
