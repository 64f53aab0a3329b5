package org.thyra.report.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The output-path rule (docs/CLI.md, "Output paths"): no file a command writes may be one of the
 * files it reads, nor may two of its outputs be the same file. Paths are compared as the file
 * system resolves them: symbolic links and {@code ..} followed, an existing file also by identity
 * (a hard link, a case-insensitive file system), a file that does not exist yet through its
 * folder's real path.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /** An output that would replace an input (or another output): bad arguments, exit 2. */
  public static final class UnsafeOutputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsafeOutputException(String message) {
      super(message);
    }
  }

  /**
   * Refuses any output that is the same file as an input or as another output.
   *
   * @param inputs option name (e.g. {@code --data}) → file read
   * @param outputs option name (e.g. {@code --out}) → file to be written
   * @throws UnsafeOutputException naming both options and the file
   */
  public static void requireDistinct(Map<String, Path> inputs, Map<String, Path> outputs) {
    for (Map.Entry<String, Path> out : outputs.entrySet()) {
      for (Map.Entry<String, Path> in : inputs.entrySet()) {
        if (same(out.getValue(), in.getValue())) {
          throw new UnsafeOutputException(
              out.getKey()
                  + " "
                  + out.getValue()
                  + " is the input file of "
                  + in.getKey()
                  + " ("
                  + in.getValue()
                  + "); Thyra never writes over a file it reads: choose another output file");
        }
      }
    }
    var entries = outputs.entrySet().stream().toList();
    for (int i = 0; i < entries.size(); i++) {
      for (int j = i + 1; j < entries.size(); j++) {
        if (same(entries.get(i).getValue(), entries.get(j).getValue())) {
          throw new UnsafeOutputException(
              entries.get(i).getKey()
                  + " and "
                  + entries.get(j).getKey()
                  + " name the same file ("
                  + entries.get(j).getValue()
                  + "); give each output its own file");
        }
      }
    }
  }

  /**
   * @return whether the two paths name the same file once links and {@code ..} are resolved
   */
  public static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
      return resolved(a).equals(resolved(b));
    } catch (IOException e) {
      // cannot tell (no permission to look): compare the lexical absolute paths
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /**
   * The path the file system would open: the real path of its longest existing ancestor (links and
   * {@code ..} resolved there), then the names that do not exist yet, normalized.
   */
  public static Path resolved(Path p) throws IOException {
    Path abs = p.toAbsolutePath();
    Deque<Path> missing = new ArrayDeque<>();
    Path existing = abs;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      missing.push(existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs.normalize();
    }
    Path real = existing.toRealPath();
    while (!missing.isEmpty()) {
      Path name = missing.pop();
      real = name.toString().equals("..") ? real.getParent() : real.resolve(name);
      if (real == null) {
        return abs.normalize();
      }
    }
    return real.normalize();
  }
}
