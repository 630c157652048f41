package io.clusterstacks.openstack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterstacks.openstack.Secret;
import java.time.Instant;
import java.util.List;

/**
 * A Keystone token with what came with it.
 *
 * @param id the token (a secret)
 * @param issuedAt when it was received, by the local clock
 * @param expiresAt when it expires, by the local clock
 * @param projectId the scoped project's ID
 * @param projectName the scoped project's name
 * @param userId the user's ID
 * @param roles the role names in the project
 * @param catalog the service catalog
 * @param body the whole token response, for openstack4j
 */
public record Token(Secret id, Instant issuedAt, Instant expiresAt, String projectId, String projectName, String userId,
    List<String> roles, JsonNode catalog, String body) {
  @Override
  public String toString() {
    return "Token{project " + projectName + ", user " + userId + ", expires " + expiresAt + "}";
  }
}
