-- The registry's relational schema (issue 14): one table per kind of course entry, keyed by the
-- pseudonymous patient id and the entry's position in the course (seq), so that a course is stored
-- column by column and read back exactly. Later course fields are new columns in new migrations.
-- Written in the SQL common to PostgreSQL and H2 (MODE=PostgreSQL).

CREATE TABLE site (
  code        VARCHAR(64) PRIMARY KEY,
  created_at  TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- one row per patient: demographics, follow-up and the optimistic-lock version
CREATE TABLE patient (
  patient_id      VARCHAR(128) PRIMARY KEY,
  site_code       VARCHAR(64) NOT NULL REFERENCES site (code),
  sex             VARCHAR(16),
  birth_date      DATE,
  diagnosis_date  DATE NOT NULL,
  last_follow_up  DATE,
  ecog            INTEGER CHECK (ecog BETWEEN 0 AND 5),
  version         INTEGER NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX patient_site ON patient (site_code);

CREATE TABLE death (
  patient_id  VARCHAR(128) PRIMARY KEY REFERENCES patient (patient_id) ON DELETE CASCADE,
  death_date  DATE NOT NULL,
  cause       VARCHAR(32)
);

CREATE TABLE comorbidity (
  patient_id  VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  condition   VARCHAR(64) NOT NULL,
  PRIMARY KEY (patient_id, seq)
);

-- diagnosis and primary tumour (pathology)
CREATE TABLE primary_tumour (
  patient_id                      VARCHAR(128) PRIMARY KEY REFERENCES patient (patient_id) ON DELETE CASCADE,
  histology                       VARCHAR(32),
  variant                         VARCHAR(256),
  size_cm                         DOUBLE PRECISION CHECK (size_cm >= 0),
  extension                       VARCHAR(48) NOT NULL,
  multifocal                      BOOLEAN,
  vascular_invasion_foci          INTEGER CHECK (vascular_invasion_foci >= 0),
  complete_resection              BOOLEAN,
  tg_suggests_distant_metastasis  BOOLEAN NOT NULL
);

-- pathology of the regional nodes
CREATE TABLE nodal_disease (
  patient_id           VARCHAR(128) PRIMARY KEY REFERENCES primary_tumour (patient_id) ON DELETE CASCADE,
  assessed             BOOLEAN NOT NULL,
  clinically_evident   BOOLEAN NOT NULL,
  pathologic_positive  INTEGER NOT NULL CHECK (pathologic_positive >= 0),
  examined             INTEGER CHECK (examined >= 0),
  largest_node_cm      DOUBLE PRECISION CHECK (largest_node_cm >= 0)
);

CREATE TABLE nodal_region (
  patient_id  VARCHAR(128) NOT NULL REFERENCES nodal_disease (patient_id) ON DELETE CASCADE,
  region      VARCHAR(32) NOT NULL,
  PRIMARY KEY (patient_id, region)
);

CREATE TABLE surgery (
  patient_id          VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq                 INTEGER NOT NULL,
  surgery_date        DATE,
  surgery_type        VARCHAR(48),
  complete_resection  BOOLEAN,
  note                VARCHAR(4000),
  PRIMARY KEY (patient_id, seq)
);

-- radioiodine course; the activity is kept as written (exact decimal and unit) and in MBq for queries
CREATE TABLE rai_course (
  patient_id      VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL,
  course_date     DATE NOT NULL,
  activity_value  VARCHAR(64),
  activity_unit   VARCHAR(8),
  activity_mbq    NUMERIC(30, 6) CHECK (activity_mbq >= 0),
  preparation     VARCHAR(16),
  tsh_miu_per_l   DOUBLE PRECISION,
  PRIMARY KEY (patient_id, seq)
);

CREATE TABLE rai_uptake (
  patient_id  VARCHAR(128) NOT NULL,
  course_seq  INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  lesion_id   VARCHAR(128) NOT NULL,
  avid        BOOLEAN NOT NULL,
  PRIMARY KEY (patient_id, course_seq, seq),
  FOREIGN KEY (patient_id, course_seq) REFERENCES rai_course (patient_id, seq) ON DELETE CASCADE
);

-- Tg / TgAb / TSH
CREATE TABLE lab_result (
  patient_id             VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq                    INTEGER NOT NULL,
  lab_date               DATE,
  analyte                VARCHAR(8),
  lab_value              DOUBLE PRECISION NOT NULL CHECK (lab_value >= 0),
  unit                   VARCHAR(32),
  tsh_state              VARCHAR(16) NOT NULL,
  below_detection_limit  BOOLEAN NOT NULL,
  PRIMARY KEY (patient_id, seq)
);
CREATE INDEX lab_result_analyte ON lab_result (analyte, lab_date);

-- imaging: lesions and their measurements
CREATE TABLE lesion (
  patient_id       VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  lesion_id        VARCHAR(128) NOT NULL,
  site             VARCHAR(32),
  detected         DATE,
  biopsy_confirmed BOOLEAN NOT NULL,
  recist_target    BOOLEAN NOT NULL,
  PRIMARY KEY (patient_id, seq),
  UNIQUE (patient_id, lesion_id)
);

CREATE TABLE lesion_measurement (
  patient_id     VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq            INTEGER NOT NULL,
  lesion_id      VARCHAR(128),
  measured_on    DATE,
  modality       VARCHAR(32),
  a_mm           DOUBLE PRECISION CHECK (a_mm >= 0),
  b_mm           DOUBLE PRECISION CHECK (b_mm >= 0),
  c_mm           DOUBLE PRECISION CHECK (c_mm >= 0),
  short_axis_mm  DOUBLE PRECISION CHECK (short_axis_mm >= 0),
  disappeared    BOOLEAN NOT NULL,
  PRIMARY KEY (patient_id, seq)
);

-- local and systemic treatment (ablation, embolisation, ..., kinase inhibitors)
CREATE TABLE treatment (
  patient_id  VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  start_date  DATE,
  end_date    DATE,
  kind        VARCHAR(32),
  agent       VARCHAR(256),
  PRIMARY KEY (patient_id, seq)
);

CREATE TABLE treatment_lesion (
  patient_id     VARCHAR(128) NOT NULL,
  treatment_seq  INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  lesion_id      VARCHAR(128) NOT NULL,
  PRIMARY KEY (patient_id, treatment_seq, seq),
  FOREIGN KEY (patient_id, treatment_seq) REFERENCES treatment (patient_id, seq) ON DELETE CASCADE
);

-- thermal ablation session details and its complications
CREATE TABLE ablation (
  patient_id            VARCHAR(128) NOT NULL,
  treatment_seq         INTEGER NOT NULL,
  modality              VARCHAR(16),
  power_w               DOUBLE PRECISION CHECK (power_w >= 0),
  energy_kj             DOUBLE PRECISION CHECK (energy_kj >= 0),
  time_s                DOUBLE PRECISION CHECK (time_s >= 0),
  hydrodissection       BOOLEAN,
  ceus_date             DATE,
  residual_enhancement  BOOLEAN,
  PRIMARY KEY (patient_id, treatment_seq),
  FOREIGN KEY (patient_id, treatment_seq) REFERENCES treatment (patient_id, seq) ON DELETE CASCADE
);

CREATE TABLE ablation_complication (
  patient_id                  VARCHAR(128) NOT NULL,
  treatment_seq               INTEGER NOT NULL,
  seq                         INTEGER NOT NULL,
  complication_type           VARCHAR(32) NOT NULL,
  description                 VARCHAR(4000),
  therapy                     VARCHAR(16) NOT NULL,
  extra_hospital_hours        INTEGER NOT NULL CHECK (extra_hospital_hours >= 0),
  unplanned_increase_in_care  BOOLEAN NOT NULL,
  sequelae                    VARCHAR(24) NOT NULL,
  death                       BOOLEAN NOT NULL,
  PRIMARY KEY (patient_id, treatment_seq, seq),
  FOREIGN KEY (patient_id, treatment_seq) REFERENCES ablation (patient_id, treatment_seq) ON DELETE CASCADE
);

-- response assessments
CREATE TABLE assessment (
  patient_id              VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq                     INTEGER NOT NULL,
  assessed_on             DATE,
  imaging                 VARCHAR(32),
  tg_ab                   VARCHAR(32),
  tg_rising               BOOLEAN,
  new_lesions             BOOLEAN NOT NULL,
  non_target_gone         BOOLEAN,
  non_target_progression  BOOLEAN NOT NULL,
  recorded_category       VARCHAR(128),
  PRIMARY KEY (patient_id, seq)
);

-- events: documented progressions (death is its own table)
CREATE TABLE progression (
  patient_id        VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  seq               INTEGER NOT NULL,
  progression_date  DATE,
  progression_type  VARCHAR(32),
  lesion_id         VARCHAR(128),
  note              VARCHAR(4000),
  PRIMARY KEY (patient_id, seq)
);

-- values recorded in the source (e.g. the AJCC stage a hospital wrote) kept beside the course, to be
-- compared with what the rules derive (thyra registry check); never used as input to a rule
CREATE TABLE recorded_value (
  patient_id  VARCHAR(128) NOT NULL REFERENCES patient (patient_id) ON DELETE CASCADE,
  item        VARCHAR(64) NOT NULL,
  item_value  VARCHAR(256) NOT NULL,
  PRIMARY KEY (patient_id, item)
);

-- The audit trail: append-only (V2 adds the database-side guard). No foreign key to patient, so the
-- trail of a patient outlives the patient's rows.
CREATE TABLE audit_log (
  id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  logged_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  actor          VARCHAR(128) NOT NULL,
  db_user        VARCHAR(128) NOT NULL,
  action         VARCHAR(16) NOT NULL,
  patient_id     VARCHAR(128),
  entry          VARCHAR(256) NOT NULL,
  old_value      TEXT,
  new_value      TEXT,
  reason         VARCHAR(4000) NOT NULL,
  source_file    VARCHAR(4000),
  source_sha256  VARCHAR(64)
);
CREATE INDEX audit_log_patient ON audit_log (patient_id, id);
