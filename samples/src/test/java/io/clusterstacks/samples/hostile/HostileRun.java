package io.clusterstacks.samples.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import io.clusterstacks.core.ClusterStacksException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs generated hostile inputs against one entry point of the SDK and holds it to the contract:
 * every input answers within a time bound; the only exceptions are {@link ClusterStacksException}s;
 * no seeded secret appears in an exception message (causes included), in the output the entry
 * point returns, or in anything written to standard output or standard error (slf4j-simple's log
 * lines go there, at level trace in this suite); no message is longer than {@link #MAX_MESSAGE}.
 *
 * <p>Failures are grouped by class (exception type and the SDK frame that threw, or "hang", "secret",
 * "message too long") with the shortest input of each class, so a report names the defect once with a
 * minimal example.
 *
 * @param <I> the input type
 */
final class HostileRun<I> {

  /** An entry point under test: returns what it printed or produced (searched for secrets). */
  @FunctionalInterface
  interface Target<I> {
    String apply(I input) throws Exception;
  }

  /** The longest message an SDK exception may carry: values in messages are shortened. */
  static final int MAX_MESSAGE = 20_000;

  private final String family;
  private final Target<I> target;
  private final long timeoutMillis;
  private final Map<String, String> failures = new LinkedHashMap<>();
  private final Map<String, Integer> failureCounts = new LinkedHashMap<>();
  private ExecutorService worker = newWorker();
  private int inputs;
  private int typed;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);

  HostileRun(String family, long timeoutMillis, Target<I> target) {
    this.family = family;
    this.target = target;
    this.timeoutMillis = timeoutMillis;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "hostile-input");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs one input.
   *
   * @param input the input
   * @param shown how a report shows it (shortened)
   * @param secrets the secrets seeded into it, which must appear nowhere
   */
  void run(I input, String shown, List<String> secrets) {
    run(input, "", shown, secrets);
  }

  /**
   * Runs one input of a named generator; its failures are reported under the generator's name.
   *
   * @param input the input
   * @param generator the generator's name
   * @param shown how a report shows it (shortened)
   * @param secrets the secrets seeded into it, which must appear nowhere
   */
  void run(I input, String generator, String shown, List<String> secrets) {
    this.generator = generator.isEmpty() ? "" : "[" + generator + "] ";
    inputs++;
    PrintStream out = System.out;
    PrintStream err = System.err;
    captured.reset();
    String produced = "";
    Throwable thrown = null;
    System.setOut(capture);
    System.setErr(capture);
    Future<String> f = worker.submit(() -> target.apply(input));
    try {
      produced = String.valueOf(f.get(timeoutMillis, TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      record("hang (no answer within " + timeoutMillis + " ms)", shown);
      return;
    } catch (ExecutionException e) {
      thrown = e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    if (thrown != null) {
      if (thrown instanceof ClusterStacksException) {
        typed++;
        String m = String.valueOf(thrown.getMessage());
        if (m.length() > MAX_MESSAGE) {
          record("message longer than " + MAX_MESSAGE + " characters (" + thrown.getClass().getName() + where(thrown)
              + ")", shown);
        }
      } else if (thrown instanceof AssertionError) {
        String m = String.valueOf(thrown.getMessage()).lines().findFirst().orElse("");
        record("contract: " + (m.length() > 120 ? m.substring(0, 120) + "..." : m), shown);
      } else {
        record("untyped " + thrown.getClass().getName() + where(thrown), shown);
      }
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        String secret = leaked(String.valueOf(t.getMessage()) + "\n" + t, secrets);
        if (secret != null && thrown instanceof ClusterStacksException) {
          record("secret in the message of " + t.getClass().getName() + where(t), shown);
          break;
        }
      }
    }
    String secret = leaked(produced, secrets);
    if (secret != null) {
      record("secret in the output", shown);
    }
    if (leaked(logs, secrets) != null) {
      record("secret in standard output/error or a log line", shown);
    }
  }

  private static String leaked(String text, List<String> secrets) {
    for (String s : secrets) {
      if (text.contains(s)) {
        return s;
      }
    }
    return null;
  }

  /** The SDK frame that threw: the first io.clusterstacks frame outside this harness. */
  static String where(Throwable t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().startsWith("io.clusterstacks.") && !e.getClassName().contains(".hostile.")) {
        return " at " + e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber();
      }
    }
    return t.getStackTrace().length > 0 ? " at " + t.getStackTrace()[0] : "";
  }

  private String generator = "";

  private void record(String kind, String shown) {
    String failureClass = generator + kind;
    failureCounts.merge(failureClass, 1, Integer::sum);
    failures.merge(failureClass, shown, (a, b) -> b.length() < a.length() ? b : a);
  }

  /** Inputs run so far. */
  int inputs() {
    return inputs;
  }

  /** Inputs answered with a typed exception. */
  int typed() {
    return typed;
  }

  /** The failure classes with their counts and shortest example, one per line. */
  List<String> failures() {
    List<String> out = new ArrayList<>();
    failures.forEach((k, v) -> out.add(k + " x" + failureCounts.get(k) + ", e.g. " + v));
    return out;
  }

  /** Fails the test listing every failure class, unless there are none; then prints the figures. */
  void assertClean(int minimumInputs) {
    worker.shutdownNow();
    if (inputs < minimumInputs) {
      fail(family + ": only " + inputs + " inputs, expected at least " + minimumInputs);
    }
    if (!failures.isEmpty()) {
      fail(family + ": " + failures.size() + " failure classes in " + inputs + " inputs:\n  "
          + String.join("\n  ", failures()));
    }
    System.out.println("hostile " + family + ": " + inputs + " inputs, " + typed + " typed errors, 0 failures");
  }

  /** Shortens an input for a report: the first characters, control characters escaped. */
  static String show(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 160; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    return "\"" + sb + "\"" + (s.length() > 160 ? " (" + s.length() + " chars)" : "");
  }
}
