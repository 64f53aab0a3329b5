# Golden values for splines and interactions in `thyra cox`, `logistic` and `screen`
# (FormulaCliGoldenTest). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/formula_cli_goldens.R
#
# R 4.2.2, survival 3.5, rms 6.5-0 (Hmisc 4.8-0).
#
# Numbers come from survival::coxph and glm with rms::rcs() in the formula (coxph's convergence,
# which thyra follows; rms::cph stops earlier at eps = 1e-4); the column names from rms
# (cph / lrm: age, age', sex=2, age * sex=2), checked to be the same columns in the same order.
# Each case is golden/formula/NAME.json = {name, args, expected}; `expected` uses thyra's JSON field
# names. Factor columns are factors with thyra's level order (sorted; numeric sort for numbers).
suppressPackageStartupMessages({ library(jsonlite); library(survival); library(rms) })
invisible(Sys.setlocale("LC_COLLATE", "C"))

out <- "thyra-app/src/test/resources/golden/formula"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
rd <- function(f) read.csv(file.path(datadir, f))
wr(survival::lung, "lung.csv")
wr(survival::veteran, "veteran.csv")
cd <- subset(survival::colon, etype == 2)
cd$rx <- as.character(cd$rx)
wr(cd, "colon_death.csv")
pb <- survival::pbc
pb$dead <- as.integer(pb$status == 2)
pb$status <- NULL
wr(pb, "pbc_dead.csv")

num <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) NA else unname(x)
cases <- list()
add <- function(name, args, expected) {
  cases[[length(cases) + 1]] <<- list(name = name, args = as.list(args), expected = expected)
}
prep <- function(file, factors) {
  d <- rd(file)
  for (v in factors) d[[v]] <- factor(d[[v]], levels = sort(unique(d[[v]]), method = "radix"))
  d
}

# rhs: thyra's formula right side; rhs_r: the same for R with the factor columns as factors
cox_case <- function(name, file, time, event, rhs, rhs_r, factors = character(), names = NULL) {
  d <- prep(file, factors)
  f <- as.formula(paste0("Surv(", time, ", ", event, ") ~ ", rhs_r))
  fit <- coxph(f, data = d, ties = "efron")
  if (is.null(names)) {
    rfit <- cph(f, data = d, method = "efron")
    nm <- names(coef(rfit))
    stopifnot(max(abs(coef(rfit) - coef(fit)) / pmax(1, abs(coef(fit)))) < 1e-2)
  } else {
    nm <- names  # rms cannot fit an interaction without its main effects: names written by hand
  }
  stopifnot(length(nm) == length(coef(fit)))
  s <- summary(fit)$coefficients
  ci <- confint(fit)
  terms <- lapply(seq_along(nm), function(j) {
    t <- list(term = nm[j], coef = num(coef(fit)[j]), se = num(s[j, 3]), hr = num(exp(coef(fit)[j])),
              lower = num(exp(ci[j, 1])), upper = num(exp(ci[j, 2])), z = num(s[j, 4]), p = num(s[j, 5]))
    # exp() of a limit beyond e^100 magnifies the last digits of coef and se: compare those instead
    if (max(abs(ci[j, ])) > 100) { t$lower <- NULL; t$upper <- NULL; t$hr <- NULL }
    t
  })
  sm <- summary(fit)
  z <- cox.zph(fit, transform = "km", terms = TRUE)$table
  ph <- lapply(seq_len(nrow(z) - 1), function(i) list(chisq = z[i, 1], df = z[i, 2], p = z[i, 3]))
  add(name, c("cox", "--data", paste0("{data}/", file), "--formula",
              paste0("Surv(", time, ", ", event, ") ~ ", rhs)),
      list(n = fit$n, events = fit$nevent, dropped_missing = length(fit$na.action), terms = terms,
           loglik = list(null = fit$loglik[1], model = fit$loglik[2]),
           # summary.coxph rounds the Wald statistic: the fit's own values
           tests = list(likelihood_ratio = list(statistic = 2 * diff(fit$loglik), df = unname(sm$logtest[2])),
                        wald = list(statistic = unname(fit$wald.test), df = unname(sm$waldtest[2])),
                        score = list(statistic = unname(fit$score), df = unname(sm$sctest[2]))),
           concordance = list(c = unname(fit$concordance["concordance"])),
           ph_test = list(terms = ph, global = list(chisq = z[nrow(z), 1], df = z[nrow(z), 2]))))
}
cox_case("cox_lung_rcs4_age", "lung.csv", "time", "status",
         "rcs(age, 4) + factor(sex) + ph.ecog", "rcs(age, 4) + sex + ph.ecog", factors = "sex")
cox_case("cox_lung_rcs_default_knots_given", "lung.csv", "time", "status",
         "rcs(age, c(50, 60, 70)) + rcs(meal.cal)", "rcs(age, c(50, 60, 70)) + rcs(meal.cal)")
cox_case("cox_lung_age_x_sex", "lung.csv", "time", "status",
         "age * factor(sex) + ph.ecog", "age * sex + ph.ecog", factors = "sex")
cox_case("cox_lung_age_x_karno", "lung.csv", "time", "status", "age * ph.karno", "age * ph.karno")
cox_case("cox_lung_rcs_x_sex", "lung.csv", "time", "status",
         "rcs(age, 4) * factor(sex) + ph.ecog", "rcs(age, 4) * sex + ph.ecog", factors = "sex")
cox_case("cox_veteran_celltype_x_trt", "veteran.csv", "time", "status",
         "celltype * factor(trt) + karno", "celltype * trt + karno", factors = c("celltype", "trt"))
cox_case("cox_pbc_rcs5_bili", "pbc_dead.csv", "time", "dead",
         "rcs(bili, 5) + age + factor(edema)", "rcs(bili, 5) + age + edema", factors = "edema")
cox_case("cox_colon_rcs3_nodes_x_rx", "colon_death.csv", "time", "status",
         "rcs(nodes, 3) + rx + age:factor(sex)", "rcs(nodes, 3) + rx + age:sex", factors = c("rx", "sex"),
         names = c("nodes", "nodes'", "rx=Lev+5FU", "rx=Obs", "age * sex=0", "age * sex=1"))

logistic_case <- function(name, file, y, rhs, rhs_r, factors = character()) {
  d <- prep(file, factors)
  f <- as.formula(paste(y, "~", rhs_r))
  fit <- glm(f, family = binomial, data = d)
  rfit <- lrm(f, data = d)
  nm <- names(coef(rfit))
  stopifnot(length(nm) == length(coef(fit)))
  s <- summary(fit)$coefficients
  ci <- confint.default(fit)
  tl <- lapply(seq_along(nm), function(j) list(
    term = nm[j], coef = num(coef(fit)[j]), se = num(s[j, 2]), or = num(exp(coef(fit)[j])),
    lower = num(exp(ci[j, 1])), upper = num(exp(ci[j, 2])), z = num(s[j, 3]), p = num(s[j, 4])))
  tl[[1]]$term <- "(Intercept)"
  lr <- fit$null.deviance - fit$deviance
  add(name, c("logistic", "--data", paste0("{data}/", file), "--formula", paste(y, "~", rhs)),
      list(n = nrow(fit$model), dropped_missing = length(fit$na.action), intercept = tl[[1]], terms = tl[-1],
           loglik = list(model = as.numeric(logLik(fit))), aic = AIC(fit),
           tests = list(likelihood_ratio = list(statistic = lr, df = fit$df.null - fit$df.residual))))
}
logistic_case("logistic_colon_rcs4_age", "colon_death.csv", "status",
              "rcs(age, 4) + factor(sex) + nodes", "rcs(age, 4) + sex + nodes", factors = "sex")
logistic_case("logistic_colon_rx_x_nodes", "colon_death.csv", "status",
              "rx * nodes + age", "rx * nodes + age", factors = "rx")
logistic_case("logistic_colon_rx_x_sex", "colon_death.csv", "status",
              "rx * factor(sex)", "rx * sex", factors = c("rx", "sex"))
logistic_case("logistic_pbc_rcs_x_age", "pbc_dead.csv", "dead",
              "rcs(bili, 4) + age * albumin", "rcs(bili, 4) + age * albumin")

# screen: every candidate term alone against the null model by the likelihood-ratio test on the
# term's df (a spline as a whole); an interaction against its own main effects
# (anova(fit(main effects), fit(main effects + interaction))). Rows: complete on every candidate.
screen_case <- function(name, file, model, lhs, rhs, terms_r, margins, factors = character(), entry = 0.1) {
  d <- prep(file, factors)
  all_r <- paste(terms_r, collapse = " + ")
  keep <- complete.cases(model.frame(as.formula(paste(lhs, "~", all_r)), data = d, na.action = na.pass))
  # subset =, not d[keep, ]: model.frame evaluates rcs() on the whole column (knots from every
  # non-missing value in the file, as thyra places them), then keeps the complete rows
  fitf <- function(v) {
    f <- as.formula(paste(lhs, "~", if (length(v)) paste(v, collapse = " + ") else "1"))
    if (model == "cox") coxph(f, data = d, ties = "efron", subset = keep)
    else glm(f, family = binomial, data = d, subset = keep)
  }
  ll <- function(fit) if (model == "cox") fit$loglik[length(fit$loglik)] else as.numeric(logLik(fit))
  ncoef <- function(fit) sum(!is.na(coef(fit))) - (if (model == "cox") 0 else 1)
  uni <- lapply(seq_along(terms_r), function(i) {
    base <- margins[[i]]
    f0 <- fitf(base)
    f1 <- fitf(c(base, terms_r[i]))
    stat <- 2 * (ll(f1) - ll(f0))
    df <- ncoef(f1) - ncoef(f0)
    p <- pchisq(stat, df, lower.tail = FALSE)
    list(statistic = stat, df = df, p = p, entered = p < entry)
  })
  args <- c("screen", "--data", paste0("{data}/", file), "--formula", paste(lhs, "~", rhs), "--model", model)
  if (entry != 0.1) args <- c(args, "--entry-p", format(entry))
  add(name, args, list(n = sum(keep), univariable = uni))
}
screen_case("screen_lung_cox_spline", "lung.csv", "cox", "Surv(time, status)",
            "rcs(age, 4) + factor(sex) + ph.ecog + rcs(meal.cal, 3)",
            c("rcs(age, 4)", "sex", "ph.ecog", "rcs(meal.cal, 3)"),
            list(character(), character(), character(), character()), factors = "sex")
screen_case("screen_colon_logistic_interaction", "colon_death.csv", "logistic", "status",
            "rx * factor(sex) + rcs(age, 4)",
            c("rx", "sex", "rcs(age, 4)", "rx:sex"),
            list(character(), character(), character(), c("rx", "sex")), factors = c("rx", "sex"), entry = 0.2)


# validate: the apparent indexes of rms::validate on a Cox model with a spline and an interaction
# (rows without missing values in these columns, so the knots are the same whichever rows R uses;
# cph converged as coxph: eps = 1e-12)
validate_case <- function(name, file, rhs, rhs_r, factors = character()) {
  d <- prep(file, factors)
  f <- as.formula(paste("Surv(time, status) ~", rhs_r))
  stopifnot(all(complete.cases(d[, all.vars(f)])))
  fit <- cph(f, data = d, x = TRUE, y = TRUE, eps = 1e-12, iter.max = 50)
  set.seed(1)
  v <- rms::validate(fit, B = 2)
  dxy <- unname(v["Dxy", "index.orig"])
  add(name, c("validate", "--data", paste0("{data}/", file), "--formula", paste("Surv(time, status) ~", rhs),
              "--model", "cox", "--bootstrap", "0"),
      list(model = "cox", n = nrow(d), events = sum(fit$y[, 2]),
           apparent = list(Dxy = dxy, C = 0.5 + dxy / 2, Slope = 1)))
}
validate_case("validate_lung_rcs_x_sex", "lung.csv", "rcs(age, 4) * factor(sex)", "rcs(age, 4) * sex", factors = "sex")
validate_case("validate_veteran_rcs_karno", "veteran.csv", "rcs(karno, 3) + celltype", "rcs(karno, 3) + celltype",
              factors = "celltype")

for (c in cases) writeLines(toJSON(c, auto_unbox = TRUE, digits = I(15), na = "null", pretty = TRUE),
                            file.path(out, paste0(c$name, ".json")))
cat(length(cases), "cases\n")
