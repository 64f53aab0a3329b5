package org.thyra.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns codes to labels in first-seen order, looking labels up straight from a character buffer
 * (open addressing, linear probing) so that reading a categorical column allocates a {@code String}
 * per distinct label, not per row.
 */
final class LabelDictionary {
  private final List<String> labels = new ArrayList<>();
  private final List<char[]> chars = new ArrayList<>();
  private int[] table = new int[64]; // code + 1, 0 = empty
  private int[] hashes = new int[64];

  /**
   * @return the code of {@code buf[off, off+len)}, adding it when new
   */
  int code(char[] buf, int off, int len) {
    int h = 1;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + buf[i];
    }
    int mask = table.length - 1;
    int pos = mix(h) & mask;
    while (true) {
      int entry = table[pos];
      if (entry == 0) {
        break;
      }
      if (hashes[pos] == h
          && Arrays.equals(
              chars.get(entry - 1), 0, chars.get(entry - 1).length, buf, off, off + len)) {
        return entry - 1;
      }
      pos = (pos + 1) & mask;
    }
    int code = labels.size();
    char[] copy = Arrays.copyOfRange(buf, off, off + len);
    chars.add(copy);
    labels.add(new String(copy));
    table[pos] = code + 1;
    hashes[pos] = h;
    if (labels.size() * 2 > table.length) {
      rehash();
    }
    return code;
  }

  /**
   * @return the labels in first-seen order (index = code)
   */
  List<String> labels() {
    return labels;
  }

  private void rehash() {
    int[] oldTable = table;
    int[] oldHashes = hashes;
    table = new int[oldTable.length * 2];
    hashes = new int[oldTable.length * 2];
    int mask = table.length - 1;
    for (int i = 0; i < oldTable.length; i++) {
      if (oldTable[i] != 0) {
        int pos = mix(oldHashes[i]) & mask;
        while (table[pos] != 0) {
          pos = (pos + 1) & mask;
        }
        table[pos] = oldTable[i];
        hashes[pos] = oldHashes[i];
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
