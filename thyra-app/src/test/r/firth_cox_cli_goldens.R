# Golden values for the end-to-end CLI test of `thyra cox --firth` (FirthCoxCliGoldenTest). Run
# from the repository root, after thyra-stats/src/test/r/firth_cox_goldens.R:
#
#   Rscript thyra-app/src/test/r/firth_cox_cli_goldens.R
#
# The expected numbers are R's Firth estimates of thyra-stats' golden (firth_cox.json: the
# penalised partial likelihood maximised numerically through coxph, profile penalised-likelihood
# limits by uniroot; coxphf is not in Debian), written here in the names of thyra's JSON, with the
# data files the command reads (survival lung; survival ovarian with the monotone-likelihood column
# `early` of that script). Terms: coef, se, hr, lower/upper (exp of the profile limits), chisq (the
# penalised likelihood-ratio statistic) and p; penalised log-likelihoods; the global test.
suppressMessages({library(survival); library(jsonlite)})
stats <- fromJSON("thyra-stats/src/test/resources/golden/firthcox/firth_cox.json",
                  simplifyVector = FALSE)$firth_cox
out <- "thyra-app/src/test/resources/golden/firthcox"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
wr(survival::lung, "lung.csv")
ov <- survival::ovarian
ov$early <- as.integer(ov$futime <= 365 & ov$fustat == 1)  # as firth_cox_goldens.R
wr(ov, "ovarian.csv")

expected <- function(g, n_all) {
  terms <- lapply(seq_along(g$names), function(j) list(
    term = g$names[[j]], coef = g$coef[[j]], se = g$se[[j]], hr = exp(g$coef[[j]]),
    lower = exp(g$lower[[j]]), upper = exp(g$upper[[j]]), chisq = g$lr[[j]], p = g$p[[j]]))
  n <- length(g$time)
  list(n = n, events = sum(unlist(g$status)), dropped_missing = n_all - n, terms = terms,
       penalized_loglik = list(null = g$penalized_loglik_null, model = g$penalized_loglik),
       loglik_model = g$loglik,
       tests = list(penalized_likelihood_ratio = list(statistic = g$global_lr, df = g$global_df,
                                                      p = g$global_p)))
}
cases <- list(
  list(name = "firth_cox_lung_missing",
       args = list("cox", "--data", "{data}/lung.csv", "--formula",
                   "Surv(time, status) ~ age + sex + ph.ecog", "--firth"),
       expected = expected(stats[[1]], nrow(survival::lung))),
  list(name = "firth_cox_ovarian_monotone",
       args = list("cox", "--data", "{data}/ovarian.csv", "--formula",
                   "Surv(futime, fustat) ~ early + age", "--firth"),
       expected = expected(stats[[2]], nrow(ov))),
  list(name = "firth_cox_ovarian_small",
       args = list("cox", "--data", "{data}/ovarian.csv", "--formula",
                   "Surv(futime, fustat) ~ rx + age", "--firth", "--ties", "breslow"),
       expected = expected(stats[[3]], nrow(ov)))
)
for (c in cases) write_json(c, file.path(out, paste0(c$name, ".json")), auto_unbox = TRUE,
                            digits = NA, null = "null", na = "null", pretty = TRUE)
cat("wrote", length(cases), "cases\n")
