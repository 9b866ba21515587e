package com.example.sqlite;

import com.example.sqlite.c.SQLite;
import com.example.sqlite.c.Sqlite3Stmt;
import java.nio.charset.StandardCharsets;

/**
 * A prepared statement (sqlite3_prepare_v2 ... sqlite3_finalize). Parameters are numbered from 1 and
 * columns from 0, as in SQLite. Text crosses as UTF-8 with an explicit length both ways, so emoji and
 * embedded NUL characters survive. One thread at a time may use a statement.
 */
public final class Statement implements AutoCloseable {
    private final Database db;
    private final Sqlite3Stmt stmt;

    Statement(Database db, Sqlite3Stmt stmt) {
        this.db = db;
        this.stmt = stmt;
    }

    public Statement bind(int index, long value) {
        db.check("sqlite3_bind_int64", SQLite.sqlite3BindInt64(stmt, index, value));
        return this;
    }

    public Statement bind(int index, double value) {
        db.check("sqlite3_bind_double", SQLite.sqlite3BindDouble(stmt, index, value));
        return this;
    }

    /** Binds text (SQLite copies it: SQLITE_TRANSIENT), or SQL NULL for null. */
    public Statement bind(int index, String value) {
        if (value == null) {
            db.check("sqlite3_bind_null", SQLite.sqlite3BindNull(stmt, index));
        } else {
            db.check("sqlite3_bind_text", SQLite.sqlite3BindText(stmt, index, value.getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** Advances to the next row: true when there is one, false when the statement is done. */
    public boolean step() {
        int rc = SQLite.sqlite3Step(stmt);
        if (rc == SQLite.SQLITE_ROW) {
            return true;
        }
        if (rc == SQLite.SQLITE_DONE) {
            return false;
        }
        throw db.error("sqlite3_step", rc);
    }

    /** Runs a statement that returns no rows; returns the rows it changed. */
    public int execute() {
        while (step()) {
            // rows of a statement run for its effect are ignored
        }
        return db.changes();
    }

    /** Makes the statement ready to run again, with its bindings cleared. */
    public Statement reset() {
        // sqlite3_reset repeats the last step's error, which step() has already thrown.
        SQLite.sqlite3Reset(stmt);
        SQLite.sqlite3ClearBindings(stmt);
        return this;
    }

    public int columnCount() {
        return SQLite.sqlite3ColumnCount(stmt);
    }

    public String columnName(int column) {
        return SQLite.sqlite3ColumnName(stmt, column);
    }

    /** SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL. */
    public int columnType(int column) {
        return SQLite.sqlite3ColumnType(stmt, column);
    }

    public long columnLong(int column) {
        return SQLite.sqlite3ColumnInt64(stmt, column);
    }

    public double columnDouble(int column) {
        return SQLite.sqlite3ColumnDouble(stmt, column);
    }

    /** The column as text (null for SQL NULL), read with sqlite3_column_bytes' length. */
    public String columnText(int column) {
        return SQLite.sqlite3ColumnText(stmt, column);
    }

    @Override
    public void close() {
        stmt.close();
    }
}
