# Golden values for restricted cubic splines and interactions in thyra-frame's formula layer.
# Run from the thyra-frame directory:  Rscript src/test/r/formula_terms.R
# R 4.2.2, rms 6.5-0, Hmisc 4.8-0, survival 3.5.
#
# Writes src/test/resources/golden/formula/terms.json: for each case the formula as thyra reads it,
# the knots rms::rcs places (Hmisc::rcspline.eval defaults: quantiles by number of knots, 5th
# smallest/largest value below 100 values, fractied = 0.05), the design columns (rms's names: age,
# age', sex=2, age * sex=2) and the design matrix of the complete rows, column-major.
# Knots are placed on every non-missing value of the column (model.frame evaluates rcs() before
# na.omit drops rows missing another variable); the design holds the complete rows only.
suppressPackageStartupMessages({ library(rms); library(survival); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- "src/test/resources/golden"
rd <- function(f) read.csv(file.path(out, f), na.strings = c("NA", "", "."))

cases <- list()
# rhs_r: the same model written for R with factor columns already factors (rms's names)
case <- function(name, file, formula, rhs_r, factors = character(), lhs = "time") {
  d <- rd(file)
  for (v in factors) d[[v]] <- factor(d[[v]], levels = sort(unique(d[[v]])))
  f <- as.formula(paste(lhs, "~", rhs_r))
  used <- all.vars(f)
  fit <- ols(f, data = d, x = TRUE)  # rms design: rms's column names and knots
  x <- fit$x
  knots <- lapply(fit$Design$parms, function(p) as.numeric(p))
  cases[[length(cases) + 1]] <<- list(
    name = name, file = file, formula = formula,
    knots = knots, columns = colnames(x), n = nrow(x),
    design = lapply(seq_len(ncol(x)), function(j) unname(x[, j])))
}
case("lung_rcs3_age", "lung.csv", "time ~ rcs(age, 3)", "rcs(age, 3)")
case("lung_rcs4_age", "lung.csv", "time ~ rcs(age, 4)", "rcs(age, 4)")
case("lung_rcs5_age", "lung.csv", "time ~ rcs(age, 5)", "rcs(age, 5)")
case("lung_rcs6_age", "lung.csv", "time ~ rcs(age, 6)", "rcs(age, 6)")
case("lung_rcs7_age", "lung.csv", "time ~ rcs(age, 7)", "rcs(age, 7)")
case("lung_rcs_default_mealcal_missing", "lung.csv", "time ~ rcs(meal.cal) + ph.ecog",
     "rcs(meal.cal) + ph.ecog")
case("lung_rcs4_wtloss", "lung.csv", "time ~ rcs(wt.loss, 4)", "rcs(wt.loss, 4)")
case("lung_rcs_given_knots", "lung.csv", "time ~ rcs(age, c(50, 60, 70))", "rcs(age, c(50, 60, 70))")
case("pbc_rcs3_bili", "formula/pbc.csv", "time ~ rcs(bili, 3)", "rcs(bili, 3)")
case("pbc_rcs5_bili", "formula/pbc.csv", "time ~ rcs(bili, 5)", "rcs(bili, 5)")
case("pbc_rcs7_protime", "formula/pbc.csv", "time ~ rcs(protime, 7)", "rcs(protime, 7)")
case("pbc_rcs4_platelet", "formula/pbc.csv", "time ~ rcs(platelet, 4)", "rcs(platelet, 4)")
case("veteran_rcs4_karno", "formula/veteran.csv", "time ~ rcs(karno, 4)", "rcs(karno, 4)")
case("colon_rcs3_nodes_tied", "colon_death.csv", "time ~ rcs(nodes, 3)", "rcs(nodes, 3)")
case("colon_rcs5_age", "colon_death.csv", "time ~ rcs(age, 5)", "rcs(age, 5)")
# interactions: factor x numeric, factor x factor, numeric x numeric, spline x factor
case("lung_age_x_sex", "lung.csv", "time ~ age * factor(sex) + ph.ecog", "age * sex + ph.ecog",
     factors = "sex")
case("lung_age_x_karno", "lung.csv", "time ~ age * ph.karno", "age * ph.karno")
case("lung_rcs_x_sex", "lung.csv", "time ~ rcs(age, 4) * factor(sex)", "rcs(age, 4) * sex",
     factors = "sex")
case("colon_rx_x_sex", "colon_death.csv", "time ~ rx * factor(sex) + age", "rx * sex + age",
     factors = c("rx", "sex"))
writeLines(toJSON(list(cases = cases), auto_unbox = TRUE, digits = I(17), na = "null"),
           file.path(out, "formula/terms.json"))
