package io.clusterstacks.openstack;

import org.jspecify.annotations.Nullable;

/**
 * Keystone refused the login: wrong password or secret, unknown user, project or application
 * credential, or an expired application credential. The message names the cloud, the user or
 * credential ID and the project, never the secret.
 */
public class OpenStackAuthenticationException extends OpenStackApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param path the Keystone path
   * @param status the HTTP status (401, 403 or 404)
   * @param requestId the request ID, or null
   * @param cloudMessage Keystone's message
   * @param fix what to check
   */
  public OpenStackAuthenticationException(String path, int status, @Nullable String requestId, String cloudMessage,
      String fix) {
    super("identity", "POST", path, status, requestId, cloudMessage, fix);
  }
}
