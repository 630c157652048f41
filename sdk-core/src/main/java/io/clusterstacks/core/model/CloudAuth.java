package io.clusterstacks.core.model;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.model.internal.CredentialRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How the cluster authenticates to OpenStack: a user and password, or an application credential.
 *
 * <p>What the fields may hold, so that every accepted value is written into {@code clouds.yaml} and
 * {@code cloud.conf} and read back unchanged: no field holds a control character (U+0000–U+001F,
 * U+007F–U+009F, U+2028, U+2029: a line break in a password could otherwise add lines such as
 * {@code auth-url=} or {@code [Global]} to cloud.conf); every other character is allowed, because the
 * renderer quotes every value. Secrets (password, application credential secret) have 1 to 4,096
 * characters; user names at most 255, IDs, domain and project names at most 64 (Keystone's columns).
 * {@code authUrl} is an absolute {@code http}/{@code https} URL with a host and without
 * {@code user:password@}, query or fragment. A builder refuses anything else with an
 * {@link InvalidInputException} that never shows a secret or the user information of a URL.
 *
 * <p>Secret values never appear in {@code toString()}; they are only written into rendered Secrets.
 */
public sealed interface CloudAuth {

  /**
   * Keystone v3 URL.
   *
   * @return e.g. {@code https://keystone.example.com:5000/v3}
   */
  String authUrl();

  /**
   * An application credential (recommended: scoped to one project, revocable).
   *
   * @param authUrl the Keystone URL
   * @param id the application credential ID
   * @param secret the application credential secret
   * @return the credentials
   * @throws InvalidInputException when a value breaks the rules above
   */
  static CloudAuth applicationCredential(String authUrl, String id, String secret) {
    return ApplicationCredential.builder().authUrl(authUrl).id(id).secret(secret).build();
  }

  /**
   * A user and password scoped to a project by ID.
   *
   * @param authUrl the Keystone URL
   * @param username the user name
   * @param password the password
   * @param userDomainName the user's domain, e.g. {@code Default}
   * @param projectId the project ID
   * @return the credentials
   * @throws InvalidInputException when a value breaks the rules above
   */
  static CloudAuth password(String authUrl, String username, String password, String userDomainName, String projectId) {
    return Password.builder().authUrl(authUrl).username(username).password(password).userDomainName(userDomainName)
        .projectId(projectId).build();
  }

  /**
   * An application credential: Keystone URL, credential ID and secret.
   */
  @Value.Immutable
  @SdkStyle
  abstract non-sealed class ApplicationCredential implements CloudAuth {

    ApplicationCredential() {}

    @Override
    public abstract String authUrl();

    /**
     * The credential ID.
     *
     * @return the ID
     */
    public abstract String id();

    /**
     * The credential secret.
     *
     * @return the secret (redacted in toString)
     */
    @Value.Redacted
    public abstract String secret();

    /** Checks every field against the rules of {@link CloudAuth}, reporting all problems at once. */
    @Value.Check
    void check() {
      List<Problem> p = new ArrayList<>();
      CredentialRules.authUrl("applicationCredential.authUrl", authUrl(), p);
      CredentialRules.text("applicationCredential.id", id(), CredentialRules.MAX_ID, "the application credential ID", p);
      CredentialRules.secret("applicationCredential.secret", secret(), "the application credential secret", p);
      InvalidInputException.throwIfAny(p);
    }

    /**
     * An application credential built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the credential
     */
    public static ApplicationCredential of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A builder holding this credential's attributes.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    @Override
    public String toString() {
      return "ApplicationCredential{authUrl=" + CredentialRules.redacted(authUrl()) + ", id=" + id()
          + ", secret=" + Problem.REDACTED + "}";
    }

    /** Builds an {@link ApplicationCredential}; {@link #build()} reports every problem at once. */
    public static final class Builder extends ImmutableApplicationCredential.Builder {
      Builder() {}
    }
  }

  /**
   * A user and password, scoped to a project by ID, or by name with the project's domain.
   */
  @Value.Immutable
  @SdkStyle
  abstract non-sealed class Password implements CloudAuth {

    Password() {}

    @Override
    public abstract String authUrl();

    /**
     * The user name.
     *
     * @return the user name
     */
    public abstract String username();

    /**
     * The password.
     *
     * @return the password (redacted in toString)
     */
    @Value.Redacted
    public abstract String password();

    /**
     * The user's domain.
     *
     * @return e.g. {@code Default}
     */
    public abstract String userDomainName();

    /**
     * The project ID.
     *
     * @return the ID, or empty when the project is given by name
     */
    public abstract Optional<String> projectId();

    /**
     * The project name (with {@link #projectDomainName()}).
     *
     * @return the name, or empty
     */
    public abstract Optional<String> projectName();

    /**
     * The project's domain.
     *
     * @return the domain name, or empty
     */
    public abstract Optional<String> projectDomainName();

    /** Checks every field against the rules of {@link CloudAuth}, reporting all problems at once. */
    @Value.Check
    void check() {
      List<Problem> p = new ArrayList<>();
      CredentialRules.authUrl("password.authUrl", authUrl(), p);
      CredentialRules.text("password.username", username(), CredentialRules.MAX_NAME, "the user name", p);
      CredentialRules.secret("password.password", password(), "the password", p);
      CredentialRules.text("password.userDomainName", userDomainName(), CredentialRules.MAX_ID, "the user's domain", p);
      projectId().ifPresent(v -> CredentialRules.text("password.projectId", v, CredentialRules.MAX_ID, "the project ID", p));
      projectName().ifPresent(v -> CredentialRules.text("password.projectName", v, CredentialRules.MAX_ID,
          "the project name", p));
      projectDomainName().ifPresent(v -> CredentialRules.text("password.projectDomainName", v, CredentialRules.MAX_ID,
          "the project's domain", p));
      if (projectId().isEmpty() && projectName().isEmpty()) {
        p.add(Problem.missing("password.projectId", "set projectId, or projectName with projectDomainName"));
      }
      if (projectName().isPresent() && projectDomainName().isEmpty() && projectId().isEmpty()) {
        p.add(Problem.missing("password.projectDomainName", "a project given by name needs its domain: set projectDomainName"));
      }
      InvalidInputException.throwIfAny(p);
    }

    /**
     * Password credentials built by a function.
     *
     * @param spec sets the attributes on a builder
     * @return the credentials
     */
    public static Password of(Consumer<Builder> spec) {
      Builder b = builder();
      spec.accept(b);
      return b.build();
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A builder holding these credentials' attributes.
     *
     * @return the builder
     */
    public Builder toBuilder() {
      return builder().from(this);
    }

    @Override
    public String toString() {
      return "Password{authUrl=" + CredentialRules.redacted(authUrl()) + ", username=" + username() + ", password="
          + Problem.REDACTED + ", userDomainName=" + userDomainName() + ", projectId=" + projectId().orElse("-")
          + ", projectName=" + projectName().orElse("-") + "}";
    }

    /** Builds {@link Password} credentials; {@link #build()} reports every problem at once. */
    public static final class Builder extends ImmutablePassword.Builder {
      Builder() {}
    }
  }
}
