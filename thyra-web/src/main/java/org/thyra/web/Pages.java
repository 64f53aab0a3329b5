package org.thyra.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled jte templates (generated at build time by jte-maven-plugin). */
final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }

  void show(Context ctx, int status, String template, Map<String, Object> params) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, params));
  }

  void error(Context ctx, int status, String message) {
    show(
        ctx,
        status,
        "error.jte",
        Map.of("viewer", Security.viewer(ctx), "status", status, "message", message));
  }
}
