# Golden values for thyra-frame: how R turns a data file and a formula into a model frame.
# Run from the thyra-frame directory:  Rscript src/test/r/model_frame.R
# Writes the input files and src/test/resources/golden/model_frame.json.
#
# For every case R reads the CSV file it wrote (read.csv / read.table with stringsAsFactors = TRUE,
# collation "C" so that levels sort by code point as SPEC §5 says), drops incomplete rows, drops
# levels without rows (droplevels), applies relevel() for reference levels, and reports:
#   rows kept (1-based), model.matrix columns (intercept removed), Surv() time and status,
#   strata() labels and codes, glm(binomial)$y for binary responses, factor codes and levels.
# Column names use Thyra's convention (variable=level), built from the factor levels R used.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
  library(MASS)
  library(pROC)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))
out <- "src/test/resources/golden"

case <- function(name, file, d, formula, covariates, factors = character(), strata_vars = character(),
                 refs = list(), binary = FALSE) {
  f <- as.formula(formula)
  used <- all.vars(f)
  keep <- which(complete.cases(d[, used, drop = FALSE]))
  dk <- droplevels(d[keep, , drop = FALSE])
  for (v in covariates) {
    if (v %in% factors || is.factor(dk[[v]])) dk[[v]] <- factor(dk[[v]])
  }
  for (v in names(refs)) dk[[v]] <- relevel(factor(dk[[v]]), ref = refs[[v]])
  rhs <- if (length(covariates)) paste(covariates, collapse = " + ") else "1"
  X <- model.matrix(as.formula(paste("~", rhs)), dk)
  X <- X[, colnames(X) != "(Intercept)", drop = FALSE]
  names_ <- character()
  codes <- list()
  levels_ <- list()
  for (v in covariates) {
    if (is.factor(dk[[v]])) {
      names_ <- c(names_, paste0(v, "=", levels(dk[[v]])[-1]))
      codes[[v]] <- I(as.integer(dk[[v]]) - 1L)
      levels_[[v]] <- I(levels(dk[[v]]))
    } else {
      names_ <- c(names_, v)
    }
  }
  stopifnot(length(names_) == ncol(X))
  res <- list(name = name, file = file, formula = formula,
              refs = if (length(refs)) refs else setNames(list(), character()),
              n = length(keep), dropped = nrow(d) - length(keep), rows = I(keep),
              columns = I(names_), design = lapply(seq_len(ncol(X)), function(j) I(unname(X[, j]))),
              codes = if (length(codes)) codes else setNames(list(), character()),
              levels = if (length(levels_)) levels_ else setNames(list(), character()))
  if (binary) {
    fit <- glm(f, family = binomial, data = dk)
    stopifnot(length(fit$y) == length(keep))
    res$binary <- I(as.integer(unname(fit$y)))
  } else {
    y <- eval(f[[2]], dk)
    res$time <- I(unname(y[, 1]))
    res$status <- I(as.integer(unname(y[, 2])))
  }
  if (length(strata_vars)) {
    s <- eval(parse(text = sprintf("strata(%s)", paste(strata_vars, collapse = ", "))), dk)
    res$strata_labels <- I(levels(s))
    res$strata <- I(as.integer(s) - 1L)
  }
  res
}

cases <- list()

# lung: status 1/2 (R's Surv: 2 = event), NA in covariates and strata, numeric strata
lung_file <- file.path(out, "lung.csv")
write.csv(survival::lung, lung_file, row.names = FALSE, na = "NA")
lung <- read.csv(lung_file, stringsAsFactors = TRUE)
cases[[length(cases) + 1]] <- case("lung", "lung.csv", lung,
  "Surv(time, status) ~ age + factor(ph.ecog) + sex + strata(inst)",
  covariates = c("age", "ph.ecog", "sex"), factors = "ph.ecog", strata_vars = "inst")
cases[[length(cases) + 1]] <- case("lung_ref", "lung.csv", lung,
  "Surv(time, status) ~ age + factor(ph.ecog) + meal.cal",
  covariates = c("age", "ph.ecog", "meal.cal"), factors = "ph.ecog", refs = list(ph.ecog = "1"))
cases[[length(cases) + 1]] <- case("lung_km", "lung.csv", lung,
  "Surv(time, status) ~ factor(sex)", covariates = "sex", factors = "sex")

# veteran: semicolon separated, decimal points, empty cells as missing, text categories
vet <- survival::veteran
vet$karno[c(4, 40)] <- NA
vet_file <- file.path(out, "veteran_semicolon.csv")
write.table(vet, vet_file, sep = ";", dec = ".", na = "", row.names = FALSE)
vet <- read.table(vet_file, sep = ";", header = TRUE, na.strings = "", stringsAsFactors = TRUE)
cases[[length(cases) + 1]] <- case("veteran", "veteran_semicolon.csv", vet,
  "Surv(time, status) ~ trt + celltype + karno + strata(prior)",
  covariates = c("trt", "celltype", "karno"), strata_vars = "prior")
cases[[length(cases) + 1]] <- case("veteran_ref", "veteran_semicolon.csv", vet,
  "Surv(time, status) ~ celltype + age", covariates = c("celltype", "age"), refs = list(celltype = "squamous"))

# colon (death records): "." as missing, two strata variables, text levels with '+'
col <- subset(survival::colon, etype == 2)
col_file <- file.path(out, "colon_death.csv")
write.table(col, col_file, sep = ",", na = ".", row.names = FALSE, quote = FALSE)
col <- read.csv(col_file, na.strings = ".", stringsAsFactors = TRUE)
cases[[length(cases) + 1]] <- case("colon", "colon_death.csv", col,
  "Surv(time, status) ~ rx + factor(differ) + age + strata(sex, node4)",
  covariates = c("rx", "differ", "age"), factors = "differ", strata_vars = c("sex", "node4"))

# MASS birthwt: binary 0/1 outcome; two weights blanked
bw <- MASS::birthwt
bw$lwt[c(3, 50)] <- NA
bw_file <- file.path(out, "birthwt.csv")
write.csv(bw, bw_file, row.names = FALSE, na = "")
bw <- read.csv(bw_file, stringsAsFactors = TRUE)
cases[[length(cases) + 1]] <- case("birthwt", "birthwt.csv", bw,
  "low ~ age + lwt + factor(race) + smoke + ht + ui",
  covariates = c("age", "lwt", "race", "smoke", "ht", "ui"), factors = "race", binary = TRUE)

# pROC aSAH: two-level text outcome (Good/Poor: glm models Poor = 1), text covariate
sah <- pROC::aSAH
sah$s100b[c(5, 17)] <- NA
sah_file <- file.path(out, "aSAH.csv")
write.csv(sah, sah_file, row.names = FALSE, na = "NA")
sah <- read.csv(sah_file, stringsAsFactors = TRUE)
cases[[length(cases) + 1]] <- case("aSAH", "aSAH.csv", sah, "outcome ~ age + gender + s100b",
  covariates = c("age", "gender", "s100b"), binary = TRUE)

write_json(list(r_version = R.version.string, survival = as.character(packageVersion("survival")),
                cases = cases),
           file.path(out, "model_frame.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("wrote", length(cases), "cases\n")
