package com.example.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.sqlite.c.SQLite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite through the generated binding, checked against the same computations done in plain Java. */
class DatabaseTest {
    record Row(long id, int grp, long n, double x, String s) {}

    private static List<Row> rows(int count, long seed) {
        Random r = new Random(seed);
        String[] words = {"alpha", "b\u00e9ta", "\uD83D\uDE80 rocket", "nul\0inside", "\u4e2d\u6587", "plain"};
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new Row(i, r.nextInt(7), r.nextLong() >> 16, r.nextDouble() * 1000, words[r.nextInt(words.length)] + " " + r.nextInt(100)));
        }
        return rows;
    }

    private static void load(Database db, List<Row> rows) {
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, grp INTEGER, n INTEGER, x REAL, s TEXT)");
        db.exec("BEGIN");
        try (Statement insert = db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                assertEquals(1, insert.bind(1, row.id()).bind(2, row.grp()).bind(3, row.n()).bind(4, row.x()).bind(5, row.s()).execute());
                insert.reset();
            }
        }
        db.exec("COMMIT");
    }

    @Test
    void aggregatesAndOrderingsMatchJava() {
        List<Row> rows = rows(3000, 42);
        try (Database db = Database.open(":memory:")) {
            load(db, rows);
            Map<Integer, long[]> expected = new TreeMap<>();
            for (Row row : rows) {
                long[] e = expected.computeIfAbsent(row.grp(), g -> new long[2]);
                e[0]++;
                e[1] += row.n();
            }
            Map<Integer, long[]> actual = new TreeMap<>();
            try (Statement q = db.prepare("SELECT grp, count(*), sum(n) FROM t GROUP BY grp ORDER BY grp")) {
                while (q.step()) {
                    actual.put((int) q.columnLong(0), new long[] {q.columnLong(1), q.columnLong(2)});
                }
            }
            assertEquals(expected.keySet(), actual.keySet());
            expected.forEach((g, e) -> assertArrayEquals(e, actual.get(g), "group " + g));

            double sum = rows.stream().mapToDouble(Row::x).sum();
            try (Statement q = db.prepare("SELECT sum(x), max(n), min(n) FROM t")) {
                assertTrue(q.step());
                assertEquals(sum, q.columnDouble(0), 1e-6 * Math.abs(sum));
                assertEquals(rows.stream().mapToLong(Row::n).max().orElseThrow(), q.columnLong(1));
                assertEquals(rows.stream().mapToLong(Row::n).min().orElseThrow(), q.columnLong(2));
                assertFalse(q.step());
            }
            // Ordering by text: SQLite's default BINARY collation is memcmp of the UTF-8 bytes, which for valid
            // UTF-8 orders as code points do.
            List<Long> expectedOrder = rows.stream()
                    .sorted(Comparator.comparing((Row row) -> row.s(), DatabaseTest::compareCodePoints).thenComparing(Row::id))
                    .map(Row::id).collect(Collectors.toList());
            List<Long> actualOrder = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            try (Statement q = db.prepare("SELECT id, s FROM t ORDER BY s, id")) {
                while (q.step()) {
                    actualOrder.add(q.columnLong(0));
                    texts.add(q.columnText(1));
                }
            }
            assertEquals(expectedOrder, actualOrder);
            Map<Long, String> byId = rows.stream().collect(Collectors.toMap(Row::id, Row::s));
            for (int i = 0; i < actualOrder.size(); i++) {
                assertEquals(byId.get(actualOrder.get(i)), texts.get(i));
            }
        }
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    @Test
    void textWithEmojiAndEmbeddedNulRoundTrips() {
        String[] texts = {"", "\0", "a\0b\0", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD", "\u00e9\0\u4e2d", "x".repeat(100_000) + "\0end"};
        try (Database db = Database.open(":memory:")) {
            db.exec("CREATE TABLE t (k INTEGER, s TEXT)");
            try (Statement insert = db.prepare("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < texts.length; i++) {
                    insert.bind(1, i).bind(2, texts[i]).execute();
                    insert.reset();
                }
                insert.bind(1, texts.length).bind(2, (String) null).execute();
            }
            try (Statement q = db.prepare("SELECT k, s, length(CAST(s AS BLOB)) FROM t ORDER BY k")) {
                for (int i = 0; i < texts.length; i++) {
                    assertTrue(q.step());
                    assertEquals(i, q.columnLong(0));
                    assertEquals(texts[i], q.columnText(1), "text " + i);
                    assertEquals(texts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8).length, q.columnLong(2));
                }
                assertTrue(q.step());
                assertEquals(SQLite.SQLITE_NULL, q.columnType(1));
                assertNull(q.columnText(1));
            }
        }
    }

    @Test
    void textThatIsNotUtf8IsAClearErrorNotGarbage() {
        try (Database db = Database.open(":memory:")) {
            db.exec("CREATE TABLE t (s TEXT); INSERT INTO t VALUES (CAST(x'66ff6f' AS TEXT))");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.exec("SELECT s FROM t", (v, c) -> true));
            assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
            try (Statement q = db.prepare("SELECT s FROM t")) {
                assertTrue(q.step());
                IllegalStateException s = assertThrows(IllegalStateException.class, () -> q.columnText(0));
                assertTrue(s.getMessage().contains("sqlite3_column_text returned a string that is not valid UTF-8"), s.getMessage());
            }
            List<String> seen = new ArrayList<>();
            db.exec("SELECT hex(s) FROM t", (v, c) -> seen.add(v[0]));
            assertEquals(List.of("66FF6F"), seen, "the connection stays usable");
        }
    }

    @Test
    void execHandsRowsToJava() {
        try (Database db = Database.open(":memory:")) {
            db.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'one'), (2, NULL), (3, '\u00fcber \uD83D\uDE00')");
            List<String> seen = new ArrayList<>();
            db.exec("SELECT a, b FROM t ORDER BY a", (values, columns) -> {
                assertArrayEquals(new String[] {"a", "b"}, columns);
                seen.add(values[0] + ":" + values[1]);
                return true;
            });
            assertEquals(List.of("1:one", "2:null", "3:\u00fcber \uD83D\uDE00"), seen);
        }
    }

    @Test
    void aCallbackThatStopsAbortsTheQuery() {
        try (Database db = Database.open(":memory:")) {
            db.exec("CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1), (2), (3)");
            AtomicInteger calls = new AtomicInteger();
            SqliteException e = assertThrows(SqliteException.class,
                    () -> db.exec("SELECT a FROM t", (values, columns) -> calls.incrementAndGet() < 2));
            assertEquals(SQLite.SQLITE_ABORT, e.code());
            assertEquals(2, calls.get());
        }
    }

    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message);
        }
    }

    @Test
    void aCallbackThatThrowsAbortsTheQueryAndTheCallerSeesItsException() {
        try (Database db = Database.open(":memory:")) {
            db.exec("CREATE TABLE t (a INTEGER)");
            db.exec("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000) INSERT INTO t SELECT i FROM c");
            AtomicInteger calls = new AtomicInteger();
            Stop stop = new Stop("row 5 is enough");
            Stop thrown = assertThrows(Stop.class, () -> db.exec("SELECT a FROM t ORDER BY a", (values, columns) -> {
                if (calls.incrementAndGet() == 5) {
                    throw stop;
                }
                return true;
            }));
            assertSame(stop, thrown);
            assertEquals(5, calls.get(), "the query stopped at the exception");
            // The connection stays usable.
            List<String> count = new ArrayList<>();
            db.exec("SELECT count(*) FROM t", (values, columns) -> count.add(values[0]));
            assertEquals(List.of("1000"), count);
        }
    }

    @Test
    void failingSqlThrowsWithTheCodeAndSqlitesMessage() {
        try (Database db = Database.open(":memory:")) {
            SqliteException syntax = assertThrows(SqliteException.class, () -> db.prepare("SELEC 1"));
            assertEquals(SQLite.SQLITE_ERROR, syntax.code());
            assertTrue(syntax.getMessage().contains("near \"SELEC\": syntax error"), syntax.getMessage());
            SqliteException missing = assertThrows(SqliteException.class, () -> db.exec("SELECT * FROM nowhere"));
            assertTrue(missing.getMessage().contains("no such table: nowhere"), missing.getMessage());
            db.exec("CREATE TABLE u (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            db.exec("INSERT INTO u VALUES (1, 'a')");
            try (Statement insert = db.prepare("INSERT INTO u VALUES (?, ?)")) {
                SqliteException duplicate = assertThrows(SqliteException.class, () -> insert.bind(1, 1).bind(2, "b").execute());
                assertEquals(SQLite.SQLITE_CONSTRAINT, duplicate.code());
                assertTrue(duplicate.getMessage().contains("UNIQUE constraint failed: u.k"), duplicate.getMessage());
                insert.reset();
                SqliteException range = assertThrows(SqliteException.class, () -> insert.bind(3, 1));
                assertEquals(SQLite.SQLITE_RANGE, range.code());
            }
            assertThrows(IllegalArgumentException.class, () -> db.prepare("  "), "no statement in the SQL");
        }
    }

    @Test
    void theGeneratedBindingHandsBackHandlesAndExecsOwnMessage() {
        com.example.sqlite.c.Sqlite3[] db = new com.example.sqlite.c.Sqlite3[1];
        assertEquals(SQLite.SQLITE_OK, SQLite.sqlite3OpenV2(":memory:", db, SQLite.SQLITE_OPEN_READWRITE, null));
        try (com.example.sqlite.c.Sqlite3 handle = db[0]) {
            assertTrue(handle.owned(), "sqlite3_open_v2's handle is closed with sqlite3_close_v2");
            String[] message = {"stale"};
            assertEquals(SQLite.SQLITE_OK, SQLite.sqlite3Exec(handle, "SELECT 1", (n, v, c) -> 0, message));
            assertNull(message[0], "no message on success");
            assertEquals(SQLite.SQLITE_ERROR, SQLite.sqlite3Exec(handle, "DROP TABLE missing", (n, v, c) -> 0, message));
            assertEquals("no such table: missing", message[0]);
            assertThrows(IllegalArgumentException.class, () -> SQLite.sqlite3Exec(handle, "SELECT 1", (n, v, c) -> 0, new String[0]));
            assertThrows(IllegalArgumentException.class, () -> SQLite.sqlite3PrepareV2(handle, "SELECT 1", new com.example.sqlite.c.Sqlite3Stmt[0]));
            assertThrows(IllegalArgumentException.class, () -> SQLite.sqlite3OpenV2("x\0y", new com.example.sqlite.c.Sqlite3[1], SQLite.SQLITE_OPEN_READWRITE, null),
                    "a file name with a NUL is refused, not cut");
        }
        assertFalse(db[0].isOpen());
    }

    @Test
    void openingWhatCannotBeOpenedThrows(@TempDir Path dir) {
        SqliteException e = assertThrows(SqliteException.class, () -> Database.open(dir.resolve("no/such/dir/db").toString()));
        assertEquals(SQLite.SQLITE_CANTOPEN, e.code());
        assertTrue(e.getMessage().contains("unable to open database file"), e.getMessage());
    }

    @Test
    void closedHandlesAreRefusedNotDereferenced() {
        Database db = Database.open(":memory:");
        Statement s = db.prepare("SELECT 1");
        s.close();
        assertThrows(IllegalStateException.class, s::step);
        s.close(); // twice is harmless
        db.close();
        assertThrows(IllegalStateException.class, () -> db.exec("SELECT 1"));
    }

    @Test
    void oneConnectionServesSeveralThreads(@TempDir Path dir) throws Exception {
        assertTrue(SQLite.sqlite3Threadsafe() != 0, "libsqlite3 was built thread-safe");
        int threads = 4;
        int perThread = 500;
        try (Database db = Database.open(dir.resolve("shared.db").toString())) {
            // Every insert is its own transaction: without fsync each, the test measures threads, not the disk.
            db.exec("PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY");
            db.exec("CREATE TABLE t (thread INTEGER, i INTEGER, s TEXT)");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Long>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        long sum = 0;
                        try (Statement insert = db.prepare("INSERT INTO t VALUES (?, ?, ?)")) {
                            for (int i = 0; i < perThread; i++) {
                                insert.bind(1, thread).bind(2, i).bind(3, "t" + thread + "\uD83D\uDE00" + i).execute();
                                insert.reset();
                                sum += i;
                                if (i % 50 == 0) {
                                    List<String> seen = new ArrayList<>();
                                    db.exec("SELECT count(*) FROM t WHERE thread = " + thread, (v, c) -> seen.add(v[0]));
                                    assertEquals(String.valueOf(i + 1), seen.get(0));
                                }
                            }
                        }
                        return sum;
                    }));
                }
                for (Future<Long> f : done) {
                    assertEquals((long) perThread * (perThread - 1) / 2, f.get());
                }
            } finally {
                pool.shutdown();
            }
            try (Statement q = db.prepare("SELECT thread, count(*), sum(i), count(DISTINCT s) FROM t GROUP BY thread ORDER BY thread")) {
                for (int t = 0; t < threads; t++) {
                    assertTrue(q.step());
                    assertEquals(t, q.columnLong(0));
                    assertEquals(perThread, q.columnLong(1));
                    assertEquals((long) perThread * (perThread - 1) / 2, q.columnLong(2));
                    assertEquals(perThread, q.columnLong(3));
                }
                assertFalse(q.step());
            }
        }
    }
}
