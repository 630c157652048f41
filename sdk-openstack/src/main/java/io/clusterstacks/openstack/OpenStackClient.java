package io.clusterstacks.openstack;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.cloud.ComputeMicroversion;
import io.clusterstacks.core.cloud.MicroversionRange;
import io.clusterstacks.core.cloud.ProviderQuirks;
import io.clusterstacks.openstack.internal.Json;
import io.clusterstacks.openstack.internal.O4j;
import io.clusterstacks.openstack.internal.Session;
import io.clusterstacks.openstack.internal.Token;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A logged-in client of one cloud and project, safe to share between threads.
 *
 * <pre>{@code
 * try (OpenStackClient os = OpenStackClient.connect(CloudsYaml.load("mycloud"))) {
 *   CloudProfile cloud = os.discovery().discover("mycloud").profile();
 * }
 * }</pre>
 *
 * <p>It logs in when created (a wrong password fails here, typed, without the secret), renews the token
 * before it expires, and counts every HTTP call in {@link #calls()}.
 */
public final class OpenStackClient implements AutoCloseable {
  private final Session session;
  private final O4j o4j;
  private final HttpCallLog calls;
  private volatile MicroversionRange computeVersions;

  private OpenStackClient(CloudConfig config, Clock clock) {
    this.calls = new HttpCallLog();
    this.session = new Session(config, clock, calls::record);
    this.o4j = new O4j(session);
    try {
      session.token();
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /**
   * Logs in to a cloud.
   *
   * @param config the cloud, e.g. from {@link CloudsYaml#load(String)}
   * @return the client
   * @throws OpenStackAuthenticationException when Keystone refuses the login
   * @throws OpenStackConnectionException when Keystone cannot be reached
   */
  public static OpenStackClient connect(CloudConfig config) {
    return connect(config, Clock.systemUTC());
  }

  /**
   * Logs in to a cloud, with a clock for the token's expiry (tests move it forward).
   *
   * @param config the cloud
   * @param clock the clock that decides when the token is renewed
   * @return the client
   */
  public static OpenStackClient connect(CloudConfig config, Clock clock) {
    InvalidInputException.requireArgument(config, "config");
    InvalidInputException.requireArgument(clock, "clock");
    return new OpenStackClient(config, clock);
  }

  /**
   * Logs in to a cloud named in clouds.yaml (search path and secure.yaml as the openstack CLI has them).
   *
   * @param cloud the cloud's name
   * @return the client
   */
  public static OpenStackClient fromCloudsYaml(String cloud) {
    return connect(CloudsYaml.load(cloud));
  }

  /**
   * The configuration the client was made from.
   *
   * @return the configuration
   */
  public CloudConfig config() {
    return session.config();
  }

  /**
   * Every HTTP call this client made.
   *
   * @return the call log
   */
  public HttpCallLog calls() {
    return calls;
  }

  /**
   * Who the client is logged in as.
   *
   * @return the project, user and roles of the current token
   */
  public Identity identity() {
    Token t = session.token();
    return new Identity(t.projectId(), t.projectName(), t.userId(), t.roles(), t.expiresAt(), session.authentications());
  }

  /**
   * The project, user and roles of a login.
   *
   * @param projectId the project's ID
   * @param projectName the project's name
   * @param userId the user's ID
   * @param roles the user's roles in the project
   * @param tokenExpiresAt when the current token expires (the client renews it before)
   * @param logins how many times the client logged in so far
   */
  public record Identity(String projectId, String projectName, String userId, List<String> roles, Instant tokenExpiresAt,
      long logins) {
    /**
     * Copies the roles.
     *
     * @param projectId the project's ID
     * @param projectName the project's name
     * @param userId the user's ID
     * @param roles the roles
     * @param tokenExpiresAt when the token expires
     * @param logins the number of logins
     */
    public Identity {
      roles = List.copyOf(roles);
    }

    /**
     * Whether the user has the admin role (and so sees hypervisors).
     *
     * @return true for admins
     */
    public boolean isAdmin() {
      return roles.contains("admin");
    }
  }

  /**
   * The compute microversions the cloud accepts (one call, cached).
   *
   * @return the range
   */
  public MicroversionRange computeMicroversions() {
    MicroversionRange r = computeVersions;
    if (r == null) {
      JsonNode v = session.json(Session.Call.get("compute", "")).path("version");
      if (!v.hasNonNull("version") || v.path("version").asText().isEmpty()) {
        r = MicroversionRange.BASE_ONLY;
      } else {
        r = new MicroversionRange(ComputeMicroversion.parse(v.path("min_version").asText("2.1")),
            ComputeMicroversion.parse(v.path("version").asText()));
      }
      computeVersions = r;
    }
    return r;
  }

  /**
   * Discovery of the cloud into a {@link io.clusterstacks.core.cloud.CloudProfile}.
   *
   * @return the discovery
   */
  public CloudDiscovery discovery() {
    return new CloudDiscovery(this);
  }

  /**
   * The Nova server groups of this project, named by the SDK's convention with the default prefix.
   *
   * @return the server groups
   */
  public ServerGroups serverGroups() {
    return new ServerGroups(this, ServerGroups.DEFAULT_PREFIX);
  }

  /**
   * The Nova server groups of this project, named with a prefix of the caller's.
   *
   * @param prefix the name prefix, a DNS label such as {@code clusterstacks}
   * @return the server groups
   */
  public ServerGroups serverGroups(String prefix) {
    return new ServerGroups(this, prefix);
  }

  /**
   * Verification after boot that Nova placed the plan's server-group members as planned.
   *
   * @return the verification
   */
  public PlacementVerification placement() {
    return new PlacementVerification(this);
  }

  /**
   * The project's servers and the hypervisor each runs on, as Nova's {@code hostId}: an opaque value,
   * equal for two servers of the project on the same host and different across projects, which every
   * user may read (the host's name is admin-only). One detailed list call per 1,000 servers.
   *
   * @return server ID to {@code hostId}, in Nova's order; a server not yet scheduled maps to {@code ""}
   */
  public java.util.Map<String, String> serverHostIds() {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    ServerList.detailed(session).forEach(s -> out.put(s.path("id").asText(), s.path("hostId").asText("")));
    return out;
  }

  /**
   * The project's servers with status, {@code hostId}, flavor, metadata and fault: one detailed list call per
   * 1,000 servers (at compute microversion 2.47 where the cloud has it, so that each server carries its
   * flavor's name and {@code extra_specs}), plus one call per flavor on older clouds and one per server in
   * {@code ERROR} whose fault the list leaves out.
   *
   * @return the servers, in Nova's order
   */
  public java.util.List<ServerDetails> servers() {
    return ServerList.details(this);
  }

  /**
   * Hypervisor maintenance as a provider announces it: the restart opt-in and a watch for announcements.
   *
   * @param quirks the provider's keys, e.g. {@code profile.quirks()} or {@link ProviderQuirks#PLUSCLOUD_OPEN}
   * @return the maintenance view
   */
  public Maintenance maintenance(ProviderQuirks quirks) {
    return new Maintenance(this, quirks, id -> {});
  }

  /**
   * The health of Octavia load balancers, such as a cluster's API load balancer.
   *
   * @return the load-balancer view
   */
  public LoadBalancers loadBalancers() {
    return new LoadBalancers(this);
  }

  Session session() {
    return session;
  }

  O4j openstack4j() {
    return o4j;
  }

  static String text(JsonNode n) {
    return Json.write(n);
  }

  /** Closes the HTTP connections; the client cannot be used afterwards. */
  @Override
  public void close() {
    session.close();
  }

  @Override
  public String toString() {
    return "OpenStackClient{" + session.config().name() + ", " + calls.total() + " calls}";
  }
}
