# Golden values for the end-to-end CLI tests of `thyra logistic`, `screen`, `roc`, `concordance` and
# `cutpoint` (RegressionCliGoldenTest). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/regression_cli_goldens.R
#
# R 4.2, MASS 7.3-58, pROC 1.18.0, survival 3.5, maxstat 0.7-25.
#
# Writes real data sets (MASS birthwt, pROC aSAH, survival veteran / pbc / lung) and a few small
# edge-case files as CSV under golden/regcli/data, and for each CLI case golden/regcli/NAME.json =
# {name, args, expected}, where `expected` has the SAME field names as thyra's JSON output
# (SPEC §5). The Java test replaces "{data}" in args by the data folder, runs the CLI with
# --format json and compares every number in `expected` (relative 1e-6; NA <-> null) and every
# string (GoldenJson).
#
# Conventions mirrored from thyra: categorical levels sorted by code point (numerically for numeric
# columns), the first the reference; a categorical term is "var=level"; rows with a missing value in
# any variable a command uses are dropped before anything is fitted (for `screen`: every candidate,
# so all models see the same rows, as stepAIC requires).
suppressPackageStartupMessages({
  library(jsonlite); library(MASS); library(pROC); library(survival); library(maxstat)
})
stopifnot(packageVersion("survival") >= "3.5", packageVersion("pROC") >= "1.18")

out <- "thyra-app/src/test/resources/golden/regcli"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
rd <- function(f) read.csv(file.path(datadir, f))

# ---------------------------------------------------------------- data
bw <- MASS::birthwt
bw$bwt_lt2000 <- as.integer(bw$bwt < 2000)   # quasi-complete separation of low
wr(bw, "birthwt.csv")
bwm <- bw                                      # missing values: empty cells
bwm$age[c(3, 17, 90)] <- NA
bwm$smoke[c(40, 41)] <- NA
bwm$lwt[c(17, 150)] <- NA
wr(bwm, "birthwt_missing.csv")
data(aSAH, package = "pROC")
as <- data.frame(outcome = as.character(aSAH$outcome), gender = as.character(aSAH$gender), age = aSAH$age,
                 wfns = as.integer(as.character(aSAH$wfns)), s100b = aSAH$s100b, ndka = aSAH$ndka)
wr(as, "aSAH.csv")
wr(survival::veteran, "veteran.csv")
pb <- survival::pbc
pb$dead <- as.integer(pb$status == 2)
pb$status <- NULL
wr(pb, "pbc_dead.csv")
wr(survival::lung, "lung.csv")
# edge cases: every marker value tied; one outcome class only; a tiny survival file
writeLines(c("y,m,k", "0,5,1", "1,5,2", "0,5,3", "1,5,4", "1,5,5", "0,5,6"), file.path(datadir, "edge_tied_marker.csv"))
writeLines(c("y,m", "1,1", "1,2", "1,3", "1,4"), file.path(datadir, "edge_one_class.csv"))

# Levels as thyra orders them: numeric sort for numbers, code point (C locale) for text.
lev <- function(x) {
  u <- unique(x[!is.na(x)])
  if (is.numeric(u) || is.logical(u)) as.character(sort(u)) else sort(u, method = "radix")
}
fac <- function(x, ref = NULL) {
  l <- lev(x)
  if (!is.null(ref)) l <- c(ref, setdiff(l, ref))
  factor(as.character(x), levels = l)
}
num <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) NA else unname(x)

cases <- list()
add <- function(name, args, expected) {
  cases[[length(cases) + 1]] <<- list(name = name, args = as.list(args), expected = expected)
}

# Model data as thyra builds it: complete cases on the used columns, factor() columns and
# categorical (text) columns as factors with thyra's level order, terms named "var=level".
# vars: list of list(var, factor = TRUE/FALSE)
model_data <- function(d, used, factors) {
  keep <- complete.cases(d[, used, drop = FALSE])
  d <- d[keep, , drop = FALSE]
  for (v in used) if (v %in% factors || is.character(d[[v]])) d[[v]] <- fac(d[[v]])
  list(d = d, dropped = sum(!keep))
}
term_names <- function(fit_names, d) {
  # R's "racefactorlevel" column names -> thyra's "race=level"
  sapply(fit_names, function(nm) {
    for (v in names(d)) if (is.factor(d[[v]]) && startsWith(nm, v) && substring(nm, nchar(v) + 1) %in% levels(d[[v]]))
      return(paste0(v, "=", substring(nm, nchar(v) + 1)))
    nm
  }, USE.NAMES = FALSE)
}

# ---------------------------------------------------------------- logistic
logistic_case <- function(name, file, y, vars, factors = character(), ci = "wald", diverging = character(),
                          separation = "none") {
  d0 <- rd(file)
  rhs <- paste(sapply(vars, function(v) if (v %in% factors) paste0("factor(", v, ")") else v), collapse = " + ")
  args <- c("logistic", "--data", paste0("{data}/", file), "--formula", paste(y, "~", rhs))
  if (ci != "wald") args <- c(args, "--ci", ci)
  md <- model_data(d0, c(y, vars), factors)
  d <- md$d
  if (is.character(d0[[y]]) || is.factor(d[[y]])) d[[y]] <- as.integer(d[[y]] != levels(d[[y]])[1])
  fit <- suppressWarnings(glm(as.formula(paste(y, "~", paste(vars, collapse = " + "))), family = binomial, data = d))
  s <- summary(fit)$coefficients
  cf <- coef(fit)
  lim <- if (ci == "wald") confint.default(fit) else suppressMessages(suppressWarnings(confint(fit)))
  nm <- c("(Intercept)", term_names(names(cf)[-1], d))
  terms <- lapply(seq_along(cf), function(j) {
    hide <- nm[j] %in% diverging
    list(term = nm[j], coef = num(cf[j]), se = num(s[j, 2]),
         or = if (hide) NA else num(exp(cf[j])),
         lower = if (hide) NA else num(exp(lim[j, 1])), upper = if (hide) NA else num(exp(lim[j, 2])),
         z = num(s[j, 3]), p = num(s[j, 4]))
  })
  null <- glm(as.formula(paste(y, "~ 1")), family = binomial, data = d)
  lr <- fit$null.deviance - fit$deviance
  lrdf <- fit$df.null - fit$df.residual
  add(name, args, list(
    n = nrow(d), events = sum(d[[y]]), dropped_missing = md$dropped, separation = separation,
    intercept = terms[[1]], terms = terms[-1],
    loglik = list(null = as.numeric(logLik(null)), model = as.numeric(logLik(fit))),
    aic = AIC(fit), iterations = fit$iter,
    tests = list(likelihood_ratio = list(statistic = lr, df = lrdf, p = pchisq(lr, lrdf, lower.tail = FALSE)))))
}

logistic_case("logistic_birthwt_full", "birthwt.csv", "low",
              c("age", "lwt", "race", "smoke", "ptl", "ht", "ui", "ftv"), factors = "race")
logistic_case("logistic_birthwt_profile", "birthwt.csv", "low", c("age", "lwt", "race", "smoke"),
              factors = "race", ci = "profile")
logistic_case("logistic_birthwt_missing", "birthwt_missing.csv", "low", c("age", "lwt", "smoke", "ht"))
logistic_case("logistic_asah_outcome", "aSAH.csv", "outcome", c("age", "gender", "s100b", "wfns"), factors = "wfns")
logistic_case("logistic_asah_profile", "aSAH.csv", "outcome", c("gender", "s100b", "ndka"), ci = "profile")
# separation: complete (low is bwt < 2500), quasi-complete (every bwt < 2000 is low), and a factor
# level with no events (ftv = 6: one row, not low)
logistic_case("edge_logistic_complete_separation", "birthwt.csv", "low", c("bwt"),
              diverging = c("(Intercept)", "bwt"), separation = "complete")
logistic_case("edge_logistic_quasi_separation", "birthwt.csv", "low", c("age", "bwt_lt2000"),
              diverging = c("bwt_lt2000"), separation = "quasi-complete")
logistic_case("edge_logistic_level_without_events", "birthwt.csv", "low", c("lwt", "ftv"), factors = "ftv",
              diverging = c("ftv=6"), separation = "quasi-complete")

# ---------------------------------------------------------------- screen (+ stepAIC)
screen_case <- function(name, file, model, vars, factors = character(), time = NULL, event = NULL, y = NULL,
                        entry = 0.1, select = "none") {
  d0 <- rd(file)
  rhs <- paste(sapply(vars, function(v) if (v %in% factors) paste0("factor(", v, ")") else v), collapse = " + ")
  lhs <- if (model == "cox") paste0("Surv(", time, ", ", event, ")") else y
  args <- c("screen", "--data", paste0("{data}/", file), "--formula", paste(lhs, "~", rhs), "--model", model)
  if (entry != 0.1) args <- c(args, "--entry-p", format(entry))
  if (select != "none") args <- c(args, "--select", select)
  used <- c(if (model == "cox") c(time, event) else y, vars)
  md <- model_data(d0, used, factors)
  d <- md$d
  if (model == "logistic" && is.factor(d[[y]])) d[[y]] <- as.integer(d[[y]] != levels(d[[y]])[1])
  fitf <- function(v) {
    f <- as.formula(paste(lhs, "~", if (length(v)) paste(v, collapse = " + ") else "1"))
    if (model == "cox") coxph(f, data = d, ties = "efron") else glm(f, family = binomial, data = d)
  }
  ll <- function(fit) if (model == "cox") fit$loglik[length(fit$loglik)] else as.numeric(logLik(fit))
  ratio <- if (model == "cox") "hr" else "or"
  terms_of <- function(fit) {
    cf <- coef(fit)
    if (model == "logistic") cf <- cf[-1]
    ci <- confint.default(fit)
    if (model == "logistic") ci <- ci[-1, , drop = FALSE]
    s <- summary(fit)$coefficients
    if (model == "logistic") s <- s[-1, , drop = FALSE]
    zc <- if (model == "cox") 4 else 3
    nm <- term_names(names(cf), d)
    lapply(seq_along(cf), function(j) {
      t <- list(term = nm[j], coef = num(cf[j]), se = num(s[j, if (model == "cox") 3 else 2]))
      t[[ratio]] <- num(exp(cf[j]))
      c(t, list(lower = num(exp(ci[j, 1])), upper = num(exp(ci[j, 2])), z = num(s[j, zc]), p = num(s[j, zc + 1])))
    })
  }
  null <- fitf(character())
  uni <- lapply(vars, function(v) {
    f <- fitf(v)
    stat <- 2 * (ll(f) - ll(null))
    df <- sum(!is.na(coef(f))) - (if (model == "cox") 0 else 1)
    list(variable = v, terms = terms_of(f), statistic = stat, df = df, p = pchisq(stat, df, lower.tail = FALSE))
  })
  pv <- sapply(uni, `[[`, "p")
  entered <- vars[pv < entry]
  for (i in seq_along(uni)) uni[[i]]$entered <- pv[i] < entry
  selected <- entered
  steps <- list()
  if (select != "none" && length(entered) > 0) {
    upper <- as.formula(paste("~", paste(entered, collapse = " + ")))
    start <- if (select == "forward") null else fitf(entered)
    st <- stepAIC(start, scope = list(upper = upper, lower = ~1), direction = select, trace = 0)
    selected <- attr(terms(st), "term.labels")
    a <- st$anova
    steps <- lapply(seq_len(nrow(a)), function(i) list(change = trimws(as.character(a$Step[i])), aic = a$AIC[i]))
  }
  multi <- if (length(selected)) fitf(selected) else NULL
  add(name, args, list(
    n = nrow(d), dropped_missing = md$dropped, entered = as.list(entered), selected = as.list(selected),
    univariable = uni, steps = steps,
    multivariable = if (is.null(multi)) NA else list(
      terms = terms_of(multi), loglik = list(model = ll(multi)),
      df = sum(!is.na(coef(multi))) + (if (model == "cox") 0 else 0), aic = extractAIC(multi)[2])))
}

screen_case("screen_veteran_cox_both", "veteran.csv", "cox", c("trt", "celltype", "karno", "diagtime", "age", "prior"),
            time = "time", event = "status", select = "both")
screen_case("screen_veteran_cox_none", "veteran.csv", "cox", c("trt", "celltype", "karno", "age"),
            time = "time", event = "status", entry = 0.05)
screen_case("screen_pbc_cox_backward", "pbc_dead.csv", "cox",
            c("age", "sex", "edema", "bili", "albumin", "protime", "ascites", "hepato", "spiders", "chol", "platelet",
              "stage"), factors = c("edema", "stage"), time = "time", event = "dead", select = "backward")
screen_case("screen_pbc_cox_forward", "pbc_dead.csv", "cox",
            c("age", "sex", "edema", "bili", "albumin", "protime", "copper", "trt"), factors = c("edema", "trt"),
            time = "time", event = "dead", entry = 0.05, select = "forward")
screen_case("screen_birthwt_logistic_backward", "birthwt.csv", "logistic",
            c("age", "lwt", "race", "smoke", "ptl", "ht", "ui", "ftv"), factors = "race", y = "low", select = "backward")
screen_case("screen_birthwt_logistic_both", "birthwt_missing.csv", "logistic",
            c("age", "lwt", "race", "smoke", "ht", "ui"), factors = "race", y = "low", entry = 0.2, select = "both")
screen_case("screen_asah_logistic_forward", "aSAH.csv", "logistic", c("age", "gender", "s100b", "ndka", "wfns"),
            factors = "wfns", y = "outcome", select = "forward")

# ---------------------------------------------------------------- roc
roc_case <- function(name, file, outcome, marker, direction = "auto", at = NULL, compare = NULL, curve = TRUE) {
  d0 <- rd(file)
  args <- c("roc", "--data", paste0("{data}/", file), "--outcome", outcome, "--marker", marker)
  if (direction != "auto") args <- c(args, "--direction", direction)
  if (!is.null(at)) args <- c(args, "--at", format(at))
  if (!is.null(compare)) args <- c(args, "--compare", compare)
  used <- c(outcome, marker, compare)
  keep <- complete.cases(d0[, used])
  d <- d0[keep, ]
  y <- if (is.character(d[[outcome]])) as.integer(d[[outcome]] != lev(d[[outcome]])[1]) else d[[outcome]]
  r <- roc(y, d[[marker]], quiet = TRUE, levels = c(0, 1), direction = if (direction == "auto") "auto" else direction)
  ci <- ci.auc(r, method = "delong")
  best <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity", "youden"))
  e <- list(n_cases = length(r$cases), n_controls = length(r$controls), dropped_missing = sum(!keep),
            direction = r$direction, auc = as.numeric(r$auc), auc_lower = ci[1], auc_upper = ci[3],
            best = lapply(seq_len(nrow(best)), function(i) list(
              threshold = best$threshold[i], sensitivity = best$sensitivity[i],
              specificity = best$specificity[i], youden = best$youden[i] - 1)))
  if (curve) {
    th <- r$thresholds; se <- r$sensitivities; sp <- r$specificities
    e$curve <- lapply(seq_along(th), function(i) list(threshold = num(th[i]), sensitivity = se[i], specificity = sp[i]))
  }
  if (!is.null(at)) {
    a <- coords(r, x = at, input = "threshold", ret = c("threshold", "sensitivity", "specificity", "tp", "fp", "tn", "fn"))
    sci <- binom.test(a$tp, length(r$cases))$conf.int
    pci <- binom.test(a$tn, length(r$controls))$conf.int
    e$at <- list(threshold = at, true_positives = a$tp, false_negatives = a$fn, true_negatives = a$tn,
                 false_positives = a$fp, sensitivity = a$sensitivity, sensitivity_lower = sci[1],
                 sensitivity_upper = sci[2], specificity = a$specificity, specificity_lower = pci[1],
                 specificity_upper = pci[2])
  }
  if (!is.null(compare)) {
    r2 <- roc(y, d[[compare]], quiet = TRUE, levels = c(0, 1))
    t <- roc.test(r, r2, method = "delong", paired = TRUE)
    e$compare <- list(marker = compare, direction = r2$direction, auc = as.numeric(r2$auc),
                      difference = as.numeric(r$auc) - as.numeric(r2$auc),
                      statistic = unname(t$statistic), p = t$p.value,
                      lower = t$conf.int[1], upper = t$conf.int[2])
  }
  add(name, args, e)
}

roc_case("roc_asah_s100b", "aSAH.csv", "outcome", "s100b", at = 0.205, compare = "ndka")
roc_case("roc_asah_ndka_gt", "aSAH.csv", "outcome", "ndka", direction = ">", at = 11.08)
roc_case("roc_asah_age_ties", "aSAH.csv", "outcome", "age", compare = "wfns")
roc_case("roc_birthwt_lwt", "birthwt.csv", "low", "lwt", at = 120.5)
roc_case("roc_birthwt_missing_age", "birthwt_missing.csv", "low", "age", compare = "lwt", curve = FALSE)
roc_case("edge_roc_tied_marker", "edge_tied_marker.csv", "y", "m", at = 5)

# ---------------------------------------------------------------- concordance
conc_case <- function(name, file, time, event, predictor, reverse = FALSE) {
  d0 <- rd(file)
  args <- c("concordance", "--data", paste0("{data}/", file), "--time", time, "--event", event,
            "--predictor", predictor)
  if (reverse) args <- c(args, "--reverse")
  keep <- complete.cases(d0[, c(time, event, predictor)])
  d <- d0[keep, ]
  st <- if (max(d[[event]]) == 2) d[[event]] - 1 else d[[event]]
  cc <- concordance(Surv(d[[time]], st) ~ d[[predictor]], reverse = reverse)
  add(name, args, list(n = nrow(d), events = sum(st), dropped_missing = sum(!keep),
                       c = unname(cc$concordance), se = sqrt(unname(cc$var)),
                       concordant = unname(cc$count["concordant"]), discordant = unname(cc$count["discordant"]),
                       tied_predictor = unname(cc$count["tied.x"]), tied_time = unname(cc$count["tied.y"]),
                       tied_both = unname(cc$count["tied.xy"])))
}
conc_case("concordance_lung_age", "lung.csv", "time", "status", "age")
conc_case("concordance_veteran_karno_reverse", "veteran.csv", "time", "status", "karno", reverse = TRUE)
conc_case("concordance_pbc_chol_missing", "pbc_dead.csv", "time", "dead", "chol", reverse = TRUE)
conc_case("concordance_pbc_bili", "pbc_dead.csv", "time", "dead", "bili")
conc_case("concordance_lung_ecog_ties", "lung.csv", "time", "status", "ph.ecog", reverse = TRUE)

# ---------------------------------------------------------------- cutpoint
cut_case <- function(name, file, time, event, variable, minprop = 0.1, maxprop = 0.9) {
  d0 <- rd(file)
  args <- c("cutpoint", "--data", paste0("{data}/", file), "--time", time, "--event", event, "--variable", variable)
  if (minprop != 0.1) args <- c(args, "--minprop", format(minprop))
  if (maxprop != 0.9) args <- c(args, "--maxprop", format(maxprop))
  keep <- complete.cases(d0[, c(time, event, variable)])
  d <- data.frame(time = d0[[time]][keep], event = d0[[event]][keep], x = d0[[variable]][keep])
  if (max(d$event) == 2) d$event <- d$event - 1
  m <- maxstat.test(Surv(time, event) ~ x, data = d, smethod = "LogRank", pmethod = "Lau94",
                    minprop = minprop, maxprop = maxprop)
  add(name, args, list(n = nrow(d), dropped_missing = sum(!keep), cutpoint = unname(m$estimate),
                       statistic = unname(m$statistic), p_adjusted = list(method = "Lau94", p = m$p.value),
                       n_low = sum(d$x <= m$estimate), n_high = sum(d$x > m$estimate),
                       candidates = lapply(seq_along(m$cuts), function(i) list(cut = m$cuts[i], statistic = m$stats[i]))))
}
cut_case("cutpoint_veteran_karno", "veteran.csv", "time", "status", "karno")
cut_case("cutpoint_pbc_bili", "pbc_dead.csv", "time", "dead", "bili")
cut_case("cutpoint_lung_age", "lung.csv", "time", "status", "age", 0.25, 0.75)
cut_case("cutpoint_lung_karno_missing", "lung.csv", "time", "status", "ph.karno")
cut_case("cutpoint_pbc_chol_missing", "pbc_dead.csv", "time", "dead", "chol", 0.2, 0.8)

# three groups by brute force with survdiff (no thinning: fewer than 100 candidate values)
scan3_case <- function(name, file, time, event, variable, minprop = 0.1) {
  d0 <- rd(file)
  args <- c("cutpoint", "--data", paste0("{data}/", file), "--time", time, "--event", event, "--variable", variable,
            "--groups", "3")
  if (minprop != 0.1) args <- c(args, "--minprop", format(minprop))
  keep <- complete.cases(d0[, c(time, event, variable)])
  tm <- d0[[time]][keep]; ev <- d0[[event]][keep]; x <- d0[[variable]][keep]
  if (max(ev) == 2) ev <- ev - 1
  n <- length(x); u <- sort(unique(x)); minn <- max(1, floor(n * minprop))
  stopifnot(length(u) <= 100)
  best <- -Inf; bc <- c(NA, NA); count <- 0
  for (i in seq_along(u)) for (j in seq_along(u)) if (j > i) {
    g <- 1 + (x > u[i]) + (x > u[j])
    if (any(tabulate(g, 3) < minn)) next
    count <- count + 1
    chi <- survdiff(Surv(tm, ev) ~ g)$chisq
    if (!is.na(chi) && (is.infinite(best) || chi > best + 1e-9 * abs(best))) { best <- chi; bc <- c(u[i], u[j]) }
  }
  g <- 1 + (x > bc[1]) + (x > bc[2])
  ng <- tabulate(g, 3)
  add(name, args, list(n = n, dropped_missing = sum(!keep), low_cut = bc[1], high_cut = bc[2], statistic = best,
                       p_naive = pchisq(best, 2, lower.tail = FALSE), n_low = ng[1], n_middle = ng[2], n_high = ng[3],
                       pairs_evaluated = count))
}
scan3_case("cutpoint3_veteran_karno", "veteran.csv", "time", "status", "karno")
scan3_case("cutpoint3_lung_karno_missing", "lung.csv", "time", "status", "ph.karno", 0.15)

for (c in cases) {
  writeLines(toJSON(c, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = TRUE),
             file.path(out, paste0(c$name, ".json")))
}
cat(length(cases), "cases written to", out, "\n")
