package com.example.sqlite;

import java.util.ArrayList;
import java.util.List;

/** Stores and reads back a few rows through the binding; run from the packaged jar with only a JDK and libsqlite3. */
public final class SqliteDemo {
    private SqliteDemo() {}

    public static void main(String[] args) {
        String text = "caf\u00e9 \uD83D\uDE00 with a \0 inside";
        try (Database db = Database.open(":memory:")) {
            db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT)");
            try (Statement insert = db.prepare("INSERT INTO t (n, s) VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    insert.bind(1, i).bind(2, text).execute();
                    insert.reset();
                }
            }
            List<String> sums = new ArrayList<>();
            db.exec("SELECT sum(n) AS total FROM t", (values, columns) -> sums.add(columns[0] + "=" + values[0]));
            boolean same;
            try (Statement query = db.prepare("SELECT s FROM t WHERE n = 2")) {
                same = query.step() && text.equals(query.columnText(0));
            }
            String failure;
            try {
                db.exec("SELECT * FROM no_such_table");
                failure = "none";
            } catch (SqliteException e) {
                failure = e.getMessage();
            }
            System.out.println("sqlite " + Database.version() + ": " + sums.get(0) + ", text round trip " + same
                    + ", error: " + failure);
        }
    }
}
