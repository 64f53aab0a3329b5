package org.thyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thyra.clinical.course.CourseJson;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryLocation;
import org.thyra.registry.store.CourseStore;

class WebServerTest {
  @TempDir Path dir;

  @Test
  void aDirectoryHoldingARegistryServesTheRegistrysPatients() throws Exception {
    try (Registry r = Registry.open(RegistryLocation.h2(dir), true)) {
      r.init();
      var c = CourseJson.read(Path.of("..", "examples", "courses", "seed003-rair-lung.json"));
      r.inTransaction(
          h -> {
            CourseStore.ensureSite(h, "A");
            CourseStore.insert(
                h, "A", List.of(c), List.of(new CourseStore.Provenance("t", "seed", null, null)));
            return null;
          });
    }
    try (WebServer s = WebServer.start(dir.toString(), "127.0.0.1", 0)) {
      var http = java.net.http.HttpClient.newHttpClient();
      var login =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + s.port() + "/login"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
    }
    // the web store sits beside the registry, which is left as it was
    assertThat(Files.exists(dir.resolve("thyra-web.mv.db"))).isTrue();
    try (Registry r = Registry.open(RegistryLocation.h2(dir), false)) {
      r.requireCurrent();
      assertThat(new org.thyra.registry.RegistryService(r).read("P003-01")).isNotNull();
    }
  }
}
