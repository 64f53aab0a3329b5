# Table 1 on 10^6 rows, R side, as tableone's CreateTableOne computes it for 4 numeric and 4
# categorical variables by a 2-level group: mean (SD) and median [IQR] per group, Student t test
# (oneway.test with var.equal = TRUE, as tableone) and Kruskal-Wallis for the numeric variables,
# n (%) and chi-squared (Yates on 2x2) for the categorical ones, and tableone's SMDs.
# Usage: Rscript bench/r/table1.R FILE      (bench/r/generate_table1.R makes FILE)
suppressMessages(library(data.table))
d <- fread(commandArgs(trailingOnly = TRUE)[1])
tm <- system.time({
  g <- factor(d$group)
  out <- list()
  for (v in c("age", "tg", "size", "activity")) {
    x <- d[[v]]
    s <- tapply(x, g, function(z) c(mean(z, na.rm = TRUE), sd(z, na.rm = TRUE),
                                     quantile(z, c(.25, .5, .75), na.rm = TRUE)))
    p1 <- oneway.test(x ~ g, var.equal = TRUE)$p.value
    p2 <- kruskal.test(x ~ g)$p.value
    m <- tapply(x, g, mean, na.rm = TRUE); v2 <- tapply(x, g, var, na.rm = TRUE)
    smd <- abs(diff(m)) / sqrt(sum(v2) / 2)
    out[[v]] <- list(s, p1, p2, smd)
  }
  for (v in c("sex", "stage", "site", "rai")) {
    tab <- table(d[[v]], g)
    p <- chisq.test(tab, correct = nrow(tab) == 2)$p.value
    out[[v]] <- list(tab, prop.table(tab, 2), p)
  }
})
print(out$age[[2]]); print(out$sex[[3]])
cat(sprintf("fit_seconds=%.3f fit_cpu_seconds=%.3f\n", tm[["elapsed"]], tm[["user.self"]] + tm[["sys.self"]]), file = stderr())
