# Golden values for the end-to-end CLI test of `thyra cox` with a cluster() term
# (CoxClusterCliGoldenTest). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/cox_cluster_cli_goldens.R
#
# R 4.2, survival 3.5: coxph(..., cluster = id). Writes golden/coxcluster/data/*.csv (survival colon,
# rats, lung) and golden/coxcluster/NAME.json = {name, args, expected} named as thyra's JSON: per
# term coef, se (naive), robust_se, hr, robust Wald limits, z, p; tests (likelihood ratio, robust
# Wald, score, robust score), concordance c, cox.zph global. Concordance SE is not compared:
# coxph clusters it, thyra reports null with a warning.
suppressMessages({library(survival); library(jsonlite)})
out <- "thyra-app/src/test/resources/golden/coxcluster"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
colon <- survival::colon; wr(colon, "colon.csv")
rats <- survival::rats; wr(rats, "rats.csv")
lung <- survival::lung; wr(lung, "lung.csv")
q <- qnorm(0.975)
tst <- function(stat, df) list(statistic = unname(stat), df = df,
                               p = pchisq(unname(stat), df, lower.tail = FALSE))
expected <- function(fit, data) {
  s <- summary(fit)$coefficients
  se <- sqrt(diag(fit$naive.var)); rse <- sqrt(diag(fit$var)); b <- coef(fit)
  k <- length(b)
  z <- cox.zph(fit)
  list(n = fit$n, events = fit$nevent, dropped_missing = nrow(data) - fit$n,
       terms = lapply(seq_along(b), function(j) list(
         coef = unname(b[j]), se = unname(se[j]), robust_se = unname(rse[j]), hr = exp(unname(b[j])),
         lower = exp(unname(b[j] - q * rse[j])), upper = exp(unname(b[j] + q * rse[j])),
         z = unname(s[j, "z"]), p = unname(s[j, "Pr(>|z|)"]))),
       tests = list(likelihood_ratio = tst(2 * diff(fit$loglik), k),
                    wald = tst(as.numeric(fit$wald.test), k), score = tst(as.numeric(fit$score), k),
                    robust_score = tst(as.numeric(fit$rscore), k)),
       concordance = list(c = unname(fit$concordance["concordance"])),
       ph_test = list(global = list(chisq = unname(z$table["GLOBAL", "chisq"]),
                                    df = unname(z$table["GLOBAL", "df"]),
                                    p = unname(z$table["GLOBAL", "p"]))))
}
cases <- list(
  list(name = "colon_cluster_id",
       args = list("cox", "--data", "{data}/colon.csv", "--formula",
                   "Surv(time, status) ~ factor(rx) + extent + node4 + cluster(id)", "--ref", "rx=Obs"),
       expected = expected(coxph(Surv(time, status) ~ factor(rx) + extent + node4, data = colon,
                                 cluster = id), colon)),
  list(name = "rats_cluster_litter_strata_sex_breslow",
       args = list("cox", "--data", "{data}/rats.csv", "--formula",
                   "Surv(time, status) ~ rx + strata(sex) + cluster(litter)", "--ties", "breslow"),
       expected = expected(coxph(Surv(time, status) ~ rx + strata(sex), data = rats, cluster = litter,
                                 ties = "breslow"), rats)),
  list(name = "lung_cluster_inst_missing",
       args = list("cox", "--data", "{data}/lung.csv", "--formula",
                   "Surv(time, status) ~ age + sex + ph.ecog + cluster(inst)"),
       expected = expected(coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung,
                                 cluster = inst), lung))
)
# Landmark analyses: coxph(Surv(time - s, status) ~ ..., data = subset(d, time > s)); rows with
# time <= s are excluded (counted in landmark.excluded), missing covariates among the rest dropped.
landmark_expected <- function(formula, data, s, cluster = NULL) {
  d <- data[data$time > s, ]
  d$cl <- if (is.null(cluster)) seq_len(nrow(d)) else d[[cluster]]
  fit <- if (is.null(cluster)) coxph(formula, data = d) else coxph(formula, data = d, cluster = cl)
  b <- coef(fit); k <- length(b)
  se <- sqrt(diag(if (is.null(cluster)) fit$var else fit$naive.var)); use <- sqrt(diag(fit$var))
  sm <- summary(fit)$coefficients
  e <- list(n = fit$n, events = fit$nevent, dropped_missing = nrow(d) - fit$n,
            landmark = list(time = s, excluded = sum(data$time <= s)),
            terms = lapply(seq_along(b), function(j) list(
              coef = unname(b[j]), se = unname(se[j]), hr = exp(unname(b[j])),
              lower = exp(unname(b[j] - q * use[j])), upper = exp(unname(b[j] + q * use[j])),
              z = unname(sm[j, "z"]), p = unname(sm[j, "Pr(>|z|)"]))),
            tests = list(likelihood_ratio = tst(2 * diff(fit$loglik), k),
                         wald = tst(as.numeric(fit$wald.test), k), score = tst(as.numeric(fit$score), k)),
            concordance = list(c = unname(fit$concordance["concordance"])))
  if (!is.null(cluster)) e$tests$robust_score <- tst(as.numeric(fit$rscore), k)
  e
}
cases[[length(cases) + 1]] <- list(
  name = "lung_landmark_180",
  args = list("cox", "--data", "{data}/lung.csv", "--formula", "Surv(time, status) ~ age + sex + ph.ecog",
              "--landmark", "180"),
  expected = landmark_expected(Surv(time - 180, status) ~ age + sex + ph.ecog, lung, 180))
cases[[length(cases) + 1]] <- list(
  name = "lung_landmark_at_an_event_time_cluster_inst",
  args = list("cox", "--data", "{data}/lung.csv", "--formula",
              "Surv(time, status) ~ age + sex + cluster(inst)", "--landmark", "310"),
  expected = landmark_expected(Surv(time - 310, status) ~ age + sex, lung, 310, cluster = "inst"))
for (c in cases) write_json(c, file.path(out, paste0(c$name, ".json")), auto_unbox = TRUE,
                            digits = NA, null = "null", na = "null", pretty = TRUE)
cat("wrote", length(cases), "cases\n")
