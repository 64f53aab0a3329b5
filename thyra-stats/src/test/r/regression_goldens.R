# Golden values for org.thyra.stats.regression / roc / cutpoint.
# Run from the module directory:  Rscript src/test/r/regression_goldens.R
# R 4.2, MASS 7.3-58, pROC 1.18.0, maxstat 0.7-25, survival 3.5.
# Every fixture carries its input data so the Java tests need neither R nor other modules.
suppressPackageStartupMessages({
  library(jsonlite); library(MASS); library(pROC); library(maxstat); library(survival)
})
out <- "src/test/resources/golden"
for (d in c("regression", "roc", "cutpoint")) dir.create(file.path(out, d), recursive = TRUE, showWarnings = FALSE)
write_json_full <- function(x, file) {
  writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, na = "null", null = "null"), file.path(out, file))
}

## ---------------------------------------------------------------- logistic
bwt <- with(birthwt, data.frame(
  low = low, age = age, lwt = lwt,
  race = factor(race, labels = c("white", "black", "other")),
  smoke = smoke, ptd = as.integer(ptl > 0), ht = ht, ui = ui,
  ftv = factor(ifelse(ftv >= 2, "2+", as.character(ftv)), levels = c("0", "1", "2+"))))

logistic_fixture <- function(name, formula, data, profile = TRUE) {
  fit <- glm(formula, family = binomial, data = data)
  mm <- model.matrix(fit)
  assign <- attr(mm, "assign")
  vars <- attr(terms(fit), "term.labels")
  cf <- coef(fit)
  s <- summary(fit)$coefficients
  se <- z <- p <- rep(NA_real_, length(cf)); names(se) <- names(cf)
  se[rownames(s)] <- s[, 2]; z[match(rownames(s), names(cf))] <- s[, 3]; p[match(rownames(s), names(cf))] <- s[, 4]
  wald <- confint.default(fit)
  prof <- if (profile) suppressMessages(MASS:::confint.glm(fit)) else wald * NA
  if (is.null(dim(prof))) prof <- matrix(prof, nrow = 1)
  null <- glm(update(formula, . ~ 1), family = binomial, data = data)
  lr <- fit$null.deviance - fit$deviance
  lrdf <- fit$df.null - fit$df.residual
  list(name = name, formula = deparse(formula),
       y = as.numeric(model.response(model.frame(fit))),
       columns = lapply(seq_len(ncol(mm))[-1], function(j) unname(mm[, j])),
       names = colnames(mm)[-1], assign = assign[-1] - 1L, variables = vars,
       coef = unname(cf), se = unname(se), z = unname(z), p = unname(p),
       wald_lower = unname(wald[, 1]), wald_upper = unname(wald[, 2]),
       profile_lower = unname(prof[, 1]), profile_upper = unname(prof[, 2]),
       loglik_null = as.numeric(logLik(null)), loglik_model = as.numeric(logLik(fit)),
       aic = AIC(fit), deviance = fit$deviance, null_deviance = fit$null.deviance,
       lr_statistic = lr, lr_df = lrdf, lr_p = pchisq(lr, lrdf, lower.tail = FALSE),
       iter = fit$iter, converged = fit$converged, rank = fit$rank)
}

data(aSAH)
asah <- data.frame(poor = as.integer(aSAH$outcome == "Poor"), age = aSAH$age,
                   gender = aSAH$gender, s100b = aSAH$s100b, ndka = aSAH$ndka,
                   wfns = as.numeric(as.character(aSAH$wfns)))
pbc2 <- na.omit(with(pbc, data.frame(dead = as.integer(status == 2), age = age, bili = bili,
                 albumin = albumin, edema = factor(edema), stage = factor(stage), sex = sex)))
bwt_alias <- transform(bwt, lwt_kg = lwt * 0.45359237)
fixtures <- list(
  logistic_fixture("birthwt_full", low ~ age + lwt + race + smoke + ptd + ht + ui + ftv, bwt),
  logistic_fixture("asah", poor ~ age + gender + s100b + ndka, asah),
  logistic_fixture("pbc_death", dead ~ age + log(bili) + albumin + edema + stage + sex, pbc2),
  logistic_fixture("birthwt_aliased", low ~ age + lwt + lwt_kg + smoke, bwt_alias, profile = TRUE),
  logistic_fixture("birthwt_one", low ~ lwt, bwt))
write_json_full(fixtures, "regression/logistic.json")

## separation on real data: low is defined as bwt < 2500 (complete separation by bwt);
## bwt < 2000 implies low = 1 (quasi-complete). R returns finite but meaningless estimates.
separation_fixture <- function(name, formula, data, kind, diverging) {
  fit <- suppressWarnings(glm(formula, family = binomial, data = data))
  mm <- model.matrix(fit)
  list(name = name, formula = deparse(formula), kind = kind, diverging = diverging,
       y = as.numeric(model.response(model.frame(fit))),
       columns = lapply(seq_len(ncol(mm))[-1], function(j) unname(mm[, j])),
       names = colnames(mm)[-1], assign = attr(mm, "assign")[-1] - 1L,
       coef = unname(coef(fit)), iter = fit$iter, converged = fit$converged,
       max_abs_eta = max(abs(fit$linear.predictors)))
}
bwt_sep <- transform(birthwt, vlbw = as.integer(bwt < 2000))
write_json_full(list(
  separation_fixture("birthwt_low_by_bwt", low ~ bwt, birthwt, "COMPLETE", "bwt"),
  separation_fixture("birthwt_low_by_vlbw", low ~ age + vlbw, bwt_sep, "QUASI_COMPLETE", "vlbw")),
  "regression/separation.json")

## ---------------------------------------------------------------- stepAIC + screen
full <- glm(low ~ age + lwt + race + smoke + ptd + ht + ui + ftv, family = binomial, data = bwt)
nullm <- glm(low ~ 1, family = binomial, data = bwt)
vars <- attr(terms(full), "term.labels")
path <- function(st) list(steps = as.character(st$anova$Step), aic = st$anova$AIC,
                          selected = attr(terms(st), "term.labels"), final_aic = AIC(st),
                          final_coef = unname(coef(st)))
back <- stepAIC(full, direction = "backward", trace = 0)
both <- stepAIC(full, direction = "both", trace = 0)
fwd <- stepAIC(nullm, scope = list(upper = formula(full), lower = ~1), direction = "forward", trace = 0)
both0 <- stepAIC(nullm, scope = list(upper = formula(full), lower = ~1), direction = "both", trace = 0)
screen <- lapply(vars, function(v) {
  f <- glm(as.formula(paste("low ~", v)), family = binomial, data = bwt)
  a <- anova(nullm, f, test = "Chisq")
  list(variable = v, lr = a$Deviance[2], df = a$Df[2], p = a[["Pr(>Chi)"]][2],
       coef = unname(coef(f)), se = unname(sqrt(diag(vcov(f)))))
})
entered <- vars[sapply(screen, function(r) r$p < 0.1)]
entered_fit <- glm(as.formula(paste("low ~", paste(entered, collapse = " + "))), family = binomial, data = bwt)
screened <- stepAIC(entered_fit, direction = "both", trace = 0)
mm <- model.matrix(full)
write_json_full(list(
  y = bwt$low, columns = lapply(seq_len(ncol(mm))[-1], function(j) unname(mm[, j])),
  names = colnames(mm)[-1], assign = attr(mm, "assign")[-1] - 1L, variables = vars,
  backward = path(back), both = path(both), forward = path(fwd), both_from_null = path(both0),
  screen = screen, entered = entered, screened_both = path(screened)), "regression/stepaic_birthwt.json")

## ---------------------------------------------------------------- ROC
roc_fixture <- function(name, outcome, marker, at, direction = "auto") {
  r <- roc(outcome, marker, quiet = TRUE, levels = c(0, 1), direction = direction)
  ci <- ci.auc(r, method = "delong")
  best <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity", "youden"))
  atc <- coords(r, x = at, input = "threshold", ret = c("threshold", "sensitivity", "specificity", "tp", "fp", "tn", "fn"))
  ncase <- length(r$cases); nctrl <- length(r$controls)
  list(name = name, outcome = outcome, marker = marker, given_direction = direction, direction = r$direction,
       n_cases = ncase, n_controls = nctrl, auc = as.numeric(r$auc), var = var(r, method = "delong"),
       auc_lower = ci[1], auc_upper = ci[3],
       thresholds = r$thresholds, sensitivities = r$sensitivities, specificities = r$specificities,
       best_threshold = best$threshold, best_sensitivity = best$sensitivity,
       best_specificity = best$specificity, best_youden_plus1 = best$youden,
       at = lapply(seq_len(nrow(atc)), function(i) {
         se <- binom.test(atc$tp[i], ncase)$conf.int; sp <- binom.test(atc$tn[i], nctrl)$conf.int
         list(threshold = atc$threshold[i], sensitivity = atc$sensitivity[i], specificity = atc$specificity[i],
              tp = atc$tp[i], fp = atc$fp[i], tn = atc$tn[i], fn = atc$fn[i],
              sens_lower = se[1], sens_upper = se[2], spec_lower = sp[1], spec_upper = sp[2])
       }))
}
y_asah <- asah$poor
rocs <- list(
  roc_fixture("asah_s100b", y_asah, asah$s100b, c(0.13, 0.205, 0.5)),
  roc_fixture("asah_ndka", y_asah, asah$ndka, c(10, 11.08)),
  roc_fixture("asah_wfns", y_asah, asah$wfns, c(2, 2.5, 4)),
  roc_fixture("birthwt_lwt", bwt$low, bwt$lwt, c(110, 120.5)),
  roc_fixture("birthwt_age", bwt$low, bwt$age, c(20, 23.5)),
  roc_fixture("asah_s100b_given_gt", y_asah, asah$s100b, c(0.13, 0.205), direction = ">"))
write_json_full(rocs, "roc/roc.json")

test_fixture <- function(name, outcome, m1, m2) {
  r1 <- roc(outcome, m1, quiet = TRUE, levels = c(0, 1)); r2 <- roc(outcome, m2, quiet = TRUE, levels = c(0, 1))
  t <- roc.test(r1, r2, method = "delong", paired = TRUE)
  list(name = name, outcome = outcome, marker1 = m1, marker2 = m2,
       auc1 = as.numeric(r1$auc), auc2 = as.numeric(r2$auc),
       statistic = unname(t$statistic), p = t$p.value)
}
write_json_full(list(
  test_fixture("asah_s100b_ndka", y_asah, asah$s100b, asah$ndka),
  test_fixture("asah_s100b_wfns", y_asah, asah$s100b, asah$wfns),
  test_fixture("birthwt_lwt_age", bwt$low, bwt$lwt, bwt$age)), "roc/delong_test.json")

## ---------------------------------------------------------------- maxstat
maxstat_fixture <- function(name, time, event, x, minprop = 0.1, maxprop = 0.9) {
  d <- data.frame(time = time, event = event, x = x)
  m <- maxstat.test(Surv(time, event) ~ x, data = d, smethod = "LogRank", pmethod = "Lau94",
                    minprop = minprop, maxprop = maxprop)
  sc <- exactRankTests::cscores(Surv(time, event), type = "LogRank")
  list(name = name, time = time, event = event, x = x, minprop = minprop, maxprop = maxprop,
       scores = as.numeric(sc), statistic = unname(m$statistic), estimate = unname(m$estimate),
       p = m$p.value, cuts = unname(m$cuts), stats = unname(m$stats),
       n_low = sum(x <= m$estimate), n_high = sum(x > m$estimate))
}
vet <- veteran
pbcc <- pbc[!is.na(pbc$bili), ]
lungc <- lung[!is.na(lung$age), ]
write_json_full(list(
  maxstat_fixture("veteran_karno", vet$time, vet$status, vet$karno),
  maxstat_fixture("pbc_bili", pbcc$time, as.integer(pbcc$status == 2), pbcc$bili),
  maxstat_fixture("lung_age", lungc$time, lungc$status - 1, lungc$age, 0.25, 0.75),
  maxstat_fixture("veteran_karno_full", vet$time, vet$status, vet$karno, 0, 1)), "cutpoint/maxstat.json")

## three-group scan by brute force with survdiff: low x <= c1 < mid x <= c2 < high,
## each group at least max(1, floor(n * minprop)) rows
scan3 <- function(name, time, event, x, minprop = 0.1) {
  n <- length(x); u <- sort(unique(x)); minn <- max(1, floor(n * minprop))
  best <- -Inf; bc <- c(NA, NA); count <- 0
  for (i in seq_along(u)) for (j in seq_along(u)) if (j > i) {
    g <- 1 + (x > u[i]) + (x > u[j])
    nn <- tabulate(g, 3)
    if (any(nn < minn)) next
    count <- count + 1
    chi <- survdiff(Surv(time, event) ~ g)$chisq
    if (count == 1 || chi > best + 1e-9 * abs(best)) { best <- chi; bc <- c(u[i], u[j]) }
  }
  g <- 1 + (x > bc[1]) + (x > bc[2])
  list(name = name, time = time, event = event, x = x, minprop = minprop, statistic = best,
       cut_low = bc[1], cut_high = bc[2], n_groups = tabulate(g, 3), candidates = count,
       p_naive = pchisq(best, 2, lower.tail = FALSE))
}
write_json_full(list(
  scan3("veteran_karno", vet$time, vet$status, vet$karno),
  scan3("pbc_bili", pbcc$time, as.integer(pbcc$status == 2), pbcc$bili)), "cutpoint/xtile.json")
cat("done\n")
