package org.thyra.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A minimal HTTP user agent for tests: one session cookie, no redirects followed. */
final class Http {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern COOKIE = Pattern.compile(Security.COOKIE + "=([^;]*)");

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  String cookie;
  String csrf;

  Http(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    return send(b);
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(b);
  }

  /** Posts with the page's CSRF token added. */
  HttpResponse<String> postWithToken(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    Map<String, String> f = new LinkedHashMap<>(form);
    f.put("_csrf", csrf);
    return post(path, f);
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    if (cookie != null) {
      b.header("Cookie", Security.COOKIE + "=" + cookie);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : r.headers().allValues("Set-Cookie")) {
      Matcher m = COOKIE.matcher(set);
      if (m.find()) {
        cookie = m.group(1).isEmpty() ? null : m.group(1);
      }
    }
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  /** Signs in through the login form; returns the POST /login response. */
  HttpResponse<String> login(String user, String password)
      throws IOException, InterruptedException {
    get("/login");
    HttpResponse<String> r =
        postWithToken("/login", Map.of("username", user, "password", password));
    if (r.statusCode() == 303) {
      get(r.headers().firstValue("Location").orElseThrow()); // the signed-in session's token
    }
    return r;
  }
}
