# Goldens for org.thyra.stats.prediction: Breslow/Efron baseline survival as survfit.coxph,
# nomogram points as rms::nomogram. Run from thyra-stats/src/test/r:
#   Rscript prediction_goldens.R
suppressMessages({library(survival); library(rms); library(jsonlite); library(MASS)})
out <- "../resources/golden/prediction"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put <- function(x, name) writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null"),
                                    file.path(out, paste0(name, ".json")))

## 1. baseline survival (survfit.coxph) -------------------------------------------------
baseline <- function(name, data, formula, ties, rows, horizons, strataVar = NULL) {
  newdata <- data[rows, , drop = FALSE]
  fit <- coxph(formula, data = data, ties = ties, x = TRUE)
  X <- fit$x
  Xn <- X[rows, , drop = FALSE]
  st <- if (is.null(strataVar)) rep(0L, nrow(data)) else as.integer(factor(data[[strataVar]])) - 1L
  stn <- if (is.null(strataVar)) rep(0L, nrow(newdata)) else
    as.integer(factor(newdata[[strataVar]], levels = levels(factor(data[[strataVar]])))) - 1L
  surv <- matrix(NA_real_, nrow(newdata), length(horizons))
  for (i in seq_len(nrow(newdata))) {
    sf <- survfit(fit, newdata = newdata[i, , drop = FALSE])
    surv[i, ] <- summary(sf, times = horizons)$surv
  }
  # the whole step function of the first new row, at every event time of its stratum
  sf1 <- survfit(fit, newdata = newdata[1, , drop = FALSE])
  put(list(name = name, ties = ties, time = data$time, status = data$status,
           x = unname(lapply(seq_len(ncol(X)), function(j) X[, j])), strata = st,
           coef = unname(coef(fit)),
           newx = unname(lapply(seq_len(ncol(Xn)), function(j) Xn[, j])), newstrata = stn,
           horizons = horizons, survival = unname(lapply(seq_len(nrow(surv)), function(i) surv[i, ])),
           first_time = sf1$time[sf1$n.event > 0], first_surv = sf1$surv[sf1$n.event > 0],
           first_cumhaz = sf1$cumhaz[sf1$n.event > 0],
           first_stratum_max_time = max(data$time[st == stn[1]])),
      paste0("baseline_", name))
}
lung <- na.omit(survival::lung[, c("time", "status", "age", "sex", "ph.ecog")])
lung$status <- lung$status - 1
nd <- c(1, 7, 50, 100, 200)
baseline("lung_efron", lung, Surv(time, status) ~ age + sex + ph.ecog, "efron", nd, c(30, 180, 365, 730))
baseline("lung_breslow", lung, Surv(time, status) ~ age + sex + ph.ecog, "breslow", nd, c(30, 180, 365, 730))
baseline("lung_strata_efron", lung, Surv(time, status) ~ age + ph.ecog + strata(sex), "efron", nd,
         c(30, 180, 365, 700), strataVar = "sex")
vet <- survival::veteran
vet$status <- vet$status
baseline("veteran_efron", vet, Surv(time, status) ~ karno + age + factor(celltype), "efron",
         c(1, 20, 60, 130), c(10, 50, 100, 365))
pbc <- na.omit(survival::pbc[, c("time", "status", "age", "bili", "albumin", "edema")])
pbc$status <- as.integer(pbc$status == 2)
baseline("pbc_efron", pbc, Surv(time, status) ~ age + log(bili) + albumin + edema, "efron",
         c(1, 2, 100, 300), c(365, 1826, 3652))

## 2. nomogram (rms::nomogram) ------------------------------------------------------------
# survfit.coxph at linear predictor lp (centred at the coxph means, as cph's centre):
# S(t | lp) = S(t | means)^exp(lp)
survfitAt <- function(cfit, data, horizons) {
  ref <- data[1, , drop = FALSE]
  s0 <- summary(survfit(cfit, newdata = ref), times = horizons)$surv
  xb <- drop(cfit$x %*% coef(cfit))
  lpRef <- xb[1] - mean(xb)  # cph's centre: the sample mean of x'b
  function(lp) lapply(seq_along(horizons), function(k) unname(s0[k]^exp(lp - lpRef)))
}
nomo <- function(name, fit, nom, horizons, fun, patient, sfun = NULL, data) {
  vars <- setdiff(names(nom), c("total.points", "lp", names(fun)))
  axes <- lapply(vars, function(v) {
    a <- nom[[v]]
    list(variable = v, values = as.character(a[[1]]), numeric = is.numeric(a[[1]]),
         data = if (is.numeric(data[[v]])) data[[v]] else NULL,
         xbeta = unname(a$Xbeta), points = unname(a$points))
  })
  tp <- seq(0, max(nom$total.points$x), length.out = 21)
  sc <- attr(nom, "info")$sc
  lp0 <- nom$lp$x.real[1] - nom$lp$x[1] / sc
  lp <- lp0 + tp / sc
  pred <- lapply(seq_along(fun), function(k) unname(fun[[k]](lp)))
  names(pred) <- names(fun)
  sfp <- if (is.null(sfun)) NULL else sfun(lp)
  beta0 <- if (inherits(fit, "lrm")) unname(coef(fit)[1]) else -unname(fit$center)
  put(list(name = name, axes = axes, scale = sc, beta0 = beta0, coef = as.list(coef(fit)),
           fitted_lp = unname(fit$linear.predictors),
           time = if (inherits(fit, "cph")) unname(fit$y[, 1]) else NULL,
           status = if (inherits(fit, "cph")) unname(fit$y[, 2]) else NULL, total_points_ticks = nom$total.points$x,
           lp_ticks = nom$lp$x.real, lp_tick_points = nom$lp$x,
           total_points = tp, linear_predictor = lp, predictions = pred, horizons = horizons,
           survfit_predictions = sfp,
           patient = patient), paste0("nomogram_", name))
}
lung$ecog <- factor(lung$ph.ecog)
dd <- datadist(lung); options(datadist = "dd")
f <- cph(Surv(time, status) ~ age + sex + ecog, data = lung, x = TRUE, y = TRUE, surv = TRUE)
S <- Survival(f)
hz <- c(180, 365, 730)
fun <- lapply(hz, function(h) { force(h); function(lp) S(h, lp) }); names(fun) <- paste0("S", hz)
nom <- nomogram(f, fun = fun)
# survfit.coxph of the same model at the same lp, to pin the baseline convention
# coxph at cph's coefficients (iter.max = 0): the two fitters stop at slightly different iterates
cf <- coxph(Surv(time, status) ~ age + sex + ecog, data = lung, ties = "efron", x = TRUE,
            init = coef(f), iter.max = 0)
pt <- data.frame(age = 67, sex = 2, ecog = factor(2, levels = levels(lung$ecog)))
sfp <- summary(survfit(cf, newdata = pt), times = hz)$surv
nomo("lung_cph", f, nom, hz, fun,
     list(values = list(age = 67, sex = 2, ecog = "2"), lp = unname(predict(f, pt)),
          survfit_survival = sfp, rms_survival = sapply(hz, function(h) S(h, predict(f, pt)))), survfitAt(cf, lung, hz), data = lung)
ddp <- datadist(pbc); options(datadist = "ddp")
f2 <- cph(Surv(time, status) ~ age + log(bili) + albumin + edema, data = pbc, x = TRUE, y = TRUE, surv = TRUE)
S2 <- Survival(f2); hz2 <- c(1826, 3652)
fun2 <- lapply(hz2, function(h) { force(h); function(lp) S2(h, lp) }); names(fun2) <- paste0("S", hz2)
nom2 <- nomogram(f2, bili = c(0.5, 1, 2, 5, 10, 20), fun = fun2)
pt2 <- data.frame(age = 50, bili = 2.5, albumin = 3.2, edema = 0.5)
nomo("pbc_cph", f2, nom2, hz2, fun2, list(values = list(age = 50, bili = 2.5, albumin = 3.2, edema = 0.5),
     lp = unname(predict(f2, pt2))),
     survfitAt(coxph(Surv(time, status) ~ age + log(bili) + albumin + edema, data = pbc, x = TRUE,
                    init = coef(f2), iter.max = 0), pbc, hz2), data = pbc)
bw <- MASS::birthwt
bw$race <- factor(bw$race, labels = c("white", "black", "other"))
ddb <- datadist(bw); options(datadist = "ddb")
f3 <- lrm(low ~ age + lwt + race + smoke + ptl + ht + ui, data = bw, x = TRUE, y = TRUE)
fun3 <- list(probability = plogis)
nom3 <- nomogram(f3, fun = fun3)
pt3 <- data.frame(age = 25, lwt = 120, race = factor("black", levels = levels(bw$race)), smoke = 1,
                  ptl = 0, ht = 0, ui = 1)
nomo("birthwt_lrm", f3, nom3, numeric(0), fun3, list(values = list(age = 25, lwt = 120, race = "black",
     smoke = 1, ptl = 0, ht = 0, ui = 1), lp = unname(predict(f3, pt3))), data = bw)

## 3. time-dependent AUC (riskRegression::Score, marginal censoring weights) ---------------
suppressMessages({library(riskRegression); library(prodlim)})
tdroc <- function(name, time, status, marker, times) {
  d <- data.frame(time = time, status = status)
  sc <- Score(list(m = marker), formula = Hist(time, status) ~ 1, data = d, metrics = "auc",
              cens.model = "marginal", times = times, null.model = FALSE, conservative = FALSE)
  s <- as.data.frame(sc$AUC$score)
  put(list(name = name, time = time, status = status, marker = marker, times = times,
           auc = s$AUC, se = s$se, lower = s$lower, upper = s$upper,
           riskRegression = as.character(packageVersion("riskRegression"))), paste0("tdroc_", name))
}
fp <- coxph(Surv(time, status) ~ age + log(bili) + albumin + edema, data = pbc)
tdroc("pbc_lp", pbc$time, pbc$status, unname(predict(fp)), c(1000, 2000, 3000))
fl <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)
tdroc("lung_lp", lung$time, lung$status, unname(predict(fl)), c(180, 365, 540))
tdroc("veteran_karno", vet$time, vet$status, -vet$karno, c(30, 90, 180))

## 5. risk groups: maxstat cut-off on development lp, applied unchanged to validation ------
suppressMessages(library(maxstat))
dev <- pbc[1:280, ]; val <- pbc[281:nrow(pbc), ]
fd <- coxph(Surv(time, status) ~ age + log(bili) + albumin + edema, data = dev)
dev$lp <- unname(predict(fd, type = "lp")); val$lp <- unname(predict(fd, newdata = val, type = "lp", reference = "sample"))
ms <- maxstat.test(Surv(time, status) ~ lp, data = dev, smethod = "LogRank", pmethod = "Lau94",
                   minprop = 0.1, maxprop = 0.9)
cut <- unname(ms$estimate)
put(list(dev_time = dev$time, dev_status = dev$status, dev_lp = dev$lp, val_lp = val$lp,
         cutoff = cut, statistic = unname(ms$statistic),
         dev_high = sum(dev$lp > cut), val_high = sum(val$lp > cut), val_low = sum(val$lp <= cut)),
    "riskgroups_pbc")

## 4. validation: rms::validate (apparent exact, corrected within Monte-Carlo error),
##    val.prob calibration intercept/slope, Hosmer-Lemeshow by hand (as ResourceSelection) ----
valCox <- function(name, fit, B = 200) {
  set.seed(20261122)
  v <- rms::validate(fit, B = B)
  X <- fit$x
  put(list(name = name, time = unname(fit$y[, 1]), status = unname(fit$y[, 2]),
           x = unname(lapply(seq_len(ncol(X)), function(j) X[, j])), names = colnames(X),
           index = rownames(v), apparent = unname(v[, "index.orig"]), optimism = unname(v[, "optimism"]),
           corrected = unname(v[, "index.corrected"]), B = unname(v[1, "n"])), paste0("validate_", name))
}
options(datadist = NULL)
valCox("lung_cph", cph(Surv(time, status) ~ age + sex + ph.ecog, data = lung, x = TRUE, y = TRUE))
valCox("pbc_cph", cph(Surv(time, status) ~ age + log(bili) + albumin + edema, data = pbc, x = TRUE, y = TRUE))
set.seed(20261122)
fl3 <- lrm(low ~ age + lwt + race + smoke + ptl + ht + ui, data = bw, x = TRUE, y = TRUE)
vl <- rms::validate(fl3, B = 200)
X <- fl3$x
put(list(name = "birthwt_lrm", y = unname(fl3$y), x = unname(lapply(seq_len(ncol(X)), function(j) X[, j])),
         names = colnames(X), index = rownames(vl), apparent = unname(vl[, "index.orig"]),
         optimism = unname(vl[, "optimism"]), corrected = unname(vl[, "index.corrected"]), B = unname(vl[1, "n"])),
    "validate_birthwt_lrm")
# external calibration: development = odd rows, validation = even rows (birthwt is sorted by low)
dev <- bw[seq(1, nrow(bw), 2), ]; val <- bw[seq(2, nrow(bw), 2), ]
fdev <- lrm(low ~ age + lwt + race + smoke + ptl + ht + ui, data = dev)
lpv <- unname(predict(fdev, val)); pv <- plogis(lpv)
vp <- rms::val.prob(pv, val$low, pl = FALSE)
hl <- function(y, p, g = 10) {
  cuts <- cut(p, breaks = quantile(p, probs = seq(0, 1, 1 / g)), include.lowest = TRUE)
  obs <- xtabs(cbind(1 - y, y) ~ cuts); ex <- xtabs(cbind(1 - p, p) ~ cuts)
  chisq <- sum((obs - ex)^2 / ex)
  list(statistic = chisq, df = g - 2, p = 1 - pchisq(chisq, g - 2), observed = unname(obs[, 2]),
       expected = unname(ex[, 2]), sizes = unname(as.vector(table(cuts))))
}
pfull <- unname(plogis(predict(lrm(low ~ age + lwt + race + smoke + ptl + ht + ui, data = bw))))
put(list(y = val$low, lp = lpv, p = pv, intercept = unname(vp["Intercept"]), slope = unname(vp["Slope"]),
         dxy = unname(Hmisc::somers2(pv, val$low)["Dxy"]),  # val.prob's own Dxy differs in the 4th digit
         val_prob_dxy = unname(vp["Dxy"]), hl_validation = hl(val$low, pv, 10),
         y_full = bw$low, p_full = pfull, hl_full = hl(bw$low, pfull, 10)), "calibration_birthwt")

## 4b. calibration at a horizon by KM in groups of m (rms::calibrate cmethod = "KM", apparent) ----
calKm <- function(name, formula, data, u, m) {
  fit <- cph(formula, data = data, x = TRUE, y = TRUE, surv = TRUE, time.inc = u)
  pred <- unname(survest(fit, times = u, conf.int = FALSE)$surv)
  set.seed(20261122)
  cal <- rms::calibrate(fit, cmethod = "KM", u = u, m = m, B = 200)
  X <- fit$x
  gk <- groupkm(pred, fit$y, u = u, m = m, pl = FALSE)
  put(list(name = name, time = unname(fit$y[, 1]), status = unname(fit$y[, 2]), lp = unname(fit$linear.predictors),
           u = u, m = m, predicted = pred, mean_predicted = unname(cal[, "mean.predicted"]),
           km = unname(cal[, "KM"]), km_corrected = unname(cal[, "KM.corrected"]),
           mean_optimism = unname(cal[, "mean.optimism"]), B = 200,
           x = unname(lapply(seq_len(ncol(X)), function(j) X[, j])), names = colnames(X),
           groupkm = list(x = unname(gk[, "x"]), km = unname(gk[, "KM"]), n = unname(gk[, "n"]),
                          events = unname(gk[, "events"]), se = unname(gk[, "std.err"]))),
      paste0("calibrate_", name))
}
options(datadist = "dd")
calKm("lung_365", Surv(time, status) ~ age + sex + ecog, lung, 365, 50)
options(datadist = "ddp")
calKm("pbc_1826", Surv(time, status) ~ age + log(bili) + albumin + edema, pbc, 1826, 80)
