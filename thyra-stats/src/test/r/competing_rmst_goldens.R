# Golden values for org.thyra.stats.survival.RestrictedMean (RMST) and org.thyra.stats.competing
# (CumulativeIncidence, Gray's test, FineGray). R 4.2, survival 3.5, cmprsk 2.2. Run from the
# repository root:
#   Rscript thyra-stats/src/test/r/competing_rmst_goldens.R
# Writes thyra-stats/src/test/resources/golden/competing/{rmst,cuminc,crr}.json (inputs + expected).
#
# RMST: per group from print(survfit(...), rmean = tau) (summary(fit, rmean = tau)$table). survRM2 is
# not in Debian, so rmst2's difference and ratio are computed here by hand from survfit's rmean and
# se(rmean) with rmst2's formulas (Uno et al. 2014): diff = m1 - m0, se = sqrt(v1 + v0); log ratio
# with se = sqrt(v1/m1^2 + v0/m0^2); plain CIs m +- z se; two-sided normal p-values. rmst2's own
# rmst1() computes the per-arm variance with the same sum as survfit (checked below by rmst1_byhand).
suppressMessages({library(survival); library(cmprsk); library(jsonlite)})
stopifnot(packageVersion("survival") >= "3.5")
out_dir <- "thyra-stats/src/test/resources/golden/competing"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
num <- function(x) ifelse(is.finite(x), x, NA)
z95 <- qnorm(0.975)

# ---- RMST ---------------------------------------------------------------------------------------
rmst1_byhand <- function(time, status, tau) {  # survRM2:::rmst1, transcribed
  ft <- survfit(Surv(time, status) ~ 1)
  idx <- ft$time <= tau
  wk.time <- sort(c(ft$time[idx], tau)); wk.surv <- ft$surv[idx]
  wk.n.risk <- ft$n.risk[idx]; wk.n.event <- ft$n.event[idx]
  areas <- diff(c(0, wk.time)) * c(1, wk.surv)
  wk.var <- c(ifelse((wk.n.risk - wk.n.event) == 0, 0,
                     wk.n.event / (wk.n.risk * (wk.n.risk - wk.n.event))), 0)
  c(rmst = sum(areas), se = sqrt(sum(cumsum(rev(areas[-1]))^2 * rev(wk.var)[-1])))
}
rmst_case <- function(name, time, status, group, tau) {
  keep <- !is.na(time) & !is.na(status) & !is.na(group)
  time <- time[keep]; status <- status[keep]; group <- group[keep]
  g <- factor(group)
  byhand <- sapply(levels(g), function(l) rmst1_byhand(time[g == l], status[g == l], tau))
  m <- unname(byhand["rmst", ]); se <- unname(byhand["se", ])
  # survfit's rmean agrees wherever it accepts tau (it refuses tau below the smallest time)
  tab <- tryCatch(summary(survfit(Surv(time, status) ~ g), rmean = tau)$table,
                  error = function(e) NULL)
  if (!is.null(tab)) {
    if (is.null(dim(tab))) tab <- t(as.matrix(tab))
    stopifnot(isTRUE(all.equal(c(m, se), unname(c(tab[, "rmean"], tab[, "se(rmean)"])),
                               tolerance = 1e-12)))
  }
  res <- list(name = name, tau = tau, time = time, status = status,
              group = as.integer(g) - 1L, levels = levels(g),
              groups = lapply(seq_along(m), function(k)
                list(n = sum(g == levels(g)[k]), rmst = m[k], se = se[k],
                     lower = m[k] - z95 * se[k], upper = m[k] + z95 * se[k])))
  if (length(m) == 2) {
    d <- m[2] - m[1]; sd <- sqrt(se[1]^2 + se[2]^2)
    lr <- log(m[2]) - log(m[1]); slr <- sqrt(se[2]^2 / m[2]^2 + se[1]^2 / m[1]^2)
    res$difference <- list(estimate = d, se = sd, lower = d - z95 * sd, upper = d + z95 * sd,
                           p = num(2 * pnorm(-abs(d) / sd)))
    res$ratio <- list(estimate = exp(lr), lower = exp(lr - z95 * slr), upper = exp(lr + z95 * slr),
                      p = num(2 * pnorm(-abs(lr) / slr)))
  }
  res
}
lung <- survival::lung; lung$status <- lung$status - 1L; veteran <- survival::veteran; ovarian <- survival::ovarian
last_common <- function(time, group) min(tapply(time, group, max))
rmst <- list(
  rmst_case("lung by sex, tau 365", lung$time, lung$status, lung$sex, 365),
  rmst_case("lung by sex, tau = smaller last follow-up (boundary)", lung$time, lung$status,
            lung$sex, last_common(lung$time, lung$sex)),
  rmst_case("veteran by trt, tau 200", veteran$time, veteran$status, veteran$trt, 200),
  rmst_case("veteran by trt, tau at an event time with ties (100)", veteran$time, veteran$status,
            veteran$trt, 100),
  rmst_case("ovarian by rx, tau 700", ovarian$futime, ovarian$fustat, ovarian$rx, 700),
  rmst_case("ovarian, tau before the first event (area = tau, se 0)", ovarian$futime,
            ovarian$fustat, ovarian$rx, 50),
  rmst_case("lung by ph.ecog (4 groups, missing dropped), tau 300", lung$time, lung$status,
            ifelse(lung$ph.ecog == 3, 2, lung$ph.ecog), 300),
  # no events in one group: ovarian rx = 2 restricted to the censored rows
  rmst_case("no events in one group", c(ovarian$futime[ovarian$rx == 1],
                                        ovarian$futime[ovarian$rx == 2 & ovarian$fustat == 0]),
            c(ovarian$fustat[ovarian$rx == 1], ovarian$fustat[ovarian$rx == 2 & ovarian$fustat == 0]),
            c(rep(1, sum(ovarian$rx == 1)), rep(2, sum(ovarian$rx == 2 & ovarian$fustat == 0))), 300)
)
write_json(list(rmst = rmst), file.path(out_dir, "rmst.json"), digits = NA, auto_unbox = TRUE,
           null = "null", na = "null")

# ---- cumulative incidence and Gray's test --------------------------------------------------------
ci_case <- function(name, time, cause, group = NULL, strata = NULL, rho = 0, at = NULL) {
  keep <- !is.na(time) & !is.na(cause)
  if (!is.null(group)) keep <- keep & !is.na(group)
  if (!is.null(strata)) keep <- keep & !is.na(strata)
  time <- time[keep]; cause <- cause[keep]
  g <- if (is.null(group)) factor(rep(1, length(time))) else factor(group[keep])
  s <- if (is.null(strata)) rep(1, length(time)) else strata[keep]
  fit <- if (is.null(strata)) cuminc(time, cause, g, rho = rho, cencode = 0)
         else cuminc(time, cause, g, strata = s, rho = rho, cencode = 0)
  causes <- sort(unique(cause[cause != 0]))
  if (is.null(at)) at <- pretty(c(0, max(time)), 5)[-1]
  tp <- timepoints(fit, at)
  curves <- list()
  for (k in causes) for (l in seq_along(levels(g))) {
    key <- paste(levels(g)[l], k)
    cu <- fit[[key]]
    # jump points: cuminc's step corners, keep the value after each jump of this cause
    ev <- sort(unique(time[g == levels(g)[l] & cause == k]))
    curves[[length(curves) + 1]] <- list(
      cause = k, group = l - 1L, n = sum(g == levels(g)[l]),
      events = sum(g == levels(g)[l] & cause == k),
      jump_times = ev, estimate = cu$est[match(ev, cu$time) + 1L],
      variance = cu$var[match(ev, cu$time) + 1L],
      at = at, at_estimate = unname(tp$est[key, ]), at_variance = unname(tp$var[key, ]))
  }
  tests <- NULL
  if (!is.null(fit$Tests)) {
    tt <- fit$Tests
    tests <- lapply(seq_len(nrow(tt)), function(i)
      list(cause = as.numeric(rownames(tt)[i]), statistic = if (tt[i, "stat"] < 0) NA else tt[i, "stat"],
           df = tt[i, "df"], p = if (tt[i, "stat"] < 0) NA else tt[i, "pv"]))
  }
  list(name = name, time = time, cause = cause, group = as.integer(g) - 1L, levels = levels(g),
       strata = as.integer(factor(s)) - 1L, rho = rho, causes = causes, curves = curves,
       tests = tests)
}
pbc <- survival::pbc
mel <- MASS::Melanoma
# Melanoma: status 1 died of melanoma, 2 alive (censored), 3 died of other causes
mel_cause <- ifelse(mel$status == 2, 0, ifelse(mel$status == 1, 1, 2))
mgus <- survival::mgus2
mg_time <- ifelse(mgus$pstat == 1, mgus$ptime, mgus$futime)
mg_cause <- ifelse(mgus$pstat == 1, 1, ifelse(mgus$death == 1, 2, 0))
cuminc_cases <- list(
  ci_case("pbc by trt (1 transplant, 2 death)", pbc$time, pbc$status, pbc$trt,
          at = c(365, 1000, 2000, 3000, 4000, 4556)),
  ci_case("pbc by trt, strata sex", pbc$time, pbc$status, pbc$trt, strata = pbc$sex),
  ci_case("pbc by stage (4 groups), rho 1", pbc$time, pbc$status, pbc$stage, rho = 1),
  ci_case("pbc, one group", pbc$time, pbc$status),
  ci_case("Melanoma by sex", mel$time, mel_cause, mel$sex, at = c(1000, 2000, 3000, 5000)),
  ci_case("Melanoma by ulcer", mel$time, mel_cause, mel$ulcer),
  ci_case("mgus2 by sex (1 progression, 2 death; many ties)", mg_time, mg_cause, mgus$sex,
          at = c(60, 120, 240, 400)),
  # a cause with no events in one group: pbc transplants (cause 1) removed from trt 2
  ci_case("no events of a cause in one group", pbc$time[!(pbc$trt %in% 2 & pbc$status == 1)],
          pbc$status[!(pbc$trt %in% 2 & pbc$status == 1)], pbc$trt[!(pbc$trt %in% 2 & pbc$status == 1)])
)
write_json(list(cuminc = cuminc_cases), file.path(out_dir, "cuminc.json"), digits = NA,
           auto_unbox = TRUE, null = "null", na = "null")

# ---- Fine-Gray ----------------------------------------------------------------------------------
crr_case <- function(name, time, cause, x, failcode) {
  keep <- !is.na(time) & !is.na(cause) & complete.cases(x)
  x <- as.matrix(x[keep, , drop = FALSE])
  fit <- crr(time[keep], cause[keep], x, failcode = failcode, cencode = 0)
  s <- summary(fit)
  list(name = name, time = time[keep], cause = cause[keep], columns = lapply(seq_len(ncol(x)),
       function(j) unname(x[, j])), names = colnames(x), failcode = failcode,
       coef = unname(fit$coef), se = unname(sqrt(diag(fit$var))), var = unname(fit$var),
       z = unname(s$coef[, "z"]), p = unname(2 * pnorm(-abs(fit$coef / sqrt(diag(fit$var))))),
       lower = unname(s$conf.int[, 3]), upper = unname(s$conf.int[, 4]),
       loglik = fit$loglik, loglik_null = fit$loglik.null, converged = fit$converged)
}
pbcx <- data.frame(age = pbc$age, bili = log(pbc$bili), albumin = pbc$albumin, edema = pbc$edema)
crr_cases <- list(
  crr_case("pbc death ~ age + log(bili) + albumin + edema", pbc$time, pbc$status, pbcx, 2),
  crr_case("pbc transplant ~ age + log(bili) + albumin + edema", pbc$time, pbc$status, pbcx, 1),
  crr_case("pbc death ~ trt (missing dropped)", pbc$time, pbc$status, data.frame(trt = pbc$trt), 2),
  crr_case("Melanoma melanoma death ~ sex + age + thickness + ulcer", mel$time, mel_cause,
           mel[, c("sex", "age", "thickness", "ulcer")], 1),
  crr_case("mgus2 progression ~ sex + age + hgb (ties)", mg_time, mg_cause,
           data.frame(sex = as.integer(mgus$sex == "M"), age = mgus$age, hgb = mgus$hgb), 1)
)
write_json(list(crr = crr_cases), file.path(out_dir, "crr.json"), digits = NA, auto_unbox = TRUE,
           null = "null", na = "null")
cat("wrote", out_dir, "\n")
