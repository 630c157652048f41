package io.clusterstacks.samples.cli;

import io.clusterstacks.kubernetes.TerminalProgress;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps what the command line prints safe for a terminal: control characters (except line feed and
 * tab), DEL, C1 controls and bidirectional or other invisible format characters are written as visible
 * {@code \\uXXXX} escapes, so a name from a file or an argument can neither send escape sequences to
 * the terminal nor reorder the text around it.
 */
final class TerminalText {

  private TerminalText() {}

  /**
   * Whether a character must not reach a terminal raw.
   *
   * @param c the character
   * @return true for controls (but line feed and tab), DEL, C1 controls and format characters
   */
  static boolean unsafe(char c) {
    return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0)
        || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029';
  }

  /**
   * Quotes the unsafe characters of a text, line feeds and tabs included.
   *
   * @param s the text
   * @return the text with every control or format character as {@code \\uXXXX}
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c) || c == '\n' || c == '\t') {
        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * How a waiting command shows the cluster's status: redrawn in place on a terminal, one line per change otherwise
   * or with {@code --plain}.
   *
   * @param plain whether {@code --plain} was given
   * @param out the command line's (escaping) standard output
   * @return the progress listener
   */
  static TerminalProgress progress(boolean plain, PrintWriter out) {
    if (!plain && System.console() != null) {
      // the status block is redrawn with cursor movement, which the command line's escaping writer would print as
      // text; TerminalProgress escapes the text that comes from the server itself
      out.flush();
      return TerminalProgress.inPlace(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    }
    return TerminalProgress.plain(out);
  }

  /**
   * A writer that passes text on with unsafe characters escaped.
   *
   * @param out the writer to protect
   * @return the safe writer (the same when it is one already)
   */
  static PrintWriter safe(PrintWriter out) {
    return out instanceof SafeWriter ? out : new SafeWriter(out);
  }

  /** The escaping writer. */
  static final class SafeWriter extends PrintWriter {
    SafeWriter(Writer out) {
      super(new Writer() {
        @Override
        public void write(char[] buf, int off, int len) throws java.io.IOException {
          int start = off;
          for (int i = off; i < off + len; i++) {
            if (unsafe(buf[i])) {
              out.write(buf, start, i - start);
              out.write(String.format(Locale.ROOT, "\\u%04X", (int) buf[i]));
              start = i + 1;
            }
          }
          out.write(buf, start, off + len - start);
        }

        @Override
        public void flush() throws java.io.IOException {
          out.flush();
        }

        @Override
        public void close() throws java.io.IOException {
          out.flush();
        }
      }, true);
    }
  }
}
