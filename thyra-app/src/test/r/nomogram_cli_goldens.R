# Golden values for the end-to-end tests of `thyra nomogram` (NomogramCliGoldenTest). Run from the
# repository root:
#
#   Rscript thyra-app/src/test/r/nomogram_cli_goldens.R
#
# R 4.2, rms 6.5-0, survival 3.5-3, MASS 7.3.
#
# Writes the real data sets it uses (survival lung / pbc / veteran, MASS birthwt) as CSV under
# golden/nomogram/data, one patient JSON per --predict case, and for each CLI case
# golden/nomogram/NAME.json = {name, args, expected} where `expected` has the SAME field names as
# thyra's JSON (SPEC §5), plus golden/nomogram/NAME.csv, the CSV output (axis, value, points).
#
# How R gets each number:
# - The model is fitted by coxph / glm (the fitters thyra mirrors). rms::cph and rms::lrm stop at
#   slightly different iterates (lung's ph.ecog = 3, one patient, differs by 1e-2), so the rms fit
#   object gets the coxph / glm coefficients (and cph's centring mean(x'b)) before rms::nomogram
#   computes axes, points, the total points axis and the linear predictor axis.
# - Survival at total points P: lp = lp(0 points) + P / sc on cph's scale (x'b - mean(x'b));
#   S(t | lp) = S(t | lp_ref)^exp(lp - lp_ref) with S(t | lp_ref) = summary(survfit(coxph fit,
#   newdata = first row), times = t) (survfit.coxph, Efron or Breslow as the fit).
# - Outcome axes: tick values are rms::nomogram's own (fun.at from pretty(fun(range(lp.at)), 10));
#   their positions are placed by the exact inverse of fun (rms interpolates on a 1000-point grid).
# - The patient: lp from model.matrix(newdata) x coefficients (centred as cph for Cox), survival
#   from survfit(coxph, newdata = patient), probability from predict(glm, newdata, "response");
#   points per variable = (effect - min effect on the rms axis) * sc; with a numeric x factor
#   interaction the patient scores on the axis of their level only ("age (sex=2)": the columns of the
#   variable, the factor and the interaction), minus the smallest Xbeta on any of the variable's
#   axes (rms: they share one minimum); the script checks lp(0 points) + total / sc = R's lp.
suppressPackageStartupMessages({library(jsonlite); library(survival); library(rms); library(MASS)})

out <- "thyra-app/src/test/resources/golden/nomogram"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
put <- function(x, f) writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", pretty = TRUE),
                                 file.path(out, f))

# ---------------------------------------------------------------- data (as the CLI reads it)
wr(survival::lung, "lung.csv")                      # status 1 = censored, 2 = dead; NA in ph.ecog
pb <- survival::pbc
pb$dead <- as.integer(pb$status == 2)
pb$status <- NULL
wr(pb, "pbc_dead.csv")
wr(survival::veteran, "veteran.csv")
bw <- MASS::birthwt
wr(bw, "birthwt.csv")

# thyra's level order: numeric sort for numbers, code point for text; --ref moves a level first
fac <- function(x, ref = NULL) {
  u <- unique(x[!is.na(x)])
  l <- if (is.numeric(u)) as.character(sort(u)) else sort(u, method = "radix")
  if (!is.null(ref)) l <- c(ref, setdiff(l, ref))
  factor(as.character(x), levels = l)
}

nomo_case <- function(name, file, data, time = NULL, status = NULL, y = NULL, vars, factors = character(0),
                      refs = list(), horizons = NULL, ties = "efron", patient = NULL,
                      splines = list(), inter = NULL) {
  used <- c(time, status, y, vars)
  keep <- complete.cases(data[, used, drop = FALSE])
  d <- data[keep, , drop = FALSE]
  for (v in vars) if (v %in% factors || is.character(d[[v]]) || is.factor(d[[v]]))
    d[[v]] <- fac(if (is.factor(d[[v]])) as.character(d[[v]]) else d[[v]], refs[[v]])
  cox <- !is.null(time)
  if (cox && max(d[[status]]) == 2) d[[status]] <- d[[status]] - 1
  # rcs(v, k): knots as thyra and R's model.frame place them, on the column's non-missing values
  # BEFORE rows missing another variable are dropped; given to R explicitly so that the fit on the
  # complete rows uses them
  knots <- lapply(splines, function(k) NULL)
  for (v in names(splines)) knots[[v]] <- rcspline.eval(data[[v]][!is.na(data[[v]])], nk = splines[[v]],
                                                         knots.only = TRUE)
  rterm <- function(v) if (v %in% names(splines)) paste0("rcs(", v, ", c(", paste(sprintf("%.17g", knots[[v]]),
                                                         collapse = ", "), "))") else v
  rhs <- paste(sapply(vars, rterm), collapse = " + ")
  # inter = c(numeric, factor): the interaction term after the main effects, as in thyra's formula
  if (!is.null(inter)) rhs <- paste0(rhs, " + ", rterm(inter[1]), ":", inter[2])
  if (cox) {
    fml <- as.formula(paste0("Surv(", time, ", ", status, ") ~ ", rhs))
    fit <- coxph(fml, data = d, ties = ties, x = TRUE)
    b <- coef(fit)
    X <- fit$x
  } else {
    fml <- as.formula(paste0(y, " ~ ", rhs))
    fit <- glm(fml, data = d, family = binomial)
    b <- coef(fit)
    X <- model.matrix(fit)[, -1, drop = FALSE]
  }
  dd <<- datadist(d); options(datadist = "dd")
  if (cox) {
    rf <- cph(fml, data = d, x = TRUE, y = TRUE)
    xb <- drop(X %*% b)
    rf$coefficients[] <- b
    rf$center <- mean(xb)
    rf$linear.predictors <- xb - mean(xb)
    lpRef <- xb[1] - mean(xb)
    sRef <- summary(survfit(fit, newdata = d[1, , drop = FALSE]), times = horizons)$surv
    funs <- lapply(seq_along(horizons), function(k) { force(k); function(lp) sRef[k]^exp(lp - lpRef) })
    inv <- lapply(seq_along(horizons), function(k) { force(k); function(s) lpRef + log(log(s) / log(sRef[k])) })
    names(funs) <- paste0("S", horizons)
  } else {
    rf <- lrm(fml, data = d, x = TRUE, y = TRUE)
    rf$coefficients[] <- b
    rf$linear.predictors <- drop(b[1] + X %*% b[-1])
    funs <- list(probability = plogis)
    inv <- list(qlogis)
  }
  nom <- nomogram(rf, fun = funs)
  sc <- attr(nom, "info")$sc
  lp0 <- nom$lp$x.real[1] - nom$lp$x[1] / sc
  # rms's axes in its order: a numeric variable in an interaction has one axis per level of the
  # factor ("age (sex=1)"), the factor none of its own
  axisNames <- setdiff(names(nom), c("total.points", "lp", names(funs)))
  axes <- lapply(axisNames, function(nm) {
    a <- nom[[nm]]
    v <- names(a)[1]
    vals <- a[[1]]
    r <- list(variable = nm, type = if (is.factor(d[[v]])) "categorical" else if (v %in% names(splines)) "spline" else "numeric",
              values = if (is.factor(d[[v]])) as.character(vals) else as.numeric(vals),
              points = unname(a$points))
    if (!is.null(inter) && v == inter[1]) { r$predictor <- v; r$factor <- inter[2]; r$level <- as.character(a[[inter[2]]]) }
    r
  })
  tp <- nom$total.points$x
  total <- lapply(tp, function(p) {
    lp <- lp0 + p / sc
    r <- list(points = p, lp = lp)
    if (cox) {
      s <- lapply(seq_along(horizons), function(k) funs[[k]](lp))
      names(s) <- as.character(horizons)
      r$survival <- s
    } else r$probability <- plogis(lp)
    r
  })
  outcome <- lapply(seq_along(funs), function(k) {
    a <- nom[[names(funs)[k]]]
    vals <- as.numeric(a$x.real)
    r <- list(label = if (cox) paste0("S(", horizons[k], ")") else "probability",
              values = vals, points = (inv[[k]](vals) - lp0) * sc)
    if (cox) r$horizon <- horizons[k]
    r
  })
  expected <- list(model = if (cox) "cox" else "logistic", n = nrow(d),
                   events = if (cox) sum(d[[status]]) else sum(d[[y]]),
                   dropped_missing = sum(!keep), scale = sc, lp_at_zero_points = lp0, axes = axes,
                   linear_predictor_axis = list(values = nom$lp$x.real, points = nom$lp$x),
                   total_points = total, outcome_axes = outcome)
  if (cox) {
    expected$horizons <- I(horizons)
    expected$method <- list(ties = ties, baseline = "Breslow (survfit.coxph)")
  }
  args <- c("nomogram", "--data", paste0("{data}/", file), "--formula",
            paste0(if (cox) paste0("Surv(", time, ", ", status, ")") else y, " ~ ",
                   paste(sapply(vars, function(v) if (v %in% factors) paste0("factor(", v, ")")
                                else if (v %in% names(splines)) paste0("rcs(", v, ", ", splines[[v]], ")") else v),
                         collapse = " + "),
                   if (!is.null(inter)) paste0(" + ", if (inter[1] %in% names(splines)) paste0("rcs(", inter[1], ", ",
                     splines[[inter[1]]], ")") else inter[1], ":factor(", inter[2], ")") else ""))
  for (v in names(refs)) args <- c(args, "--ref", paste0(v, "=", refs[[v]]))
  if (cox) args <- c(args, "--horizons", paste(horizons, collapse = ","), "--ties", ties)
  if (!is.null(patient)) {
    pf <- paste0("patient_", name, ".json")
    writeLines(toJSON(patient, auto_unbox = TRUE, digits = NA), file.path(datadir, pf))
    args <- c(args, "--predict", paste0("{data}/", pf))
    nd <- d[1, , drop = FALSE]
    for (v in vars) nd[[v]] <- if (is.factor(d[[v]])) factor(as.character(patient[[v]]), levels = levels(d[[v]]))
                               else patient[[v]]
    Xn <- model.matrix(delete.response(terms(fml)), nd, xlev = lapply(d[vars][sapply(d[vars], is.factor)], levels))
    Xn <- Xn[, -1, drop = FALSE]
    asg <- attr(model.matrix(delete.response(terms(fml)), d), "assign")[-1]
    xbn <- drop(Xn %*% (if (cox) b else b[-1]))
    lpn <- if (cox) xbn - rf$center else b[1] + xbn
    pts <- list()
    ptsValue <- list()
    bx <- if (cox) b else b[-1]
    for (v in vars) {
      if (!is.null(inter) && v == inter[2]) next  # the factor of an interaction has no axis
      if (!is.null(inter) && v == inter[1]) {
        # the patient scores on the axis of their level: the variable's main effect, the level's
        # main effect and the interaction at that level, minus the smallest effect on any of the
        # variable's axes (rms: they share one minimum)
        nm <- paste0(v, " (", inter[2], "=", as.character(patient[[inter[2]]]), ")")
        stopifnot(nm %in% axisNames)
        cols <- which(asg %in% c(which(vars == v), which(vars == inter[2]), length(vars) + 1))
        group <- axisNames[startsWith(axisNames, paste0(v, " ("))]
        mn <- min(unlist(lapply(group, function(g) nom[[g]]$Xbeta)))
      } else {
        nm <- v
        cols <- which(asg == which(vars == v))
        mn <- min(nom[[v]]$Xbeta)
      }
      eff <- sum(Xn[1, cols] * bx[cols])
      pts[[nm]] <- (eff - mn) * sc
      ptsValue[[nm]] <- patient[[v]]
    }
    expected$patient <- list(points = pts, total_points = sum(unlist(pts)), linear_predictor = lpn)
    # the points read off the nomogram give back R's linear predictor of the patient
    stopifnot(abs(lp0 + sum(unlist(pts)) / sc - lpn) < 1e-10)
    if (cox) {
      sp <- summary(survfit(fit, newdata = nd), times = horizons)$surv
      expected$predictions <- lapply(seq_along(horizons), function(k) list(horizon = horizons[k], survival = sp[k]))
    } else {
      expected$predictions <- list(list(probability = unname(predict(fit, newdata = nd, type = "response"))))
    }
  }
  put(list(name = name, args = as.list(args), expected = expected), paste0(name, ".json"))
  # CSV as thyra writes it: variable axes, total points, linear predictor, outcome axes
  rows <- list()
  for (a in axes) rows[[length(rows) + 1]] <- data.frame(axis = a$variable, value = as.character(a$values),
                                                         points = a$points)
  rows[[length(rows) + 1]] <- data.frame(axis = "Total Points", value = as.character(tp), points = tp)
  rows[[length(rows) + 1]] <- data.frame(axis = "Linear Predictor", value = as.character(nom$lp$x.real),
                                         points = nom$lp$x)
  for (o in outcome) rows[[length(rows) + 1]] <- data.frame(axis = o$label, value = as.character(o$values),
                                                            points = o$points)
  if (!is.null(patient)) {
    # the patient: value and points per variable, total points, linear predictor and predictions at them
    tot <- expected$patient$total_points
    for (v in names(pts)) rows[[length(rows) + 1]] <- data.frame(axis = paste0("patient: ", v),
                                                                 value = as.character(ptsValue[[v]]), points = pts[[v]])
    rows[[length(rows) + 1]] <- data.frame(axis = "patient: Total Points", value = as.character(tot), points = tot)
    rows[[length(rows) + 1]] <- data.frame(axis = "patient: Linear Predictor", value = as.character(lpn),
                                           points = tot)
    for (pr in expected$predictions) {
      rows[[length(rows) + 1]] <- if (cox) data.frame(axis = paste0("patient: S(", pr$horizon, ")"),
                                                      value = as.character(pr$survival), points = tot)
                                  else data.frame(axis = "patient: probability", value = as.character(pr$probability),
                                                  points = tot)
    }
  }
  write.csv(do.call(rbind, rows), file.path(out, paste0(name, ".csv")), row.names = FALSE)
  invisible(expected)
}

# lung: a numeric, a 0/1-coded numeric (2 distinct values) and a factor; 1 row with NA ph.ecog dropped
nomo_case("lung_cox", "lung.csv", survival::lung, time = "time", status = "status",
          vars = c("age", "sex", "ph.ecog"), factors = "ph.ecog", horizons = c(180, 365, 730),
          patient = list(age = 67, sex = 2, ph.ecog = "2"))
# pbc: Breslow ties, a factor of a numeric column (edema 0 / 0.5 / 1); the patient's albumin is
# below the data range (rms extrapolates linearly)
nomo_case("pbc_cox_breslow", "pbc_dead.csv", pb, time = "time", status = "dead",
          vars = c("age", "albumin", "bili", "edema"), factors = "edema", horizons = c(1826, 3652),
          ties = "breslow", patient = list(age = 50, albumin = 1.5, bili = 2.5, edema = 0.5))
# veteran: a text factor with a --ref level (axis in relevelled order)
nomo_case("veteran_cox_ref", "veteran.csv", survival::veteran, time = "time", status = "status",
          vars = c("karno", "celltype", "prior"), refs = list(celltype = "squamous"),
          horizons = c(30, 90, 180), patient = list(karno = 60, celltype = "smallcell", prior = 10))
# one term
nomo_case("lung_single_term", "lung.csv", survival::lung, time = "time", status = "status",
          vars = "age", horizons = 365)
# birthwt logistic with a factor
nomo_case("birthwt_logistic", "birthwt.csv", bw, y = "low",
          vars = c("age", "lwt", "race", "smoke", "ht", "ui"), factors = "race",
          patient = list(age = 25, lwt = 120, race = 2, smoke = 1, ht = 0, ui = 1))
# rcs() splines (issue 16 item 6): a spline's axis is its values placed by the sum of its terms;
# lung's ph.karno (3 knots) is non-monotone (points rise to 70, then fall), age (4 knots) has its
# knots from all 228 rows while the fit drops the row missing ph.karno
nomo_case("lung_cox_rcs", "lung.csv", survival::lung, time = "time", status = "status",
          vars = c("age", "sex", "ph.karno"), splines = list(age = 4, ph.karno = 3),
          horizons = c(180, 365), patient = list(age = 90, sex = 1, ph.karno = 75))
nomo_case("birthwt_logistic_rcs", "birthwt.csv", bw, y = "low",
          vars = c("age", "lwt", "smoke", "race"), factors = "race", splines = list(lwt = 4),
          patient = list(age = 30, lwt = 110, smoke = 0, race = 3))
# numeric x factor interactions: one axis of the numeric variable per level of the factor, sharing
# one minimum (rms); a linear age by sex, and an rcs(age, 4) by sex (one spline per level)
# --predict with an interaction: the patient's points are read on the axis of their level (age at
# sex = 2; an rcs(age, 4) at sex = 1 with age 88 beyond the data, 39..82, where the spline is linear;
# lwt at race = 3, the last level)
nomo_case("lung_cox_age_by_sex", "lung.csv", survival::lung, time = "time", status = "status",
          vars = c("age", "sex", "ph.ecog"), factors = c("sex", "ph.ecog"), inter = c("age", "sex"),
          horizons = c(180, 365), patient = list(age = 67, sex = 2, ph.ecog = "1"))
nomo_case("lung_cox_rcs_by_sex", "lung.csv", survival::lung, time = "time", status = "status",
          vars = c("age", "sex"), factors = "sex", splines = list(age = 4), inter = c("age", "sex"),
          horizons = 365, patient = list(age = 88, sex = 1))
nomo_case("birthwt_logistic_lwt_by_race", "birthwt.csv", bw, y = "low",
          vars = c("lwt", "race", "smoke"), factors = "race", inter = c("lwt", "race"),
          patient = list(lwt = 130, race = 3, smoke = 1))
cat("nomogram goldens written to", out, "\n")
