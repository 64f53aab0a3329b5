package org.thyra.studies.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each key path of a YAML document starts, so a problem found after binding (an unknown
 * column, a missing key) can still name its line and column. Paths look like {@code
 * analyses[2].time}; a key's location is its value's start (its key's start for an empty value).
 */
final class YamlLocations {

  /** 1-based line and column. */
  record Location(int line, int column) {}

  private final Map<String, Location> values = new HashMap<>();
  private final Map<String, Location> keys = new HashMap<>();

  YamlLocations(Node root) {
    if (root != null) {
      walk("", root);
    }
  }

  private void walk(String path, Node node) {
    values.put(path, at(node));
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          String p = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
          keys.put(p, at(k));
          walk(p, t.getValueNode());
        }
      }
    } else if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(path + "[" + i + "]", items.get(i));
      }
    }
  }

  private static Location at(Node n) {
    return new Location(n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  /**
   * The location of this path's value; for a path that is not in the file (a missing key), the
   * nearest enclosing path that is.
   */
  Location find(String path) {
    String p = path;
    while (true) {
      Location l = values.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return new Location(1, 1);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }

  /** The location of the key itself (for unknown keys), or of the value when unknown. */
  Location key(String path) {
    Location l = keys.get(path);
    return l != null ? l : find(path);
  }
}
