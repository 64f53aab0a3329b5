package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the JSON goldens written by src/test/r/cox_goldens.R and compares numbers. */
final class Golden {

    static final double REL = 1e-6;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Golden() {
    }

    static List<String> names(String prefixFilter, boolean concordance) {
        try {
            final URL dir = Golden.class.getResource("/golden/cox");
            try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .filter(f -> f.startsWith("concordance_") == concordance)
                    .filter(f -> f.startsWith(prefixFilter))
                    .map(f -> f.substring(0, f.length() - 5))
                    .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/cox/" + name + ".json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode node) {
        final double[] r = new double[node.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = number(node.get(i));
        }
        return r;
    }

    /** A number; R's NA is written as "NA", infinities as "Inf" / "-Inf". */
    static double number(JsonNode v) {
        if (v.isNull()) {
            return Double.NaN;
        }
        if (v.isTextual()) {
            switch (v.asText()) {
                case "Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                case "NA":
                case "NaN":
                    return Double.NaN;
                default:
                    throw new IllegalArgumentException("not a number: " + v);
            }
        }
        return v.asDouble();
    }

    static int[] ints(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        final int[] r = new int[node.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = node.get(i).asInt();
        }
        return r;
    }

    static List<String> strings(JsonNode node) {
        final List<String> r = new ArrayList<>();
        if (node.isTextual()) {
            r.add(node.asText());
            return r;
        }
        node.forEach(n -> r.add(n.asText()));
        return r;
    }

    static double[][] columns(JsonNode node) {
        final double[][] c = new double[node.size()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = doubles(node.get(j));
        }
        return c;
    }

    /** Relative comparison; absolute (scaled by 1) near zero; NaN only matches NaN (R's NA). */
    static void close(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        final double tol = REL * Math.max(1.0, Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
        if (Math.abs(expected) > 1e-3) {
            assertThat(Math.abs(actual - expected) / Math.abs(expected)).as(what + " (relative)")
                .isLessThanOrEqualTo(REL);
        }
    }

    /** p-values: relative agreement at and above 1e-10, both tiny below. */
    static void closeP(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else if (expected < 1e-10) {
            assertThat(actual).as(what).isLessThan(1e-9);
        } else {
            assertThat(Math.abs(actual - expected) / expected).as(what + " relative")
                .isLessThanOrEqualTo(REL);
        }
    }

    static void close(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            close(what + "[" + i + "]", actual[i], expected[i]);
        }
    }
}
