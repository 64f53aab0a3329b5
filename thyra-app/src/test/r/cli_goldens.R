# Golden values for the end-to-end CLI tests of `thyra km`, `thyra logrank` and `thyra cox`
# (CliGoldenTest). Run from the repository root:
#
#   Rscript thyra-app/src/test/r/cli_goldens.R
#
# Reads the example CSVs with read.csv exactly as a user would, copies them (and two small derived
# files: a TRUE/FALSE and a yes/no event column, and a copied covariate) next to the goldens, and for
# each CLI case writes golden/cli/NAME.json = {name, args, expected}, where `expected` has the SAME
# field names as thyra's JSON output (SPEC §5). The Java test replaces "{data}" in args by the data
# folder, runs the CLI with --format json and compares every number in `expected` (NA <-> null).
#
# Conventions mirrored from thyra: categorical levels sorted by code point (numerically for numeric
# columns) with the first as reference unless --ref; a categorical term is named "var=level";
# KM std_err is the SE of S(t) (summary.survfit's std.err); `at` beyond a group's last follow-up
# is null (summary(times=, extend = FALSE) omits it); cox.zph(transform = "km", terms = TRUE) rows
# are named by the variable.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
stopifnot(packageVersion("survival") >= "3.5")

src <- "examples/data"
out <- "thyra-app/src/test/resources/golden/cli"
datadir <- file.path(out, "data")
dir.create(datadir, recursive = TRUE, showWarnings = FALSE)
for (f in c("lung", "veteran", "pbc", "colon", "flchain", "ovarian")) {
  file.copy(file.path(src, paste0(f, ".csv")), file.path(datadir, paste0(f, ".csv")), overwrite = TRUE)
}
rd <- function(f) read.csv(file.path(datadir, f))

# Derived files: pbc with death as TRUE/FALSE (pbc's status is 0/1/2 = censored/transplant/dead,
# not an event indicator); veteran with status as yes/no; lung with a copy of age (aliased).
pbc <- rd("pbc.csv")
pbc$dead <- pbc$status == 2
pbc$status <- NULL
write.csv(pbc, file.path(datadir, "pbc_dead.csv"), row.names = FALSE, na = "")
vet <- rd("veteran.csv")
vet$status <- ifelse(vet$status == 1, "yes", "no")
write.csv(vet, file.path(datadir, "veteran_yesno.csv"), row.names = FALSE, na = "")
lung <- rd("lung.csv")
lung$age_copy <- lung$age
write.csv(lung, file.path(datadir, "lung_alias.csv"), row.names = FALSE, na = "")

# Small edge-case files (the CLI edge tests also use them): every time tied; zero times; times
# missing (empty and NA); a 1/2 status column.
writeLines(c("time,status,g,x", "5,1,a,1", "5,0,a,2", "5,1,b,3", "5,1,b,4", "5,0,a,5", "5,1,b,6"),
           file.path(datadir, "edge_tied.csv"))
writeLines(c("time,status,g,x", "0,1,a,1", "0,0,b,2", "3,1,a,3", "4,1,b,1", "5,0,a,2", "6,1,b,5", "2,1,a,0"),
           file.path(datadir, "edge_zero_time.csv"))
writeLines(c("time,status,g,x", "3,1,a,1", ",0,a,2", "5,1,b,3", "NA,1,a,1", "6,0,b,2", "7,1,a,4", "8,1,b,0"),
           file.path(datadir, "edge_missing_time.csv"))
writeLines(c("time,status,g,x", "3,2,a,1", "4,1,a,2", "5,2,b,3", "7,1,b,1", "8,2,a,5", "9,2,b,2"),
           file.path(datadir, "edge_one_two.csv"))

# Levels as thyra orders them: numeric sort for numbers, code point (C locale) for text.
lev <- function(x) {
  u <- unique(x[!is.na(x)])
  if (is.numeric(u) || is.logical(u)) as.character(sort(u)) else sort(u, method = "radix")
}
fac <- function(x, ref = NULL) {
  l <- lev(x)
  if (!is.null(ref)) l <- c(ref, setdiff(l, ref))
  factor(as.character(x), levels = l)
}
event <- function(x) if (is.character(x)) x == "yes" else x
num <- function(x) if (length(x) == 0 || is.na(x) || !is.finite(x)) NA else unname(x)

cases <- list()
add <- function(name, args, expected) {
  cases[[length(cases) + 1]] <<- list(name = name, args = as.list(args), expected = expected)
}

# ---------------------------------------------------------------- km
km_case <- function(name, file, time, status, group = NULL, conf_type = "log", conf_level = 0.95, at = NULL, with_table = TRUE) {
  d <- rd(file)
  args <- c("km", "--data", paste0("{data}/", file), "--time", time, "--event", status)
  if (!is.null(group)) args <- c(args, "--group", group)
  if (conf_type != "log") args <- c(args, "--conf-type", conf_type)
  if (conf_level != 0.95) args <- c(args, "--conf-level", format(conf_level))
  if (!is.null(at)) args <- c(args, "--at", paste(as.character(at), collapse = ","))
  y <- Surv(d[[time]], event(d[[status]]))
  keep <- !is.na(d[[time]]) & !is.na(d[[status]])
  if (!is.null(group)) keep <- keep & !is.na(d[[group]])
  g <- if (is.null(group)) factor(rep("all", nrow(d))) else fac(d[[group]])
  groups <- list()
  for (level in levels(g)) {
    sel <- keep & g == level
    fit <- survfit(y[sel] ~ 1, conf.type = conf_type, conf.int = conf_level)
    q <- quantile(fit, 0.5)
    table <- lapply(seq_along(fit$time), function(i) list(
      time = fit$time[i], n_risk = fit$n.risk[i], n_event = fit$n.event[i], n_censor = fit$n.censor[i],
      survival = num(fit$surv[i]), std_err = num(fit$std.err[i] * fit$surv[i]),
      lower = num(fit$lower[i]), upper = num(fit$upper[i])))
    ats <- list()
    if (!is.null(at)) {
      s <- summary(fit, times = at, extend = FALSE)
      for (t in at) {
        j <- match(t, s$time)
        ats[[length(ats) + 1]] <- if (is.na(j)) NA else list(
          time = t, n_risk = s$n.risk[j], survival = num(s$surv[j]), std_err = num(s$std.err[j]),
          lower = num(s$lower[j]), upper = num(s$upper[j]))
      }
    }
    groups[[length(groups) + 1]] <- list(
      group = level, n = fit$n, events = sum(fit$n.event),
      median = list(estimate = num(q$quantile), lower = num(q$lower), upper = num(q$upper)),
      at = ats)
    # flchain's full table (thousands of rows) is left out to keep the fixture small.
    if (with_table) groups[[length(groups)]]$table <- table
  }
  add(name, args, list(n = sum(keep), dropped_missing = sum(!keep),
                       method = list(conf_type = conf_type, conf_level = conf_level), groups = groups))
}

km_case("km_lung_sex", "lung.csv", "time", "status", "sex")
km_case("km_lung_sex_loglog", "lung.csv", "time", "status", "sex", conf_type = "log-log", at = c(180, 365, 730))
km_case("km_lung_plain", "lung.csv", "time", "status", conf_type = "plain", at = c(100, 500, 1022, 2000))
km_case("km_lung_ecog_logit", "lung.csv", "time", "status", "ph.ecog", conf_type = "logit")
km_case("km_ovarian_rx_arcsin", "ovarian.csv", "futime", "fustat", "rx", conf_type = "arcsin")
km_case("km_veteran_celltype_at", "veteran.csv", "time", "status", "celltype", at = c(30, 90, 180, 365, 1000))
km_case("km_ovarian_rx_level90", "ovarian.csv", "futime", "fustat", "rx", conf_level = 0.9, at = c(365, 730, 1200))
km_case("km_colon_rx", "colon.csv", "time", "status", "rx", at = c(365, 1825, 3650))
km_case("km_flchain_sex", "flchain.csv", "futime", "death", "sex", at = c(0, 1000, 5000), with_table = FALSE)
km_case("km_pbc_dead_trt", "pbc_dead.csv", "time", "dead", "trt", at = c(1000, 3000))
km_case("km_veteran_yesno_trt", "veteran_yesno.csv", "time", "status", "trt", conf_type = "log-log")

km_case("edge_km_tied", "edge_tied.csv", "time", "status", "g", at = c(4, 5, 6))
km_case("edge_km_zero_time", "edge_zero_time.csv", "time", "status", at = c(0, 3))
km_case("edge_km_missing_time", "edge_missing_time.csv", "time", "status")
km_case("edge_km_one_two", "edge_one_two.csv", "time", "status", "g")

# ---------------------------------------------------------------- logrank
survdiff_p <- function(chisq, df) if (df > 0) pchisq(chisq, df, lower.tail = FALSE) else NA
lr_case <- function(name, file, time, status, group, strata = NULL, rho = 0, pairwise = NULL) {
  d <- rd(file)
  args <- c("logrank", "--data", paste0("{data}/", file), "--time", time, "--event", status, "--group", group)
  if (!is.null(strata)) args <- c(args, "--strata", strata)
  if (rho != 0) args <- c(args, "--rho", format(rho))
  if (!is.null(pairwise)) args <- c(args, "--pairwise", pairwise)
  keep <- !is.na(d[[time]]) & !is.na(d[[status]]) & !is.na(d[[group]])
  if (!is.null(strata)) keep <- keep & !is.na(d[[strata]])
  d <- d[keep, ]
  d$.y <- Surv(d[[time]], event(d[[status]]))
  d$.g <- fac(d[[group]])
  f <- if (is.null(strata)) .y ~ .g else as.formula(paste(".y ~ .g + strata(", strata, ")"))
  sd <- survdiff(f, data = d, rho = rho)
  obs <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  exp <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(exp > 0) - 1
  groups <- lapply(seq_along(levels(d$.g)), function(i) list(
    group = levels(d$.g)[i], n = unname(sd$n[i]), observed = unname(obs[i]), expected = unname(exp[i])))
  pairs <- list()
  if (!is.null(pairwise)) {
    L <- levels(d$.g)
    rows <- list()
    for (a in seq_along(L)) for (b in seq_along(L)) if (a < b) {
      sub <- d[d$.g %in% L[c(a, b)], ]
      sub$.g <- factor(as.character(sub$.g), levels = L[c(a, b)])
      s2 <- survdiff(.y ~ .g, data = sub, rho = rho)
      cx <- coxph(.y ~ .g, data = sub, ties = "efron")
      ci <- summary(cx)$conf.int
      rows[[length(rows) + 1]] <- list(a = L[a], b = L[b], statistic = s2$chisq,
        p = survdiff_p(s2$chisq, 1), hr = unname(ci[1, 1]), hr_lower = unname(ci[1, 3]), hr_upper = unname(ci[1, 4]))
    }
    padj <- p.adjust(sapply(rows, `[[`, "p"), method = pairwise)
    for (i in seq_along(rows)) {
      r <- rows[[i]]
      pairs[[i]] <- list(a = r$a, b = r$b, statistic = r$statistic, p = r$p, p_adjusted = padj[i],
                         hr = r$hr, hr_lower = r$hr_lower, hr_upper = r$hr_upper)
    }
  }
  add(name, args, list(n = nrow(d), dropped_missing = sum(!keep), method = list(rho = rho),
                       statistic = sd$chisq, df = df, p = survdiff_p(sd$chisq, df), groups = groups, pairwise = pairs))
}

lr_case("lr_lung_sex", "lung.csv", "time", "status", "sex")
lr_case("lr_lung_sex_rho1", "lung.csv", "time", "status", "sex", rho = 1)
lr_case("lr_lung_ecog", "lung.csv", "time", "status", "ph.ecog")
lr_case("lr_veteran_celltype", "veteran.csv", "time", "status", "celltype")
lr_case("lr_veteran_trt_strata_celltype", "veteran.csv", "time", "status", "trt", strata = "celltype")
lr_case("lr_veteran_celltype_holm", "veteran.csv", "time", "status", "celltype", pairwise = "holm")
lr_case("lr_colon_rx_holm", "colon.csv", "time", "status", "rx", pairwise = "holm")
lr_case("lr_pbc_dead_stage_rho1_strata_sex", "pbc_dead.csv", "time", "dead", "stage", strata = "sex", rho = 1)
lr_case("lr_flchain_sex", "flchain.csv", "futime", "death", "sex")
lr_case("lr_ovarian_rx", "ovarian.csv", "futime", "fustat", "rx")

lr_case("edge_lr_tied", "edge_tied.csv", "time", "status", "g")
lr_case("edge_lr_zero_time", "edge_zero_time.csv", "time", "status", "g")
lr_case("edge_lr_one_two", "edge_one_two.csv", "time", "status", "g")

# ---------------------------------------------------------------- cox
# terms: list of list(var, kind = "num" | "factor" | "strata", text as typed in the formula)
cox_case <- function(name, file, time, status, terms, ties = "efron", ref = list()) {
  d <- rd(file)
  rhs <- paste(sapply(terms, function(t) switch(t$kind, num = t$var, factor = paste0("factor(", t$var, ")"),
                                               cat = t$var, strata = paste0("strata(", t$var, ")"))), collapse = " + ")
  formula_text <- paste0("Surv(", time, ", ", status, ") ~ ", rhs)
  args <- c("cox", "--data", paste0("{data}/", file), "--formula", formula_text)
  if (ties != "efron") args <- c(args, "--ties", ties)
  for (v in names(ref)) args <- c(args, "--ref", paste0(v, "=", ref[[v]]))
  # Model frame built by hand so factor levels follow thyra's order; coxph's own na.action count
  # is taken as dropped_missing.
  md <- data.frame(.t = d[[time]], .s = event(d[[status]]))
  names_out <- character(0)
  zph_vars <- character(0)
  rterms <- character(0)
  for (t in terms) {
    v <- make.names(t$var)
    if (t$kind == "num") {
      md[[v]] <- d[[t$var]]
      names_out <- c(names_out, t$var); zph_vars <- c(zph_vars, t$var); rterms <- c(rterms, v)
    } else if (t$kind %in% c("factor", "cat")) {
      md[[v]] <- fac(d[[t$var]], ref[[t$var]])
      names_out <- c(names_out, paste0(t$var, "=", levels(droplevels(md[[v]][complete.cases(md)]))[-1]))
      zph_vars <- c(zph_vars, t$var); rterms <- c(rterms, v)
    } else {
      md[[v]] <- d[[t$var]]
      rterms <- c(rterms, paste0("strata(", v, ")"))
    }
  }
  f <- as.formula(paste("Surv(.t, .s) ~", paste(rterms, collapse = " + ")))
  fit <- coxph(f, data = md, ties = ties)
  # The level names above were computed after dropping incomplete rows of the columns seen so far;
  # recompute on the rows coxph used so that a level absent after dropping is not named.
  used <- if (is.null(fit$na.action)) md else md[-as.integer(fit$na.action), , drop = FALSE]
  names_out <- character(0)
  for (t in terms) {
    v <- make.names(t$var)
    if (t$kind == "num") names_out <- c(names_out, t$var)
    if (t$kind %in% c("factor", "cat")) names_out <- c(names_out, paste0(t$var, "=", levels(droplevels(used[[v]]))[-1]))
  }
  b <- coef(fit)
  stopifnot(length(b) == length(names_out))
  se <- rep(NA_real_, length(b))
  se[!is.na(b)] <- sqrt(diag(fit$var))[!is.na(b)]
  z <- qnorm(0.975)
  term_rows <- lapply(seq_along(b), function(j) {
    if (is.na(b[j])) {
      return(list(term = names_out[j], coef = NA, se = NA, hr = NA, lower = NA, upper = NA, z = NA, p = NA, aliased = TRUE))
    }
    list(term = names_out[j], coef = unname(b[j]), se = se[j], hr = exp(unname(b[j])),
         lower = exp(unname(b[j]) - z * se[j]), upper = exp(unname(b[j]) + z * se[j]),
         z = unname(b[j]) / se[j], p = 2 * pnorm(-abs(unname(b[j]) / se[j])), aliased = FALSE)
  })
  s <- summary(fit)
  # Unrounded tests (summary.coxph rounds the Wald statistic for printing).
  k <- sum(!is.na(b))
  lr <- 2 * (fit$loglik[2] - fit$loglik[1])
  tst <- function(x) list(statistic = unname(x), df = k, p = pchisq(unname(x), k, lower.tail = FALSE))
  zph <- tryCatch(cox.zph(fit, transform = "km", terms = TRUE)$table, error = function(e) NULL)
  # Rows are named by R term labels (the make.names of the variable); an aliased variable has none.
  zph_rows <- if (is.null(zph)) character(0) else setdiff(rownames(zph), "GLOBAL")
  zrows <- lapply(zph_rows, function(r) list(term = zph_vars[match(r, make.names(zph_vars))],
                                             chisq = zph[r, "chisq"], df = zph[r, "df"], p = zph[r, "p"]))
  g <- nrow(zph)
  # cox.zph fails (singular information) when every time is tied: nothing to compare then.
  ph <- if (is.null(zph)) NULL else
    list(terms = zrows, global = list(term = "GLOBAL", chisq = zph[g, "chisq"], df = zph[g, "df"], p = zph[g, "p"]))
  expected <- list(
    n = fit$n, events = fit$nevent,
    dropped_missing = length(fit$na.action),
    method = list(ties = ties), converged = TRUE,
    terms = term_rows,
    loglik = list(null = fit$loglik[1], model = fit$loglik[2]),
    tests = list(likelihood_ratio = tst(lr), wald = tst(fit$wald.test), score = tst(fit$score)),
    concordance = list(c = unname(s$concordance[1]), se = unname(s$concordance[2])),
    ph_test = ph)
  if (is.null(ph)) expected$ph_test <- NULL
  add(name, args, expected)
}
V <- function(var, kind) list(var = var, kind = kind)

cox_case("cox_lung_age_sex", "lung.csv", "time", "status", list(V("age", "num"), V("sex", "factor")))
cox_case("cox_lung_missing", "lung.csv", "time", "status",
         list(V("age", "num"), V("sex", "factor"), V("ph.ecog", "num"), V("wt.loss", "num"), V("meal.cal", "num")))
cox_case("cox_lung_breslow", "lung.csv", "time", "status",
         list(V("age", "num"), V("sex", "factor"), V("ph.karno", "num")), ties = "breslow")
cox_case("cox_lung_strata_sex", "lung.csv", "time", "status",
         list(V("age", "num"), V("ph.ecog", "factor"), V("sex", "strata")))
cox_case("cox_lung_karno_strata_sex", "lung.csv", "time", "status",
         list(V("age", "num"), V("ph.karno", "num"), V("sex", "strata")))
cox_case("cox_lung_aliased", "lung_alias.csv", "time", "status",
         list(V("age", "num"), V("age_copy", "num"), V("sex", "factor")))
cox_case("cox_veteran_celltype_ref", "veteran.csv", "time", "status",
         list(V("karno", "num"), V("celltype", "cat"), V("trt", "factor")), ref = list(celltype = "large"))
cox_case("cox_veteran_yesno_strata", "veteran_yesno.csv", "time", "status",
         list(V("karno", "num"), V("age", "num"), V("trt", "factor"), V("celltype", "strata")))
cox_case("cox_pbc_dead", "pbc_dead.csv", "time", "dead",
         list(V("age", "num"), V("bili", "num"), V("albumin", "num"), V("edema", "factor"), V("stage", "factor")))
cox_case("cox_pbc_dead_breslow_ref", "pbc_dead.csv", "time", "dead",
         list(V("age", "num"), V("albumin", "num"), V("sex", "cat"), V("trt", "factor")), ties = "breslow", ref = list(sex = "m"))
cox_case("cox_colon_rx", "colon.csv", "time", "status",
         list(V("rx", "cat"), V("age", "num"), V("nodes", "num"), V("sex", "factor"), V("differ", "factor")))
cox_case("cox_flchain", "flchain.csv", "futime", "death",
         list(V("age", "num"), V("sex", "cat"), V("kappa", "num"), V("lambda", "num"), V("creatinine", "num")))
cox_case("cox_ovarian", "ovarian.csv", "futime", "fustat",
         list(V("age", "num"), V("rx", "factor"), V("resid.ds", "factor"), V("ecog.ps", "num")))

# ph.ecog = 3 is one patient (sex 1): a level present in one stratum only.
cox_case("edge_cox_tied", "edge_tied.csv", "time", "status", list(V("x", "num")))
cox_case("edge_cox_tied_breslow", "edge_tied.csv", "time", "status", list(V("x", "num")), ties = "breslow")
cox_case("edge_cox_zero_time", "edge_zero_time.csv", "time", "status", list(V("x", "num"), V("g", "cat")))
cox_case("edge_cox_missing_time", "edge_missing_time.csv", "time", "status", list(V("x", "num")))

for (c in cases) {
  write_json(c, file.path(out, paste0(c$name, ".json")), auto_unbox = TRUE, digits = NA, na = "null",
             null = "null", pretty = FALSE)
}
cat(length(cases), "cases written to", out, "\n")
