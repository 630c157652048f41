package io.clusterstacks.core.image;

import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.internal.Names;
import io.clusterstacks.core.SdkStyle;
import io.clusterstacks.core.image.internal.Urls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * An HTTP(S) proxy the node uses at boot for package downloads and for the container runtime's image
 * pulls.
 *
 * <p>The proxy URL must not carry credentials: bootstrap data is stored unencrypted in the
 * KubeadmConfig objects. {@code localhost} and {@code 127.0.0.1} are always excluded from proxying; add
 * the node, pod and service CIDRs and the cluster domain to {@link #noProxy()}.
 */
@Value.Immutable
@SdkStyle
public abstract class HttpProxy {
  HttpProxy() {}

  private static final Pattern NO_PROXY_ENTRY = Pattern.compile("[A-Za-z0-9.*:/_-]+");

  /**
   * The same proxy for HTTP and HTTPS.
   *
   * @param url e.g. {@code http://proxy.internal:3128}
   * @param noProxy hosts, domains ({@code .svc}) and CIDRs to reach directly
   * @return the proxy
   */
  public static HttpProxy of(String url, String... noProxy) {
    return builder().httpProxy(url).httpsProxy(url).addNoProxy(noProxy).build();
  }

  /**
   * Proxy for {@code http://} URLs.
   *
   * @return the proxy URL, if any
   */
  public abstract Optional<String> httpProxy();

  /**
   * Proxy for {@code https://} URLs.
   *
   * @return the proxy URL, if any
   */
  public abstract Optional<String> httpsProxy();

  /**
   * Destinations reached without the proxy, in addition to {@code localhost,127.0.0.1}.
   *
   * @return hosts, {@code .domain} suffixes and CIDRs
   */
  public abstract List<String> noProxy();

  /**
   * The full exclusion list: {@code localhost}, {@code 127.0.0.1}, then {@link #noProxy()}, without
   * duplicates.
   *
   * @return the comma-separated list as {@code NO_PROXY} expects it
   */
  public String noProxyValue() {
    Set<String> all = new LinkedHashSet<>();
    all.add("localhost");
    all.add("127.0.0.1");
    all.addAll(noProxy());
    return String.join(",", all);
  }

  /**
   * Checks the URLs and the exclusion list, reporting every problem at once.
   */
  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (httpProxy().isEmpty() && httpsProxy().isEmpty()) {
      problems.add(Problem.missing("httpProxy.httpProxy", "set httpProxy or httpsProxy (at least one), e.g."
          + " http://proxy.internal:3128"));
    }
    httpProxy().flatMap(u -> Urls.problem("httpProxy.httpProxy", u)).ifPresent(problems::add);
    httpsProxy().flatMap(u -> Urls.problem("httpProxy.httpsProxy", u)).ifPresent(problems::add);
    for (int i = 0; i < noProxy().size(); i++) {
      String e = noProxy().get(i);
      if (e.length() > 253 || !NO_PROXY_ENTRY.matcher(e).matches()) {
        problems.add(Problem.of("httpProxy.noProxy[" + i + "]", Names.escaped(e), "use a host name, .domain suffix, IP or CIDR"));
      }
    }
    InvalidInputException.throwIfAny(problems);
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
   * A HttpProxy built by a function, e.g. {@code HttpProxy.of(b -> b...)}.
   *
   * @param spec sets the attributes on a builder
   * @return the http proxy
   * @throws io.clusterstacks.core.InvalidInputException listing every missing or invalid attribute
   */
  public static HttpProxy of(Consumer<Builder> spec) {
    io.clusterstacks.core.InvalidInputException.requireArgument(spec, "spec");
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder holding this http proxy's attributes, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link HttpProxy}; {@link #build()} reports every missing or invalid attribute at once. */
  public static final class Builder extends ImmutableHttpProxy.Builder {
    Builder() {}
  }
}
