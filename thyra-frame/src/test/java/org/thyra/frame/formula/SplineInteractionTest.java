package org.thyra.frame.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.thyra.frame.DataTable;
import org.thyra.frame.TableReader;

/** Parsing of {@code a*b}, {@code a:b} and {@code rcs()}; new data coded with the same knots. */
class SplineInteractionTest {
  private static Path lung() throws URISyntaxException {
    return Path.of(SplineInteractionTest.class.getResource("/golden/lung.csv").toURI());
  }

  @Test
  void aProductExpandsInRsTermOrder() {
    Formula f = Formula.parse("y ~ a * b * c + d");
    assertThat(f.covariates().stream().map(Term::toString))
        .containsExactly("a", "b", "c", "d", "a:b", "a:c", "b:c", "a:b:c");
    // a*b + a keeps one a (as R); an explicit repeat stays an error
    assertThat(Formula.parse("y ~ a * factor(b) + a").toString())
        .isEqualTo("y ~ a + factor(b) + a:factor(b)");
    assertThat(Formula.parse("y ~ rcs(x) + z").covariates().get(0).knotCount()).isEqualTo(5);
    assertThat(Formula.parse("y ~ rcs(x, c(-1, 0.5, 2))").toString())
        .isEqualTo("y ~ rcs(x, c(-1, 0.5, 2))");
    assertThat(Formula.parse("Surv(t, e) ~ rcs(x, 3) * factor(g) + strata(s)").variables())
        .containsExactly("t", "e", "x", "g", "s");
    assertThat(Formula.parse("y ~ a:factor(b)").categoricalColumns()).containsExactly("b");
  }

  @Test
  void newDataIsCodedWithTheDevelopmentKnotsAndLevels() throws Exception {
    Formula f = Formula.parse("Surv(time, status) ~ rcs(age, 4) * factor(sex)");
    DataTable t = TableReader.read(lung(), f.variables());
    ModelFrame dev = ModelFrame.build(t, f, null, IntStream.rangeClosed(1, 150).toArray());
    ModelFrame val = dev.encode(t, IntStream.rangeClosed(151, 228).toArray());
    Variable spline = dev.variables().get(0);
    assertThat(spline.kind()).isEqualTo(TermKind.SPLINE);
    assertThat(val.variables().get(0).knots()).isEqualTo(spline.knots());
    // knots placed on all 228 rows would differ: the validation rows use the development ones
    ModelFrame whole = ModelFrame.build(t, f);
    assertThat(whole.variables().get(0).knots()).isNotEqualTo(spline.knots());
    assertThat(val.design().columnNames()).isEqualTo(dev.design().columnNames());
    int[] rows = val.rows();
    double[][] x = val.design().columns();
    for (int i = 0; i < rows.length; i++) {
      double age = ageOf(t, rows[i]);
      double[] basis = spline.splineBasis(age);
      for (int c = 0; c < basis.length; c++) {
        assertThat(x[c][i]).isCloseTo(basis[c], within(1e-12));
      }
      double male = x[3][i];
      for (int c = 0; c < basis.length; c++) {
        assertThat(x[4 + c][i]).isCloseTo(basis[c] * male, within(1e-12));
      }
    }
  }

  private static double ageOf(DataTable t, int row) {
    return ((org.thyra.frame.NumericColumn) t.column("age")).value(row - 1);
  }

  @Test
  void factorInAnInteractionWithoutItsMarginGetsOneColumnPerLevel() throws Exception {
    // R's model.matrix: sex is coded by contrasts when the term without it (ph.ecog) is present
    Formula f = Formula.parse("Surv(time, status) ~ ph.ecog:factor(sex)");
    ModelFrame m = ModelFrame.build(TableReader.read(lung(), f.variables()), f);
    assertThat(m.design().columnNames()).isEqualTo(List.of("ph.ecog * sex=1", "ph.ecog * sex=2"));
    Formula g = Formula.parse("Surv(time, status) ~ ph.ecog + ph.ecog:factor(sex)");
    ModelFrame n = ModelFrame.build(TableReader.read(lung(), g.variables()), g);
    assertThat(n.design().columnNames()).isEqualTo(List.of("ph.ecog", "ph.ecog * sex=2"));
  }
}
