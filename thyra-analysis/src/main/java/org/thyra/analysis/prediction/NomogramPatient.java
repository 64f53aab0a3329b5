package org.thyra.analysis.prediction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thyra.analysis.prediction.NomogramModel.ModelVariable;
import org.thyra.frame.DecimalText;
import org.thyra.frame.InputException;
import org.thyra.stats.prediction.NomogramResult;

/**
 * One patient read from a JSON object {@code {"variable": value, ...}} and scored on a nomogram:
 * points per variable, total points, linear predictor.
 *
 * <p>Every model variable must be given, and nothing else. A numeric variable takes a JSON number
 * (or a string holding one); a categorical variable takes one of the levels seen in the fitting
 * data (a JSON number for a {@code factor()} of a numeric column is matched as R prints it). A
 * numeric value outside the fitting data's range is scored by extending the axis linearly, as
 * {@code rms} does, and reported as a warning.
 *
 * @param values the patient's values as given, in model order (text)
 * @param points points per variable, in model order
 * @param totalPoints sum of the points
 * @param linearPredictor linear predictor on the nomogram's scale
 * @param warnings values outside the data range
 */
public record NomogramPatient(
    Map<String, String> values,
    double[] points,
    double totalPoints,
    double linearPredictor,
    List<String> warnings) {

  public NomogramPatient {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    points = points.clone();
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads and scores the patient file.
   *
   * @throws InputException naming the file and the variable for a missing, unknown, non-numeric or
   *     unseen value, or a file that is not one JSON object
   */
  public static NomogramPatient read(Path file, NomogramModel model, NomogramResult nom) {
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    JsonNode root;
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new InputException(
          source,
          null,
          null,
          "--predict file cannot be read: "
              + (e instanceof java.nio.file.NoSuchFileException
                  ? "file not found (" + file + ")"
                  : firstLine(e.toString())),
          e);
    }
    try {
      // a key given twice is refused, not silently resolved to one of its values
      root =
          new ObjectMapper()
              .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var where = e.getLocation();
      String at =
          where == null
              ? ""
              : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      var duplicate = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(original);
      throw new InputException(
          source,
          null,
          null,
          duplicate.find()
              ? "--predict names \""
                  + duplicate.group(1)
                  + "\" twice"
                  + at
                  + "; give each variable once"
              : "--predict needs a JSON object {\"variable\": value, ...}; the file is not valid JSON"
                  + at,
          e);
    } catch (IOException e) {
      throw new InputException(
          source,
          null,
          null,
          "--predict needs a JSON object {\"variable\": value, ...}: " + firstLine(e.getMessage()),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new InputException(
          source,
          null,
          null,
          "--predict needs a JSON object {\"variable\": value, ...}, got "
              + (root == null ? "nothing" : root.getNodeType()));
    }
    List<String> names = new ArrayList<>();
    for (ModelVariable v : model.variables()) {
      names.add(v.name());
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (model.variable(f) == null) {
        throw new InputException(
            source,
            null,
            null,
            "variable \""
                + f
                + "\" is not in the model; its variables are "
                + String.join(", ", names));
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    double[] effects = new double[names.size()];
    List<String> warnings = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      ModelVariable v = model.variables().get(j);
      JsonNode node = root.get(v.name());
      if (node == null || node.isNull()) {
        throw new InputException(
            source,
            null,
            null,
            "variable \""
                + v.name()
                + "\" is missing: the nomogram needs "
                + "a value for each of "
                + String.join(", ", names));
      }
      if (v.categorical()) {
        if (!(node.isTextual() || node.isNumber())) {
          throw new InputException(
              source,
              null,
              null,
              "variable \""
                  + v.name()
                  + "\" takes one level as a string"
                  + " or number, got "
                  + node
                  + "; known levels: "
                  + String.join(", ", v.levels()));
        }
        String level = node.isNumber() ? DecimalText.format(node.doubleValue()) : node.asText();
        int k = v.levels().indexOf(level);
        if (k < 0) {
          throw new InputException(
              source,
              null,
              null,
              "variable \""
                  + v.name()
                  + "\": level \""
                  + node.asText()
                  + "\" was not seen in the development data; known levels: "
                  + String.join(", ", v.levels()));
        }
        values.put(v.name(), level);
        effects[j] = v.levelEffect(k);
      } else {
        double x = numeric(node);
        if (!Double.isFinite(x)) {
          throw new InputException(
              source,
              null,
              null,
              "variable \""
                  + v.name()
                  + "\" is numeric; got "
                  + node
                  + ", which is not a finite number");
        }
        if (x < v.min() || x > v.max()) {
          warnings.add(
              "patient "
                  + v.name()
                  + " = "
                  + DecimalText.format(x)
                  + " is outside the development data range ["
                  + DecimalText.format(v.min())
                  + ", "
                  + DecimalText.format(v.max())
                  + "]: its points extend the axis linearly, as rms does (extrapolation)");
        }
        values.put(v.name(), DecimalText.format(x));
        effects[j] = v.effect(x);
      }
    }
    return of(nom, values, effects, warnings);
  }

  /**
   * Scores values already checked against the model: the one scoring of a patient that {@code thyra
   * nomogram --predict} and the web calculator share.
   *
   * @param values each variable's value as text, in model order
   * @param effects each variable's contribution to the linear predictor ({@link
   *     NomogramModel.ModelVariable#effect} or {@link NomogramModel.ModelVariable#levelEffect})
   * @param warnings notes on the values (extrapolation)
   */
  public static NomogramPatient of(
      NomogramResult nom, Map<String, String> values, double[] effects, List<String> warnings) {
    double[] points = new double[effects.length];
    double total = 0;
    for (int j = 0; j < effects.length; j++) {
      points[j] = nom.points(j, effects[j]);
      total += points[j];
    }
    return new NomogramPatient(values, points, total, nom.linearPredictor(total), warnings);
  }

  private static double numeric(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return DecimalText.parse(node.asText().trim());
      } catch (RuntimeException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
