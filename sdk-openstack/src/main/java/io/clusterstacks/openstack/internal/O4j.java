package io.clusterstacks.openstack.internal;

import io.clusterstacks.openstack.HttpCall;
import io.clusterstacks.openstack.OpenStackApiException;
import io.clusterstacks.openstack.OpenStackConnectionException;
import java.io.IOException;
import java.util.function.Function;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;

/**
 * Runs openstack4j calls under the session's token, from any thread, with the SDK's failure style.
 *
 * <p>openstack4j binds its session to a thread; each call here binds a fresh one, built from the SDK's
 * current token, to the calling thread, so any thread may call. Its HTTP logging filter (which prints
 * headers and bodies, tokens included) is switched off before every call. Its exceptions and
 * {@link ActionResponse} booleans become the SDK's typed exceptions; each call is counted.
 */
public final class O4j {
  private final Session session;
  private volatile KeystoneToken cachedFor;
  private volatile Token cachedToken;

  /**
   * Creates the bridge.
   *
   * @param session the SDK session
   */
  public O4j(Session session) {
    this.session = session;
  }

  /**
   * Runs one openstack4j call that makes exactly one HTTP request.
   *
   * @param service the catalog type, for counting and errors
   * @param method the HTTP method it sends
   * @param path the path it calls, for counting and errors
   * @param call the call
   * @param <T> the result type
   * @return the result
   */
  public <T> T call(String service, String method, String path, Function<OSClient.OSClientV3, T> call) {
    if (session.config().verifyTls() && session.transport().trust() != null) {
      // openstack4j's okhttp connector hands okhttp a socket factory without its trust manager, which okhttp
      // refuses on Java 9+ (UnsupportedOperationException): with a custom CA it cannot make any call.
      throw new OpenStackConnectionException(service, method, path, OpenStackConnectionException.Kind.TLS_FAILED,
          "openstack4j cannot use the custom CA of cloud " + session.config().name() + " (cacert) on Java 9+; this"
              + " call is not available with a custom CA", new IOException("custom CA not supported by openstack4j"));
    }
    OSFactory.enableHttpLoggingFilter(false);
    OSClient.OSClientV3 os = client();
    long start = System.nanoTime();
    int status = 0;
    try {
      T out = call.apply(os);
      status = out instanceof ActionResponse a ? a.getCode() : 200;
      if (out instanceof ActionResponse a && !a.isSuccess()) {
        throw new OpenStackApiException(service, method, path, a.getCode(), null, session.scrub(String.valueOf(a.getFault())),
            a.getCode() == 404 ? "it does not exist (any more)" : a.getCode() == 403
                ? "the user lacks the rights for this; use an account with them" : "the cloud rejected the request");
      }
      return out;
    } catch (ConnectionException e) {
      throw new OpenStackConnectionException(service, method, path, Transport.classify(e),
          "check that the " + service + " endpoint is reachable; retry", new IOException(e.getClass().getSimpleName()));
    } catch (ResponseException e) {
      status = e.getStatus();
      throw new OpenStackApiException(service, method, path, e.getStatus(), null, session.scrub(String.valueOf(e.getMessage())),
          e.getStatus() >= 500 ? "the cloud's " + service + " service failed; retry later" : "the cloud rejected the request");
    } finally {
      session.recorder().accept(new HttpCall(service, method, path, "", status, (System.nanoTime() - start) / 1_000_000,
          "openstack4j"));
    }
  }

  private OSClient.OSClientV3 client() {
    Token t = session.token();
    KeystoneToken kt = cachedFor;
    if (kt == null || cachedToken != t) {
      try {
        kt = ObjectMapperSingleton.getContext(KeystoneToken.class).readerFor(KeystoneToken.class).readValue(t.body());
      } catch (IOException e) {
        throw new OpenStackApiException("identity", "POST", "/auth/tokens", 200, null,
            "openstack4j could not read the token", "report this as a bug of the SDK");
      }
      kt.setId(t.id().reveal());
      kt.setEndpoint(session.config().authUrl());
      cachedFor = kt;
      cachedToken = t;
    }
    Config cfg = Config.newConfig()
        .withConnectionTimeout((int) session.config().connectTimeout().toMillis())
        .withReadTimeout((int) session.config().readTimeout().toMillis());
    if (!session.config().endpointOverrides().isEmpty()) {
      org.openstack4j.api.identity.EndpointURLResolver catalog =
          new org.openstack4j.openstack.identity.internal.DefaultEndpointURLResolver();
      java.util.Map<String, String> overrides = session.config().endpointOverrides();
      cfg = cfg.withEndpointURLResolver(new org.openstack4j.api.identity.EndpointURLResolver() {
        @Override
        public String findURLV2(org.openstack4j.model.identity.URLResolverParams p) {
          return catalog.findURLV2(p);
        }

        @Override
        public String findURLV3(org.openstack4j.model.identity.URLResolverParams p) {
          String o = p.type == null ? null : overrides.get(p.type.getType());
          return o != null ? o : catalog.findURLV3(p);
        }
      });
    }
    Tls.Trust trust = session.transport().trust();
    if (!session.config().verifyTls()) {
      cfg = cfg.withSSLVerificationDisabled();
    } else if (trust != null) {
      cfg = cfg.withSSLContext(trust.context());
    }
    Facing facing = switch (session.config().endpointInterface()) {
      case PUBLIC -> Facing.PUBLIC;
      case INTERNAL -> Facing.INTERNAL;
      case ADMIN -> Facing.ADMIN;
    };
    OSClient.OSClientV3 os = OSFactory.clientFromToken(kt, facing, cfg);
    session.config().regionName().ifPresent(os::useRegion);
    return os;
  }
}
