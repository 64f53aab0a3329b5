package org.thyra.clinical.risk;

/** ATA 2015 initial risk of structural disease recurrence. */
public enum AtaRisk {
  LOW,
  INTERMEDIATE,
  HIGH
}
