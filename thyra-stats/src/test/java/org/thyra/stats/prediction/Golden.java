package org.thyra.stats.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.assertj.core.data.Offset;

/** Reads the JSON goldens of src/test/r/prediction_goldens.R (under /golden/prediction). */
final class Golden {

    static final double REL = 1e-6;
    static final double ABS = 1e-12;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Golden() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/prediction/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing golden " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode node) {
        if (node.isNumber()) {
            return new double[] {node.asDouble()};
        }
        final double[] r = new double[node.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = node.get(i).isNull() ? Double.NaN : node.get(i).asDouble();
        }
        return r;
    }

    static int[] ints(JsonNode node) {
        final int[] r = new int[node.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = node.get(i).asInt();
        }
        return r;
    }

    static double[][] columns(JsonNode node) {
        final double[][] c = new double[node.size()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = doubles(node.get(j));
        }
        return c;
    }

    static void close(String what, double actual, double expected) {
        final double tol = Math.max(ABS, REL * Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, Offset.offset(tol));
    }

    static void close(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            close(what + "[" + i + "]", actual[i], expected[i]);
        }
    }
}
