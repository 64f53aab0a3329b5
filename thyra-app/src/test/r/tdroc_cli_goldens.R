# Golden values for the end-to-end CLI tests of `thyra tdroc` (TdrocCliGoldenTest). Run from the
# repository root:
#
#   Rscript thyra-app/src/test/r/tdroc_cli_goldens.R
#
# R 4.2, riskRegression 2022.11.28, prodlim, survival 3.5.
#
# Writes real data sets (survival pbc, lung, veteran) as CSV under golden/tdroc/data, and for each
# case golden/tdroc/NAME.json = {name, args, expected}, where `expected` has the SAME field names as
# thyra's JSON (docs/CLI.md `tdroc`). The Java test replaces "{data}" in args by the data folder,
# runs the CLI with --format json and compares every number (relative 1e-6; NA <-> null) and string.
#
# Reference: riskRegression::Score(list(marker), formula = Hist(time, status) ~ 1, data, times,
# metrics = "auc", cens.model = "marginal", se.fit = TRUE) (conservative = FALSE, its default).
# Score's convention: a higher marker means higher risk (veteran's karno, where a higher score means
# better health, therefore gives AUC < 0.5). Score returns NaN at a time with no case (before the
# first event) or no control (the last follow-up time); thyra gives null there. The data files keep
# their own event coding (lung: 1/2 as Surv reads it); Score gets 0/1.
suppressPackageStartupMessages({
  library(jsonlite); library(survival); library(riskRegression); library(prodlim)
})
stopifnot(packageVersion("riskRegression") >= "2022.11.28")

out <- "thyra-app/src/test/resources/golden/tdroc"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")

pb <- survival::pbc
pb$dead <- as.integer(pb$status == 2)   # death; transplant counts as censored
pb$status <- NULL
wr(pb, "pbc_dead.csv")
lu <- survival::lung                    # status 1/2 (2 = death), missing ph.karno, meal.cal ...
wr(lu, "lung.csv")
ve <- survival::veteran
ve$constant <- 1                        # every marker value tied: AUC 0.5
wr(ve, "veteran.csv")

num <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) NA else unname(x)

cases <- list()
add <- function(name, args, expected) {
  cases[[length(cases) + 1]] <<- list(name = name, args = as.list(args), expected = expected)
}

# The AUC table as thyra's JSON names it; time/status 0/1 over the complete rows.
score <- function(time, status, marker, times, level = 0.95) {
  d <- data.frame(time = time, status = status)
  sc <- Score(list(m = marker), formula = Hist(time, status) ~ 1, data = d, metrics = "auc",
              cens.model = "marginal", times = times, se.fit = TRUE, null.model = FALSE, conf.int = level)
  s <- as.data.frame(sc$AUC$score)
  stopifnot(nrow(s) == length(times), all.equal(s$times, times))
  lapply(seq_along(times), function(j) list(
    time = times[j], auc = num(s$AUC[j]), se = num(s$se[j]), lower = num(s$lower[j]), upper = num(s$upper[j]),
    cases = sum(time <= times[j] & status == 1), controls = sum(time > times[j])))
}

result <- function(time, status, marker, times, dropped, level = 0.95) {
  list(n = length(time), events = sum(status), dropped_missing = dropped,
       method = list(weights = "marginal Kaplan\u2013Meier (IPCW)", definition = "cumulative/dynamic",
                     conf_level = level),
       at = score(time, status, marker, times, level))
}

# --marker: complete cases on time, event and marker
marker_case <- function(name, d, file, tv, ev, mv, times, event01 = d[[ev]], level = 0.95) {
  keep <- complete.cases(d[, c(tv, ev, mv)])
  e <- result(d[[tv]][keep], event01[keep], d[[mv]][keep], times, sum(!keep), level)
  e$time <- tv; e$event <- ev; e$marker <- mv
  add(name, c("tdroc", "--data", paste0("{data}/", file), "--time", tv, "--event", ev, "--marker", mv,
              "--at", paste(times, collapse = ","), if (level != 0.95) c("--conf-level", level)), e)
}

marker_case("pbc_bili", pb, "pbc_dead.csv", "time", "dead", "bili", c(1000, 2000, 3000))
marker_case("pbc_chol_missing", pb, "pbc_dead.csv", "time", "dead", "chol", c(730, 1825, 3650))
marker_case("pbc_protime_missing", pb, "pbc_dead.csv", "time", "dead", "protime", c(365, 1461))
marker_case("lung_age", lu, "lung.csv", "time", "status", "age", c(180, 365, 540), event01 = lu$status - 1)
marker_case("lung_ph_karno_missing", lu, "lung.csv", "time", "status", "ph.karno", c(90, 365),
            event01 = lu$status - 1)
marker_case("veteran_karno", ve, "veteran.csv", "time", "status", "karno", c(30, 90, 180))
marker_case("veteran_karno_level90", ve, "veteran.csv", "time", "status", "karno", c(30, 90, 180), level = 0.9)
# not estimable: 0.5 is before the first event (no case), 999 the last follow-up (no control)
marker_case("edge_veteran_no_case_no_control", ve, "veteran.csv", "time", "status", "karno", c(0.5, 30, 999))
marker_case("edge_veteran_tied_marker", ve, "veteran.csv", "time", "status", "constant", c(30, 90))
# a time exactly at an event time and one exactly at a censoring time (ties of t with T)
stopifnot(any(ve$time == 100 & ve$status == 1), any(pb$time == 1000), any(ve$time == 231 & ve$status == 0))
marker_case("edge_veteran_at_event_and_censoring_times", ve, "veteran.csv", "time", "status", "diagtime",
            c(100, 231))

# --formula: the Cox (Efron) linear predictor on the same complete rows (apparent AUC)
formula_case <- function(name, d, file, f, fthyra, times, event01fun = identity) {
  vars <- all.vars(f)
  keep <- complete.cases(d[, vars])
  dd <- d[keep, ]
  fit <- coxph(f, data = dd, ties = "efron")
  tv <- vars[1]; ev <- vars[2]
  e <- result(dd[[tv]], event01fun(dd[[ev]]), unname(predict(fit, type = "lp")), times, sum(!keep))
  add(name, c("tdroc", "--data", paste0("{data}/", file), "--formula", fthyra,
              "--at", paste(times, collapse = ",")), e)
}
formula_case("formula_pbc", pb, "pbc_dead.csv",
             Surv(time, dead) ~ age + bili + albumin + factor(edema),
             "Surv(time, dead) ~ age + bili + albumin + factor(edema)", c(1000, 2000, 3000))
formula_case("formula_lung_missing", lu, "lung.csv",
             Surv(time, status) ~ age + sex + ph.ecog + ph.karno,
             "Surv(time, status) ~ age + sex + ph.ecog + ph.karno", c(180, 365), event01fun = function(s) s - 1)
vef <- ve; vef$celltype <- factor(as.character(vef$celltype), levels = sort(unique(as.character(vef$celltype)), method = "radix"))
formula_case("formula_veteran_celltype", vef, "veteran.csv",
             Surv(time, status) ~ karno + age + celltype,
             "Surv(time, status) ~ karno + age + celltype", c(30, 90, 180))

for (c in cases) {
  writeLines(toJSON(c, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = TRUE),
             file.path(out, paste0(c$name, ".json")))
}
cat(length(cases), "golden cases written to", out, "\n")
