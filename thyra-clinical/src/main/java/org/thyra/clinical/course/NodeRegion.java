package org.thyra.clinical.course;

/**
 * Where involved regional lymph nodes lie. The AJCC editions group these differently: the 8th puts
 * level VII (upper mediastinal) with level VI in N1a, the 7th put level VII in N1b.
 */
public enum NodeRegion {
  /** Level VI: pretracheal, paratracheal, prelaryngeal/Delphian (central compartment). */
  LEVEL_VI,
  /** Level VII: upper (superior) mediastinal. */
  LEVEL_VII,
  /** Levels I–V (lateral neck), retropharyngeal or other lateral/contralateral cervical nodes. */
  LATERAL
}
