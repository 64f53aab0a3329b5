package org.thyra.app.web;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.thyra.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thyra serve}: the web application (SPEC §5). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the web application: patients, timeline and status, data entry with audit,"
          + " nomogram calculators, de-identified cohort analytics and bundled studies.",
      "Accounts are created with 'thyra users add'; there is no default account.",
      "Listens on the loopback address unless --bind says otherwise; serve a network only behind"
          + " a TLS proxy (the session cookie is marked Secure when the request came over TLS)."
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--registry",
      paramLabel = "LOCATION",
      description =
          "registry directory or jdbc:postgresql:// URL (credentials from THYRA_DB_USER and"
              + " THYRA_DB_PASSWORD); default $THYRA_REGISTRY or ~/.thyra/registry")
  String registry;

  @Option(
      names = "--models",
      paramLabel = "DIR",
      description =
          "folder of nomogram models (thyra nomogram --format json outputs) for the calculator"
              + " (default: nomograms/ in the registry directory)")
  java.nio.file.Path models;

  @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "address to listen on (default ${DEFAULT-VALUE})")
  String bind;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port " + port + ": give a port from 0 to 65535");
    }
    WebServer server = WebServer.start(registry, bind, port, System.getenv(), models);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "thyra-serve-stop"));
    System.out.println(
        "thyra serve: listening on http://" + bind + ":" + server.port() + "/ (Ctrl-C stops)");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
