package org.thyra.web.patient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;

/**
 * The web application's own patient store (tables of V101__web_patients_interim.sql), used until
 * the registry (issue 14) lands: one row per patient holding the validated course JSON and a
 * version, and an append-only audit table. Each write is one transaction; an update names the
 * version it was made from and fails with {@link ConflictException} when another write came first.
 */
public final class EmbeddedPatientDirectory implements PatientDirectory {
  private final DataSource db;
  private final Clock clock;

  public EmbeddedPatientDirectory(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public List<StoredPatient> search(PatientQuery q, String visibleSite) {
    StringBuilder sql = new StringBuilder("SELECT * FROM web_patient WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    if (visibleSite != null) {
      sql.append(" AND site = ?");
      args.add(visibleSite);
    }
    if (q.site() != null) {
      sql.append(" AND site = ?");
      args.add(q.site());
    }
    if (!q.text().isEmpty()) {
      sql.append(" AND LOWER(patient_id) LIKE ? ESCAPE '\\'");
      args.add("%" + like(q.text().toLowerCase(Locale.ROOT)) + "%");
    }
    sql.append(" ORDER BY patient_id");
    List<StoredPatient> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement p = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        p.setString(i + 1, args.get(i));
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next() && out.size() < q.limit()) {
          StoredPatient s = row(r);
          if (q.histology() == null
              || (s.course().primaryTumour() != null
                  && s.course().primaryTumour().histology() != null
                  && s.course().primaryTumour().histology().name().equals(q.histology()))) {
            out.add(s);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read patients: " + e.getMessage(), e);
    }
    return out;
  }

  private static String like(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  public Optional<StoredPatient> find(String patientId) {
    try (Connection c = db.getConnection()) {
      return find(c, patientId);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read patient: " + e.getMessage(), e);
    }
  }

  private Optional<StoredPatient> find(Connection c, String patientId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT * FROM web_patient WHERE patient_id = ?")) {
      p.setString(1, patientId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    }
  }

  @Override
  public StoredPatient create(String site, PatientCourse course, Change change) {
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (find(c, course.patientId()).isPresent()) {
          throw new IllegalArgumentException("patient " + course.patientId() + " exists");
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO web_patient (patient_id, site, course_json, version, updated_at,"
                    + " updated_by) VALUES (?, ?, ?, 1, ?, ?)")) {
          p.setString(1, course.patientId());
          p.setString(2, site);
          p.setString(3, CourseJson.write(course));
          p.setTimestamp(4, now);
          p.setString(5, change.username());
          p.executeUpdate();
        }
        audit(
            c,
            now,
            change,
            course.patientId(),
            new CourseDiff.Delta(
                "insert",
                "patient (site " + site + ")",
                null,
                CourseDiff.text(CourseDiff.EXACT.valueToTree(course))));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof SQLException s && "23505".equals(s.getSQLState())) {
          throw new IllegalArgumentException("patient " + course.patientId() + " exists", e);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add patient: " + e.getMessage(), e);
    }
    return find(course.patientId()).orElseThrow();
  }

  @Override
  public StoredPatient update(
      String patientId, long expectedVersion, PatientCourse course, Change change) {
    if (!patientId.equals(course.patientId())) {
      throw new IllegalArgumentException("the patient id cannot be changed");
    }
    Timestamp now = Timestamp.from(clock.instant());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        StoredPatient before =
            find(c, patientId)
                .orElseThrow(() -> new IllegalArgumentException("no patient " + patientId));
        if (before.version() != expectedVersion) {
          throw new ConflictException(patientId, expectedVersion, before.version());
        }
        int n;
        try (PreparedStatement p =
            c.prepareStatement(
                "UPDATE web_patient SET course_json = ?, version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE patient_id = ? AND version = ?")) {
          p.setString(1, CourseJson.write(course));
          p.setTimestamp(2, now);
          p.setString(3, change.username());
          p.setString(4, patientId);
          p.setLong(5, expectedVersion);
          n = p.executeUpdate();
        }
        if (n != 1) {
          // a concurrent writer committed between our read and our update
          throw new ConflictException(patientId, expectedVersion, expectedVersion + 1);
        }
        for (CourseDiff.Delta d : CourseDiff.between(before.course(), course)) {
          audit(c, now, change, patientId, d);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save patient: " + e.getMessage(), e);
    }
    return find(patientId).orElseThrow();
  }

  private static void audit(
      Connection c, Timestamp at, Change change, String patientId, CourseDiff.Delta d)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO web_audit (at, username, patient_id, action, entry, old_value, new_value,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setTimestamp(1, at);
      p.setString(2, change.username());
      p.setString(3, patientId);
      p.setString(4, d.action());
      p.setString(5, d.entry());
      p.setString(6, d.oldValue());
      p.setString(7, d.newValue());
      p.setString(8, change.reason());
      p.executeUpdate();
    }
  }

  @Override
  public List<AuditEntry> history(String patientId) {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement("SELECT * FROM web_audit WHERE patient_id = ? ORDER BY id")) {
      p.setString(1, patientId);
      List<AuditEntry> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(
              new AuditEntry(
                  r.getLong("id"),
                  r.getTimestamp("at").toInstant(),
                  r.getString("username"),
                  r.getString("patient_id"),
                  r.getString("action"),
                  r.getString("entry"),
                  r.getString("old_value"),
                  r.getString("new_value"),
                  r.getString("reason")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
    }
  }

  @Override
  public long[] counts() {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM web_patient), (SELECT COUNT(*) FROM web_audit)");
        ResultSet r = p.executeQuery()) {
      r.next();
      return new long[] {r.getLong(1), r.getLong(2)};
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count: " + e.getMessage(), e);
    }
  }

  private static StoredPatient row(ResultSet r) throws SQLException {
    String id = r.getString("patient_id");
    return new StoredPatient(
        id,
        r.getString("site"),
        CourseJson.read(r.getString("course_json"), "patient " + id),
        r.getLong("version"),
        r.getTimestamp("updated_at").toInstant(),
        r.getString("updated_by"));
  }
}
