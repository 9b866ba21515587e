package com.example.sqlite;

import com.example.sqlite.c.SQLite;
import com.example.sqlite.c.Sqlite3;
import com.example.sqlite.c.Sqlite3Stmt;
import java.util.Objects;

/**
 * One SQLite connection, opened in serialized mode (SQLITE_OPEN_FULLMUTEX), so several threads may share it.
 * A thin layer over the generated binding ({@link SQLite}): result codes become
 * {@link SqliteException}s carrying sqlite3_errmsg. Close it (try-with-resources); statements it prepared
 * need not be closed first, since sqlite3_close_v2 waits for them.
 */
public final class Database implements AutoCloseable {
    /** One row as sqlite3_exec hands it over: values (null for SQL NULL) and column names. */
    @FunctionalInterface
    public interface RowHandler {
        /** Returns false to stop the query (sqlite3_exec then fails with SQLITE_ABORT). */
        boolean row(String[] values, String[] columns);
    }

    private final Sqlite3 db;

    private Database(Sqlite3 db) {
        this.db = db;
    }

    /** Opens (creating if needed) the database at path, or an in-memory one for ":memory:". */
    public static Database open(String path) {
        Objects.requireNonNull(path, "path");
        Sqlite3[] out = new Sqlite3[1];
        int rc = SQLite.sqlite3OpenV2(path, out,
                SQLite.SQLITE_OPEN_READWRITE | SQLite.SQLITE_OPEN_CREATE | SQLite.SQLITE_OPEN_FULLMUTEX, null);
        if (rc != SQLite.SQLITE_OK) {
            // sqlite3_open_v2 returns a handle even when it fails: it holds the message, then must be closed.
            String message = out[0] == null ? "out of memory" : SQLite.sqlite3Errmsg(out[0]);
            if (out[0] != null) {
                out[0].close();
            }
            throw new SqliteException("sqlite3_open_v2", rc, message);
        }
        return new Database(out[0]);
    }

    /** Runs one or more SQL statements, ignoring their rows. */
    public void exec(String sql) {
        exec(sql, null);
    }

    /**
     * Runs SQL through sqlite3_exec, handing each row to handler. An exception the handler throws stops the
     * query and reaches the caller as it was thrown (the binding rethrows it once sqlite3_exec returned).
     */
    public void exec(String sql, RowHandler handler) {
        Objects.requireNonNull(sql, "sql");
        String[] message = new String[1];
        int rc = SQLite.sqlite3Exec(db, sql, (count, values, columns) -> handler == null || handler.row(values, columns) ? 0 : 1,
                message);
        if (rc != SQLite.SQLITE_OK) {
            // exec's own copy of the message (freed with sqlite3_free by the binding): unlike sqlite3_errmsg, no
            // other thread's later call on this connection can have replaced it.
            throw new SqliteException("sqlite3_exec", rc, message[0] != null ? message[0] : SQLite.sqlite3Errmsg(db));
        }
    }

    /** Compiles one SQL statement. */
    public Statement prepare(String sql) {
        Objects.requireNonNull(sql, "sql");
        Sqlite3Stmt[] out = new Sqlite3Stmt[1];
        int rc = SQLite.sqlite3PrepareV2(db, sql, out);
        if (rc != SQLite.SQLITE_OK) {
            if (out[0] != null) {
                out[0].close();
            }
            throw error("sqlite3_prepare_v2", rc);
        }
        if (out[0] == null) {
            throw new IllegalArgumentException("the SQL holds no statement: " + sql);
        }
        return new Statement(this, out[0]);
    }

    /** Rows changed by the last INSERT, UPDATE or DELETE. */
    public int changes() {
        return SQLite.sqlite3Changes(db);
    }

    public long lastInsertRowid() {
        return SQLite.sqlite3LastInsertRowid(db);
    }

    void check(String function, int rc) {
        if (rc != SQLite.SQLITE_OK) {
            throw error(function, rc);
        }
    }

    SqliteException error(String function, int rc) {
        return new SqliteException(function, rc, SQLite.sqlite3Errmsg(db));
    }

    @Override
    public void close() {
        db.close();
    }

    /** The SQLite library's version, as sqlite3_libversion says. */
    public static String version() {
        return SQLite.sqlite3Libversion();
    }
}
