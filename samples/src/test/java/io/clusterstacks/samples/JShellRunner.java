package io.clusterstacks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Feeds text to a JShell session line by line, as a user pasting it at the prompt would: a line that
 * does not complete a snippet is joined with the next ones, each complete snippet is evaluated at once.
 *
 * <p>The session runs in this JVM ({@code executionEngine("local")}) with the test's own class path,
 * i.e. the SDK as built in this reactor. Any rejected snippet, unresolved reference or exception fails
 * the test with the line number and the compiler's diagnostics. A line ending in {@code // ==> VALUE}
 * must produce exactly that value, as JShell would print it.
 */
final class JShellRunner implements AutoCloseable {

  private static final Pattern EXPECTED = Pattern.compile("//\\s*==>\\s*(.*?)\\s*$");

  private final JShell shell;
  private String origin = "";

  JShellRunner() {
    this.shell = JShell.builder().executionEngine("local").build();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        shell.addToClasspath(entry);
      }
    }
  }

  /**
   * Evaluates text line by line.
   *
   * @param file where the text comes from, for messages
   * @param text the lines
   * @param firstLine the line number of the first line in its file, for messages
   * @return the number of snippets evaluated
   */
  int run(String file, String text, int firstLine) {
    this.origin = file;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String[] lines = text.split("\n", -1);
    StringBuilder pending = new StringBuilder();
    int pendingStart = -1;
    int snippets = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = firstLine + i;
      if (pending.length() == 0 && line.strip().startsWith("/") && !line.strip().startsWith("//")
          && !line.strip().startsWith("/*")) {
        fail(origin + ":" + lineNo + ": JShell commands (" + line.strip()
            + ") cannot be checked; use Java snippets only");
      }
      if (pending.length() == 0) {
        pendingStart = lineNo;
      }
      pending.append(line).append('\n');
      String input = pending.toString();
      while (true) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(input);
        SourceCodeAnalysis.Completeness c = info.completeness();
        if (c == SourceCodeAnalysis.Completeness.EMPTY) {
          input = "";
          break;
        }
        if (c == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
            || c == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
          break;
        }
        String source = c == SourceCodeAnalysis.Completeness.UNKNOWN ? input : info.source();
        evaluate(source, pendingStart, lineNo, expectedValue(input));
        snippets++;
        input = c == SourceCodeAnalysis.Completeness.UNKNOWN ? "" : info.remaining();
        if (input.isBlank()) {
          input = "";
          break;
        }
      }
      pending.setLength(0);
      pending.append(input);
      if (input.isEmpty()) {
        pendingStart = -1;
      }
    }
    if (!pending.toString().isBlank()) {
      fail(origin + ":" + pendingStart + ": this snippet is never completed: " + pending.toString().strip());
    }
    return snippets;
  }

  private static String expectedValue(String input) {
    String[] lines = input.strip().split("\n");
    Matcher m = EXPECTED.matcher(lines[lines.length - 1]);
    return m.find() ? m.group(1) : null;
  }

  private void evaluate(String source, int from, int to, String expected) {
    String where = origin + ":" + (from == to ? String.valueOf(from) : from + "-" + to);
    List<SnippetEvent> events = shell.eval(source);
    String value = null;
    for (SnippetEvent e : events) {
      if (e.exception() != null) {
        fail(where + ": `" + source.strip() + "` threw " + describe(e.exception()), e.exception());
      }
      if (e.causeSnippet() == null) {
        Snippet.Status status = e.status();
        if (status != Snippet.Status.VALID) {
          List<String> diags = new ArrayList<>();
          shell.diagnostics(e.snippet()).forEach(d -> diags.add(describe(d, source)));
          if (e.snippet() instanceof DeclarationSnippet d) {
            shell.unresolvedDependencies(d).forEach(u -> diags.add("unresolved: " + u));
          }
          fail(where + ": `" + source.strip() + "` is " + status + ": " + String.join("; ", diags));
        }
        value = e.value();
      }
    }
    if (expected != null) {
      assertEquals(expected, value, where + ": `" + source.strip() + "` printed a different value");
    }
  }

  private static String describe(Exception e) {
    if (e instanceof EvalException ee) {
      return ee.getExceptionClassName() + ": " + ee.getMessage();
    }
    return e.toString();
  }

  private static String describe(Diag d, String source) {
    return d.getMessage(null) + " at `" + source.substring((int) Math.max(0, d.getStartPosition()),
        (int) Math.min(source.length(), Math.max(d.getEndPosition(), d.getStartPosition()))) + "`";
  }

  /**
   * The imports the session holds, as source lines.
   *
   * @return e.g. {@code import io.clusterstacks.core.cloud.*;}
   */
  List<String> imports() {
    return shell.imports().map(i -> i.source().strip()).collect(Collectors.toList());
  }

  @Override
  public void close() {
    shell.close();
  }
}
