package io.clusterstacks.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clusterstacks.core.InvalidInputException;
import io.clusterstacks.core.plan.ClusterPlan;
import io.clusterstacks.kubernetes.WorkloadAccess;
import io.clusterstacks.lifecycle.cluster.ClusterCreated;
import io.clusterstacks.lifecycle.cluster.ClusterDeleted;
import io.clusterstacks.lifecycle.cluster.ClusterLifecycle;
import io.clusterstacks.lifecycle.cluster.LifecycleException;
import io.clusterstacks.lifecycle.cluster.LifecycleListener;
import io.clusterstacks.lifecycle.cluster.LifecycleReport;
import io.clusterstacks.lifecycle.cluster.StepReport;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension for daily E2E runs: the cluster of one plan for one test class.
 *
 * <pre>{@code
 * class DailyE2E {
 *   @RegisterExtension
 *   static ClusterE2E e2e = ClusterE2E.builder()
 *       .plan(plan).namespace("e2e")
 *       .lifecycle(() -> ClusterLifecycle.of(openStack, management))
 *       .build();
 *
 *   @Test
 *   void nodesAreReady(KubernetesClient workload) { ... }
 * }
 * }</pre>
 *
 * <p>Before the class's first test it creates the cluster with one {@link ClusterLifecycle#create} call; after the
 * last it deletes it with {@link ClusterLifecycle#delete}, also when a test failed. With {@link Builder#keep} or the
 * system property {@code clusterstacks.keep=true} the cluster is kept and the extension says which cluster it kept
 * and how to delete it.
 *
 * <p>Test methods, constructors and lifecycle methods of the class (and its {@code @Nested} classes) may declare
 * parameters of the types {@link ClusterCreated}, {@link WorkloadAccess} and fabric8's {@link KubernetesClient}
 * (the workload cluster's client; one per class, closed after the class).
 *
 * <p>Every step of create and delete, and each test's duration, goes to the JUnit report
 * ({@link ExtensionContext#publishReportEntry}) and to a JSON file {@code <directory>/<test class>.json}
 * (directory {@code target/clusterstacks-e2e} unless {@link Builder#reportDirectory} or the system property
 * {@code clusterstacks.e2e.dir} says otherwise). The file is written also when create fails: then it names the
 * failed step and its message (names and counts only, as sdk-lifecycle's messages are; never a secret).
 *
 * <p>When create fails, the class's tests fail with the {@link LifecycleException}, and the extension still runs
 * delete so that the failed run leaves nothing behind; the JSON file and the report say what delete did.
 */
public final class ClusterE2E implements BeforeAllCallback, AfterAllCallback, BeforeTestExecutionCallback,
    AfterTestExecutionCallback, ParameterResolver {
  /** The system property that keeps the cluster after the class ({@code true}). */
  public static final String KEEP_PROPERTY = "clusterstacks.keep";
  /** The system property naming the directory of the JSON timing files. */
  public static final String DIRECTORY_PROPERTY = "clusterstacks.e2e.dir";

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ClusterE2E.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The two calls the extension makes; ClusterLifecycle's in use, a test's own in this package's tests. */
  interface Calls {
    Created create(LifecycleListener listener);

    ClusterDeleted delete(LifecycleListener listener);
  }

  /** What create returned: its report, and the cluster (null only from a test's own calls). */
  record Created(LifecycleReport report, ClusterCreated cluster) { }

  private final String namespace;
  private final String cluster;
  private final Supplier<Calls> calls;
  private final boolean keep;
  private final Optional<Path> directory;

  ClusterE2E(String namespace, String cluster, Supplier<Calls> calls, boolean keep, Optional<Path> directory) {
    this.namespace = namespace;
    this.cluster = cluster;
    this.calls = calls;
    this.keep = keep;
    this.directory = directory;
  }

  /**
   * A builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether the cluster is kept after the class: {@link Builder#keep} or the system property
   * {@value #KEEP_PROPERTY} set to {@code true}.
   *
   * @return true when it is kept
   */
  public boolean keeps() {
    return keep || Boolean.parseBoolean(System.getProperty(KEEP_PROPERTY, "false").strip());
  }

  /**
   * The directory of the JSON timing files.
   *
   * @return the builder's directory, else the system property {@value #DIRECTORY_PROPERTY}, else
   *     {@code target/clusterstacks-e2e}
   */
  public Path reportDirectory() {
    return directory.orElseGet(() -> Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/clusterstacks-e2e")));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (context.getStore(NS).get(Run.class, Run.class) != null) {
      return; // a @Nested class: the enclosing class's cluster serves it
    }
    Run run = new Run(context.getUniqueId(), context.getRequiredTestClass().getName());
    context.getStore(NS).put(Run.class, run);
    Calls c = calls.get();
    run.calls = c;
    List<StepReport> heard = new ArrayList<>();
    try {
      Created created = c.create(step -> {
        heard.add(step);
        publish(context, "create", step);
      });
      run.created = created.cluster();
      run.createReport = created.report();
    } catch (LifecycleException e) {
      run.createReport = e.report();
      run.createFailure = e;
      context.publishReportEntry("clusterstacks.create.failed", e.step() + ": " + e.getMessage());
      deleteAfterFailure(context, run);
      write(run);
      throw e;
    } catch (RuntimeException e) {
      run.createReport = new LifecycleReport("create", namespace, cluster, heard);
      run.createFailure = e;
      context.publishReportEntry("clusterstacks.create.failed", e.getClass().getSimpleName() + ": " + e.getMessage());
      deleteAfterFailure(context, run);
      write(run);
      throw e;
    }
  }

  private void deleteAfterFailure(ExtensionContext context, Run run) {
    if (keeps()) {
      run.kept = true;
      kept(context);
      return;
    }
    delete(context, run);
  }

  private void delete(ExtensionContext context, Run run) {
    List<StepReport> heard = new ArrayList<>();
    try {
      ClusterDeleted d = run.calls.delete(step -> {
        heard.add(step);
        publish(context, "delete", step);
      });
      run.deleteReport = d.report();
      run.remaining = d.remaining();
      if (!d.remaining().isEmpty()) {
        context.publishReportEntry("clusterstacks.delete.remaining", String.join("; ", d.remaining()));
      }
    } catch (LifecycleException e) {
      run.deleteReport = e.report();
      run.deleteFailure = e;
      context.publishReportEntry("clusterstacks.delete.failed", e.step() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      run.deleteReport = new LifecycleReport("delete", namespace, cluster, heard);
      run.deleteFailure = e;
      context.publishReportEntry("clusterstacks.delete.failed", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void kept(ExtensionContext context) {
    String message = "kept cluster " + namespace + "/" + cluster + " (" + KEEP_PROPERTY + "=true or keep(true)); delete it"
        + " with ClusterLifecycle.delete(plan, \"" + namespace + "\", listener) for the same plan, or run this class"
        + " again without " + KEEP_PROPERTY;
    context.publishReportEntry("clusterstacks.kept", message);
    System.err.println("[clusterstacks] " + message);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Run run = context.getStore(NS).get(Run.class, Run.class);
    if (run == null || !run.owner.equals(context.getUniqueId()) || run.createFailure != null) {
      return; // a @Nested class, or create failed and beforeAll already deleted and wrote
    }
    try {
      if (run.client != null) {
        run.client.close();
      }
    } finally {
      if (keeps()) {
        run.kept = true;
        kept(context);
      } else {
        delete(context, run);
      }
      write(run);
    }
    if (run.deleteFailure != null) {
      throw run.deleteFailure;
    }
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    context.getStore(NS).put("start", System.nanoTime());
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Long start = context.getStore(NS).remove("start", Long.class);
    Run run = context.getStore(NS).get(Run.class, Run.class);
    if (start == null || run == null) {
      return;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Optional<Throwable> failure = context.getExecutionException();
    String status = failure.isEmpty() ? "passed"
        : failure.get() instanceof org.opentest4j.TestAbortedException ? "aborted" : "failed";
    Map<String, Object> test = new LinkedHashMap<>();
    test.put("class", context.getRequiredTestClass().getName());
    test.put("method", context.getRequiredTestMethod().getName());
    test.put("displayName", context.getDisplayName());
    test.put("status", status);
    test.put("seconds", seconds(took));
    synchronized (run.tests) {
      run.tests.add(test);
    }
    context.publishReportEntry("clusterstacks.test", status + " " + String.format(java.util.Locale.ROOT, "%.3f s", seconds(took)));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ClusterCreated.class || type == WorkloadAccess.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Run run = context.getStore(NS).get(Run.class, Run.class);
    if (run == null || run.created == null) {
      throw new ParameterResolutionException("no cluster " + namespace + "/" + cluster + " to hand to "
          + parameter.getParameter() + ": ClusterE2E must be registered as a static field (@RegisterExtension static),"
          + " so that the cluster is created before the class's tests");
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == ClusterCreated.class) {
      return run.created;
    }
    if (type == WorkloadAccess.class) {
      return run.created.access();
    }
    synchronized (run) {
      if (run.client == null) {
        run.client = run.created.access().client();
      }
      return run.client;
    }
  }

  private static void publish(ExtensionContext context, String operation, StepReport step) {
    context.publishReportEntry("clusterstacks." + operation + "." + step.step(), step.outcome() + " "
        + String.format(java.util.Locale.ROOT, "%.3f s", seconds(step.took())) + "  " + step.summary());
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private void write(Run run) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("testClass", run.testClass);
    root.put("namespace", namespace);
    root.put("cluster", cluster);
    root.put("create", report(run.createReport, run.createFailure));
    synchronized (run.tests) {
      root.put("tests", List.copyOf(run.tests));
    }
    root.put("kept", run.kept);
    Map<String, Object> delete = run.deleteReport == null ? null : report(run.deleteReport, run.deleteFailure);
    if (delete != null && run.remaining != null) {
      delete.put("remaining", run.remaining);
    }
    root.put("delete", delete);
    Path file = reportDirectory().resolve(run.testClass + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the E2E timing file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> report(LifecycleReport report, RuntimeException failure) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("succeeded", failure == null && report != null && report.succeeded());
    if (failure instanceof LifecycleException le) {
      m.put("failedStep", le.step().toString());
    }
    if (failure != null) {
      m.put("failure", failure.getClass().getName());
      m.put("message", failure.getMessage());
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    if (report != null) {
      for (StepReport s : report.steps()) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", s.step().toString());
        step.put("outcome", s.outcome().toString());
        step.put("seconds", seconds(s.took()));
        step.put("summary", s.summary());
        steps.add(step);
      }
      m.put("totalSeconds", seconds(report.total()));
    }
    m.put("steps", steps);
    return m;
  }

  /** One test class's run: what create and delete did and each test's timing. */
  private static final class Run {
    final String owner;
    final String testClass;
    final List<Map<String, Object>> tests = new ArrayList<>();
    Calls calls;
    ClusterCreated created;
    LifecycleReport createReport;
    RuntimeException createFailure;
    LifecycleReport deleteReport;
    RuntimeException deleteFailure;
    List<String> remaining;
    boolean kept;
    KubernetesClient client;

    Run(String owner, String testClass) {
      this.owner = owner;
      this.testClass = testClass;
    }
  }

  /** Builds a {@link ClusterE2E}: plan, namespace and lifecycle are required. */
  public static final class Builder {
    private ClusterPlan plan;
    private String namespace;
    private Supplier<ClusterLifecycle> lifecycle;
    private boolean keep;
    private Path directory;

    private Builder() { }

    /**
     * The plan of the cluster (as {@code Planner.plan} returned it).
     *
     * @param plan the plan
     * @return this builder
     */
    public Builder plan(ClusterPlan plan) {
      this.plan = InvalidInputException.requireArgument(plan, "plan");
      return this;
    }

    /**
     * The management cluster's namespace of the Cluster (it must exist).
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = InvalidInputException.requireArgument(namespace, "namespace");
      return this;
    }

    /**
     * The lifecycle that creates and deletes the cluster, asked for once per test class in its
     * {@code beforeAll}; e.g. {@code () -> ClusterLifecycle.of(openStack, management)} over the lab's or
     * cloud's clients, which the caller keeps and closes.
     *
     * @param lifecycle the lifecycle's factory
     * @return this builder
     */
    public Builder lifecycle(Supplier<ClusterLifecycle> lifecycle) {
      this.lifecycle = InvalidInputException.requireArgument(lifecycle, "lifecycle");
      return this;
    }

    /**
     * Keeps the cluster after the class for debugging (as the system property {@value #KEEP_PROPERTY} does).
     *
     * @param keep true to keep it
     * @return this builder
     */
    public Builder keep(boolean keep) {
      this.keep = keep;
      return this;
    }

    /**
     * The directory of the JSON timing files.
     *
     * @param directory the directory (created when missing)
     * @return this builder
     */
    public Builder reportDirectory(Path directory) {
      this.directory = InvalidInputException.requireArgument(directory, "directory");
      return this;
    }

    /**
     * The extension.
     *
     * @return the extension
     * @throws InvalidInputException when the plan, the namespace or the lifecycle is missing
     */
    public ClusterE2E build() {
      InvalidInputException.requireArgument(plan, "plan");
      InvalidInputException.requireArgument(namespace, "namespace");
      InvalidInputException.requireArgument(lifecycle, "lifecycle");
      ClusterPlan p = plan;
      String ns = namespace;
      Supplier<ClusterLifecycle> life = lifecycle;
      Supplier<Calls> calls = () -> {
        ClusterLifecycle l = life.get();
        return new Calls() {
          @Override
          public Created create(LifecycleListener listener) {
            ClusterCreated c = l.create(p, ns, listener);
            return new Created(c.report(), c);
          }

          @Override
          public ClusterDeleted delete(LifecycleListener listener) {
            return l.delete(p, ns, listener);
          }
        };
      };
      return new ClusterE2E(ns, p.request().clusterName(), calls, keep, Optional.ofNullable(directory));
    }
  }
}
