package io.clusterstacks.samples.hostile;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated command lines as real processes ({@code java ... ClusterStacksCli}): the exit code the
 * shell sees, what reaches standard error, and that nothing prints a stack trace, a raw control
 * character or a seeded secret. Each process is bounded in time.
 */
class CliProcessHostileIT {

  static final int PROCESSES = 300;

  @Test
  void realProcessesEndWithADocumentedExitCodeAndNoStackTrace(@TempDir Path dir) throws Exception {
    CliCases cases = new CliCases(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    Random rnd = new Random(10_009L);
    List<List<String>> all = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      // An operating system's argv cannot hold NUL (ProcessBuilder refuses it); the in-process runs keep it.
      all.add(cases.args(rnd).stream().map(a -> a.replace('\u0000', '0')).toList());
    }
    // Three processes at a time (most of each one's time is JVM start-up), each bounded by waitFor;
    // then every outcome goes through the same checks as the in-process runs.
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<String[]>> outcomes = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      int k = i;
      outcomes.add(pool.submit(() -> {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-cp", classpath, "io.clusterstacks.samples.cli.ClusterStacksCli"));
        cmd.addAll(all.get(k));
        Path out = dir.resolve("out-" + k);
        Path err = dir.resolve("err-" + k);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
            .redirectInput(new File("/dev/null")).start();
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return null;
        }
        String[] r = {String.valueOf(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8)};
        Files.delete(out);
        Files.delete(err);
        return r;
      }));
    }
    pool.shutdown();
    HostileRun<Integer> run = new HostileRun<>("CLI invocations (processes)", 200_000, i -> {
      String[] r = outcomes.get(i).get();
      if (r == null) {
        throw new AssertionError("the process did not end within 100 s");
      }
      return cases.check(all.get(i), Integer.parseInt(r[0]), r[1], r[2]);
    });
    for (int i = 0; i < PROCESSES; i++) {
      run.run(i, HostileRun.show(String.join(" ", all.get(i))), cases.secrets);
    }
    run.assertClean(PROCESSES);
  }
}
