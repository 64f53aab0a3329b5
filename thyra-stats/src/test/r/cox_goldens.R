# Golden values for org.thyra.stats.survival Cox / cox.zph / concordance tests.
# R 4.2, survival 3.5. Run from the repository root:
#   Rscript thyra-stats/src/test/r/cox_goldens.R
# Writes one JSON file per case (input data included) under
#   thyra-stats/src/test/resources/golden/cox/
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.5")
out <- "thyra-stats/src/test/resources/golden/cox"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

num <- function(x) { x <- as.numeric(x); x[is.na(x)] <- NA; x }

# Fit a model, capture its warnings, and write data + R's results.
cox_case <- function(name, dataset, formula, data, ties = "efron", iter.max = 20) {
  warns <- character(0)
  fit <- withCallingHandlers(
    coxph(formula, data = data, ties = ties, control = coxph.control(iter.max = iter.max),
          x = TRUE, y = TRUE, model = TRUE),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  X <- fit$x
  y <- fit$y
  mf <- fit$model
  sp <- attr(terms(fit), "specials")$strata
  strata <- NULL
  if (length(sp)) {
    st <- untangle.specials(terms(fit), "strata")
    sv <- if (length(st$vars) == 1) mf[[st$vars]] else strata(mf[, st$vars], shortlabel = TRUE)
    strata <- as.integer(factor(sv)) - 1L
  }
  asg <- fit$assign
  colterm <- integer(ncol(X))
  for (k in seq_along(asg)) colterm[asg[[k]]] <- k - 1L
  s <- summary(fit)
  cf <- s$coefficients
  ci <- s$conf.int
  zph <- tryCatch({
    z <- cox.zph(fit, transform = "km", terms = TRUE)
    tb <- z$table
    list(terms = lapply(seq_len(nrow(tb) - 1), function(i)
           list(term = rownames(tb)[i], chisq = tb[i, 1], df = tb[i, 2], p = tb[i, 3])),
         global = list(term = "GLOBAL", chisq = tb[nrow(tb), 1], df = tb[nrow(tb), 2],
                       p = tb[nrow(tb), 3]))
  }, error = function(e) NULL)
  cc <- fit$concordance
  res <- list(
    name = name, dataset = dataset, formula = paste(deparse(formula), collapse = " "),
    ties = toupper(ties), iter_max = iter.max,
    input = list(time = num(y[, 1]), status = as.integer(y[, 2]),
                 strata = strata, column_names = colnames(X),
                 columns = lapply(seq_len(ncol(X)), function(j) num(X[, j])),
                 assign = colterm, terms = names(asg)),
    expected = list(
      coef = num(coef(fit)), se = num(cf[, "se(coef)"]), z = num(cf[, "z"]),
      p = num(cf[, "Pr(>|z|)"]), hr = num(ci[, "exp(coef)"]),
      lower = num(ci[, 3]), upper = num(ci[, 4]),
      aliased = is.na(coef(fit)),
      var = lapply(seq_len(ncol(X)), function(j) num(fit$var[, j])),
      means = num(fit$means),
      loglik = num(fit$loglik), iter = fit$iter,
      lr = list(statistic = s$logtest[["test"]], df = s$logtest[["df"]], p = s$logtest[["pvalue"]]),
      wald = list(statistic = as.numeric(fit$wald.test), df = s$waldtest[["df"]],
                  p = s$waldtest[["pvalue"]]),
      score = list(statistic = s$sctest[["test"]], df = s$sctest[["df"]], p = s$sctest[["pvalue"]]),
      concordance = list(c = cc[["concordance"]], se = cc[["std"]],
                         concordant = cc[["concordant"]], discordant = cc[["discordant"]],
                         tied_x = cc[["tied.x"]], tied_y = cc[["tied.y"]],
                         tied_xy = cc[["tied.xy"]]),
      lp = num(predict(fit, type = "lp")),
      warnings = warns,
      zph = zph))
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, null = "null", na = "string"),
             file.path(out, paste0(name, ".json")))
  cat(name, ": n =", nrow(X), " p =", ncol(X), " iter =", fit$iter,
      if (length(warns)) paste(" warnings:", paste(warns, collapse = " | ")) else "", "\n")
}

lung2 <- na.omit(lung[, c("time", "status", "age", "sex", "ph.ecog", "ph.karno", "wt.loss")])
lung2$age2 <- 2 * lung2$age
lung2$const <- 1
lung2$m <- as.numeric(lung2$status == 2 & lung2$time < 100)
pbc2 <- pbc[1:312, ]
pbc2$death <- as.numeric(pbc2$status == 2)
colon2 <- na.omit(colon[colon$etype == 2, c("time", "status", "rx", "sex", "age", "obstruct",
                                            "nodes", "differ", "extent")])
fl <- na.omit(flchain[, c("futime", "death", "age", "sex", "kappa", "lambda", "creatinine")])
cgd1 <- cgd[cgd$enum == 1, ]
ov <- ovarian
ov_tied <- ovarian
ov_tied$futime <- 100

cox_case("lung_efron", "lung", Surv(time, status) ~ age + sex + ph.ecog, lung2)
cox_case("lung_breslow", "lung", Surv(time, status) ~ age + sex + ph.ecog, lung2, "breslow")
cox_case("lung_factor_strata", "lung",
         Surv(time, status) ~ age + factor(ph.ecog) + wt.loss + strata(sex), lung2)
cox_case("lung_aliased", "lung", Surv(time, status) ~ age + sex + age2 + ph.karno, lung2)
cox_case("lung_constant", "lung", Surv(time, status) ~ const + age + sex, lung2, "breslow")
cox_case("lung_monotone", "lung", Surv(time, status) ~ m + age, lung2)
cox_case("lung_not_converged", "lung", Surv(time, status) ~ age + sex + ph.ecog, lung2,
         iter.max = 2)
cox_case("veteran_efron", "veteran",
         Surv(time, status) ~ trt + celltype + karno + diagtime + age + prior, veteran)
cox_case("veteran_breslow_strata", "veteran",
         Surv(time, status) ~ celltype + karno + strata(trt), veteran, "breslow")
cox_case("pbc_efron", "pbc",
         Surv(time, death) ~ age + log(bili) + edema + albumin + log(protime), pbc2)
cox_case("pbc_breslow", "pbc",
         Surv(time, death) ~ age + log(bili) + edema + albumin + log(protime), pbc2, "breslow")
cox_case("colon_efron", "colon",
         Surv(time, status) ~ rx + sex + age + obstruct + nodes + factor(differ) + extent, colon2)
cox_case("colon_strata_breslow", "colon",
         Surv(time, status) ~ rx + nodes + age + strata(sex, obstruct), colon2, "breslow")
# more than 10 strata: survival's concordancefit then collapses strata into one time axis
cox_case("colon_many_strata_efron", "colon",
         Surv(time, status) ~ rx + nodes + age + strata(differ, extent, sex), colon2)
cox_case("flchain_efron", "flchain",
         Surv(futime, death) ~ age + sex + kappa + lambda + creatinine, fl)
cox_case("ovarian_efron", "ovarian", Surv(futime, fustat) ~ age + ecog.ps + rx, ov)
cox_case("ovarian_breslow", "ovarian", Surv(futime, fustat) ~ age + resid.ds, ov, "breslow")
cox_case("cgd_efron", "cgd",
         Surv(tstop, status) ~ treat + inherit + age + steroids + hos.cat, cgd1)
cox_case("ovarian_all_tied_efron", "ovarian", Surv(futime, fustat) ~ age + rx, ov_tied)
cox_case("ovarian_all_tied_breslow", "ovarian", Surv(futime, fustat) ~ age + rx, ov_tied, "breslow")

# Stand-alone concordance (survival::concordance, timefix = TRUE).
conc_case <- function(name, dataset, time, status, x, strata = NULL, reverse = FALSE) {
  d <- data.frame(time = time, status = status, x = x)
  if (is.null(strata)) {
    fit <- concordance(Surv(time, status) ~ x, data = d, reverse = reverse)
  } else {
    d$s <- strata
    fit <- concordance(Surv(time, status) ~ x + strata(s), data = d, reverse = reverse)
  }
  cnt <- if (is.matrix(fit$count)) colSums(fit$count) else fit$count
  res <- list(name = name, dataset = dataset, reverse = reverse,
              input = list(time = num(time), status = as.integer(status), predictor = num(x),
                           strata = if (is.null(strata)) NULL else as.integer(factor(strata)) - 1L),
              expected = list(c = fit$concordance, se = sqrt(fit$var),
                              concordant = cnt[["concordant"]], discordant = cnt[["discordant"]],
                              tied_x = cnt[["tied.x"]], tied_y = cnt[["tied.y"]],
                              tied_xy = cnt[["tied.xy"]]))
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, null = "null", na = "string"),
             file.path(out, paste0("concordance_", name, ".json")))
  cat("concordance", name, ": C =", fit$concordance, "\n")
}
conc_case("lung_age", "lung", lung2$time, lung2$status - 1, lung2$age)
conc_case("lung_ecog_reverse", "lung", lung2$time, lung2$status - 1, lung2$ph.ecog, reverse = TRUE)
conc_case("veteran_karno_strata", "veteran", veteran$time, veteran$status, veteran$karno,
          strata = veteran$trt)
conc_case("pbc_bili_reverse", "pbc", pbc2$time, pbc2$death, pbc2$bili, reverse = TRUE)
conc_case("colon_age_many_strata", "colon", colon2$time, colon2$status, colon2$age,
          strata = interaction(colon2$differ, colon2$extent, colon2$sex, drop = TRUE))
conc_case("colon_nodes_strata_reverse", "colon", colon2$time, colon2$status, colon2$nodes,
          strata = colon2$rx, reverse = TRUE)
