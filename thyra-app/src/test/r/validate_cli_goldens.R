# Golden values for the end-to-end tests of `thyra validate` (ValidateCliGoldenTest). Run from the
# repository root:
#
#   Rscript thyra-app/src/test/r/validate_cli_goldens.R
#
# R 4.2, rms 6.5, survival 3.5, pROC 1.18, maxstat 0.7, Hmisc.
#
# Data: survival lung and pbc (dead = status == 2), MASS birthwt, copied under golden/validate/data
# (lung.csv, pbc.csv, birthwt.csv), an external validation pair pbc_dev.csv (pbc rows 1-280) /
# pbc_val.csv (rows 281-418 with a few missing cells), and split_NAME_seedS.csv: the rows of
# thyra's seeded split (DataSplit: a Fisher-Yates shuffle driven by commons-rng XO_RO_SHI_RO_128_PP,
# which R cannot reproduce) — only the row numbers come from thyra; every statistic below is R's on
# those rows.
#
# Each case is golden/validate/NAME.json = {name, args, expected}; `expected` uses thyra's JSON field
# names and holds only DETERMINISTIC values: the apparent rows of rms::validate, the apparent
# (index.orig-side) columns of rms::calibrate(cmethod = "KM") (mean.predicted, KM, std.err; n and
# events from groupkm with calibrate's cuts) of converged cph fits (eps = 1e-12, see cox_boot),
# val.prob intercept / slope, somers2 Dxy / C, Brier, Hosmer-Lemeshow (g = 10, by hand as
# ResourceSelection::hoslem.test), concordance with infinitesimal-jackknife SE, pROC DeLong CI,
# maxstat cut-off, survfit curves and survdiff per risk group. Bootstrap-corrected values are
# written separately (NAME.boot.json: R's optimism / corrected with B = 200) and compared by the
# Java test within Monte-Carlo error, never to 6 digits.
suppressPackageStartupMessages({
  library(jsonlite); library(rms); library(survival); library(pROC); library(maxstat); library(MASS)
})
out <- "thyra-app/src/test/resources/golden/validate"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
rd <- function(f) read.csv(file.path(datadir, f))

lung <- survival::lung
wr(lung, "lung.csv")
pb <- survival::pbc
pb$dead <- as.integer(pb$status == 2)
pb$status <- NULL
wr(pb, "pbc.csv")
bw <- MASS::birthwt
wr(bw, "birthwt.csv")
pdev <- pb[1:280, ]
pval <- pb[281:418, ]
pval$bili[c(3, 10)] <- NA          # missing values in validation rows: dropped and counted
pval$albumin[c(10, 20)] <- NA
wr(pdev, "pbc_dev.csv")
wr(pval, "pbc_val.csv")

num <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) NA else unname(x)
nums <- function(x) { x <- unname(as.numeric(x)); x[!is.finite(x)] <- NA; x }
put <- function(name, args, expected, boot = NULL) {
  write_json(list(name = name, args = as.list(args), expected = expected),
             file.path(out, paste0(name, ".json")), auto_unbox = TRUE, digits = NA, null = "null", na = "null",
             pretty = TRUE)
  if (!is.null(boot)) {
    write_json(boot, file.path(out, paste0(name, ".boot.json")), auto_unbox = TRUE, digits = NA, pretty = TRUE)
  }
}

# the linear predictor as predict.coxph(type = "lp"): centred at the development means
lp_of <- function(fit, X) drop(sweep(X, 2, fit$means) %*% coef(fit))

# rms::calibrate's grouping of predicted survival at u, applied by groupkm (KM in groups)
km_groups <- function(pred, S, u, m) {
  g <- max(1, floor(length(pred) / m))
  cuts <- unique(quantile(c(0, 1, pred), seq(0, 1, length = g + 1), na.rm = TRUE))
  gk <- groupkm(pred, S, u = u, cuts = cuts, pl = FALSE)
  lapply(seq_len(nrow(gk)), function(k) list(mean_predicted = num(gk[k, "x"]), observed_km = num(gk[k, "KM"]),
                                              observed_se = num(gk[k, "std.err"]), n = gk[k, "n"],
                                              events = gk[k, "events"]))
}

conc <- function(time, status, lp) {
  cc <- concordance(Surv(time, status) ~ lp, reverse = TRUE)
  se <- sqrt(cc$var)
  z <- qnorm(0.975)
  list(statistic = "C", c = unname(cc$concordance), se = se, lower = unname(cc$concordance) - z * se,
       upper = unname(cc$concordance) + z * se)
}

# df = g - 2 on the fitting data (hoslem.test); df = g on validation data, where no parameter was
# estimated (Hosmer, Lemeshow & Sturdivant 2013, Applied Logistic Regression, 3rd ed., section 5.5)
hl <- function(y, p, g = 10, df = g - 2) {
  cuts <- cut(p, breaks = quantile(p, probs = seq(0, 1, 1 / g)), include.lowest = TRUE)
  obs <- xtabs(cbind(1 - y, y) ~ cuts); ex <- xtabs(cbind(1 - p, p) ~ cuts)
  chisq <- sum((obs - ex)^2 / ex)
  list(statistic = chisq, df = df, p = 1 - pchisq(chisq, df), groups = g,
       sizes = unname(as.vector(table(cuts))), observed = unname(as.vector(obs[, 2])),
       expected = unname(as.vector(ex[, 2])))
}

logistic_cal <- function(y, lp, apparent = FALSE) {
  p <- plogis(lp)
  vp <- rms::val.prob(p, y, pl = FALSE)
  s2 <- Hmisc::somers2(p, y)
  r <- list(intercept = unname(vp["Intercept"]), slope = unname(vp["Slope"]), dxy = unname(s2["Dxy"]),
            c = unname(s2["C"]), brier = mean((p - y)^2), hosmer_lemeshow = hl(y, p, 10, df = if (apparent) 8 else 10))
  # on the fitting data the intercept is 0 and the slope 1 by construction (val.prob: ~1e-8 from its
  # own convergence); the Java edge test checks them, not this golden
  if (apparent) r[c("intercept", "slope")] <- NULL
  r
}

km_set <- function(name, time, status, grp) {
  g <- factor(ifelse(grp, "high", "low"), levels = c("low", "high"))
  groups <- lapply(c("low", "high"), function(l) {
    keep <- g == l
    if (!any(keep)) return(list(group = l, n = 0, events = 0))
    f <- survfit(Surv(time[keep], status[keep]) ~ 1)
    tab <- summary(f)$table
    list(group = l, n = sum(keep), events = sum(status[keep]),
         median = list(estimate = num(tab["median"]), lower = num(tab["0.95LCL"]), upper = num(tab["0.95UCL"])),
         curve = lapply(seq_along(f$time), function(i) list(time = f$time[i], n_risk = f$n.risk[i],
                                                            n_event = f$n.event[i], n_censor = f$n.censor[i],
                                                            survival = f$surv[i],
                                                            std_err = f$surv[i] * f$std.err[i],  # SE of S
                                                            lower = num(f$lower[i]),
                                                            upper = num(f$upper[i]))))
  })
  s <- list(set = name, n = length(time), n_low = sum(!grp), n_high = sum(grp), events_low = sum(status[!grp]),
            events_high = sum(status[grp]), groups = groups)
  if (any(grp) && any(!grp)) {
    sd <- survdiff(Surv(time, status) ~ g)
    s$logrank <- list(chisq = unname(sd$chisq), df = 1, p = 1 - pchisq(unname(sd$chisq), 1))
  }
  s
}

risk <- function(dev_time, dev_status, dev_lp, sets) {
  d <- data.frame(time = dev_time, status = dev_status, lp = dev_lp)
  ms <- maxstat.test(Surv(time, status) ~ lp, data = d, smethod = "LogRank", pmethod = "Lau94",
                     minprop = 0.1, maxprop = 0.9)
  cut <- unname(ms$estimate)
  list(score = "lp", cutpoint = cut, statistic = unname(ms$statistic),
       p_adjusted = list(method = "Lau94", p = unname(ms$p.value)),
       sets = lapply(sets, function(s) km_set(s$name, s$time, s$status, s$lp > cut)))
}

boot_rows <- function(v, rows) {
  lapply(rows, function(r) list(index = r, optimism = unname(v[r, "optimism"]),
                                corrected = unname(v[r, "index.corrected"])))
}

## 1. bootstrap validation, Cox: lung and pbc ----------------------------------------------------
cox_boot <- function(name, file, formula, data, u, m, B = 200) {
  d <- data[complete.cases(data[, all.vars(formula)]), ]
  # cph's default eps = 1e-4 stops Newton-Raphson early (coefficients differ from coxph in the 4th-5th
  # digit, and so do survest's predictions); thyra converges as coxph, so the fits here are converged
  conv <- function(h) cph(formula, data = d, x = TRUE, y = TRUE, surv = TRUE, time.inc = h, eps = 1e-12,
                          iter.max = 50)
  fit <- conv(u[1])
  set.seed(20261122)
  v <- rms::validate(fit, B = B)
  dxy <- unname(v["Dxy", "index.orig"])
  cal <- lapply(u, function(h) {
    f <- conv(h)
    set.seed(20261122)
    cb <- rms::calibrate(f, cmethod = "KM", u = h, m = m, B = B)
    # n and events per group: groupkm with calibrate's cuts on calibrate's own predictions
    pred <- unname(survest(f, times = h, conf.int = FALSE)$surv)
    gk <- km_groups(pred, f$y, h, m)
    groups <- lapply(seq_len(nrow(cb)), function(k) list(mean_predicted = unname(cb[k, "mean.predicted"]),
                                                        observed_km = num(cb[k, "KM"]),
                                                        observed_se = num(cb[k, "std.err"]),
                                                        n = gk[[k]]$n, events = gk[[k]]$events))
    list(apparent = list(horizon = h, group_size = m, groups = groups),
         boot = list(horizon = h, mean_predicted = unname(cb[, "mean.predicted"]), km = unname(cb[, "KM"]),
                     km_corrected = unname(cb[, "KM.corrected"]), mean_optimism = unname(cb[, "mean.optimism"])))
  })
  args <- c("validate", "--data", paste0("{data}/", file), "--formula", deparse(formula), "--model", "cox",
            "--bootstrap", "20", "--seed", "1", "--horizon", paste(u, collapse = ","), "--group-size", m)
  put(name, args, list(model = "cox", n = nrow(d), events = sum(fit$y[, 2]),
                       dropped_missing = nrow(data) - nrow(d),
                       indexes = list(list(index = "Dxy", apparent = dxy), list(index = "C", apparent = 0.5 + dxy / 2),
                                      list(index = "Slope", apparent = 1)),
                       apparent = list(Dxy = dxy, C = 0.5 + dxy / 2, Slope = 1),
                       calibration = lapply(cal, `[[`, "apparent")),
      boot = list(B = B, indexes = boot_rows(v, c("Dxy", "Slope")), calibration = lapply(cal, `[[`, "boot")))
}
cox_boot("cox_boot_lung", "lung.csv", Surv(time, status) ~ age + sex + ph.ecog, lung, c(365, 540), 50)
cox_boot("cox_boot_pbc", "pbc.csv", Surv(time, dead) ~ age + bili + albumin + edema, pb, c(1826, 3652), 80)

## 2. bootstrap validation, logistic: birthwt --------------------------------------------------
{
  d <- bw
  d$race <- factor(d$race)
  fit <- lrm(low ~ age + lwt + race + smoke + ptl + ht + ui, data = d, x = TRUE, y = TRUE)
  set.seed(20261122)
  v <- rms::validate(fit, B = 200)
  dxy <- unname(v["Dxy", "index.orig"])
  put("logistic_boot_birthwt",
      c("validate", "--data", "{data}/birthwt.csv", "--formula", "low ~ age + lwt + factor(race) + smoke + ptl + ht + ui",
        "--model", "logistic", "--bootstrap", "20", "--seed", "7"),
      list(model = "logistic", n = nrow(d), events = sum(d$low), dropped_missing = 0,
           indexes = list(list(index = "Dxy", apparent = dxy), list(index = "Intercept", apparent = 0),
                          list(index = "Slope", apparent = 1)),
           apparent = list(Dxy = dxy, Intercept = 0, Slope = 1),
           calibration = logistic_cal(d$low, unname(fit$linear.predictors), apparent = TRUE)),
      boot = list(B = 200, indexes = boot_rows(v, c("Dxy", "Intercept", "Slope"))))
}

## 3. split validation on thyra's rows: Cox on lung (risk groups by lp), logistic on birthwt -----
{
  sp <- rd("split_lung_seed4.csv")
  d <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
  d$status <- d$status - 1
  d$row <- as.integer(rownames(d))
  dev <- d[d$row %in% sp$row[sp$set == "development"], ]
  val <- d[d$row %in% sp$row[sp$set == "validation"], ]
  stopifnot(nrow(dev) + nrow(val) == nrow(d))
  f <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = dev)
  X <- function(z) as.matrix(z[, c("age", "sex", "ph.ecog")])
  ld <- lp_of(f, X(dev)); lv <- lp_of(f, X(val)); lw <- lp_of(f, X(d))
  u <- 365; m <- 25
  # predicted survival of validation rows from the development baseline (survfit.coxph, Efron)
  sf <- survfit(f, newdata = val, se.fit = FALSE)
  pv <- unname(summary(sf, times = u, extend = FALSE)$surv[1, ])
  slope <- unname(coef(coxph(Surv(val$time, val$status) ~ lv)))
  put("cox_split_lung",
      c("validate", "--data", "{data}/lung.csv", "--formula", "Surv(time, status) ~ age + sex + ph.ecog",
        "--bootstrap", "0", "--split", "0.7", "--seed", "4", "--horizon", u, "--group-size", m, "--risk-groups", "lp"),
      list(n = nrow(dev), events = sum(dev$status), dropped_missing = nrow(lung) - nrow(d),
           split = list(fraction = 0.7, seed = 4, development_rows = dev$row, validation_rows = val$row),
           development = list(n = nrow(dev), events = sum(dev$status), dropped_missing = 0,
                              concordance = conc(dev$time, dev$status, ld)),
           validation = list(n = nrow(val), events = sum(val$status), dropped_missing = 0,
                             concordance = conc(val$time, val$status, lv), calibration_slope = slope,
                             calibration = list(list(horizon = u, group_size = m,
                                                     groups = km_groups(pv, Surv(val$time, val$status), u, m)))),
           risk_groups = risk(dev$time, dev$status, ld,
                              list(list(name = "development", time = dev$time, status = dev$status, lp = ld),
                                   list(name = "validation", time = val$time, status = val$status, lp = lv),
                                   list(name = "whole", time = d$time, status = d$status, lp = lw)))))
}
{
  sp <- rd("split_birthwt_seed2.csv")
  d <- bw
  d$row <- seq_len(nrow(d))
  d$race <- factor(d$race)
  dev <- d[d$row %in% sp$row[sp$set == "development"], ]
  val <- d[d$row %in% sp$row[sp$set == "validation"], ]
  f <- glm(low ~ age + lwt + race + smoke + ht + ui, data = dev, family = binomial)
  lv <- unname(predict(f, newdata = val)); ld <- unname(predict(f))
  auc <- function(y, lp) {
    r <- roc(y, lp, direction = "<", quiet = TRUE)
    ci <- ci.auc(r, method = "delong")
    list(statistic = "AUC", c = as.numeric(r$auc), se = sqrt(var(r, method = "delong")),
         lower = max(0, ci[1]), upper = min(1, ci[3]))
  }
  put("logistic_split_birthwt",
      c("validate", "--data", "{data}/birthwt.csv", "--formula", "low ~ age + lwt + factor(race) + smoke + ht + ui",
        "--bootstrap", "0", "--split", "0.7", "--seed", "2"),
      list(n = nrow(dev), events = sum(dev$low),
           split = list(fraction = 0.7, seed = 2, development_rows = dev$row, validation_rows = val$row),
           development = list(n = nrow(dev), events = sum(dev$low), concordance = auc(dev$low, ld)),
           validation = list(n = nrow(val), events = sum(val$low), concordance = auc(val$low, lv),
                             calibration = logistic_cal(val$low, lv))))
}

## 4. external validation: pbc rows 1-280 -> rows 281-418 (missing cells dropped), risk groups ---
{
  vars <- c("time", "dead", "age", "bili", "albumin", "edema")
  dev <- pdev[complete.cases(pdev[, vars]), ]
  val <- pval[complete.cases(pval[, vars]), ]
  f <- coxph(Surv(time, dead) ~ age + bili + albumin + edema, data = dev)
  X <- function(z) as.matrix(z[, c("age", "bili", "albumin", "edema")])
  ld <- lp_of(f, X(dev)); lv <- lp_of(f, X(val))
  u <- c(1000, 2000); m <- 30
  sf <- survfit(f, newdata = val, se.fit = FALSE)
  cal <- lapply(u, function(h) {
    pv <- unname(summary(sf, times = h, extend = FALSE)$surv[1, ])
    list(horizon = h, group_size = m, groups = km_groups(pv, Surv(val$time, val$dead), h, m))
  })
  put("cox_external_pbc",
      c("validate", "--data", "{data}/pbc_dev.csv", "--validate-on", "{data}/pbc_val.csv",
        "--formula", "Surv(time, dead) ~ age + bili + albumin + edema", "--bootstrap", "0",
        "--horizon", paste(u, collapse = ","), "--group-size", m, "--risk-groups", "lp"),
      list(n = nrow(dev), events = sum(dev$dead), dropped_missing = nrow(pdev) - nrow(dev),
           external = list(validation_data = "pbc_val.csv", validation_rows = as.integer(rownames(val)) - 280L),
           development = list(n = nrow(dev), events = sum(dev$dead), dropped_missing = nrow(pdev) - nrow(dev),
                              concordance = conc(dev$time, dev$dead, ld)),
           validation = list(n = nrow(val), events = sum(val$dead), dropped_missing = nrow(pval) - nrow(val),
                             concordance = conc(val$time, val$dead, lv),
                             calibration_slope = unname(coef(coxph(Surv(val$time, val$dead) ~ lv))),
                             calibration = cal),
           risk_groups = risk(dev$time, dev$dead, ld,
                              list(list(name = "development", time = dev$time, status = dev$dead, lp = ld),
                                   list(name = "validation", time = val$time, status = val$dead, lp = lv),
                                   list(name = "whole", time = c(dev$time, val$time), status = c(dev$dead, val$dead),
                                        lp = c(ld, lv))))))
}
cat("wrote", length(list.files(out, pattern = "\\.json$")), "files to", out, "\n")
