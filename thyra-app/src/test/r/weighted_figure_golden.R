# Golden values for the weighted Kaplan-Meier figure of `thyra km --weights W --figure` and
# `thyra logrank --weights W --figure` (WeightedFigureCliTest). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/weighted_figure_golden.R
#
# R 4.2, survival 3.5. Data: the IPTW-weighted veteran cohort written by weighted_cli_goldens.R
# (golden/weighted/data/veteran_iptw.csv). The risk table of a weighted fit is what survminer's
# ggsurvplot prints for it: summary(fit, times = breaks, extend = TRUE)$n.risk (survfit's weighted
# number at risk), rounded with digits = 0; the KMunicate rows are the weighted cumulative censored
# and events at or before each break, rounded alike. The test on the figure is the robust score
# test of coxph(Surv ~ factor(trt), weights = iptw, robust = TRUE) (fit$rscore), as
# `thyra logrank --weights` reports it.
suppressMessages({library(survival); library(jsonlite)})
vw <- read.csv("thyra-app/src/test/resources/golden/weighted/data/veteran_iptw.csv")
breaks <- c(0, 100, 200, 300, 400, 500, 600)
fit <- survfit(Surv(time, status) ~ trt, data = vw, weights = iptw)
groups <- lapply(seq_along(fit$strata), function(g) {
  fg <- fit[g]
  level <- sort(unique(vw$trt))[g]
  d <- vw[vw$trt == level, ]
  s <- summary(fg, times = breaks, extend = TRUE)
  cum <- function(st) sapply(breaks, function(b) sum(d$iptw[d$time <= b & d$status == st]))
  list(group = as.character(level),
       n_risk = s$n.risk,
       n_risk_rounded = round(s$n.risk),
       censored_rounded = round(cum(0)),
       events_rounded = round(cum(1)))
})
lr <- coxph(Surv(time, status) ~ factor(trt), data = vw, weights = iptw, robust = TRUE)
out <- list(breaks = breaks, groups = groups,
            robust_score = as.numeric(lr$rscore),
            p = pchisq(as.numeric(lr$rscore), 1, lower.tail = FALSE))
write_json(out, "thyra-app/src/test/resources/golden/weighted_figure/veteran_iptw_figure.json",
           auto_unbox = TRUE, digits = NA, pretty = TRUE)
