package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import io.clusterstacks.core.plan.FlavorNotFoundException;
import io.clusterstacks.core.plan.InfeasiblePlanException;
import io.clusterstacks.openstack.OpenStackApiException;
import io.clusterstacks.openstack.OpenStackConnectionException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * fail validation, {@link #EXIT_CLOUD_ERROR} when an OpenStack cloud refuses the login or a call, or does
 * not answer.
 */
@Command(
    name = "clusterstacks",
    mixinStandardHelpOptions = true,
    version = "clusterstacks 0.1.0-SNAPSHOT",
    description = "Plan, render and validate SCS cluster stacks on OpenStack.",
    subcommands = {CommandLine.HelpCommand.class, PlanCommand.class, RenderCommand.class, ValidateCommand.class,
        FlavorCommand.class, DiscoverCommand.class,
        ApplyCommand.class, StatusCommand.class, KubeconfigCommand.class, DeleteCommand.class,
        LabelNodesCommand.class, UpCommand.class, DownCommand.class, UpgradeCommand.class, DiagnoseCommand.class,
        RespondToMaintenanceCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "2:invalid input (an option, a file, a name the SDK rejected)",
        "3:the plan's constraints cannot all be met",
        "4:manifests fail validation",
        "5:the cloud (discover, --os-cloud) or the management cluster refused or did not answer",
        "6:a wait or a delete ran out of time (status --watch, delete)",
        "7:diagnose found a warning or a critical finding; up, down or upgrade ran but a step warned or something remains",
        "8:up, down or upgrade: another run holds the cluster's lock",
        "9:upgrade refused before anything was applied"})
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
   * Exit code for an OpenStack cloud that refused the login or a call, or did not answer (the
   * management-cluster commands use the same code for their API server).
   */
  public static final int EXIT_CLOUD_ERROR = 5;

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
    CommandLine cl = new SafeCommandLine(new ClusterStacksCli());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof ClusterStacksException) {
        err.println("error: " + shorten(ex.getMessage()));
        err.flush();
        return exitCodeOf(ex);
      }
      err.println(internalError(ex));
      err.flush();
      return EXIT_INVALID_INPUT;
    });
    return cl;
  }

  /** The longest error message the command line prints; longer ones end with how much was left out. */
  static final int MAX_MESSAGE = 4000;

  private static String shorten(String message) {
    String m = String.valueOf(message);
    return m.length() <= MAX_MESSAGE ? m
        : m.substring(0, MAX_MESSAGE) + "... (" + (m.length() - MAX_MESSAGE) + " more characters left out)";
  }

  /**
   * The message for a failure the SDK did not type: what failed and where, never the exception's own
   * message (which may quote the input, secrets included) and never a stack trace.
   */
  static String internalError(Throwable ex) {
    StackTraceElement where = null;
    for (StackTraceElement e : ex.getStackTrace()) {
      if (e.getClassName().startsWith("io.clusterstacks.")) {
        where = e;
        break;
      }
    }
    return "error: the SDK failed on this input with " + ex.getClass().getName()
        + (where == null ? "" : " at " + where.getClassName() + "." + where.getMethodName() + ":" + where.getLineNumber())
        + " instead of naming the field, value and fix; the input is probably invalid (too large, too deep, or a"
        + " number out of range). This is a defect in the SDK: please report it with the command line.";
  }

  /** A command line whose standard output and error escape control characters (see {@link TerminalText}). */
  private static final class SafeCommandLine extends CommandLine {
    SafeCommandLine(Object command) {
      super(command);
    }

    @Override
    public CommandLine setOut(PrintWriter out) {
      return super.setOut(TerminalText.safe(out));
    }

    @Override
    public CommandLine setErr(PrintWriter err) {
      return super.setErr(TerminalText.safe(err));
    }
  }

  /**
   * The exit code for an SDK error.
   *
   * @param e the error
   * @return {@link #EXIT_INFEASIBLE} when no plan meets the constraints, {@link #EXIT_CLOUD_ERROR} when an
   *     OpenStack cloud refused or did not answer, {@link #EXIT_INVALID_INPUT} for every other SDK error
   *     (including a pinned flavor the cloud does not have and a cloud clouds.yaml does not name)
   */
  static int exitCodeOf(Exception e) {
    if (e instanceof OpenStackApiException || e instanceof OpenStackConnectionException) {
      return EXIT_CLOUD_ERROR;
    }
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
    CommandLine cl = commandLine();
    int code;
    try {
      code = cl.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      cl.getErr().println(internalError(e));
      cl.getErr().flush();
      code = EXIT_INVALID_INPUT;
    }
    System.exit(code);
  }
}
