package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.plan.FlavorNotFoundException;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code clusterstacks} command line: the SDK's features as sub-commands.
 *
 * <p>Without a sub-command it runs {@code plan}: a plan on the bundled SCS reference cloud profile
 * with its reasons, the placement map, and the manifests validated strictly.
 *
 * <p>Exit codes: {@link #EXIT_OK} success, {@link #EXIT_INVALID_INPUT} for bad input,
 * {@link #EXIT_INFEASIBLE} when a plan cannot be met, {@link #EXIT_VALIDATION_FAILED} when manifests
 * fail validation.
 */
@Command(
    name = "clusterstacks",
    mixinStandardHelpOptions = true,
    version = "clusterstacks 0.1.0-SNAPSHOT",
    description = "Plan, render and validate SCS cluster stacks on OpenStack.",
    subcommands = {CommandLine.HelpCommand.class, PlanCommand.class, RenderCommand.class, ValidateCommand.class,
        FlavorCommand.class,
        ApplyCommand.class, StatusCommand.class, KubeconfigCommand.class, DeleteCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "2:invalid input (an option, a file, a name the SDK rejected)",
        "3:the plan's constraints cannot all be met",
        "4:manifests fail validation"})
public final class ClusterStacksCli implements Callable<Integer> {
  /** Exit code for success. */
  public static final int EXIT_OK = 0;
  /** Exit code for input the SDK rejected (bad flavor name, bad option value, unreadable file). */
  public static final int EXIT_INVALID_INPUT = 2;
  /** Exit code for a plan whose constraints cannot all be met. */
  public static final int EXIT_INFEASIBLE = 3;
  /** Exit code for manifests that fail validation. */
  public static final int EXIT_VALIDATION_FAILED = 4;

  /**
   * The sub-command that runs when none is given: {@code plan} with its defaults (the bundled
   * {@code scs-reference} profile, 3 control-plane nodes and 3 workers).
   */
  static final String DEFAULT_SUBCOMMAND = "plan";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine sub = spec.commandLine().getSubcommands().get(DEFAULT_SUBCOMMAND);
    return sub.execute();
  }

  /**
   * Builds the command line with all sub-commands registered, enum options case-insensitive, and SDK
   * errors printed as one message (no stack trace) with their exit code.
   *
   * @return a ready picocli command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ClusterStacksCli());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof ClusterStacksException) {
        PrintWriter err = commandLine.getErr();
        err.println("error: " + ex.getMessage());
        err.flush();
        return exitCodeOf(ex);
      }
      throw ex;
    });
    return cl;
  }

  /**
   * The exit code for an SDK error.
   *
   * @param e the error
   * @return {@link #EXIT_INFEASIBLE} when no plan meets the constraints, {@link #EXIT_INVALID_INPUT}
   *     for every other SDK error (including a pinned flavor the cloud does not have)
   */
  static int exitCodeOf(Exception e) {
    if (e instanceof InfeasiblePlanException && !(e instanceof FlavorNotFoundException)) {
      return EXIT_INFEASIBLE;
    }
    return EXIT_INVALID_INPUT;
  }

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
