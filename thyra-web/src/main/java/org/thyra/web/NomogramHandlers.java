package org.thyra.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.thyra.web.nomogram.NomogramCalculator;
import org.thyra.web.nomogram.NomogramModel;
import org.thyra.web.nomogram.NomogramModels;

/**
 * {@code /nomograms}: the models, and per model a calculator — values in (POST, so that a patient's
 * values stay out of URLs, logs and history), points, total points, linear predictor and predicted
 * survival out, beside the model's nomogram drawn by the figure layer.
 */
final class NomogramHandlers {
  private final NomogramModels models;
  private final Pages pages;
  private final Map<String, String> figures = new ConcurrentHashMap<>();

  NomogramHandlers(NomogramModels models, Pages pages) {
    this.models = models;
    this.pages = pages;
  }

  void list(Context ctx) {
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("models", models.all());
    pages.show(ctx, 200, "nomograms.jte", m);
  }

  private NomogramModel model(Context ctx) {
    return models
        .find(ctx.pathParam("modelId"))
        .orElseThrow(() -> new NotFoundResponse("No such model"));
  }

  void form(Context ctx) {
    NomogramModel model = model(ctx);
    show(ctx, 200, model, null, new LinkedHashMap<>());
  }

  void score(Context ctx) {
    NomogramModel model = model(ctx);
    Map<String, String> form = new LinkedHashMap<>();
    for (NomogramModel.Field f : model.fields()) {
      String v = ctx.formParam(f.name());
      form.put(f.name(), v == null ? "" : v);
    }
    NomogramCalculator.Score s = NomogramCalculator.score(model, form);
    show(ctx, s.ok() ? 200 : 422, model, s, s.values());
  }

  private void show(
      Context ctx,
      int status,
      NomogramModel model,
      NomogramCalculator.Score score,
      Map<String, String> values) {
    Map<String, Object> m = new HashMap<>();
    m.put("viewer", Security.viewer(ctx));
    m.put("model", model);
    m.put("score", score);
    m.put("values", values);
    m.put("svg", figures.computeIfAbsent(model.id(), k -> NomogramCalculator.svg(model)));
    pages.show(ctx, status, "nomogram.jte", m);
  }
}
