package io.clusterstacks.core.model;

import io.clusterstacks.core.ClusterStacksException;
import java.util.Objects;
import java.util.Optional;

/**
 * How the cluster authenticates to OpenStack: a user and password, or an application credential.
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
   */
  static CloudAuth applicationCredential(String authUrl, String id, String secret) {
    return new ApplicationCredential(authUrl, id, secret);
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
   */
  static CloudAuth password(String authUrl, String username, String password, String userDomainName, String projectId) {
    return new Password(authUrl, username, password, userDomainName, Optional.of(projectId), Optional.empty(), Optional.empty());
  }

  /**
   * An application credential.
   *
   * @param authUrl the Keystone URL
   * @param id the credential ID
   * @param secret the credential secret (redacted in toString)
   */
  record ApplicationCredential(String authUrl, String id, String secret) implements CloudAuth {
    /**
     * Checks presence.
     *
     * @param authUrl the Keystone URL
     * @param id the credential ID
     * @param secret the credential secret
     */
    public ApplicationCredential {
      Objects.requireNonNull(authUrl, "authUrl");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(secret, "secret");
      if (authUrl.isBlank() || id.isBlank() || secret.isEmpty()) {
        throw new ClusterStacksException("application credential: authUrl, id and secret must all be set"
            + " (got authUrl " + (authUrl.isBlank() ? "empty" : authUrl) + ", id " + (id.isBlank() ? "empty" : id)
            + ", secret " + (secret.isEmpty() ? "empty" : "<redacted>") + ")");
      }
    }

    @Override
    public String toString() {
      return "ApplicationCredential{authUrl=" + authUrl + ", id=" + id + ", secret=<redacted>}";
    }
  }

  /**
   * A user and password.
   *
   * @param authUrl the Keystone URL
   * @param username the user name
   * @param password the password (redacted in toString)
   * @param userDomainName the user's domain
   * @param projectId the project ID, or
   * @param projectName the project name (with {@code projectDomainName})
   * @param projectDomainName the project's domain
   */
  record Password(String authUrl, String username, String password, String userDomainName, Optional<String> projectId,
      Optional<String> projectName, Optional<String> projectDomainName) implements CloudAuth {
    /**
     * Checks presence.
     *
     * @param authUrl the Keystone URL
     * @param username the user name
     * @param password the password
     * @param userDomainName the user's domain
     * @param projectId the project ID
     * @param projectName the project name
     * @param projectDomainName the project's domain
     */
    public Password {
      Objects.requireNonNull(authUrl, "authUrl");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(userDomainName, "userDomainName");
      Objects.requireNonNull(projectId, "projectId");
      Objects.requireNonNull(projectName, "projectName");
      Objects.requireNonNull(projectDomainName, "projectDomainName");
      if (authUrl.isBlank() || username.isBlank() || password.isEmpty()) {
        throw new ClusterStacksException("password credentials: authUrl, username and password must all be set (password "
            + (password.isEmpty() ? "empty" : "<redacted>") + ")");
      }
      if (projectId.isEmpty() && projectName.isEmpty()) {
        throw new ClusterStacksException("password credentials: set projectId, or projectName with projectDomainName");
      }
    }

    @Override
    public String toString() {
      return "Password{authUrl=" + authUrl + ", username=" + username + ", password=<redacted>, userDomainName="
          + userDomainName + ", projectId=" + projectId.orElse("-") + ", projectName=" + projectName.orElse("-") + "}";
    }
  }
}
