# Golden values for the end-to-end CLI tests of `thyra rmst`, `thyra cuminc` and `thyra crr`
# (CompetingCliGoldenTest). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/competing_cli_goldens.R
#
# R 4.2, survival 3.5, cmprsk 2.2-11. Writes the data sets (survival lung, veteran, pbc, mgus2; MASS
# Melanoma with its status as words) as CSV under golden/competing/data and, per case,
# golden/competing/NAME.json = {name, args, expected}, `expected` named as thyra's JSON (docs/CLI.md).
#
# rmst: per group survfit(rmean = tau) (summary(fit, rmean = tau)$table: rmean, se(rmean)), plain CI
# rmean +- z se; the difference / ratio of each group against the first as survRM2::rmst2 — survRM2
# is not in Debian, so its formulas are applied here by hand to survfit's rmean and se(rmean):
# diff = m1 - m0, se = sqrt(se1^2 + se0^2); log ratio with se = sqrt(se1^2/m1^2 + se0^2/m0^2);
# two-sided normal p-values.
# cuminc: cmprsk::cuminc estimates and variances through timepoints(); limits on the log(-log) scale
# F^exp(+-z sqrt(var)/(F |log F|)) (thyra's documented choice, as tidycmprsk); Gray's test from
# cuminc()$Tests. crr: cmprsk::crr on model.matrix of the formula (factor dummies as R codes them).
suppressPackageStartupMessages({library(jsonlite); library(survival); library(cmprsk)})
out <- "thyra-app/src/test/resources/golden/competing"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
wr <- function(d, f) write.csv(d, file.path(datadir, f), row.names = FALSE, na = "")
num <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) NA else unname(x)
z95 <- qnorm(0.975)

lung <- survival::lung; wr(lung, "lung.csv")
vet <- survival::veteran; wr(vet, "veteran.csv")
pbc <- survival::pbc; wr(pbc, "pbc.csv")
mel <- MASS::Melanoma
mel$outcome <- c("melanoma", "alive", "other")[mel$status]
wr(mel[, c("time", "outcome", "sex", "age", "thickness", "ulcer")], "melanoma.csv")
mg <- survival::mgus2
mg$etime <- ifelse(mg$pstat == 1, mg$ptime, mg$futime)
mg$ecode <- ifelse(mg$pstat == 1, 1, ifelse(mg$death == 1, 2, 0))
wr(mg[, c("id", "age", "sex", "hgb", "mspike", "etime", "ecode")], "mgus2.csv")

cases <- list()
add <- function(name, args, expected) {
  cases[[length(cases) + 1]] <<- list(name = name, args = as.list(args), expected = expected)
}

# ---- rmst ----
rmst_expected <- function(time, status, group, tau, dropped) {
  g <- factor(as.character(group))  # levels sorted as thyra sorts them
  tab <- summary(survfit(Surv(time, status) ~ g), rmean = tau)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  m <- unname(tab[, "rmean"]); se <- unname(tab[, "se(rmean)"])
  groups <- lapply(seq_along(m), function(k) list(
    group = levels(g)[k], n = sum(g == levels(g)[k]), events = sum(status[g == levels(g)[k]] == 1),
    rmst = m[k], se = se[k], lower = m[k] - z95 * se[k], upper = m[k] + z95 * se[k]))
  cmp <- lapply(seq_along(m)[-1], function(k) {
    d <- m[k] - m[1]; sd <- sqrt(se[1]^2 + se[k]^2)
    lr <- log(m[k] / m[1]); sl <- sqrt(se[k]^2 / m[k]^2 + se[1]^2 / m[1]^2)
    list(group = levels(g)[k], reference = levels(g)[1],
         difference = list(estimate = d, se = sd, lower = d - z95 * sd, upper = d + z95 * sd,
                           p = 2 * pnorm(-abs(d) / sd)),
         ratio = list(estimate = exp(lr), lower = exp(lr - z95 * sl), upper = exp(lr + z95 * sl),
                      p = 2 * pnorm(-abs(lr) / sl)))
  })
  e <- list(tau = tau, n = length(time), dropped_missing = dropped, groups = groups, comparisons = cmp)
  if (length(cmp) == 1) { e$difference <- cmp[[1]]$difference; e$ratio <- cmp[[1]]$ratio }
  e
}
add("rmst_lung_sex_365", c("rmst", "--data", "{data}/lung.csv", "--time", "time", "--event", "status",
    "--group", "sex", "--tau", "365"), rmst_expected(lung$time, lung$status - 1, lung$sex, 365, 0))
tau_b <- min(tapply(lung$time, lung$sex, max))
add("rmst_lung_sex_boundary", c("rmst", "--data", "{data}/lung.csv", "--time", "time", "--event",
    "status", "--group", "sex", "--tau", format(tau_b)),
    rmst_expected(lung$time, lung$status - 1, lung$sex, tau_b, 0))
ok <- !is.na(lung$ph.ecog) & lung$ph.ecog < 3
add("rmst_lung_ecog_missing", c("rmst", "--data", "{data}/lung.csv", "--time", "time", "--event",
    "status", "--group", "ph.ecog", "--tau", "180"),
    NULL)  # ph.ecog = 3 has one row followed to 118 < 180: refused (checked in the Java edge test)
cases[[length(cases)]] <- NULL
add("rmst_veteran_celltype_180", c("rmst", "--data", "{data}/veteran.csv", "--time", "time", "--event",
    "status", "--group", "celltype", "--tau", "180"),
    rmst_expected(vet$time, vet$status, vet$celltype, 180, 0))
add("rmst_veteran_one_group", c("rmst", "--data", "{data}/veteran.csv", "--time", "time", "--event",
    "status", "--tau", "365"), {
      e <- rmst_expected(vet$time, vet$status, rep("all", nrow(vet)), 365, 0); e$difference <- NULL
      e$ratio <- NULL; e})

# ---- cuminc ----
cuminc_expected <- function(time, cause, group, at, strata = NULL, rho = 0, dropped = 0,
                            censor = 0, causes = NULL) {
  g <- factor(as.character(group))  # levels sorted as thyra sorts them
  fit <- if (is.null(strata)) cuminc(time, cause, g, rho = rho, cencode = censor)
         else cuminc(time, cause, g, strata = strata, rho = rho, cencode = censor)
  if (is.null(causes)) causes <- sort(unique(cause[cause != censor]))
  tp <- timepoints(fit, at)
  out <- lapply(causes, function(k) {
    groups <- lapply(levels(g), function(l) {
      key <- paste(l, k)
      est <- tp$est[key, ]; v <- tp$var[key, ]
      last <- max(time[g == l])
      list(group = l, n = sum(g == l), events = sum(g == l & cause == k),
           at = lapply(seq_along(at), function(i) {
             if (at[i] > last) return(NULL)
             e <- unname(est[i]); s <- sqrt(unname(v[i]))
             h <- z95 * s / (e * abs(log(e)))
             list(time = at[i], estimate = e, variance = unname(v[i]),
                  lower = if (e > 0 && e < 1) e^exp(h) else NA,
                  upper = if (e > 0 && e < 1) e^exp(-h) else NA)
           }))
    })
    gray <- if (is.null(fit$Tests)) NULL else {
      st <- fit$Tests[as.character(k), "stat"]
      list(statistic = if (st < 0) NA else st, df = fit$Tests[as.character(k), "df"],
           p = if (st < 0) NA else fit$Tests[as.character(k), "pv"])
    }
    list(cause = as.character(k), groups = groups, gray = gray)
  })
  list(n = length(time), dropped_missing = dropped, causes = out)
}
keep <- !is.na(pbc$trt)
add("cuminc_pbc_trt", c("cuminc", "--data", "{data}/pbc.csv", "--time", "time", "--event", "status",
    "--group", "trt", "--at", "365,1000,2000,3000,4000,4556"),
    cuminc_expected(pbc$time[keep], pbc$status[keep], pbc$trt[keep],
                    c(365, 1000, 2000, 3000, 4000, 4556), dropped = sum(!keep)))
add("cuminc_pbc_trt_strata_sex_rho1", c("cuminc", "--data", "{data}/pbc.csv", "--time", "time",
    "--event", "status", "--group", "trt", "--strata", "sex", "--rho", "1", "--at", "1000,3000"),
    cuminc_expected(pbc$time[keep], pbc$status[keep], pbc$trt[keep], c(1000, 3000),
                    strata = pbc$sex[keep], rho = 1, dropped = sum(!keep)))
add("cuminc_melanoma_words_ulcer", c("cuminc", "--data", "{data}/melanoma.csv", "--time", "time",
    "--event", "outcome", "--censor-code", "alive", "--group", "ulcer", "--at", "1000,2000,5000"),
    cuminc_expected(mel$time, mel$outcome, mel$ulcer, c(1000, 2000, 5000), censor = "alive",
                    causes = c("melanoma", "other")))
add("cuminc_mgus2_sex_ties", c("cuminc", "--data", "{data}/mgus2.csv", "--time", "etime", "--event",
    "ecode", "--group", "sex", "--at", "60,120,240,400"),
    cuminc_expected(mg$etime, mg$ecode, mg$sex, c(60, 120, 240, 400)))

# ---- crr ----
crr_expected <- function(tvar, evar, rhs, data, failcode, cencode = 0) {
  mf <- model.frame(update(rhs, paste("~ . +", tvar, "+", evar)), data, na.action = na.omit)
  x <- model.matrix(rhs, mf)[, -1, drop = FALSE]
  y <- cbind(mf[[tvar]], mf[[evar]])
  fit <- crr(mf[[tvar]], mf[[evar]], x, failcode = failcode, cencode = cencode)
  s <- summary(fit)
  se <- sqrt(diag(fit$var))
  terms <- lapply(seq_along(fit$coef), function(j) list(
    coef = unname(fit$coef[j]), se = unname(se[j]), hr = exp(unname(fit$coef[j])),
    lower = unname(s$conf.int[j, 3]), upper = unname(s$conf.int[j, 4]),
    z = unname(fit$coef[j] / se[j]), p = unname(2 * pnorm(-abs(fit$coef[j] / se[j])))))
  lr <- -2 * (fit$loglik.null - fit$loglik)
  list(n = nrow(x), events = sum(mf[[evar]] == failcode), dropped_missing = nrow(data) - nrow(x),
       converged = fit$converged, terms = terms,
       loglik = list(null = fit$loglik.null, model = fit$loglik),
       tests = list(likelihood_ratio = list(statistic = lr, df = length(fit$coef),
                                            p = pchisq(lr, length(fit$coef), lower.tail = FALSE))))
}
add("crr_pbc_death", c("crr", "--data", "{data}/pbc.csv", "--formula",
    "Surv(time, status) ~ age + albumin + edema + factor(stage)", "--cause", "2"),
    crr_expected("time", "status", ~ age + albumin + edema + factor(stage), pbc, 2))
add("crr_pbc_transplant_missing", c("crr", "--data", "{data}/pbc.csv", "--formula",
    "Surv(time, status) ~ age + trt + chol", "--cause", "1"),
    crr_expected("time", "status", ~ age + trt + chol, pbc, 1))
add("crr_melanoma_words", c("crr", "--data", "{data}/melanoma.csv", "--formula",
    "Surv(time, outcome) ~ sex + age + thickness + ulcer", "--cause", "melanoma",
    "--censor-code", "alive"),
    crr_expected("time", "outcome", ~ sex + age + thickness + ulcer, mel, "melanoma", "alive"))
add("crr_mgus2_ties", c("crr", "--data", "{data}/mgus2.csv", "--formula",
    "Surv(etime, ecode) ~ age + sex + hgb"),
    crr_expected("etime", "ecode", ~ age + sex + hgb, mg, 1))

for (c in cases) {
  write_json(c, file.path(out, paste0(c$name, ".json")), auto_unbox = TRUE, digits = NA,
             null = "null", na = "null", pretty = TRUE)
}
cat("wrote", length(cases), "cases to", out, "\n")
