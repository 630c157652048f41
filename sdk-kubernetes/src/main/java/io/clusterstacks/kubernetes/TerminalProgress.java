package io.clusterstacks.kubernetes;

import io.clusterstacks.core.InvalidInputException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A {@link ProgressListener} that shows a wait on a terminal: on a TTY a block of status lines (the
 * Cluster, one line per role, the workload API) rewritten in place at each change; elsewhere (a pipe, a CI
 * log) one plain, timestamped line per change.
 *
 * <p>It writes only to the writer it is given. Text that comes from the management cluster (phases,
 * condition reasons and messages) is shown with control and format characters as visible {@code \\uXXXX}
 * escapes, so an object's status can neither move the cursor nor break a status line in two; the cursor
 * movement of {@link #inPlace} is the only control sequence written.
 */
public final class TerminalProgress implements ProgressListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final boolean inPlace;
  private int linesShown;

  private TerminalProgress(PrintWriter out, boolean inPlace) {
    this.out = out;
    this.inPlace = inPlace;
  }

  /**
   * Status lines updated in place (ANSI cursor movement), for a terminal.
   *
   * @param out the terminal
   * @return the listener
   */
  public static TerminalProgress inPlace(PrintWriter out) {
    return new TerminalProgress(InvalidInputException.requireArgument(out, "out"), true);
  }

  /**
   * One plain line per change, for logs and pipes.
   *
   * @param out the writer
   * @return the listener
   */
  public static TerminalProgress plain(PrintWriter out) {
    return new TerminalProgress(InvalidInputException.requireArgument(out, "out"), false);
  }

  /**
   * In place when the JVM has a console (standard input and output are a terminal), plain otherwise.
   *
   * @param out the writer for standard output
   * @return the listener
   */
  public static TerminalProgress forConsole(PrintWriter out) {
    return System.console() != null ? inPlace(out) : plain(out);
  }

  /**
   * The status block for a status, one entry per line.
   *
   * @param s the status
   * @return the lines
   */
  public static List<String> lines(ClusterStatus s) {
    String head = s.cluster() + "  " + (s.exists() ? "phase " + (s.phase().isEmpty() ? "-" : s.phase()) : "absent")
        + s.clusterStack().map(c -> "  ClusterStack " + c.name() + (s.clusterStackReady() ? " ready" : " not ready"))
            .orElse("")
        + "  infrastructure " + (s.infrastructureReady() ? "ready" : "not ready");
    return List.of(head,
        "  " + s.controlPlane() + (s.controlPlaneReady() ? "" : " (control plane not ready)"),
        "  " + s.workers(),
        "  workload API: " + s.workloadApi().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + (s.workloadVersion().isEmpty() ? "" : " (" + s.workloadVersion() + ")"));
  }

  @Override
  public synchronized void onProgress(ProgressEvent event) {
    if (inPlace) {
      if (linesShown > 0) {
        out.print("\033[" + linesShown + "A");
      }
      List<String> lines = lines(event.status());
      for (String l : lines) {
        out.print("\r\033[2K" + visible(l) + "\n");
      }
      linesShown = lines.size();
    } else {
      for (String c : event.changes()) {
        out.println(TIME.format(event.at()) + " " + event.status().cluster() + " " + visible(c));
      }
    }
    out.flush();
  }

  /**
   * The text with control characters (line feed and tab included), DEL, C1 controls and format characters
   * (bidirectional overrides and the like) as {@code \\uXXXX}.
   */
  static String visible(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean unsafe = c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.getType(c) == Character.FORMAT
          || c == '\u2028' || c == '\u2029';
      if (unsafe && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        sb.append(unsafe ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
      }
    }
    return sb == null ? s : sb.toString();
  }
}
