package org.thyra.registry.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.thyra.clinical.course.CourseException;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.registry.Registry;
import org.thyra.registry.RegistryException;
import org.thyra.registry.audit.AuditEntry;
import org.thyra.registry.audit.AuditTrail;
import org.thyra.registry.store.CourseDiff;
import org.thyra.registry.store.CourseRows;
import org.thyra.registry.store.CourseStore;
import org.thyra.registry.store.StoredCourse;

/**
 * A registry in one portable file (a ZIP of JSON: {@code manifest.json}, {@code sites.json}, {@code
 * courses.json} — every course in the course JSON format with its site and version —, {@code
 * recorded.json} and {@code audit.json}, the whole trail). The file does not depend on the
 * database: an H2 registry restores into PostgreSQL and back.
 *
 * <p>Backup reads in one repeatable-read transaction, so the file is a consistent snapshot. Restore
 * goes into an initialised, empty registry only (never over data), validates every course, copies
 * the audit trail verbatim and appends a RESTORE line naming the file and its SHA-256; it is one
 * transaction.
 */
public final class Backup {

  private Backup() {}

  static final String FORMAT = "thyra-registry-backup";
  static final ObjectMapper JSON = CourseDiff.mapper();

  /** What a backup holds. */
  public record Summary(int sites, int patients, int auditLines) {}

  /** Writes a backup of the registry to {@code out}. */
  public static Summary write(Registry r, OutputStream out) throws IOException {
    Snapshot s =
        r.jdbi()
            .inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ,
                h ->
                    new Snapshot(
                        r.schemaVersion().orElse(""),
                        CourseStore.sites(h),
                        CourseRows.readAll(h),
                        recorded(h),
                        AuditTrail.read(h, null)));
    try (ZipOutputStream zip = new ZipOutputStream(nonClosing(out))) {
      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("format", FORMAT);
      manifest.put("formatVersion", 1);
      manifest.put("schemaVersion", s.schema);
      manifest.put("created", OffsetDateTime.now().toString());
      manifest.put("patients", s.courses.size());
      manifest.put("auditLines", s.audit.size());
      entry(zip, "manifest.json", manifest);
      ArrayNode sites = JSON.createArrayNode();
      s.sites.forEach(sites::add);
      entry(zip, "sites.json", sites);
      ArrayNode courses = JSON.createArrayNode();
      for (StoredCourse c : s.courses.values()) {
        ObjectNode o = courses.addObject();
        o.put("site", c.site());
        o.put("version", c.version());
        o.set("course", JSON.valueToTree(c.course()));
      }
      entry(zip, "courses.json", courses);
      entry(zip, "recorded.json", JSON.valueToTree(s.recorded));
      ArrayNode audit = JSON.createArrayNode();
      for (AuditEntry a : s.audit) {
        ObjectNode o = audit.addObject();
        o.put("id", a.id());
        o.put("at", a.at().toString());
        o.put("actor", a.actor());
        o.put("dbUser", a.dbUser());
        o.put("action", a.action());
        o.put("patientId", a.patientId());
        o.put("entry", a.entry());
        o.put("oldValue", a.oldValue());
        o.put("newValue", a.newValue());
        o.put("reason", a.reason());
        o.put("sourceFile", a.sourceFile());
        o.put("sourceSha256", a.sourceSha256());
      }
      entry(zip, "audit.json", audit);
    }
    return new Summary(s.sites.size(), s.courses.size(), s.audit.size());
  }

  private record Snapshot(
      String schema,
      List<String> sites,
      Map<String, StoredCourse> courses,
      Map<String, Map<String, String>> recorded,
      List<AuditEntry> audit) {}

  private static Map<String, Map<String, String>> recorded(Handle h) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT patient_id, item, item_value FROM recorded_value ORDER BY patient_id, item")
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .forEach(a -> out.computeIfAbsent(a[0], k -> new LinkedHashMap<>()).put(a[1], a[2]));
    return out;
  }

  private static void entry(ZipOutputStream zip, String name, JsonNode node) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(JSON.writeValueAsBytes(node));
    zip.closeEntry();
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Restores a backup file into an initialised, empty registry. */
  public static Summary restore(Registry r, Path file, String actor) throws IOException {
    Map<String, JsonNode> parts = new LinkedHashMap<>();
    String sha;
    try (InputStream in = Files.newInputStream(file);
        DigestInputStream din = new DigestInputStream(in, sha256());
        ZipInputStream zip = new ZipInputStream(din)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        zip.transferTo(buf);
        try {
          parts.put(e.getName(), JSON.readTree(buf.toByteArray()));
        } catch (IOException ex) {
          throw new RegistryException(
              file + ": " + e.getName() + " is not JSON: " + ex.getMessage());
        }
      }
      din.transferTo(OutputStream.nullOutputStream());
      sha = HexFormat.of().formatHex(din.getMessageDigest().digest());
    }
    JsonNode manifest = parts.get("manifest.json");
    if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
      throw new RegistryException(file + ": not a Thyra registry backup (no manifest.json)");
    }
    for (String name : List.of("sites.json", "courses.json", "recorded.json", "audit.json")) {
      if (!parts.containsKey(name)) {
        throw new RegistryException(file + ": the backup lacks " + name + " (truncated?)");
      }
    }
    List<String> sites = new ArrayList<>();
    parts.get("sites.json").forEach(n -> sites.add(n.asText()));
    List<StoredCourse> courses = new ArrayList<>();
    JsonNode cs = parts.get("courses.json");
    for (int i = 0; i < cs.size(); i++) {
      JsonNode n = cs.get(i);
      PatientCourse c;
      try {
        c = CourseJson.read(CourseDiff.json(n.get("course")), file + ": courses.json[" + i + "]");
      } catch (CourseException ex) {
        throw new RegistryException(file + ": courses.json[" + i + "]: " + ex.getMessage(), ex);
      }
      courses.add(new StoredCourse(n.get("site").asText(), n.get("version").asInt(), c));
    }
    List<AuditEntry> audit = new ArrayList<>();
    for (JsonNode a : parts.get("audit.json")) {
      audit.add(
          new AuditEntry(
              a.get("id").asLong(),
              OffsetDateTime.parse(a.get("at").asText()),
              text(a, "actor"),
              text(a, "dbUser"),
              text(a, "action"),
              text(a, "patientId"),
              text(a, "entry"),
              text(a, "oldValue"),
              text(a, "newValue"),
              text(a, "reason"),
              text(a, "sourceFile"),
              text(a, "sourceSha256")));
    }
    if (audit.size() != manifest.path("auditLines").asInt(-1)
        || courses.size() != manifest.path("patients").asInt(-1)) {
      throw new RegistryException(
          file + ": the manifest's counts do not match its content (damaged backup)");
    }
    JsonNode recorded = parts.get("recorded.json");
    String sha256 = sha;
    return r.inTransaction(
        h -> {
          int patients = h.createQuery("SELECT COUNT(*) FROM patient").mapTo(Integer.class).one();
          int lines = h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Integer.class).one();
          if (patients > 0 || lines > 0) {
            throw new RegistryException(
                "restore goes into an empty registry only: "
                    + r.location().display()
                    + " holds "
                    + patients
                    + " patient(s) and "
                    + lines
                    + " audit line(s); initialise a new one (thyra registry init --registry NEW)");
          }
          for (String s : sites) {
            CourseStore.ensureSite(h, s);
          }
          CourseRows.Writer w = new CourseRows.Writer(h);
          for (StoredCourse c : courses) {
            w.add(c.site(), c.version(), c.course(), true);
            if (w.pending() >= 500) {
              w.flush();
            }
          }
          w.flush();
          var batch =
              h.prepareBatch(
                  "INSERT INTO recorded_value (patient_id, item, item_value) VALUES (?,?,?)");
          recorded
              .fields()
              .forEachRemaining(
                  p ->
                      p.getValue()
                          .fields()
                          .forEachRemaining(
                              v -> batch.add(p.getKey(), v.getKey(), v.getValue().asText())));
          if (batch.size() > 0) {
            batch.execute();
          }
          AuditTrail.copy(h, audit);
          long next = audit.stream().mapToLong(AuditEntry::id).max().orElse(0) + 1;
          if (r.location().isPostgres()) {
            // setval needs only UPDATE on the sequence, which the application's role has; ALTER
            // TABLE would need the owner (docs/REGISTRY.md, "Roles on PostgreSQL")
            h.createQuery("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), :n, false)")
                .bind("n", next)
                .mapTo(Long.class)
                .one();
          } else {
            h.execute("ALTER TABLE audit_log ALTER COLUMN id RESTART WITH " + next);
          }
          AuditTrail.append(
              h,
              List.of(
                  AuditEntry.of(
                      actor,
                      "RESTORE",
                      null,
                      "registry",
                      null,
                      courses.size() + " patient(s), " + audit.size() + " audit line(s)",
                      "restore of a backup",
                      file.toAbsolutePath().toString(),
                      sha256)));
          return new Summary(sites.size(), courses.size(), audit.size());
        });
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
