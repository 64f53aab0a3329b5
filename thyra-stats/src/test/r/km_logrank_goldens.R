# Golden values for org.thyra.stats.survival.KaplanMeier / LogRank / LogRankPairwise.
# R 4.2, survival 3.5. Run from the repository root:
#   Rscript thyra-stats/src/test/r/km_logrank_goldens.R
# Writes thyra-stats/src/test/resources/golden/km/<dataset>.json (input data + expected values)
# and examples/data/<dataset>.csv (the data sets as shipped by the survival package, LGPL-2+).
suppressMessages({library(survival); library(jsonlite)})
stopifnot(packageVersion("survival") >= "3.5")

out_dir <- "thyra-stats/src/test/resources/golden/km"
csv_dir <- "examples/data"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
dir.create(csv_dir, recursive = TRUE, showWarnings = FALSE)

# A grouping variable as 0-based integer codes (NA stays NA -> JSON null) plus its level labels.
codes <- function(x) {
  f <- factor(x)
  list(levels = levels(f), codes = as.integer(f) - 1L)
}

km_case <- function(d, name, group = NULL, code = NULL, conf.type = "log", conf.int = 0.95,
                    probs = c(0.25, 0.5, 0.75), times = NULL) {
  keep <- rep(TRUE, length(d$time))
  if (!is.null(group)) keep <- !is.na(d$groups[[group]]$codes) & d$groups[[group]]$codes == code
  fit <- survfit(Surv(d$time[keep], d$status[keep]) ~ 1, conf.type = conf.type, conf.int = conf.int)
  s <- summary(fit, censored = TRUE)  # std.err of S(t) for every row, censor-only times kept
  q <- quantile(fit, probs = probs)
  res <- list(name = name, group = group, code = code, conf_type = conf.type, conf_level = conf.int,
              n = sum(keep), events = sum(d$status[keep]),
              time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor,
              survival = fit$surv, std_err = s$std.err, lower = fit$lower, upper = fit$upper,
              quantiles = lapply(seq_along(probs), function(i)
                list(p = probs[i], estimate = unname(q$quantile[i]), lower = unname(q$lower[i]),
                     upper = unname(q$upper[i]))))
  stopifnot(all.equal(s$time, fit$time))
  if (!is.null(times)) {
    st <- summary(fit, times = times[times <= max(fit$time)], extend = FALSE)
    res$at <- lapply(times, function(t) {
      i <- match(t, st$time)
      if (is.na(i)) list(time = t, present = FALSE)
      else list(time = t, present = TRUE, n_risk = st$n.risk[i], survival = st$surv[i],
                std_err = st$std.err[i], lower = st$lower[i], upper = st$upper[i])
    })
  }
  res
}

complete_rows <- function(d, vars) {
  keep <- rep(TRUE, length(d$time))
  for (v in vars) keep <- keep & !is.na(d$groups[[v]]$codes)
  keep
}

logrank_case <- function(d, name, group, strata = NULL, rho = 0) {
  keep <- complete_rows(d, c(group, strata))
  g <- d$groups[[group]]$codes[keep]
  gf <- factor(g)  # levels = the codes present, sorted
  tt <- d$time[keep]; ss <- d$status[keep]
  fit <- if (is.null(strata)) survdiff(Surv(tt, ss) ~ gf, rho = rho)
         else { st <- d$groups[[strata]]$codes[keep]; survdiff(Surv(tt, ss) ~ gf + strata(st), rho = rho) }
  obs <- if (is.matrix(fit$obs)) rowSums(fit$obs) else fit$obs
  exp <- if (is.matrix(fit$exp)) rowSums(fit$exp) else fit$exp
  list(name = name, group = group, strata = strata, rho = rho,
       group_codes = as.integer(levels(gf)), n = as.vector(fit$n),
       observed = obs, expected = exp, variance = unname(fit$var),
       statistic = fit$chisq, df = sum(exp > 0) - 1, p = fit$pvalue)
}

pairwise_case <- function(d, name, group, strata = NULL, rho = 0,
                          methods = c("holm", "bonferroni", "BH", "none")) {
  keep <- complete_rows(d, c(group, strata))
  g <- d$groups[[group]]$codes[keep]
  present <- sort(unique(g))
  tt <- d$time[keep]; ss <- d$status[keep]
  st <- if (is.null(strata)) NULL else d$groups[[strata]]$codes[keep]
  pairs <- list(); pv <- c()
  for (j in seq_along(present)) for (i in seq_along(present)) if (i > j) {
    a <- present[j]; b <- present[i]
    sel <- g %in% c(a, b)
    gg <- g[sel]
    fit <- if (is.null(st)) survdiff(Surv(tt[sel], ss[sel]) ~ gg, rho = rho)
           else { s2 <- st[sel]; survdiff(Surv(tt[sel], ss[sel]) ~ gg + strata(s2), rho = rho) }
    # Hazard ratio of b relative to a: Cox model (Efron ties, Wald CI) on the pair's rows.
    xb <- as.numeric(gg == b)
    cx <- if (is.null(st)) coxph(Surv(tt[sel], ss[sel]) ~ xb)
          else { s2 <- st[sel]; coxph(Surv(tt[sel], ss[sel]) ~ xb + strata(s2)) }
    ci <- suppressWarnings(summary(cx)$conf.int)
    pairs[[length(pairs) + 1]] <- list(a = a, b = b, statistic = fit$chisq, p = fit$pvalue,
                                       hr = unname(ci[1, 1]), hr_lower = unname(ci[1, 3]),
                                       hr_upper = unname(ci[1, 4]))
    pv <- c(pv, fit$pvalue)
  }
  adjusted <- lapply(methods, function(m) list(method = m, p_adjusted = p.adjust(pv, m)))
  list(name = name, group = group, strata = strata, rho = rho, pairs = pairs, adjusted = adjusted)
}

write_golden <- function(name, source, time, status, groups, km, logrank, pairwise) {
  d <- list(dataset = name, source = source, time = time, status = as.integer(status),
            groups = groups)
  d$km <- lapply(km, function(f) f(d))
  d$logrank <- lapply(logrank, function(f) f(d))
  d$pairwise <- lapply(pairwise, function(f) f(d))
  d$r_version <- R.version.string
  d$survival_version <- as.character(packageVersion("survival"))
  writeLines(toJSON(d, digits = NA, auto_unbox = TRUE, na = "null", null = "null"),
             file.path(out_dir, paste0(name, ".json")))
  cat(name, ": km", length(km), " logrank", length(logrank), " pairwise", length(pairwise), "\n")
}
csv <- function(x, name) write.csv(x, file.path(csv_dir, paste0(name, ".csv")), row.names = FALSE, na = "")

conf_types <- c("log", "log-log", "plain", "logit", "arcsin")

# ---- lung: NCCTG advanced lung cancer (status 1 = censored, 2 = dead)
csv(lung, "lung")
write_golden("lung", "survival::lung (NCCTG lung cancer)", lung$time, lung$status == 2,
  list(sex = codes(lung$sex), ph_ecog = codes(lung$ph.ecog)),
  km = c(lapply(conf_types, function(ct) function(d)
           km_case(d, paste("overall", ct), conf.type = ct, times = c(0, 5, 100, 365, 730, 1022, 1100))),
         list(function(d) km_case(d, "overall log 90%", conf.int = 0.90, probs = c(0.1, 0.5, 0.9)),
              function(d) km_case(d, "sex=1", "sex", 0, times = c(100, 365, 1022, 1100)),
              function(d) km_case(d, "sex=2 log-log", "sex", 1, conf.type = "log-log",
                                  times = c(0, 365, 965, 1000)))),
  logrank = list(function(d) logrank_case(d, "sex", "sex"),
                 function(d) logrank_case(d, "ph.ecog (4 groups)", "ph_ecog"),
                 function(d) logrank_case(d, "sex strata ph.ecog", "sex", "ph_ecog"),
                 function(d) logrank_case(d, "sex rho=1", "sex", rho = 1),
                 function(d) logrank_case(d, "ph.ecog rho=0.5", "ph_ecog", rho = 0.5)),
  pairwise = list(function(d) pairwise_case(d, "ph.ecog pairwise", "ph_ecog")))

# ---- veteran: VA lung cancer trial
csv(veteran, "veteran")
write_golden("veteran", "survival::veteran (Veterans' Administration lung cancer trial)",
  veteran$time, veteran$status,
  list(trt = codes(veteran$trt), celltype = codes(veteran$celltype), prior = codes(veteran$prior)),
  km = c(lapply(0:3, function(k) function(d)
           km_case(d, paste("celltype", k), "celltype", k, conf.type = conf_types[k + 1],
                   times = c(30, 100, 999))),
         list(function(d) km_case(d, "overall arcsin 99%", conf.type = "arcsin", conf.int = 0.99,
                                  times = c(1, 100, 999, 1000)))),
  logrank = list(function(d) logrank_case(d, "trt", "trt"),
                 function(d) logrank_case(d, "celltype (4 groups)", "celltype"),
                 function(d) logrank_case(d, "trt strata celltype", "trt", "celltype"),
                 function(d) logrank_case(d, "celltype rho=1 strata prior", "celltype", "prior", rho = 1)),
  pairwise = list(function(d) pairwise_case(d, "celltype pairwise", "celltype"),
                  function(d) pairwise_case(d, "celltype pairwise strata trt rho=1", "celltype", "trt", rho = 1)))

# ---- pbc: Mayo Clinic primary biliary cholangitis (status 2 = dead; transplant counted as censored)
csv(pbc, "pbc")
write_golden("pbc", "survival::pbc (Mayo Clinic PBC data)", pbc$time, pbc$status == 2,
  list(trt = codes(pbc$trt), edema = codes(pbc$edema), stage = codes(pbc$stage)),
  km = c(list(function(d) km_case(d, "overall log-log", conf.type = "log-log", times = c(365, 1826, 3652, 4795, 4800))),
         lapply(0:2, function(k) function(d)
           km_case(d, paste("edema", k), "edema", k, times = c(1000, 3000)))),
  logrank = list(function(d) logrank_case(d, "trt", "trt"),
                 function(d) logrank_case(d, "edema (3 groups)", "edema"),
                 function(d) logrank_case(d, "trt strata stage", "trt", "stage"),
                 function(d) logrank_case(d, "edema rho=1 strata trt", "edema", "trt", rho = 1)),
  pairwise = list(function(d) pairwise_case(d, "stage pairwise", "stage"),
                  function(d) pairwise_case(d, "edema pairwise strata trt", "edema", "trt")))

# ---- colon: adjuvant chemotherapy trial, death records only (etype == 2)
cd <- colon[colon$etype == 2, ]
csv(colon, "colon")
write_golden("colon_death", "survival::colon (etype == 2: death)", cd$time, cd$status,
  list(rx = codes(cd$rx), sex = codes(cd$sex), differ = codes(cd$differ)),
  km = lapply(0:2, function(k) function(d)
    km_case(d, paste("rx", k), "rx", k, conf.type = c("arcsin", "logit", "plain")[k + 1],
            times = c(365, 1826, 3329, 4000))),
  logrank = list(function(d) logrank_case(d, "rx (3 groups)", "rx"),
                 function(d) logrank_case(d, "rx strata sex", "rx", "sex"),
                 function(d) logrank_case(d, "rx rho=1 strata differ", "rx", "differ", rho = 1)),
  pairwise = list(function(d) pairwise_case(d, "rx pairwise", "rx"),
                  function(d) pairwise_case(d, "rx pairwise strata sex", "rx", "sex")))

# ---- flchain: serum free light chain, Olmsted County (zero follow-up times present)
csv(flchain, "flchain")
write_golden("flchain", "survival::flchain (serum free light chain)", flchain$futime, flchain$death,
  list(sex = codes(flchain$sex), flc_grp = codes(flchain$flc.grp)),
  km = list(function(d) km_case(d, "overall log", times = c(0, 1, 365, 1826, 5215, 6000)),
            function(d) km_case(d, "sex=F log-log", "sex", 0, conf.type = "log-log", probs = c(0.1, 0.2))),
  logrank = list(function(d) logrank_case(d, "sex", "sex"),
                 function(d) logrank_case(d, "flc.grp (10 groups)", "flc_grp"),
                 function(d) logrank_case(d, "flc.grp rho=1 strata sex", "flc_grp", "sex", rho = 1)),
  pairwise = list(function(d) pairwise_case(d, "flc.grp pairwise", "flc_grp")))

# ---- ovarian: ovarian cancer trial, 26 patients (median upper limit not reached: NA)
csv(ovarian, "ovarian")
write_golden("ovarian", "survival::ovarian (ovarian cancer trial)", ovarian$futime, ovarian$fustat,
  list(rx = codes(ovarian$rx), resid_ds = codes(ovarian$resid.ds), ecog_ps = codes(ovarian$ecog.ps)),
  km = c(lapply(conf_types, function(ct) function(d)
           km_case(d, paste("overall", ct), conf.type = ct, times = c(0, 59, 365, 638, 1227, 1300))),
         list(function(d) km_case(d, "rx=1", "rx", 0, times = c(100, 1000)))),
  logrank = list(function(d) logrank_case(d, "rx", "rx"),
                 function(d) logrank_case(d, "rx strata resid.ds", "rx", "resid_ds"),
                 function(d) logrank_case(d, "rx rho=1", "rx", rho = 1)),
  pairwise = list())

# ---- small seeded random data with heavy ties: flat segments at exactly 1 - p, S reaching 0,
# censor-only last times, groups without events. Stresses quantile.survfit's crossing rules and
# survdiff's edge handling (complements the real data sets above).
set.seed(20261122)
stress <- lapply(1:40, function(i) {
  n <- sample(c(2, 4, 6, 8, 10, 12, 20), 1)
  time <- sample(0:6, n, replace = TRUE)
  status <- rbinom(n, 1, runif(1, 0.3, 1))
  group <- sample(0:2, n, replace = TRUE)
  strata <- sample(0:1, n, replace = TRUE)
  ct <- conf_types[(i - 1) %% 5 + 1]
  fit <- survfit(Surv(time, status) ~ 1, conf.type = ct)
  s <- summary(fit, censored = TRUE)
  probs <- c(0.25, 0.5, 0.75, 1)
  q <- quantile(fit, probs = probs)
  lr <- NULL
  if (length(unique(group)) >= 2 && sum(status) > 0) {
    rho <- c(0, 0.5, 1)[i %% 3 + 1]
    x <- tryCatch(survdiff(Surv(time, status) ~ factor(group) + strata(strata), rho = rho),
                  error = function(e) NULL)  # R stops when V is exactly singular
    if (is.null(x)) lr <- list(rho = rho, singular = TRUE)
    else {
      exp <- if (is.matrix(x$exp)) rowSums(x$exp) else x$exp
      lr <- list(rho = rho, singular = FALSE, statistic = x$chisq, df = sum(exp > 0) - 1,
                 p = x$pvalue, group_codes = as.integer(levels(factor(group))), expected = exp)
    }
  }
  list(time = time, status = status, group = group, strata = strata, conf_type = ct,
       km = list(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, survival = fit$surv,
                 std_err = s$std.err, lower = fit$lower, upper = fit$upper),
       quantiles = lapply(seq_along(probs), function(j)
         list(p = probs[j], estimate = unname(q$quantile[j]), lower = unname(q$lower[j]),
              upper = unname(q$upper[j]))),
       logrank = lr)
})
writeLines(toJSON(list(cases = stress, r_version = R.version.string,
                       survival_version = as.character(packageVersion("survival"))),
                  digits = NA, auto_unbox = TRUE, na = "null", null = "null"),
           file.path(out_dir, "stress.json"))
cat("stress:", length(stress), "small random cases\n")
