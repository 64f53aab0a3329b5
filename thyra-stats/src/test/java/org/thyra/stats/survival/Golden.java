package org.thyra.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Loads the R golden fixtures under golden/km and compares numbers at R's precision. */
final class Golden {
    static final double REL = 1e-6;
    static final double ABS = 1e-13;
    static final List<String> DATASETS = List.of("lung", "veteran", "pbc", "colon_death", "flchain",
            "ovarian");

    private Golden() {
    }

    static JsonNode load(String dataset) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/km/" + dataset + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing golden " + dataset);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num(a.get(i));
        }
        return v;
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isNull() ? -1 : a.get(i).asInt();
        }
        return v;
    }

    /** JSON null (R NA/NaN/Inf written as null) reads as NaN. */
    static double num(JsonNode v) {
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    /** A p-value: relative tolerance at every magnitude (R's tiny p-values are checked too). */
    static void closeP(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(Double.isNaN(actual)).as(what + " = " + actual + ", R gives NA").isTrue();
            return;
        }
        assertThat(actual).as(what).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(REL * Math.abs(expected)));
    }

    /** Expected R value (NaN for R's NA) against the actual one. */
    static void close(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(Double.isNaN(actual)).as(what + " = " + actual + ", R gives NA").isTrue();
            return;
        }
        double tol = Math.max(ABS, REL * Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
    }
}
