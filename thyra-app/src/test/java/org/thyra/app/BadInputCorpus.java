package org.thyra.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bad-input corpus (issue 11), generated at test time: a small, seeded cohort written as CSV,
 * and variants of it each broken in one way. Nothing large is committed; every file is made here.
 */
final class BadInputCorpus {
  static final String HEADER = "id,code,note,time,status,age,sex,grp,bin,x,before,after,kps";

  private BadInputCorpus() {}

  /** The good cohort: n rows, seeded, with ids and codes whose text matters (007, 20 digits). */
  static List<String> cohort(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (int i = 1; i <= n; i++) {
      int age = 40 + r.nextInt(40);
      int sex = 1 + r.nextInt(2);
      double x = Math.round(r.nextDouble() * 1000) / 100.0;
      double rate = 0.02 * (1 + (age - 40) / 40.0) * (sex == 2 ? 0.6 : 1);
      int time = 1 + (int) Math.min(120, -Math.log(1 - r.nextDouble()) / rate);
      int status = time < 120 && r.nextDouble() < 0.8 ? 2 : 1;
      int bin = r.nextDouble() < 1 / (1 + Math.exp(-(age - 60) / 10.0)) ? 1 : 0;
      String id = "1234567890123456" + String.format("%04d", i); // 20 digits
      String code = String.format("%03d", i); // 001, 007, ...
      double before = Math.round(r.nextDouble() * 100) / 10.0;
      double after = Math.round((before + r.nextGaussian()) * 10) / 10.0;
      int kps = 50 + 10 * r.nextInt(6);
      lines.add(
          String.join(
              ",",
              id,
              code,
              i % 3 == 0 ? "1e5" : i % 3 == 1 ? " spaced " : "NA",
              Integer.toString(time),
              Integer.toString(status),
              Integer.toString(age),
              Integer.toString(sex),
              r.nextBoolean() ? "a" : "b",
              Integer.toString(bin),
              Double.toString(x),
              Double.toString(before),
              Double.toString(after),
              Integer.toString(kps)));
    }
    return lines;
  }

  /** The cohort with one cell replaced (data row numbered from 1, column by name). */
  static List<String> withCell(List<String> lines, int dataRow, String column, String text) {
    List<String> out = new ArrayList<>(lines);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int col = header.indexOf(column);
    String[] cells = out.get(dataRow).split(",", -1);
    cells[col] = text;
    out.set(dataRow, String.join(",", cells));
    return out;
  }

  static Path write(Path dir, String name, List<String> lines) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, lines);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under dir (relative name → SHA-256), hidden ones included. */
  static Map<String, String> snapshot(Path dir) {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = dir.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          hashes.put(name, "-> " + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p)) {
          MessageDigest md = MessageDigest.getInstance("SHA-256");
          hashes.put(name, HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
        } else if (!p.equals(dir)) {
          hashes.put(name + "/", "dir");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return hashes;
  }
}
