package io.clusterstacks.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and sub-command answers {@code --help} with its usage and exit code 0. */
class CliHelpTest {

  static Stream<List<String>> commands() {
    CommandLine root = ClusterStacksCli.commandLine();
    return Stream.concat(Stream.of(List.<String>of()),
        root.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).map(List::of));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpPrintsUsageAndExitsZero(List<String> command) {
    String[] args = Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("Usage: clusterstacks" + (command.isEmpty() ? "" : " " + command.get(0))),
        run.toString());
    assertEquals("", run.err(), run.toString());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void unknownOptionExitsWithInvalidInput(List<String> command) {
    String[] args = Stream.concat(command.stream(), Stream.of("--no-such-option")).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertEquals(ClusterStacksCli.EXIT_INVALID_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Usage: clusterstacks"), run.toString());
  }

  @org.junit.jupiter.api.Test
  void rootHelpListsTheSubCommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");
    for (String sub : List.of("flavor", "validate")) {
      assertTrue(run.out().contains("  " + sub + " "), run.toString());
    }
    assertTrue(run.out().contains("3   the plan's constraints cannot all be met"), run.toString());
  }
}
