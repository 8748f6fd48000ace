/* db.c -- the panel's audit trail, panel.sqlite: every sheet imported (its SHA-256, reviewer,
 * file, time, version) and every score it held.
 *
 *   imports  (id, sha256, reviewer, file, time, version)   one row per sheet and reviewer
 *   scores   (import_id, submission, indicator, points, comment, row)
 *   versions (reviewer, import_id, version)                 each reviewer's latest import
 *
 * One transaction per sheet: a sheet is recorded whole or not at all, also when the process is
 * killed half-way (SQLite's rollback journal). The same sheet again (the same SHA-256 and
 * reviewer) changes nothing; a changed sheet of a reviewer is a new version, the old rows kept.
 * The time is SOURCE_DATE_EPOCH when set, else the real time: the database is an audit trail,
 * not one of the byte-identical outputs. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "panel_int.h"
#include "qs_util.h"

struct qs_panel_db {
  sqlite3 *db;
  char *shown;
};

static const char schema[] =
    "PRAGMA foreign_keys=ON;"
    "CREATE TABLE IF NOT EXISTS imports(id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL,"
    " reviewer TEXT NOT NULL, file TEXT NOT NULL, time TEXT NOT NULL, version INTEGER NOT NULL,"
    " UNIQUE(sha256, reviewer));"
    "CREATE TABLE IF NOT EXISTS scores(import_id INTEGER NOT NULL REFERENCES imports(id),"
    " submission TEXT NOT NULL, indicator TEXT NOT NULL, points INTEGER NOT NULL,"
    " comment TEXT NOT NULL, row INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS scores_import ON scores(import_id);"
    "CREATE TABLE IF NOT EXISTS versions(reviewer TEXT PRIMARY KEY,"
    " import_id INTEGER NOT NULL REFERENCES imports(id), version INTEGER NOT NULL);";

static void db_error(qs_panel_db *db, qs_diag *d) {
  qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_PANEL_DB), db->shown, sqlite3_errmsg(db->db));
}

qs_panel_db *qs_panel_db_open(const char *path, qs_diag *d) {
  qs_panel_db *db = qs_xcalloc(1, sizeof *db);
  db->shown = qs_display_name(path);
  if (sqlite3_open_v2(path, &db->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                      NULL) != SQLITE_OK ||
      sqlite3_busy_timeout(db->db, 10000) != SQLITE_OK ||
      sqlite3_exec(db->db, schema, NULL, NULL, NULL) != SQLITE_OK) {
    if (db->db)
      db_error(db, d);
    else
      qs_diag_add(d, NULL, 0, qs_msg_get(d->lang, QS_M_PANEL_DB), db->shown, "sqlite3_open");
    qs_panel_db_close(db);
    return NULL;
  }
  return db;
}

void qs_panel_db_close(qs_panel_db *db) {
  if (!db)
    return;
  sqlite3_close(db->db);
  free(db->shown);
  free(db);
}

static void now_text(char out[32]) {
  const char *sde = getenv("SOURCE_DATE_EPOCH");
  time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A test hook: QS_PANEL_TEST_ROW_DELAY_US=N sleeps N microseconds after each score row written
 * inside the transaction, so that a test can kill the process half-way through an import. */
static long row_delay(void) {
  const char *s = getenv("QS_PANEL_TEST_ROW_DELAY_US");
  return s && *s ? strtol(s, NULL, 10) : 0;
}

int qs_panel_db_import(qs_panel_db *db, const qs_panel_sheet *sh, qs_diag *d) {
  char when[32];
  now_text(when);
  long delay = row_delay();
  if (sqlite3_exec(db->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
    db_error(db, d);
    return -1;
  }
  sqlite3_stmt *seen = NULL, *ver = NULL, *imp = NULL, *sc = NULL, *upd = NULL;
  int recorded = 0, ok = 1;
  ok =
      sqlite3_prepare_v2(db->db, "SELECT 1 FROM imports WHERE sha256=?1 AND reviewer=?2", -1, &seen,
                         NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db->db, "SELECT COALESCE(MAX(version),0)+1 FROM imports WHERE reviewer=?1",
                         -1, &ver, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db->db,
                         "INSERT INTO imports(sha256,reviewer,file,time,version) "
                         "VALUES(?1,?2,?3,?4,?5)",
                         -1, &imp, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db->db,
                         "INSERT INTO scores(import_id,submission,indicator,points,comment,row) "
                         "VALUES(?1,?2,?3,?4,?5,?6)",
                         -1, &sc, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db->db,
                         "INSERT OR REPLACE INTO versions(reviewer,import_id,version) "
                         "VALUES(?1,?2,?3)",
                         -1, &upd, NULL) == SQLITE_OK;
  for (size_t r = 0; ok && r < sh->n_reviewers; r++) {
    const char *rv = sh->reviewers[r];
    sqlite3_reset(seen);
    sqlite3_bind_text(seen, 1, sh->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(seen, 2, rv, -1, SQLITE_STATIC);
    int rc = sqlite3_step(seen);
    if (rc == SQLITE_ROW)
      continue; /* this sheet of this reviewer is recorded: nothing changes */
    if (rc != SQLITE_DONE) {
      ok = 0;
      break;
    }
    sqlite3_reset(ver);
    sqlite3_bind_text(ver, 1, rv, -1, SQLITE_STATIC);
    if (sqlite3_step(ver) != SQLITE_ROW) {
      ok = 0;
      break;
    }
    int version = sqlite3_column_int(ver, 0);
    sqlite3_reset(imp);
    sqlite3_bind_text(imp, 1, sh->sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(imp, 2, rv, -1, SQLITE_STATIC);
    sqlite3_bind_text(imp, 3, sh->file, -1, SQLITE_STATIC);
    sqlite3_bind_text(imp, 4, when, -1, SQLITE_STATIC);
    sqlite3_bind_int(imp, 5, version);
    if (sqlite3_step(imp) != SQLITE_DONE) {
      ok = 0;
      break;
    }
    sqlite3_int64 id = sqlite3_last_insert_rowid(db->db);
    for (size_t i = 0; ok && i < sh->n_scores; i++) {
      const qs_panel_score *s = &sh->scores[i];
      if (strcmp(s->reviewer, rv) != 0)
        continue;
      sqlite3_reset(sc);
      sqlite3_bind_int64(sc, 1, id);
      sqlite3_bind_text(sc, 2, s->submission, -1, SQLITE_STATIC);
      sqlite3_bind_text(sc, 3, s->indicator, -1, SQLITE_STATIC);
      sqlite3_bind_int(sc, 4, s->points);
      sqlite3_bind_text(sc, 5, s->comment ? s->comment : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64(sc, 6, s->row);
      ok = sqlite3_step(sc) == SQLITE_DONE;
      if (delay > 0) {
        struct timespec ts = {delay / 1000000, (delay % 1000000) * 1000};
        nanosleep(&ts, NULL);
      }
    }
    sqlite3_reset(upd);
    sqlite3_bind_text(upd, 1, rv, -1, SQLITE_STATIC);
    sqlite3_bind_int64(upd, 2, id);
    sqlite3_bind_int(upd, 3, version);
    ok = ok && sqlite3_step(upd) == SQLITE_DONE;
    recorded = 1;
  }
  if (!ok)
    db_error(db, d);
  sqlite3_finalize(seen);
  sqlite3_finalize(ver);
  sqlite3_finalize(imp);
  sqlite3_finalize(sc);
  sqlite3_finalize(upd);
  if (!ok) {
    sqlite3_exec(db->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
  }
  if (sqlite3_exec(db->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    db_error(db, d);
    sqlite3_exec(db->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
  }
  return recorded;
}

int qs_panel_db_latest(qs_panel_db *db, qs_panel_scores *s, qs_diag *d) {
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(db->db,
                         "SELECT v.reviewer, s.submission, s.indicator, s.points, s.comment, s.row "
                         "FROM versions v JOIN scores s ON s.import_id = v.import_id "
                         "ORDER BY v.reviewer, s.rowid",
                         -1, &q, NULL) != SQLITE_OK) {
    db_error(db, d);
    return -1;
  }
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    qs_panel_score sc = {
        .reviewer = (char *)sqlite3_column_text(q, 0),
        .submission = (char *)sqlite3_column_text(q, 1),
        .indicator = (char *)sqlite3_column_text(q, 2),
        .points = sqlite3_column_int(q, 3),
        .comment = (char *)sqlite3_column_text(q, 4),
        .row = (long)sqlite3_column_int64(q, 5),
    };
    if (sc.reviewer && sc.submission && sc.indicator)
      qs_panel_scores_push(s, &sc);
  }
  sqlite3_finalize(q);
  if (rc != SQLITE_DONE) {
    db_error(db, d);
    return -1;
  }
  return 0;
}
