/**
 * Analyses: workflows that turn a data table and options into an immutable report record (model
 * frame to statistics, propensity model, validation, risk groups, imputation and pooling, Table 1).
 * No command-line parsing and no rendering live here.
 */
package org.thyra.analysis;
