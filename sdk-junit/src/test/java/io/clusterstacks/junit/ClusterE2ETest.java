package io.clusterstacks.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterstacks.kubernetes.WorkloadAccess;
import io.clusterstacks.lifecycle.cluster.ClusterDeleted;
import io.clusterstacks.lifecycle.cluster.LifecycleException;
import io.clusterstacks.lifecycle.cluster.LifecycleListener;
import io.clusterstacks.lifecycle.cluster.LifecycleReport;
import io.clusterstacks.lifecycle.cluster.Outcome;
import io.clusterstacks.lifecycle.cluster.Step;
import io.clusterstacks.lifecycle.cluster.StepReport;
import io.clusterstacks.kubernetes.DeleteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The extension's own logic, run through JUnit's EngineTestKit on example test classes, with the two
 * lifecycle calls played by this test (create returns or throws a report as ClusterLifecycle's would; delete
 * counts its calls). The lifecycle itself runs on the labs in the IT.
 */
class ClusterE2ETest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Calls that record what the extension asked. */
  static final class FakeCalls implements ClusterE2E.Calls {
    final List<String> calls = new ArrayList<>();
    final LifecycleException createFails;

    FakeCalls(LifecycleException createFails) {
      this.createFails = createFails;
    }

    @Override
    public ClusterE2E.Created create(LifecycleListener listener) {
      calls.add("create");
      if (createFails != null) {
        listener.onStep(step(Step.LOCK, Outcome.DONE, 5));
        throw createFails;
      }
      List<StepReport> steps = List.of(step(Step.LOCK, Outcome.DONE, 5), step(Step.APPLY, Outcome.DONE, 1200));
      steps.forEach(listener::onStep);
      return new ClusterE2E.Created(new LifecycleReport("create", "e2e", "demo", steps), null);
    }

    @Override
    public ClusterDeleted delete(LifecycleListener listener) {
      calls.add("delete");
      List<StepReport> steps = List.of(step(Step.LOCK, Outcome.DONE, 3), step(Step.DELETE_OBJECTS, Outcome.DONE, 700));
      steps.forEach(listener::onStep);
      return new ClusterDeleted(new LifecycleReport("delete", "e2e", "demo", steps), new DeleteResult(List.of()), List.of(),
          List.of());
    }
  }

  static StepReport step(Step step, Outcome outcome, long millis) {
    return new StepReport(step, outcome, Duration.ofMillis(millis), step + " summary");
  }

  /** One test passes, one fails. */
  static class PassAndFail {
    @RegisterExtension
    static ClusterE2E e2e;

    @Test
    void passes() { }

    @Test
    void fails() {
      throw new AssertionError("the workload's check failed");
    }

    @Nested
    class Inner {
      @Test
      void nestedPasses() { }
    }
  }

  /** Asks for the workload cluster. */
  static class AsksForWorkload {
    @RegisterExtension
    static ClusterE2E e2e;

    @Test
    void wantsAccess(WorkloadAccess access) { }
  }

  /** What an engine run reported: each finished test or container by display name, and every report entry. */
  record Events(Map<String, TestExecutionResult> results, List<String> entries) {}

  /** Runs the example class on the Jupiter engine through JUnit's EngineTestKit. */
  static Events run(Class<?> examples, ClusterE2E e2e) throws Exception {
    examples.getDeclaredField("e2e").set(null, e2e); // JUnit reads the field when it runs the class
    EngineExecutionResults r = EngineTestKit.engine("junit-jupiter").selectors(selectClass(examples)).execute();
    Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    r.allEvents().finished().stream().forEach(e -> results.put(e.getTestDescriptor().getDisplayName(),
        e.getRequiredPayload(TestExecutionResult.class)));
    List<String> entries = new ArrayList<>();
    r.allEvents().reportingEntryPublished().stream().forEach(e -> e.getRequiredPayload(ReportEntry.class)
        .getKeyValuePairs().forEach((k, v) -> entries.add(k + "=" + v)));
    return new Events(results, entries);
  }

  @Test
  void createsBeforeDeletesAfterAFailedTestAndWritesEveryTiming(@TempDir Path dir) throws Exception {
    FakeCalls calls = new FakeCalls(null);
    Events events = run(PassAndFail.class, new ClusterE2E("e2e", "demo", () -> calls, false, Optional.of(dir)));

    assertEquals(List.of("create", "delete"), calls.calls, "one create, one delete, also for the nested class");
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, events.results().get("passes()").getStatus());
    assertEquals(TestExecutionResult.Status.FAILED, events.results().get("fails()").getStatus());
    assertEquals(TestExecutionResult.Status.SUCCESSFUL, events.results().get("nestedPasses()").getStatus());
    assertTrue(events.entries().stream().anyMatch(e -> e.startsWith("clusterstacks.create.APPLY=DONE 1.200 s")), events.entries().toString());
    assertTrue(events.entries().stream().anyMatch(e -> e.startsWith("clusterstacks.delete.DELETE_OBJECTS=DONE 0.700 s")),
        events.entries().toString());
    assertTrue(events.entries().stream().anyMatch(e -> e.startsWith("clusterstacks.test=failed ")), events.entries().toString());

    JsonNode json = JSON.readTree(Files.readString(dir.resolve(PassAndFail.class.getName() + ".json")));
    assertEquals("demo", json.get("cluster").asText());
    assertEquals("e2e", json.get("namespace").asText());
    assertTrue(json.get("create").get("succeeded").asBoolean());
    assertEquals("APPLY", json.get("create").get("steps").get(1).get("step").asText());
    assertEquals(1.2, json.get("create").get("steps").get(1).get("seconds").asDouble(), 1e-9);
    assertEquals(1.205, json.get("create").get("totalSeconds").asDouble(), 1e-9);
    assertEquals(3, json.get("tests").size(), json.toString());
    List<String> statuses = new ArrayList<>();
    json.get("tests").forEach(t -> statuses.add(t.get("method").asText() + ":" + t.get("status").asText()));
    assertTrue(statuses.containsAll(List.of("passes:passed", "fails:failed", "nestedPasses:passed")), statuses.toString());
    assertFalse(json.get("kept").asBoolean());
    assertEquals("DELETE_OBJECTS", json.get("delete").get("steps").get(1).get("step").asText());
    assertEquals(0, json.get("delete").get("remaining").size());
  }

  @Test
  void aFailedCreateFailsTheTestsStillDeletesAndNamesTheStep(@TempDir Path dir) throws Exception {
    LifecycleReport sofar = new LifecycleReport("create", "e2e", "demo", List.of(step(Step.LOCK, Outcome.DONE, 5),
        step(Step.WAIT, Outcome.FAILED, 3000)));
    FakeCalls calls = new FakeCalls(new LifecycleException(sofar, Step.WAIT, "the Cluster e2e/demo did not become usable in 3 s", null));
    Events events = run(PassAndFail.class, new ClusterE2E("e2e", "demo", () -> calls, false, Optional.of(dir)));

    assertEquals(List.of("create", "delete"), calls.calls);
    TestExecutionResult cls = events.results().get("ClusterE2ETest$PassAndFail");
    assertEquals(TestExecutionResult.Status.FAILED, cls.getStatus());
    assertInstanceOf(LifecycleException.class, cls.getThrowable().orElseThrow());
    assertFalse(events.results().containsKey("passes()"), "no test runs without its cluster");
    JsonNode json = JSON.readTree(Files.readString(dir.resolve(PassAndFail.class.getName() + ".json")));
    assertFalse(json.get("create").get("succeeded").asBoolean());
    assertEquals("WAIT", json.get("create").get("failedStep").asText());
    assertEquals("the Cluster e2e/demo did not become usable in 3 s", json.get("create").get("message").asText());
    assertEquals(2, json.get("create").get("steps").size());
    assertEquals(0, json.get("tests").size());
    assertEquals("DELETE_OBJECTS", json.get("delete").get("steps").get(1).get("step").asText());
  }

  @Test
  void keptWhenAskedAndSaysHowToDelete(@TempDir Path dir) throws Exception {
    FakeCalls calls = new FakeCalls(null);
    Events events = run(PassAndFail.class, new ClusterE2E("e2e", "demo", () -> calls, true, Optional.of(dir)));

    assertEquals(List.of("create"), calls.calls);
    String kept = events.entries().stream().filter(e -> e.startsWith("clusterstacks.kept=")).findFirst().orElseThrow();
    assertTrue(kept.contains("e2e/demo") && kept.contains("ClusterLifecycle.delete(plan, \"e2e\""), kept);
    JsonNode json = JSON.readTree(Files.readString(dir.resolve(PassAndFail.class.getName() + ".json")));
    assertTrue(json.get("kept").asBoolean());
    assertTrue(json.get("delete").isNull());
  }

  @Test
  void theSystemPropertyKeeps() {
    ClusterE2E e2e = new ClusterE2E("e2e", "demo", () -> new FakeCalls(null), false, Optional.empty());
    String before = System.getProperty(ClusterE2E.KEEP_PROPERTY);
    try {
      System.clearProperty(ClusterE2E.KEEP_PROPERTY);
      assertFalse(e2e.keeps());
      System.setProperty(ClusterE2E.KEEP_PROPERTY, "true");
      assertTrue(e2e.keeps());
      System.setProperty(ClusterE2E.KEEP_PROPERTY, "no");
      assertFalse(e2e.keeps());
    } finally {
      if (before == null) {
        System.clearProperty(ClusterE2E.KEEP_PROPERTY);
      } else {
        System.setProperty(ClusterE2E.KEEP_PROPERTY, before);
      }
    }
    assertEquals(Path.of("target/clusterstacks-e2e"), e2e.reportDirectory());
  }

  @Test
  void aParameterWithoutAClusterSaysWhy(@TempDir Path dir) throws Exception {
    Events events = run(AsksForWorkload.class, new ClusterE2E("e2e", "demo", () -> new FakeCalls(null), false, Optional.of(dir)));
    Throwable t = events.results().get("wantsAccess(WorkloadAccess)").getThrowable().orElseThrow();
    assertInstanceOf(ParameterResolutionException.class, t);
    assertTrue(t.getMessage().contains("no cluster e2e/demo"), t.getMessage());
  }
}
