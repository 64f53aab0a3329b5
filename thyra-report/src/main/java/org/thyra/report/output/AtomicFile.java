package org.thyra.report.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file all-or-nothing: the content goes to a temporary sibling, which is moved into place
 * only when complete, so a failure never leaves half a file behind (SPEC §5).
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Produces the file's bytes. */
  @FunctionalInterface
  public interface Content {
    void write(OutputStream out) throws IOException;
  }

  /** Writes {@code target} atomically, creating its folder when needed. */
  public static void write(Path target, Content content) throws IOException {
    try {
      writeAtomically(target, content);
    } catch (FileSystemException e) {
      // the JDK's message is only the path; say which file could not be written and why
      throw new IOException("cannot write " + target + ": " + reason(e), e);
    }
  }

  private static String reason(FileSystemException e) {
    String where = e.getFile() == null ? "" : " (" + e.getFile() + ")";
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way of a folder" + where;
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder" + where;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied" + where;
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder" + where;
    }
    return (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()) + where;
  }

  private static void writeAtomically(Path target, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: it always makes the file owner-only (0600); a result must get the
    // permissions any other file the user writes gets (the umask).
    Path tmp =
        dir.resolve(
            "."
                + abs.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + System.nanoTime()
                + ".part");
    try {
      try (OutputStream os =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.write(os);
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
