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
import org.assertj.core.data.Offset;

/**
 * Reads the JSON goldens written by the R scripts in src/test/r (under /golden/{km,cox}) and
 * compares numbers at R's precision: 6 significant digits.
 */
final class Golden {

    static final double REL = 1e-6;
    /** Below this a value is zero to double precision (e.g. a survival of 1 - 1). */
    static final double ABS = 1e-13;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The data sets of km_logrank_goldens.R (golden/km/NAME.json). */
    static final List<String> KM_DATASETS = List.of("lung", "veteran", "pbc", "colon_death", "flchain",
            "ovarian");

    private Golden() {
    }

    /** Fixture names (without .json) in /golden/{folder}. */
    static List<String> names(String folder, String prefixFilter, boolean concordance) {
        try {
            final URL dir = Golden.class.getResource("/golden/" + folder);
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

    /** Loads /golden/{path}.json, e.g. {@code load("km/lung")}. */
    static JsonNode load(String path) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + path + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing golden " + path);
            }
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

    /** A number; R's NA is written as null or "NA", infinities as "Inf" / "-Inf". */
    static double number(JsonNode v) {
        if (v == null || v.isNull()) {
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

    /** Integers; null (R's NA) reads as -1. */
    static int[] ints(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        final int[] r = new int[node.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = node.get(i).isNull() ? -1 : node.get(i).asInt();
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

    /** Relative agreement to 1e-6; NaN only matches NaN (R's NA); ±Inf only itself. */
    static void close(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what + " = " + actual + ", R gives NA").isNaN();
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        final double tol = Math.max(ABS, REL * Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, Offset.offset(tol));
    }

    static void close(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            close(what + "[" + i + "]", actual[i], expected[i]);
        }
    }

    /** p-values: relative agreement at and above 1e-10 (SPEC §4), both tiny below. */
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
}
