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
 * points on each axis the patient scores on, total points, linear predictor.
 *
 * <p>Every model variable ({@link NomogramModel#inputs()}: for a numeric x factor interaction the
 * numeric variable and the factor) must be given, and nothing else. A numeric variable takes a JSON
 * number (or a string holding one); a categorical variable takes one of the levels seen in the
 * fitting data (a JSON number for a {@code factor()} of a numeric column is matched as R prints
 * it). A numeric value outside the fitting data's range is scored by extending the axis linearly,
 * as {@code rms} does, and reported as a warning. With an interaction the patient scores on the
 * axis of their level of the factor only ({@code "age (sex=2)"}), as one reads an rms nomogram.
 *
 * @param values the patient's values as given, in input order (text)
 * @param axes the axes the patient scores on, in axis order (every axis but the other levels' axes
 *     of an interaction)
 * @param points points on each of {@code axes}
 * @param totalPoints sum of the points
 * @param linearPredictor linear predictor on the nomogram's scale
 * @param warnings values outside the data range
 */
public record NomogramPatient(
    Map<String, String> values,
    List<String> axes,
    double[] points,
    double totalPoints,
    double linearPredictor,
    List<String> warnings) {

  public NomogramPatient {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    axes = List.copyOf(axes);
    points = points.clone();
    warnings = List.copyOf(warnings);
    if (axes.size() != points.length) {
      throw new IllegalArgumentException(axes.size() + " axes for " + points.length + " points");
    }
  }

  @Override
  public double[] points() {
    return points.clone();
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
    List<NomogramModel.Input> inputs = model.inputs();
    List<String> names = new ArrayList<>();
    for (NomogramModel.Input in : inputs) {
      names.add(in.name());
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!names.contains(f)) {
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
    Map<String, Double> numbers = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (NomogramModel.Input v : inputs) {
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
        if (!v.levels().contains(level)) {
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
        numbers.put(v.name(), x);
      }
    }
    return score(model, nom, values, numbers, warnings);
  }

  /**
   * Scores values already checked against the model's {@link NomogramModel#inputs()}: the one
   * scoring of a patient that {@code thyra nomogram --predict} and the web calculator share.
   *
   * <p>A categorical variable scores its level's points, a numeric variable or spline the points of
   * its effect on its axis ({@link NomogramModel.ModelVariable#effect}, extended linearly beyond
   * the axis); a numeric variable interacting with a factor scores on the one axis of the patient's
   * level of the factor (rms: that axis carries the variable's main effect, the level's main effect
   * and the interaction), and its other axes score nothing.
   *
   * @param values each input's value as text (a categorical input: its level), by input name
   * @param numbers each numeric input's value, by input name
   * @param warnings notes on the values (extrapolation)
   * @throws IllegalArgumentException when an input is missing or a level unknown (the callers check
   *     the values first and name the file or the field)
   */
  public static NomogramPatient score(
      NomogramModel model,
      NomogramResult nom,
      Map<String, String> values,
      Map<String, Double> numbers,
      List<String> warnings) {
    List<String> axes = new ArrayList<>();
    List<Double> points = new ArrayList<>();
    double total = 0;
    for (int j = 0; j < model.variables().size(); j++) {
      ModelVariable v = model.variables().get(j);
      double effect;
      if (v.categorical()) {
        int k = v.levels().indexOf(values.get(v.name()));
        if (k < 0) {
          throw new IllegalArgumentException(
              v.name() + ": level " + values.get(v.name()) + " is not one of " + v.levels());
        }
        effect = v.levelEffect(k);
      } else {
        if (v.isInteraction() && !v.level().equals(values.get(v.factor()))) {
          continue; // the patient's points are read on the axis of their own level
        }
        Double x = numbers.get(v.input());
        if (x == null) {
          throw new IllegalArgumentException(v.input() + " has no numeric value");
        }
        effect = v.effect(x);
      }
      double p = nom.points(j, effect);
      axes.add(v.name());
      points.add(p);
      total += p;
    }
    if (axes.isEmpty()) {
      throw new IllegalArgumentException("the values score on no axis of the nomogram");
    }
    return new NomogramPatient(
        values,
        axes,
        points.stream().mapToDouble(Double::doubleValue).toArray(),
        total,
        nom.linearPredictor(total),
        warnings);
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
