package io.clusterstacks.samples.hostile;

import io.clusterstacks.samples.cli.ClusterStacksCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated command lines run in-process through picocli's {@code execute}: every one ends with a
 * documented exit code and a message, without a stack trace, raw control characters or a secret.
 * ({@link CliProcessHostileIT} runs a few hundred of them as real processes.)
 */
class CliHostileTest {

  static final int INPUTS = 2_000;

  @Test
  void everyInvocationEndsWithADocumentedExitCodeAndAMessage(@TempDir Path dir) throws Exception {
    CliCases cases = new CliCases(dir);
    // A command line is built for every 20th input and reused for the others, as an embedding program
    // may do: picocli resets every option to its initial value before it parses the next arguments.
    CommandLine[] cl = new CommandLine[1];
    int[] used = new int[1];
    HostileRun<List<String>> run = new HostileRun<>("CLI invocations (in-process)", 20_000, args -> {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      if (used[0]++ % 20 == 0) {
        cl[0] = ClusterStacksCli.commandLine();
      }
      cl[0].setOut(new PrintWriter(out, true));
      cl[0].setErr(new PrintWriter(err, true));
      int exit = cl[0].execute(args.toArray(String[]::new));
      return cases.check(args, exit, out.toString(), err.toString());
    });
    Random rnd = new Random(10_008L);
    for (int i = 0; i < INPUTS; i++) {
      List<String> args = cases.args(rnd);
      run.run(args, HostileRun.show(String.join(" ", args)), cases.secrets);
    }
    run.assertClean(INPUTS);
  }
}
