package io.clusterstacks.samples.cli;

import io.clusterstacks.core.ClusterStacksException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How the command line reads and writes the files it is given: only regular files, never more than
 * {@link #MAX_BYTES}, strictly UTF-8; devices, pipes and sockets are named as what they are and never
 * opened (so {@code /dev/zero} is not read forever and a FIFO never blocks the command).
 */
final class CliFiles {

  /** The largest input file the command line reads: 16 MiB, far more than any profile or manifest set. */
  static final long MAX_BYTES = 16L << 20;

  private CliFiles() {}

  /**
   * What a path names when it is not a readable regular file.
   *
   * @param path the path
   * @return empty when it is a regular file, else what it is, e.g. "is a character device (like /dev/null)"
   */
  static java.util.Optional<String> notARegularFile(Path path) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return java.util.Optional.of(Files.isSymbolicLink(path) ? "is a symbolic link to a missing file"
          : "no such file or folder");
    } catch (IOException | SecurityException e) {
      return java.util.Optional.of("cannot be inspected (" + e.getClass().getSimpleName() + ")");
    }
    if (a.isRegularFile()) {
      return java.util.Optional.empty();
    }
    if (a.isDirectory()) {
      return java.util.Optional.of("is a folder, not a file");
    }
    return java.util.Optional.of(kindOf(path) + ", not a regular file; the command line reads regular files only"
        + " (it never waits on a pipe or reads a device): save the content to a file and name that");
  }

  /** The kind of a special file, from its Unix mode where the platform tells it. */
  private static String kindOf(Path path) {
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      if (mode instanceof Integer m) {
        return switch (m & 0170000) {
          case 0010000 -> "is a FIFO (named pipe)";
          case 0020000 -> "is a character device (like /dev/null or /dev/zero)";
          case 0060000 -> "is a block device";
          case 0140000 -> "is a socket";
          default -> "is a special file";
        };
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      // fall through: the platform does not tell the kind
    }
    return "is a special file (a device, pipe or socket)";
  }

  /**
   * Reads a regular file as UTF-8 text, at most {@link #MAX_BYTES}.
   *
   * @param path the file
   * @param what how the message names it, e.g. "--profile"
   * @return the text
   * @throws ClusterStacksException naming the path and what is wrong with it
   */
  static String readText(Path path, String what) {
    String shown = what + " " + TerminalText.quote(path.toString());
    java.util.Optional<String> not = notARegularFile(path);
    if (not.isPresent()) {
      throw new ClusterStacksException(shown + ": " + not.get());
    }
    if (!Files.isReadable(path)) {
      throw new ClusterStacksException(shown + ": the file is not readable; check its permissions");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path, LinkOption.values())) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ClusterStacksException(shown + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ClusterStacksException(shown + ": is larger than " + (MAX_BYTES >> 20) + " MiB; the command line"
          + " reads files up to that size");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ClusterStacksException(shown + ": is not UTF-8 text; save it as UTF-8");
    }
  }

  /**
   * Writes text to a file, replacing it.
   *
   * @param path the file
   * @param what how the message names it, e.g. "--svg"
   * @param text the content
   * @throws ClusterStacksException when the file cannot be written
   */
  static void write(Path path, String what, String text) {
    String shown = what + " " + TerminalText.quote(path.toString());
    if (Files.isDirectory(path)) {
      throw new ClusterStacksException(shown + ": is a folder; name a file to write");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new ClusterStacksException(shown + ": " + kindOf(path) + "; name a regular file to write");
    }
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ClusterStacksException(shown + ": its folder does not exist; create it or name another file");
    } catch (IOException | SecurityException e) {
      throw new ClusterStacksException(shown + ": cannot be written (" + e.getClass().getSimpleName() + ")");
    }
  }
}
