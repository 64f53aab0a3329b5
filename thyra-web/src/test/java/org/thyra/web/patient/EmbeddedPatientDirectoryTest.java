package org.thyra.web.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thyra.clinical.course.CourseJson;
import org.thyra.clinical.course.PatientCourse;
import org.thyra.web.entry.EntryForm;
import org.thyra.web.entry.EntryKind;
import org.thyra.web.store.WebDatabase;

class EmbeddedPatientDirectoryTest {
  static int n;
  WebDatabase db;
  PatientDirectory dir;
  PatientCourse course;

  @BeforeEach
  void open() throws Exception {
    db = WebDatabase.openUrl("jdbc:h2:mem:dir" + (++n) + ";DB_CLOSE_DELAY=-1");
    dir = directory();
    course = CourseJson.read(Path.of("..", "examples", "courses", "seed003-rair-lung.json"));
    dir.create("A", course, new Change("dm", "import"));
  }

  /** The directory under test (the registry's test overrides it). */
  PatientDirectory directory() throws Exception {
    return new EmbeddedPatientDirectory(db.dataSource(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private PatientCourse withLab(PatientCourse c, int index, String value) {
    Map<String, String> v = new HashMap<>(EntryForm.values(c, EntryKind.LAB, index));
    v.put("value", value);
    return EntryForm.apply(c, EntryKind.LAB, index, v).course();
  }

  @Test
  void roundTripsTheCourseAndAuditsEachChangedEntry() {
    StoredPatient p = dir.find("P003-01").orElseThrow();
    assertThat(CourseJson.write(p.course())).isEqualTo(CourseJson.write(course));
    assertThat(p.version()).isEqualTo(1);
    dir.update("P003-01", 1, withLab(course, 2, "401"), new Change("dm", "typo"));
    List<AuditEntry> h = dir.history("P003-01");
    assertThat(h).hasSize(2);
    assertThat(h.get(0).action()).isEqualTo("insert");
    AuditEntry u = h.get(1);
    assertThat(u.action()).isEqualTo("update");
    assertThat(u.entry()).isEqualTo("labs[2]");
    assertThat(u.oldValue()).contains("\"value\":400");
    assertThat(u.newValue()).contains("\"value\":401");
    assertThat(u.reason()).isEqualTo("typo");
    assertThat(dir.find("P003-01").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aStaleVersionIsAConflictAndWritesNothing() {
    dir.update("P003-01", 1, withLab(course, 2, "401"), new Change("a", "first"));
    long[] before = dir.counts();
    assertThatThrownBy(
            () -> dir.update("P003-01", 1, withLab(course, 2, "402"), new Change("b", "second")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("nothing was saved");
    assertThat(dir.counts()).containsExactly(before);
    assertThat(dir.find("P003-01").orElseThrow().course().labs().get(2).value()).isEqualTo(401.0);
  }

  @Test
  void concurrentWritersOnOnePatientLoseNothing() throws Exception {
    // 8 writers each try to add one lab from the same version; exactly one wins per version, the
    // others get a conflict, retry from the new version, and every lab arrives exactly once
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger conflicts = new AtomicInteger();
    List<Future<?>> fs = new java.util.ArrayList<>();
    for (int w = 0; w < writers; w++) {
      final int id = w;
      fs.add(
          pool.submit(
              () -> {
                go.await();
                while (true) {
                  StoredPatient p = dir.find("P003-01").orElseThrow();
                  Map<String, String> f =
                      Map.of(
                          "date",
                          "2013-0" + (1 + id % 9) + "-01",
                          "analyte",
                          "TSH",
                          "value",
                          Integer.toString(100 + id));
                  PatientCourse c = EntryForm.apply(p.course(), EntryKind.LAB, -1, f).course();
                  try {
                    dir.update("P003-01", p.version(), c, new Change("w" + id, "concurrent"));
                    return null;
                  } catch (ConflictException e) {
                    conflicts.incrementAndGet();
                  }
                }
              }));
    }
    go.countDown();
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    StoredPatient p = dir.find("P003-01").orElseThrow();
    assertThat(p.version()).isEqualTo(1 + writers);
    assertThat(
            p.course().labs().stream()
                .filter(l -> l.analyte() == org.thyra.clinical.course.Analyte.TSH)
                .map(l -> l.value()))
        .containsExactlyInAnyOrder(100.0, 101.0, 102.0, 103.0, 104.0, 105.0, 106.0, 107.0);
    assertThat(dir.history("P003-01")).hasSize(1 + writers);
  }

  @Test
  void searchFiltersBySiteTextAndHistology() {
    assertThat(dir.search(new PatientQuery("003", null, null, 10), null)).hasSize(1);
    assertThat(dir.search(new PatientQuery("", null, null, 10), "B")).isEmpty();
    assertThat(dir.search(new PatientQuery("", null, "FOLLICULAR", 10), null)).isEmpty();
    assertThat(dir.search(new PatientQuery("", null, "PAPILLARY", 10), "A")).hasSize(1);
    // LIKE wildcards in the search text are literal
    assertThat(dir.search(new PatientQuery("%", null, null, 10), null)).isEmpty();
    assertThat(dir.search(new PatientQuery("_", null, null, 10), null)).isEmpty();
  }
}
