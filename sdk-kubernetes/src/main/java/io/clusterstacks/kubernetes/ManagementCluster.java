package io.clusterstacks.kubernetes;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.Problem;
import io.clusterstacks.core.manifest.ApplyStep;
import io.clusterstacks.core.manifest.ManifestDocument;
import io.clusterstacks.core.manifest.Manifests;
import io.clusterstacks.kubernetes.internal.Api;
import io.clusterstacks.kubernetes.internal.Applier;
import io.clusterstacks.kubernetes.internal.Deleter;
import io.clusterstacks.kubernetes.internal.RequestDigest;
import io.clusterstacks.kubernetes.internal.StatusReader;
import io.clusterstacks.kubernetes.internal.Waiter;
import io.clusterstacks.kubernetes.internal.Workload;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A management cluster: apply a plan's manifests with server-side apply, delete them along the delete
 * plan, wait until a Cluster is usable with progress, read its status and reach the workload cluster.
 *
 * <pre>{@code
 * try (ManagementCluster mc = ManagementCluster.connect()) {
 *   ApplyResult r = mc.apply(plan.manifests()).orThrow();
 *   ClusterStatus s = mc.awaitUsable("tenant-a", "prod", WaitOptions.defaults(), e -> log(e.changes()));
 *   mc.workload("tenant-a", "prod").kubeconfig().writeTo(Path.of("prod.kubeconfig"));
 * }
 * }</pre>
 *
 * <p>Connection follows fabric8's usual resolution: an explicit kubeconfig file, else {@code KUBECONFIG}
 * (a list of files is merged as kubectl merges it: all their contexts, the first current-context set, missing
 * files skipped), else {@code ~/.kube/config}, else the in-cluster service account (its token, CA and
 * namespace files and {@code KUBERNETES_SERVICE_HOST}/{@code _PORT}); the kubeconfig's current context or a
 * chosen one. When none of them is there, connecting is an {@link InvalidInputException} saying so (fabric8
 * alone would send requests without credentials to {@code https://kubernetes.default.svc}). What the SDK needs on the management cluster is {@link #leastPrivilegeRole(String)}.
 * A request that fails (no connection, no answer within fabric8's timeouts) is sent again twice, 0.1 s and
 * 0.2 s later (fabric8's default: ten times over about 20 s), then reported as a
 * {@link KubernetesApiException} with {@link KubernetesApiException#code()} 0 naming the server, so an
 * unreachable management cluster is known within a second when it refuses connections (three connect
 * timeouts, 30 s, when it drops them); {@link #awaitUsable} and {@link #delete} retry reads with backoff
 * until their own timeout. An apply that failed this way can be run again: server-side apply is
 * idempotent.
 * Thread-safe; close it to release the HTTP client. Nothing it logs holds a token, a kubeconfig or
 * Secret data.
 */
public final class ManagementCluster implements AutoCloseable {
  /** The field manager of every server-side apply the SDK sends. */
  public static final String FIELD_MANAGER = "clusterstacks-sdk";

  private static final Logger LOG = LoggerFactory.getLogger(ManagementCluster.class);
  /** How often a failed request is sent again (fabric8's default is 10). */
  static final int REQUEST_RETRIES = 2;

  private final KubernetesClient client;
  private final Api api;
  private final String namespace;
  private final String context;
  private final Clock clock = Clock.systemUTC();

  private ManagementCluster(KubernetesClient client, String context) {
    this.client = client;
    this.api = new Api(client);
    String ns = client.getConfiguration().getNamespace();
    this.namespace = ns == null || ns.isEmpty() ? "default" : ns;
    this.context = context;
  }

  /**
   * Connects with fabric8's usual resolution and the current context.
   *
   * @return the management cluster
   */
  public static ManagementCluster connect() {
    return builder().build();
  }

  /**
   * A builder for a kubeconfig file, a context or a request observer.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Chooses the kubeconfig and context, then connects. */
  public static final class Builder {
    private @Nullable Path kubeconfig;
    private @Nullable String context;
    private @Nullable RequestObserver observer;

    private Builder() {}

    /**
     * An explicit kubeconfig file instead of {@code KUBECONFIG} and {@code ~/.kube/config}.
     *
     * @param file the kubeconfig
     * @return this builder
     */
    public Builder kubeconfig(Path file) {
      this.kubeconfig = InvalidInputException.requireArgument(file, "kubeconfig");
      return this;
    }

    /**
     * A context of the kubeconfig instead of its current context.
     *
     * @param name the context name
     * @return this builder
     */
    public Builder context(String name) {
      this.context = InvalidInputException.requireArgument(name, "context");
      return this;
    }

    /**
     * Sees every request sent (method, path, body digest), e.g. to count them.
     *
     * @param observer the observer
     * @return this builder
     */
    public Builder requestObserver(RequestObserver observer) {
      this.observer = InvalidInputException.requireArgument(observer, "requestObserver");
      return this;
    }

    /**
     * Connects.
     *
     * @return the management cluster
     * @throws InvalidInputException when the kubeconfig cannot be read, the context does not exist (or a
     *     context is named without a kubeconfig), or there is neither a kubeconfig nor a service account
     */
    public ManagementCluster build() {
      Config config;
      try {
        if (kubeconfig != null) {
          if (!Files.isReadable(kubeconfig)) {
            throw new InvalidInputException(List.of(Problem.of("kubeconfig", kubeconfig.toString(),
                "name a readable kubeconfig file")));
          }
          config = Config.fromKubeconfig(context, kubeconfig.toFile());
        } else {
          config = Config.autoConfigure(context);
        }
      } catch (KubernetesClientException e) {
        throw new InvalidInputException(List.of(Problem.of("kubeconfig",
            kubeconfig == null ? "KUBECONFIG / ~/.kube/config" : kubeconfig.toString(),
            "give a valid kubeconfig (" + e.getClass().getSimpleName() + ")")), e);
      }
      boolean fromFile = kubeconfig != null || Config.getKubeconfigFilenames().stream()
          .anyMatch(f -> new File(f).isFile());
      if (!fromFile && context != null) {
        throw new InvalidInputException(List.of(Problem.of("context", context,
            "no kubeconfig was found (KUBECONFIG, ~/.kube/config), so there are no contexts: leave out the"
                + " context to connect with the in-cluster service account, or name a kubeconfig")));
      }
      if (!fromFile && nothingToConnectWith(config)) {
        throw new InvalidInputException(List.of(Problem.missing("kubeconfig",
            "none of KUBECONFIG, ~/.kube/config and an in-cluster service account token was found: name a"
                + " kubeconfig file, set KUBECONFIG, write ~/.kube/config, or run in a pod with a service account")));
      }
      NamedContext current = config.getCurrentContext();
      if (context != null && (current == null || !context.equals(current.getName()))) {
        List<String> names = new ArrayList<>();
        if (config.getContexts() != null) {
          config.getContexts().forEach(c -> names.add(c.getName()));
        }
        throw new InvalidInputException(List.of(Problem.of("context", context,
            "use one of the kubeconfig's contexts: " + names)));
      }
      // fabric8 retries a failed request up to 10 times with backoff (about 20 s, plus its 10 s connect
      // timeout on each attempt to a host that drops packets): an unreachable management cluster took
      // minutes to report. Two retries (0.1 s and 0.2 s later) still ride out a blip, such as an API server
      // slow to answer right after its restart; where the SDK waits (awaitUsable, delete) it retries on its
      // own until the wait's timeout.
      config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
      KubernetesClientBuilder b = new KubernetesClientBuilder().withConfig(config);
      if (observer != null) {
        RequestObserver o = observer;
        b.withHttpClientBuilderConsumer(h -> h.addOrReplaceInterceptor("clusterstacks-observer",
            new RequestDigest(o)));
      }
      String ctx = current == null ? "" : current.getName();
      ManagementCluster mc = new ManagementCluster(b.build(), ctx);
      LOG.debug("management cluster {} (context {}, namespace {})", mc.serverUrl(), ctx, mc.namespace);
      return mc;
    }
  }

  /**
   * Whether fabric8 found no kubeconfig, no service account and nothing in its system properties: it would
   * then send requests without credentials to its default {@code https://kubernetes.default.svc}, which only
   * a pod can resolve, and the user would learn of it as a connection failure.
   */
  private static boolean nothingToConnectWith(Config config) {
    return Config.DEFAULT_MASTER_URL.equals(config.getMasterUrl().replaceAll("/$", ""))
        && isEmpty(config.getAutoOAuthToken()) && isEmpty(config.getOauthToken())
        && isEmpty(config.getUsername()) && isEmpty(config.getClientCertFile())
        && isEmpty(config.getClientCertData()) && config.getOauthTokenProvider() == null;
  }

  private static boolean isEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
  }

  /**
   * The API server's URL.
   *
   * @return e.g. {@code https://127.0.0.1:16443/}
   */
  public String serverUrl() {
    return client.getConfiguration().getMasterUrl();
  }

  /**
   * The kubeconfig context in use.
   *
   * @return the context name, or "" (in-cluster)
   */
  public String context() {
    return context;
  }

  /**
   * The namespace for namespaced documents that set none: the context's namespace, else
   * {@code default}.
   *
   * @return the namespace
   */
  public String defaultNamespace() {
    return namespace;
  }

  /**
   * Applies the manifests with server-side apply, with the defaults (no force, no dry run).
   *
   * @param manifests a plan's manifests, in apply order
   * @return what happened to each object; see {@link ApplyResult} for the policy on rejections
   */
  public ApplyResult apply(Manifests manifests) {
    return apply(manifests, ApplyOptions.defaults());
  }

  /**
   * Applies the manifests with server-side apply, field manager {@link #FIELD_MANAGER}, one object after
   * the other in the apply order of sdk-core's manifest contract ({@link Manifests#applyOrder()}:
   * namespaces, Secrets and ConfigMaps, ClusterStacks, supporting objects, Cluster-owned objects, the
   * Clusters last), stopping at the first rejection (see {@link ApplyResult}). The contract's waits
   * (ClusterStack releases ready, Clusters ready) are not done here: {@link #awaitUsable} does them.
   *
   * <p>Each object costs a GET and the apply PATCH: the verdict compares the server's object before and
   * after, without resourceVersion, managedFields and generation. Conflicts with other field managers
   * are {@link ApplyConflictException}s unless {@link ApplyOptions#force()}; 422 answers are
   * {@link InvalidObjectException}s with every cause.
   *
   * @param manifests a plan's manifests
   * @param options force and dry run
   * @return what happened to each object
   */
  public ApplyResult apply(Manifests manifests, ApplyOptions options) {
    InvalidInputException.requireArgument(manifests, "manifests");
    InvalidInputException.requireArgument(options, "options");
    List<ManifestDocument> order = new ArrayList<>();
    for (ApplyStep step : manifests.applyOrder()) {
      order.addAll(step.documents());
    }
    return new Applier(api, FIELD_MANAGER, namespace).apply(order, options);
  }

  /**
   * Deletes the manifests' objects along sdk-core's delete plan ({@link Manifests#deletePlan()}):
   * Clusters first (waiting until they are gone), then what they own in raw CAPI mode if still there
   * (objects with an ownerReference to an object of the plan are left to the garbage collector, and
   * waited for), then what they do not own, each ClusterStack only when no Cluster in its namespace uses
   * it, Secrets and ConfigMaps (credentials) after that, namespaces last and only when they hold no
   * Cluster or ClusterStack. Each step waits for the finalizers of its objects.
   *
   * @param manifests the plan's manifests, in apply order
   * @param options the timeout
   * @return what was done to each object
   * @throws DeleteTimeoutException naming what remains, with its finalizers, at the timeout
   */
  public DeleteResult delete(Manifests manifests, DeleteOptions options) {
    InvalidInputException.requireArgument(manifests, "manifests");
    InvalidInputException.requireArgument(options, "options");
    return new Deleter(api, namespace, clock).delete(manifests.deletePlan(), options);
  }

  /**
   * The management cluster's nodes (the workers Kamaji's tenant control planes run on, for example).
   * Nodes are cluster-scoped: this needs {@code list} on {@code nodes} through a ClusterRole, which
   * {@link #leastPrivilegeRole} (namespaced) does not grant.
   *
   * @return every node, sorted by name
   * @throws KubernetesApiException when the API server refuses the list (e.g. no permission to list nodes)
   */
  public List<ManagementNode> nodes() {
    try {
      return client.nodes().list().getItems().stream()
          .map(n -> new ManagementNode(n.getMetadata().getName(),
              Optional.ofNullable(n.getSpec() == null ? null : n.getSpec().getProviderID()).filter(s -> !s.isEmpty()),
              n.getMetadata().getLabels() == null ? java.util.Map.of() : n.getMetadata().getLabels(),
              n.getSpec() == null || !Boolean.TRUE.equals(n.getSpec().getUnschedulable())))
          .sorted(java.util.Comparator.comparing(ManagementNode::name))
          .toList();
    } catch (KubernetesClientException e) {
      throw Api.translate(e, Optional.empty(), "list the nodes", serverUrl());
    }
  }

  /**
   * Reads a Cluster's status once (no workload probe unless its conditions are ready).
   *
   * @param namespace the Cluster's namespace
   * @param cluster the Cluster's name
   * @param clusterStack the ClusterStack to report on too, if any
   * @return the status
   */
  public ClusterStatus status(String namespace, String cluster, Optional<String> clusterStack) {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(cluster, "cluster");
    InvalidInputException.requireArgument(clusterStack, "clusterStack");
    return reader().read(StatusReader.clusterRef(namespace, cluster), clusterStack, true);
  }

  /**
   * Waits until a Cluster is usable: the ClusterStack (if named) ready, the Cluster {@code Provisioned}
   * with infrastructure and control plane ready and every machine ready and up to date, and the workload
   * API answering through the {@code <cluster>-kubeconfig} Secret.
   *
   * <p>Watch-based (the watches trigger reads, a resync interval backs them up); survives an API-server
   * restart and a watch closed with 410 Gone. Each change goes to the listener, with its time, in order.
   * When the first read gets no answer at all, that is reported at once (a {@link KubernetesApiException}
   * with code 0), not waited for.
   *
   * @param namespace the Cluster's namespace
   * @param cluster the Cluster's name
   * @param options timeout, ClusterStack, workload probe
   * @param listener gets each change
   * @return the usable status
   * @throws WaitTimeoutException with the last observed status when time runs out
   */
  public ClusterStatus awaitUsable(String namespace, String cluster, WaitOptions options,
      ProgressListener listener) {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(cluster, "cluster");
    InvalidInputException.requireArgument(options, "options");
    InvalidInputException.requireArgument(listener, "listener");
    return new Waiter(api, reader(), clock).await(StatusReader.clusterRef(namespace, cluster), options, listener);
  }

  /**
   * Reads one object's fields once, e.g. a control plane's {@code status} that no other method reports.
   *
   * <p>Secrets are refused: their data would travel in a plain map; use {@link #probeKubeconfig} to learn
   * whether a Secret holds a kubeconfig and whether its API answers.
   *
   * @param ref the object (apiVersion, kind, namespace when namespaced, name)
   * @return the object's fields as unmodifiable maps and lists; an empty map when it does not exist
   * @throws InvalidInputException when {@code ref} names a Secret
   * @throws KubernetesApiException when the server refuses the read or does not serve the kind
   */
  public java.util.Map<String, Object> read(ObjectRef ref) {
    InvalidInputException.requireArgument(ref, "ref");
    if ("Secret".equals(ref.kind()) && ref.group().isEmpty()) {
      throw new InvalidInputException(List.of(Problem.of("ref.kind", ref.kind(),
          "read does not return Secrets; use probeKubeconfig(secret, key, probe) for a kubeconfig Secret")));
    }
    return api.get(ref).map(r -> frozen(r.getAdditionalProperties(), r)).orElse(java.util.Map.of());
  }

  /**
   * Lists one kind's objects in a namespace, e.g. a Cluster's {@code Machine}s by the label
   * {@code cluster.x-k8s.io/cluster-name}. Secrets are refused, as by {@link #read}.
   *
   * @param apiVersion e.g. {@code cluster.x-k8s.io/v1beta1}
   * @param kind e.g. {@code Machine}
   * @param namespace the namespace
   * @param labels labels every object must carry with these values; empty for all
   * @return each object's fields as unmodifiable maps and lists, sorted by name
   * @throws InvalidInputException when the kind is Secret
   * @throws KubernetesApiException when the server refuses the list or does not serve the kind
   */
  public List<java.util.Map<String, Object>> list(String apiVersion, String kind, String namespace,
      java.util.Map<String, String> labels) {
    InvalidInputException.requireArgument(labels, "labels");
    ObjectRef ref = new ObjectRef(apiVersion, kind, namespace, "list");
    if ("Secret".equals(kind) && ref.group().isEmpty()) {
      throw new InvalidInputException(List.of(Problem.of("kind", kind,
          "list does not return Secrets; use probeKubeconfig(secret, key, probe) for a kubeconfig Secret")));
    }
    try {
      var ops = client.genericKubernetesResources(api.resource(ref)).inNamespace(namespace);
      var items = (labels.isEmpty() ? ops : ops.withLabels(labels)).list().getItems();
      return items.stream().sorted(java.util.Comparator.comparing(r -> r.getMetadata().getName()))
          .map(r -> frozen(r.getAdditionalProperties(), r)).toList();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      throw api.fail(e, Optional.of(ref), "list");
    }
  }

  /**
   * Deletes one object with background propagation (what it owns is left to the garbage collector), e.g. a
   * {@code Machine} so that Cluster API replaces it. Returns at once: finalizers may keep the object a while.
   *
   * @param ref the object
   * @return whether the server had it
   * @throws KubernetesApiException when the server refuses the delete
   */
  public boolean deleteObject(ObjectRef ref) {
    InvalidInputException.requireArgument(ref, "ref");
    try {
      var rdc = api.resource(ref);
      var ops = client.genericKubernetesResources(rdc);
      var one = rdc.isNamespaceScoped() ? ops.inNamespace(ref.namespace()).withName(ref.name()) : ops.withName(ref.name());
      return !one.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete().isEmpty();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      throw api.fail(e, Optional.of(ref), "delete");
    }
  }

  private static java.util.Map<String, Object> frozen(java.util.Map<String, Object> extra,
      io.fabric8.kubernetes.api.model.GenericKubernetesResource r) {
    java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
    all.put("apiVersion", r.getApiVersion());
    all.put("kind", r.getKind());
    all.put("metadata", io.fabric8.kubernetes.client.utils.Serialization.jsonMapper()
        .convertValue(r.getMetadata(), java.util.Map.class));
    all.putAll(extra);
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> out = (java.util.Map<String, Object>) freeze(all);
    return out;
  }

  private static @Nullable Object freeze(@Nullable Object o) {
    if (o instanceof java.util.Map<?, ?> m) {
      java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> {
        Object f = freeze(v);
        if (f != null) {
          c.put(String.valueOf(k), f);
        }
      });
      return java.util.Collections.unmodifiableMap(c);
    }
    if (o instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      for (Object v : l) {
        Object f = freeze(v);
        if (f != null) {
          c.add(f);
        }
      }
      return java.util.Collections.unmodifiableList(c);
    }
    return o;
  }

  /**
   * Whether a Secret holds a kubeconfig under a key, and (when asked) whether that API answers
   * {@code /version} within 5 seconds. For control planes whose kubeconfig is not CAPI's
   * {@code <cluster>-kubeconfig}, e.g. a Kamaji TenantControlPlane's admin kubeconfig. Nothing of the
   * kubeconfig is logged or returned.
   *
   * @param secret the Secret
   * @param key the data key holding the kubeconfig, e.g. {@code admin.conf}
   * @param probe whether to ask the API; when false a present kubeconfig gives {@code NOT_CHECKED}
   * @return {@code NO_KUBECONFIG} when the Secret or its key is absent, else {@code ANSWERS},
   *     {@code UNREACHABLE} or {@code NOT_CHECKED}
   * @throws KubernetesApiException when the management cluster refuses the read
   */
  public WorkloadApi probeKubeconfig(ObjectRef secret, String key, boolean probe) {
    InvalidInputException.requireArgument(secret, "secret");
    InvalidInputException.requireArgument(key, "key");
    Optional<io.fabric8.kubernetes.api.model.GenericKubernetesResource> s = api.get(secret);
    Object data = s.map(r -> r.getAdditionalProperties().get("data")).orElse(null);
    Object value = data instanceof java.util.Map<?, ?> m ? m.get(key) : null;
    if (!(value instanceof String b64)) {
      return WorkloadApi.NO_KUBECONFIG;
    }
    if (!probe) {
      return WorkloadApi.NOT_CHECKED;
    }
    String text;
    try {
      text = new String(java.util.Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return WorkloadApi.NO_KUBECONFIG;
    }
    try (KubernetesClient c = Workload.client(text, 5000)) {
      c.getKubernetesVersion();
      return WorkloadApi.ANSWERS;
    } catch (RuntimeException e) {
      LOG.debug("API behind {} key {} did not answer: {}", secret, key, e.getClass().getSimpleName());
      return WorkloadApi.UNREACHABLE;
    }
  }

  /**
   * Takes a lock for a named job in a namespace, e.g. creating one cluster, as a
   * {@code coordination.k8s.io/v1} Lease (see {@link LeaseLock}): one holder at a time across processes and
   * machines; renewed in the background until closed.
   *
   * @param namespace the namespace (it must exist)
   * @param name the Lease's name, e.g. {@code clusterstacks-create-prod}
   * @param leaseDuration how long the Lease outlives a holder that stopped renewing it (3 s to 24 h)
   * @return the held lock; close it to release
   * @throws LockHeldException when another holder has it and its lease has not expired
   * @throws KubernetesApiException when the server refuses (e.g. no permission on leases, or no such namespace)
   */
  public LeaseLock lock(String namespace, String name, java.time.Duration leaseDuration) {
    return LeaseLock.take(api, namespace, name, leaseDuration, clock);
  }

  /**
   * The workload cluster of a Cluster: its kubeconfig and a client for it.
   *
   * @param namespace the Cluster's namespace
   * @param cluster the Cluster's name
   * @return access to the workload cluster
   */
  public WorkloadAccess workload(String namespace, String cluster) {
    InvalidInputException.requireArgument(namespace, "namespace");
    InvalidInputException.requireArgument(cluster, "cluster");
    return new WorkloadAccess(new Workload(api), StatusReader.clusterRef(namespace, cluster));
  }

  private StatusReader reader() {
    return new StatusReader(api, new Workload(api), clock);
  }

  /**
   * The least-privilege Role (and the note on what it allows) for everything the SDK does in one
   * namespace of the management cluster: server-side apply, dry run, delete, status, watch, and reading
   * the workload kubeconfig Secret. Bind it to the SDK's identity with a RoleBinding in that namespace.
   *
   * @param namespace the namespace the Role goes in
   * @return the Role as YAML
   */
  public static String leastPrivilegeRole(String namespace) {
    InvalidInputException.requireArgument(namespace, "namespace");
    try (InputStream in = ManagementCluster.class.getResourceAsStream("management-role.yaml")) {
      if (in == null) {
        throw new ClusterStacksException("management-role.yaml is missing from the sdk-kubernetes jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${NAMESPACE}", namespace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the HTTP client. */
  @Override
  public void close() {
    client.close();
  }

  /** The server URL and context, never credentials. */
  @Override
  public String toString() {
    return "ManagementCluster[" + serverUrl() + ", context " + context + "]";
  }
}
