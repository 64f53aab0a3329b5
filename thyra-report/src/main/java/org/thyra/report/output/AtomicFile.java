package org.thyra.report.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file all-or-nothing: the content goes to a temporary sibling named {@code
 * .NAME.thyra-partial-PID}, which is moved into place only when complete, so a failure never leaves
 * half a file behind (SPEC §5).
 *
 * <p>Within a {@link Batch} (one command run) every file is first written completely to its
 * temporary sibling and all are moved into place only when the run {@linkplain Batch#commit()
 * commits}: a run that fails after writing one of several outputs leaves every existing file as it
 * was. A batch also knows the run's input files and refuses to write onto one ({@link
 * OutputPaths}).
 *
 * <p>A run killed before it could clean up leaves its {@code .NAME.thyra-partial-PID} file; the
 * next write of NAME removes such leftovers of runs that have ended (their process is gone, or the
 * process now holding that id started after the file was last written).
 */
public final class AtomicFile {
  private static final String PARTIAL = ".thyra-partial-";
  private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

  private AtomicFile() {}

  /** Produces the file's bytes. */
  @FunctionalInterface
  public interface Content {
    void write(OutputStream out) throws IOException;
  }

  /**
   * The outputs of one run on this thread: staged, then committed together or discarded.
   *
   * <pre>{@code
   * try (AtomicFile.Batch batch = AtomicFile.begin(inputs)) {
   *   ... AtomicFile.write(...) ...
   *   batch.commit();
   * }
   * }</pre>
   */
  public static final class Batch implements AutoCloseable {
    private final Map<String, Path> inputs;
    private final Map<Path, Path> staged = new LinkedHashMap<>(); // target → temporary
    private final List<Path> createdFolders = new ArrayList<>();
    private boolean done;

    private Batch(Map<String, Path> inputs) {
      this.inputs = Map.copyOf(inputs);
    }

    /** Moves every staged file into place, in the order written. */
    public void commit() throws IOException {
      done = true;
      CURRENT.remove();
      List<Map.Entry<Path, Path>> entries = new ArrayList<>(staged.entrySet());
      for (int i = 0; i < entries.size(); i++) {
        Path target = entries.get(i).getKey();
        Path tmp = entries.get(i).getValue();
        try {
          Files.move(
              tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
          for (int j = i; j < entries.size(); j++) {
            Files.deleteIfExists(entries.get(j).getValue());
          }
          throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
      }
      staged.clear();
    }

    /** Discards whatever was not committed: temporary files and the folders made for them. */
    @Override
    public void close() throws IOException {
      if (CURRENT.get() == this) {
        CURRENT.remove();
      }
      if (done && staged.isEmpty()) {
        return;
      }
      for (Path tmp : staged.values()) {
        Files.deleteIfExists(tmp);
      }
      staged.clear();
      for (int i = createdFolders.size() - 1; i >= 0; i--) {
        try {
          Files.deleteIfExists(createdFolders.get(i)); // only when still empty
        } catch (IOException e) {
          // not empty (someone else's file appeared): leave it
        }
      }
    }
  }

  /**
   * Starts collecting this thread's writes (one command run).
   *
   * @param inputs option name → file the run reads; no output may be one of them
   */
  public static Batch begin(Map<String, Path> inputs) {
    Batch batch = new Batch(inputs);
    CURRENT.set(batch);
    return batch;
  }

  /**
   * Writes {@code target} atomically, creating its folder when needed. Inside a {@link Batch} the
   * file is staged and appears only when the batch commits.
   */
  public static void write(Path target, Content content) throws IOException {
    write(target, content, true);
  }

  /**
   * Writes {@code target} atomically and moves it into place at once, even inside a {@link Batch}
   * (whose input check still applies): for a file the same run reads back, such as the synthetic
   * cohort {@code thyra demo} writes and then analyses.
   */
  public static void writeNow(Path target, Content content) throws IOException {
    write(target, content, false);
  }

  private static void write(Path target, Content content, boolean staged) throws IOException {
    Batch batch = CURRENT.get();
    if (batch != null) {
      OutputPaths.requireDistinct(batch.inputs, Map.of(target.toString(), target));
      for (Path other : batch.staged.keySet()) {
        if (OutputPaths.same(other, target)) {
          throw new OutputPaths.UnsafeOutputException(
              target + " would be written twice in one run; give each output its own file");
        }
      }
    }
    try {
      Path abs = target.toAbsolutePath();
      Path dir = abs.getParent();
      List<Path> made = createFolders(dir);
      if (batch != null) {
        batch.createdFolders.addAll(made);
      }
      Path tmp = stage(abs, content);
      if (batch != null && staged) {
        batch.staged.put(abs, tmp);
        return;
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (FileSystemException e) {
      // the JDK's message is only the path; say which file could not be written and why
      throw new IOException("cannot write " + target + ": " + reason(e), e);
    }
  }

  /** The name of the temporary sibling this process writes {@code target} to. */
  public static Path partialName(Path target) {
    return target.resolveSibling(
        "." + target.getFileName() + PARTIAL + ProcessHandle.current().pid());
  }

  private static List<Path> createFolders(Path dir) throws IOException {
    List<Path> made = new ArrayList<>();
    Path p = dir;
    List<Path> chain = new ArrayList<>();
    while (p != null && !Files.exists(p)) {
      chain.add(0, p);
      p = p.getParent();
    }
    for (Path folder : chain) {
      Files.createDirectory(folder);
      made.add(folder);
    }
    if (!Files.isDirectory(dir)) {
      throw new FileAlreadyExistsException(dir.toString());
    }
    return made;
  }

  private static Path stage(Path abs, Content content) throws IOException {
    removeLeftovers(abs);
    Path tmp = partialName(abs);
    // Not Files.createTempFile: it always makes the file owner-only (0600); a result must get the
    // permissions any other file the user writes gets (the umask).
    Files.deleteIfExists(tmp); // our own pid: an earlier write of this run, or a dead namesake
    boolean ok = false;
    try {
      try (OutputStream os =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.write(os);
      }
      ok = true;
      return tmp;
    } finally {
      if (!ok) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Removes the {@code .NAME.thyra-partial-PID} files in {@code target}'s folder (of any NAME: a
   * killed run may have been writing a file this run does not write) left by runs that have ended:
   * no process has that id any more, or the one that has it started after the file was last written
   * (the id was reused). A running Thyra's files are kept.
   */
  static void removeLeftovers(Path target) {
    Path dir = target.getParent();
    Pattern pattern = Pattern.compile("\\..+" + Pattern.quote(PARTIAL) + "(\\d+)");
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir, ".*" + PARTIAL + "*")) {
      for (Path p : siblings) {
        Matcher m = pattern.matcher(p.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(p)) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid == self) {
          continue;
        }
        Instant written = Files.getLastModifiedTime(p).toInstant();
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        boolean ended =
            owner.isEmpty()
                || owner
                    .flatMap(h -> h.info().startInstant())
                    .map(start -> start.isAfter(written))
                    .orElse(false);
        if (ended) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // a leftover we cannot remove is harmless; the write itself reports real problems
    }
  }

  static String reason(FileSystemException e) {
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
    return (e.getReason() == null ? "the file system refused" : e.getReason()) + where;
  }
}
