package com.example.sqlite;

import com.example.sqlite.c.SQLite;

/** A failed SQLite call: its result code and the connection's message (sqlite3_errmsg) at the time. */
public final class SqliteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public SqliteException(String function, int code, String message) {
        super(function + ": " + com.example.sqlite.c.SQLite.sqlite3Errstr(code) + " (" + code + "): " + message);
        this.code = code;
    }

    /** SQLite's primary result code (SQLITE_ERROR, SQLITE_CONSTRAINT, ...). */
    public int code() {
        return code;
    }
}
