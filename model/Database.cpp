#include "Database.h"

#include "Logging.h"
#include "PostgresUrl.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QStorageInfo>
#include <QUuid>
#include <QVariant>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Numbered migrations: migration N brings the schema from version N-1 to N. Never edit one
// that has shipped; add the next.
const QList<QStringList> Migrations = {
    // 1: the first schema.
    {
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)"_s,
        // An account's copy of the data key, wrapped with a key derived from its password.
        u"CREATE TABLE users ("
        " name TEXT PRIMARY KEY,"
        " role TEXT NOT NULL,"
        " disabled INTEGER NOT NULL DEFAULT 0,"
        " kdf TEXT NOT NULL,"
        " wrapped_key BLOB NOT NULL,"
        " failed_attempts INTEGER NOT NULL DEFAULT 0,"
        " locked_until TEXT,"
        " created_at TEXT NOT NULL,"
        " password_changed_at TEXT NOT NULL)"_s,
        // Identifying blocks are AES-GCM ciphertext; the clear columns carry nothing that
        // names a person (status, times, and a keyed hash of the tube label).
        u"CREATE TABLE records ("
        " id TEXT PRIMARY KEY,"
        " version INTEGER NOT NULL,"
        " status TEXT NOT NULL,"
        " tube_index BLOB NOT NULL UNIQUE,"
        " collected_at TEXT,"
        " collected_day TEXT,"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " damaged INTEGER NOT NULL DEFAULT 0,"
        " patient BLOB, contact BLOB, clinical BLOB, physicians BLOB,"
        " specimen BLOB, result BLOB, report BLOB)"_s,
        u"CREATE INDEX records_by_status ON records (status)"_s,
        u"CREATE INDEX records_by_day ON records (collected_day)"_s,
        u"CREATE TABLE audit ("
        " seq INTEGER PRIMARY KEY,"
        " at TEXT NOT NULL,"
        " actor TEXT NOT NULL,"
        " action TEXT NOT NULL,"
        " record_id TEXT,"
        " detail TEXT,"
        " note BLOB," // free text a user typed (a reason): sealed, it may name someone
        " mac BLOB NOT NULL)"_s,
    },
    // 2: finding records by patient name without decrypting them (keyed hashes of the
    // normalised names), and forms in progress kept as encrypted drafts.
    {
        u"ALTER TABLE records ADD COLUMN birth_name_index BLOB"_s,
        u"ALTER TABLE records ADD COLUMN usual_name_index BLOB"_s,
        u"CREATE INDEX records_by_birth_name ON records (birth_name_index)"_s,
        u"CREATE INDEX records_by_usual_name ON records (usual_name_index)"_s,
        u"CREATE TABLE drafts (owner TEXT PRIMARY KEY, saved_at TEXT NOT NULL, "
        "content BLOB NOT NULL)"_s,
    },
    // 3: the queue pages through records by sampling time; without this index every page
    // sorted the whole table (half a second a page at 100,000 records).
    {
        u"CREATE INDEX records_by_collected_at ON records (collected_at)"_s,
    },
    // 4: results. Blind first entries awaiting a second check, the history of corrected
    // results (the previous sealed blocks, re-sealed for this table, with the reason sealed),
    // the pool of one-time activation codes, and per record: whether the result is a
    // correction to send again, whether a positive awaits an activation code, and how many
    // slips were printed (a reprint needs a reason).
    {
        u"ALTER TABLE records ADD COLUMN correction TEXT"_s,
        u"ALTER TABLE records ADD COLUMN activation_pending INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE records ADD COLUMN slips_printed INTEGER NOT NULL DEFAULT 0"_s,
        u"CREATE TABLE result_entries ("
        " record_id TEXT NOT NULL REFERENCES records (id),"
        " entered_by TEXT NOT NULL,"
        " entered_at TEXT NOT NULL,"
        " entry BLOB NOT NULL,"
        " PRIMARY KEY (record_id, entered_by))"_s,
        u"CREATE TABLE record_versions ("
        " record_id TEXT NOT NULL REFERENCES records (id),"
        " version INTEGER NOT NULL,"
        " kind TEXT NOT NULL,"
        " result BLOB,"
        " report BLOB,"
        " reason BLOB NOT NULL,"
        " replaced_by TEXT NOT NULL,"
        " replaced_at TEXT NOT NULL,"
        " PRIMARY KEY (record_id, version))"_s,
        // Codes are anonymous: they name no one, so they are kept in clear.
        u"CREATE TABLE activation_codes ("
        " qr_code TEXT PRIMARY KEY,"
        " raw_code TEXT NOT NULL UNIQUE,"
        " valid_from TEXT NOT NULL,"
        " valid_until TEXT NOT NULL,"
        " imported_at TEXT NOT NULL,"
        " used_by TEXT,"
        " used_at TEXT)"_s,
        u"CREATE INDEX activation_codes_free ON activation_codes (used_by, valid_until)"_s,
        u"CREATE INDEX records_awaiting_activation ON records (activation_pending)"_s,
    },
    // 5: the outbox of the sync with the national server. One row per record: the version
    // to send, where it stands, and when to try again. Durable, so that a crash or a cut
    // connection never loses a record (a resend is recognised by the server).
    {
        u"CREATE TABLE outbox ("
        " record_id TEXT PRIMARY KEY,"
        " version INTEGER NOT NULL,"
        " state TEXT NOT NULL," // waiting, sending, acknowledged, rejected
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " next_attempt_at TEXT,"
        " queued_at TEXT NOT NULL,"
        " last_error TEXT,"
        " acknowledged_at TEXT)"_s,
        u"CREATE INDEX outbox_due ON outbox (state, next_attempt_at)"_s,
    },
    // 6: what the statistics keep of purged records. Once the server has a record and the
    // retention window has passed, its identifying data is erased (RecordPurge) and its
    // result block with it; its result is kept only as a count per sampling day, analysis
    // and value, which names no one.
    {
        u"CREATE TABLE purged_results ("
        " day TEXT NOT NULL,"
        " analysis TEXT NOT NULL,"
        " value TEXT NOT NULL,"
        " records INTEGER NOT NULL,"
        " PRIMARY KEY (day, analysis, value))"_s,
    },
    // 7: refused sign-ins, kept in clear until the next sign-in writes them into the audit
    // log (which needs the data key that a refused sign-in does not have). No patient data;
    // the account only when the name typed is an account's (anything else may be a
    // password typed into the wrong field).
    {
        u"CREATE TABLE signin_refusals ("
        " id INTEGER PRIMARY KEY,"
        " at TEXT NOT NULL,"
        " account TEXT,"
        " reason TEXT NOT NULL)"_s,
    },
    // 8: the queue's search by the start of a name or the end of a tube label. Each record
    // has a fixed number of keyed, truncated hashes of "buckets" (the first 2, 4, 8 and 16
    // letters of each name word, the last two characters of the tube label; padded with
    // random ones so the count says nothing); a search reads one bucket and decrypts only
    // its records to confirm. And the previous blocks of a record corrected after its save (an
    // amendment),
    // re-sealed together for their place in the history.
    {
        u"CREATE TABLE record_search ("
        " bucket BLOB NOT NULL,"
        " record_id TEXT NOT NULL REFERENCES records (id),"
        " PRIMARY KEY (bucket, record_id)) WITHOUT ROWID"_s,
        u"CREATE INDEX record_search_by_record ON record_search (record_id)"_s,
        // A store without records has nothing to give buckets to later (RecordStore).
        u"INSERT INTO meta (key, value) SELECT 'search.buckets', '1' "
        "WHERE NOT EXISTS (SELECT 1 FROM records)"_s,
        u"ALTER TABLE record_versions ADD COLUMN blocks BLOB"_s,
    },
    // 9: every version of a record goes to the national server, the registration at sampling
    // first, then the result, corrections, cancellations and amendments, each exactly once
    // and in order: the outbox holds one row per version. A version superseded before it was
    // sent keeps a sealed snapshot of what it said (payload); the reason of a correction,
    // cancellation or amendment is sealed too. The record's status keeps only its clinical
    // state (sampled, resulted, purged): what the server has is the outbox's business.
    {
        u"CREATE TABLE outbox_versions ("
        " record_id TEXT NOT NULL,"
        " version INTEGER NOT NULL,"
        " kind TEXT NOT NULL,"  // registration, result, correction, cancellation, amendment
        " state TEXT NOT NULL," // waiting, sending, acknowledged, rejected
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " next_attempt_at TEXT,"
        " queued_at TEXT NOT NULL,"
        " last_error TEXT,"
        " acknowledged_at TEXT,"
        " reason BLOB,"
        " payload BLOB,"
        " PRIMARY KEY (record_id, version))"_s,
        // The versions already queued keep their place; their kind is read off the record.
        u"INSERT INTO outbox_versions (record_id, version, kind, state, attempts, "
        "next_attempt_at, queued_at, last_error, acknowledged_at) "
        "SELECT o.record_id, o.version, CASE r.correction WHEN 'corrected' THEN 'correction' "
        "WHEN 'entered-in-error' THEN 'cancellation' ELSE 'result' END, o.state, o.attempts, "
        "o.next_attempt_at, o.queued_at, o.last_error, o.acknowledged_at "
        "FROM outbox o JOIN records r ON r.id = o.record_id"_s,
        // Samples saved before this version were never registered: they are, now.
        u"INSERT INTO outbox_versions (record_id, version, kind, state, queued_at) "
        "SELECT id, version, 'registration', 'waiting', created_at FROM records "
        "WHERE status = 'sampled'"_s,
        // A resulted record not queued yet (it waited for a sync round) is queued as well.
        u"INSERT INTO outbox_versions (record_id, version, kind, state, queued_at) "
        "SELECT id, version, 'result', 'waiting', updated_at FROM records r "
        "WHERE status = 'resulted' AND NOT EXISTS (SELECT 1 FROM outbox_versions o "
        "WHERE o.record_id = r.id AND o.version = r.version)"_s,
        u"DROP TABLE outbox"_s,
        u"ALTER TABLE outbox_versions RENAME TO outbox"_s,
        u"CREATE INDEX outbox_due ON outbox (state, next_attempt_at)"_s,
        u"UPDATE records SET status = 'resulted' WHERE status IN ('sent', 'acknowledged')"_s,
    },
    // 10: used codes go to the national server apart from the records (UsedCodeReport), code
    // and day only; reported = 1 once the server has answered for the code. Codes used before
    // this version may have travelled in a record: reported again, the server says "already
    // used".
    {
        u"ALTER TABLE activation_codes ADD COLUMN reported INTEGER NOT NULL DEFAULT 0"_s,
        u"CREATE INDEX activation_codes_unreported ON activation_codes (raw_code) "
        "WHERE used_by IS NOT NULL AND reported = 0"_s,
    },
    // 11: each outbox version's state (and, once acknowledged, when) is authenticated under
    // the data key (Outbox): state_mac, NULL until the first signed-in use seals the
    // versions queued before this version and notes it in the audit log.
    {
        u"ALTER TABLE outbox ADD COLUMN state_mac BLOB"_s,
    },
    // 12: each record's clear version, status, correction, activation_pending and sampling
    // time are authenticated under the data key (RecordSeal), and its result and report are
    // sealed for their version: row_mac, NULL until the first signed-in use seals the rows
    // written before this version and notes it in the audit log.
    {
        u"ALTER TABLE records ADD COLUMN row_mac BLOB"_s,
    },
    // 13: nothing in clear tells a positive from a negative. A used code names its holder by
    // a keyed token (ActivationCodes::holderToken) and its day only; the positives waiting
    // for a code are listed by that token with the record sealed, instead of
    // records.activation_pending. Codes and waiting records written before are converted at
    // the first signed-in use (the token needs the data key).
    {
        u"CREATE TABLE activation_waiting ("
        " token TEXT PRIMARY KEY,"
        " record BLOB NOT NULL)"_s,
        u"UPDATE activation_codes SET used_at = substr(used_at, 1, 10) WHERE used_at IS NOT NULL"_s,
    },
    // 14: a record's identifying blocks are sealed for the version that wrote them (its
    // creation, or its latest amendment), named by identity_version, which row_mac covers
    // with slips_printed. NULL for rows written before: their blocks stay unbound, and their
    // hash as it was, until an amendment seals them again. And result_entries names its record
    // by a keyed token (ResultStore::entriesKey: only a positive waits there for its second
    // entry), so it loses its reference to records (rebuilt: SQLite cannot drop one).
    {
        u"ALTER TABLE records ADD COLUMN identity_version INTEGER"_s,
        u"CREATE TABLE result_entries_keyed ("
        " record_id TEXT NOT NULL,"
        " entered_by TEXT NOT NULL,"
        " entered_at TEXT NOT NULL,"
        " entry BLOB NOT NULL,"
        " PRIMARY KEY (record_id, entered_by))"_s,
        u"INSERT INTO result_entries_keyed SELECT record_id, entered_by, entered_at, entry "
        "FROM result_entries"_s,
        u"DROP TABLE result_entries"_s,
        u"ALTER TABLE result_entries_keyed RENAME TO result_entries"_s,
    },
    // 15: the sync takes the oldest due versions a batch at a time, and checks at each batch
    // that every version's state is sealed. Without these two partial indexes each batch
    // scanned and sorted the whole outbox: a 10,000-record backlog (20,000 versions) spent
    // about a quarter of its time there. outbox_due (state, next_attempt_at) goes: SQLite
    // preferred it and then sorted every waiting version.
    {
        u"DROP INDEX IF EXISTS outbox_due"_s,
        u"CREATE INDEX outbox_queue ON outbox (queued_at, record_id) "
        "WHERE state IN ('waiting', 'sending')"_s,
        u"CREATE INDEX outbox_unsealed ON outbox (record_id) WHERE state_mac IS NULL"_s,
    },
    // 16: crypto-shredding (RecordKeys). Each record, and each form in progress, has a key
    // of its own, wrapped under the data key; the purge destroys it. Records written before
    // have none and stay sealed under the field key.
    {
        u"CREATE TABLE record_keys (record_id TEXT PRIMARY KEY, wrapped BLOB NOT NULL)"_s,
    },
};

// A site database (PostgreSQL) is created at schema version 15, the SQLite schema after its
// fifteen migrations, spelt for PostgreSQL: BYTEA for BLOB, and a generated `rowid` where the
// queries order by SQLite's implicit one (insertion order). Its migrations from 16 on are
// listed in SiteMigrations; never edit either once shipped.
constexpr int SiteSchemaBase = 15;
const QStringList SiteSchema = {
    u"CREATE TABLE meta (key TEXT PRIMARY KEY, value BYTEA NOT NULL)"_s,
    u"CREATE TABLE users ("
    " name TEXT PRIMARY KEY,"
    " role TEXT NOT NULL,"
    " disabled INTEGER NOT NULL DEFAULT 0,"
    " kdf TEXT NOT NULL,"
    " wrapped_key BYTEA NOT NULL,"
    " failed_attempts INTEGER NOT NULL DEFAULT 0,"
    " locked_until TEXT,"
    " created_at TEXT NOT NULL,"
    " password_changed_at TEXT NOT NULL)"_s,
    u"CREATE TABLE records ("
    " rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
    " id TEXT PRIMARY KEY,"
    " version INTEGER NOT NULL,"
    " status TEXT NOT NULL,"
    " tube_index BYTEA NOT NULL UNIQUE,"
    " collected_at TEXT,"
    " collected_day TEXT,"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " damaged INTEGER NOT NULL DEFAULT 0,"
    " patient BYTEA, contact BYTEA, clinical BYTEA, physicians BYTEA,"
    " specimen BYTEA, result BYTEA, report BYTEA,"
    " birth_name_index BYTEA, usual_name_index BYTEA,"
    " correction TEXT,"
    " activation_pending INTEGER NOT NULL DEFAULT 0,"
    " slips_printed INTEGER NOT NULL DEFAULT 0,"
    " row_mac BYTEA,"
    " identity_version INTEGER)"_s,
    u"CREATE INDEX records_by_status ON records (status)"_s,
    u"CREATE INDEX records_by_day ON records (collected_day)"_s,
    u"CREATE INDEX records_by_birth_name ON records (birth_name_index)"_s,
    u"CREATE INDEX records_by_usual_name ON records (usual_name_index)"_s,
    u"CREATE INDEX records_by_collected_at ON records (collected_at)"_s,
    u"CREATE INDEX records_awaiting_activation ON records (activation_pending)"_s,
    u"CREATE TABLE audit ("
    " seq BIGINT PRIMARY KEY,"
    " at TEXT NOT NULL,"
    " actor TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " record_id TEXT,"
    " detail TEXT,"
    " note BYTEA,"
    " mac BYTEA NOT NULL)"_s,
    u"CREATE TABLE drafts (owner TEXT PRIMARY KEY, saved_at TEXT NOT NULL, "
    "content BYTEA NOT NULL)"_s,
    u"CREATE TABLE result_entries ("
    " record_id TEXT NOT NULL,"
    " entered_by TEXT NOT NULL,"
    " entered_at TEXT NOT NULL,"
    " entry BYTEA NOT NULL,"
    " PRIMARY KEY (record_id, entered_by))"_s,
    u"CREATE TABLE record_versions ("
    " record_id TEXT NOT NULL REFERENCES records (id),"
    " version INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " result BYTEA,"
    " report BYTEA,"
    " reason BYTEA NOT NULL,"
    " replaced_by TEXT NOT NULL,"
    " replaced_at TEXT NOT NULL,"
    " blocks BYTEA,"
    " PRIMARY KEY (record_id, version))"_s,
    u"CREATE TABLE activation_codes ("
    " qr_code TEXT PRIMARY KEY,"
    " raw_code TEXT NOT NULL UNIQUE,"
    " valid_from TEXT NOT NULL,"
    " valid_until TEXT NOT NULL,"
    " imported_at TEXT NOT NULL,"
    " used_by TEXT,"
    " used_at TEXT,"
    " reported INTEGER NOT NULL DEFAULT 0)"_s,
    u"CREATE INDEX activation_codes_free ON activation_codes (used_by, valid_until)"_s,
    u"CREATE INDEX activation_codes_unreported ON activation_codes (raw_code) "
    "WHERE used_by IS NOT NULL AND reported = 0"_s,
    u"CREATE TABLE purged_results ("
    " day TEXT NOT NULL,"
    " analysis TEXT NOT NULL,"
    " value TEXT NOT NULL,"
    " records INTEGER NOT NULL,"
    " PRIMARY KEY (day, analysis, value))"_s,
    u"CREATE TABLE signin_refusals ("
    " id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
    " at TEXT NOT NULL,"
    " account TEXT,"
    " reason TEXT NOT NULL)"_s,
    u"CREATE TABLE record_search ("
    " bucket BYTEA NOT NULL,"
    " record_id TEXT NOT NULL REFERENCES records (id),"
    " PRIMARY KEY (bucket, record_id))"_s,
    u"CREATE INDEX record_search_by_record ON record_search (record_id)"_s,
    u"INSERT INTO meta (key, value) VALUES ('search.buckets', '1')"_s,
    u"CREATE TABLE outbox ("
    " record_id TEXT NOT NULL,"
    " version INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " state TEXT NOT NULL,"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " next_attempt_at TEXT,"
    " queued_at TEXT NOT NULL,"
    " last_error TEXT,"
    " acknowledged_at TEXT,"
    " reason BYTEA,"
    " payload BYTEA,"
    " state_mac BYTEA,"
    " PRIMARY KEY (record_id, version))"_s,
    u"CREATE INDEX outbox_queue ON outbox (queued_at, record_id) "
    "WHERE state IN ('waiting', 'sending')"_s,
    u"CREATE INDEX outbox_unsealed ON outbox (record_id) WHERE state_mac IS NULL"_s,
    u"CREATE TABLE activation_waiting ("
    " rowid BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
    " token TEXT PRIMARY KEY,"
    " record BYTEA NOT NULL)"_s,
};
// Site database migrations: entry i brings it from SiteSchemaBase + i to the next version.
const QList<QStringList> SiteMigrations = {
    // 16: as the SQLite store's 16; and the queue's order as an index (SQLite's index on
    // collected_at holds the rowid already).
    {
        u"CREATE TABLE record_keys (record_id TEXT PRIMARY KEY, wrapped BYTEA NOT NULL)"_s,
        u"DROP INDEX records_by_collected_at"_s,
        u"CREATE INDEX records_by_collected_at ON records (collected_at, rowid)"_s,
    },
};
static_assert(SiteSchemaBase == 15, "SiteSchema is the schema of version 15");

// The site database's schema version, in meta (PostgreSQL has no user_version).
constexpr auto SchemaVersionKey = "schema.version";

// The advisory lock key of a site database's writers, a fixed number unlikely to be used by
// another program on the same database ("SIDEPW" in ASCII). Writers take the first for
// their transaction, so that the stations of a site write one at a time as SQLite's writers
// do: the audit chain, the label numbers and the code pool stay in one order with no
// retries. Readers never wait (PostgreSQL's snapshots).
constexpr qint64 SiteWriteLockKey = 0x534944455057;

// SQLite's primary result codes that a person can act on (sqlite3.h).
enum SqliteCode
{
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteFull = 13,
    SqliteCantOpen = 14,
};

// A site database that cannot be reached (stopped, restarting, the network to it cut): the
// connection is gone, and with it any transaction in progress.
bool isConnectionLost(const QSqlError& error)
{
    if (error.type() == QSqlError::ConnectionError)
        return true;
    static const QStringList signs = {u"server closed the connection"_s,
                                      u"no connection to the server"_s,
                                      u"could not connect"_s,
                                      u"terminating connection"_s,
                                      u"connection to server"_s,
                                      u"SSL SYSCALL error"_s,
                                      u"could not send data to server"_s,
                                      u"could not receive data from server"_s};
    const QString text = error.databaseText() + u' ' + error.driverText();
    return std::any_of(signs.cbegin(), signs.cend(), [&](const QString& sign) {
        return text.contains(sign, Qt::CaseInsensitive);
    });
}

QString describe(const QSqlError& error, Database::Engine engine = Database::Engine::Sqlite)
{
    if (engine == Database::Engine::Postgres) {
        if (isConnectionLost(error))
            return Database::tr("the site database cannot be reached: nothing of this action "
                                "was saved, what was saved before is intact; try again when the "
                                "network or the database is back");
        return error.text().isEmpty() ? Database::tr("unknown database error") : error.text();
    }
    // The extended code carries the primary one in its low byte.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    if (numeric) {
        switch (code) {
        case SqliteFull:
            return Database::tr("the disk is full: nothing of this action was saved, what was "
                                "saved before is intact; free some space and try again");
        case SqliteReadOnly:
            return Database::tr("the store's disk is read-only: nothing can be saved; what was "
                                "saved before is intact");
        case SqliteIoError:
            return Database::tr("the disk cannot be written (input/output error): nothing of "
                                "this action was saved; check the disk");
        case SqliteCantOpen:
            return Database::tr("the store's file cannot be opened (missing, or its folder is "
                                "read-only or not allowed)");
        default:
            break;
        }
    }
    return error.text().isEmpty() ? Database::tr("unknown database error") : error.text();
}

} // namespace

Database::Database()
    : m_connectionName(u"sidep-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

Database::~Database()
{
    closeConnection();
}

void Database::closeConnection()
{
    m_queries.clear(); // prepared on the connection being closed
    m_inTransaction = false;
    m_connectionLost = false;
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::isSiteDatabaseUrl(const QString& location)
{
    return PostgresUrl::isPostgresUrl(location);
}

bool Database::open(const QString& location, bool create, QString* error)
{
    // Opened again (a wizard trying another address): nothing of the previous one is kept.
    closeConnection();
    if (isSiteDatabaseUrl(location))
        return openPostgres(location, create, error);
    if (!isFileLocation(location, error))
        return false;
    return openSqlite(location, create, error);
}

bool Database::isFileLocation(const QString& location, QString* error)
{
    // "sqlite://x" or a mistyped "postgressql://..." must not become a file of that name.
    static const QRegularExpression otherUrl(u"^[A-Za-z][A-Za-z0-9+.-]*://"_s);
    if (otherUrl.match(location).hasMatch()) {
        *error = tr("%1 is neither a file path nor a site database URL (postgresql://...)")
                     .arg(location.section(u"://"_s, 0, 0) + u"://..."_s);
        return false;
    }
    return true;
}

bool Database::openSqlite(const QString& path, bool create, QString* error)
{
    if (!create && !QFileInfo::exists(path)) {
        *error = tr("no store at %1 (create one with 'sidepctl init')").arg(path);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        *error = tr("cannot open the store %1: %2").arg(path, describe(db.lastError()));
        return false;
    }
    m_path = path;
    m_engine = Engine::Sqlite;
    // FULL: in WAL mode each commit is fsynced before it returns, so a saved record
    // survives a crash or a power cut. temp_store: SQLite's scratch data stays in memory.
    const QStringList pragmas = {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s,
                                 u"PRAGMA temp_store = MEMORY"_s, u"PRAGMA foreign_keys = ON"_s,
                                 u"PRAGMA secure_delete = ON"_s};
    for (const QString& pragma : pragmas) {
        if (!execDirect(pragma, error)) {
            // WAL needs to write beside the file even to read: say so plainly.
            if (QStorageInfo(QFileInfo(path).absolutePath()).isReadOnly())
                *error = tr("the store's disk is read-only (it cannot even be opened for "
                            "reading): what was saved is intact; make the disk writable");
            return false;
        }
    }
    return migrate(error);
}

bool Database::siteDatabaseAnswers(const QString& url, QString* error)
{
    Database probe;
    return probe.connectPostgres(url, error);
}

bool Database::openPostgres(const QString& url, bool create, QString* error)
{
    if (!connectPostgres(url, error) || !startSession(error))
        return false;

    bool hasStore = false;
    if (!hasSiteSchema(&hasStore, error))
        return false;
    if (!hasStore && !create) {
        *error =
            tr("no store in the site database %1 (create one with 'sidepctl init')").arg(m_path);
        return false;
    }
    if (!hasStore)
        return createSiteSchema(error);
    return migrate(error);
}

bool Database::connectPostgres(const QString& url, QString* error)
{
    PostgresUrl parsed;
    if (!PostgresUrl::parse(url, &parsed, error))
        return false;
    if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
        *error = tr("Qt's PostgreSQL driver (QPSQL) is not installed: a site database cannot be "
                    "used (Debian package libqt6sql6-psql)");
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    db.setHostName(parsed.hosts);
    if (parsed.port > 0)
        db.setPort(parsed.port);
    db.setDatabaseName(parsed.database);
    db.setUserName(parsed.userName);
    db.setConnectOptions(parsed.connectOptions);
    m_path = parsed.description;
    m_engine = Engine::Postgres;
    if (!db.open()) {
        *error = tr("cannot reach the site database %1: %2")
                     .arg(m_path, db.lastError().databaseText().trimmed().isEmpty()
                                      ? db.lastError().text()
                                      : db.lastError().databaseText().trimmed());
        return false;
    }
    return true;
}

bool Database::createSiteSchema(QString* error)
{
    // Two stations initialising the same database at once: the site's write lock (begin())
    // lets one create; the other finds the schema made (and the caller refuses to initialise
    // the store a second time).
    Transaction transaction(*this);
    bool made = false;
    if (!transaction.begin(error) || !hasSiteSchema(&made, error))
        return false;
    if (made)
        return transaction.commit(error) && migrate(error);
    for (const QString& statement : SiteSchema) {
        if (!execDirect(statement, error))
            return false;
    }
    if (!setSchemaVersion(SiteSchemaBase, error) || !transaction.commit(error))
        return false;
    qCInfo(lcModel) << "site database created at schema version" << SiteSchemaBase;
    return migrate(error);
}

bool Database::hasSiteSchema(bool* exists, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT to_regclass('meta') IS NOT NULL"_s) || !query.next()) {
        *error = failure(query.lastError());
        return false;
    }
    *exists = query.value(0).toBool();
    return true;
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

int Database::schemaVersion()
{
    if (m_engine == Engine::Postgres) {
        bool ok = false;
        const int version = metaValue(QString::fromLatin1(SchemaVersionKey)).toInt(&ok);
        return ok ? version : -1;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (query.exec(u"PRAGMA user_version"_s) && query.next())
        return query.value(0).toInt();
    return -1;
}

bool Database::setSchemaVersion(int version, QString* error)
{
    if (m_engine == Engine::Postgres)
        return setMetaValue(QString::fromLatin1(SchemaVersionKey), QByteArray::number(version),
                            error);
    return execDirect(u"PRAGMA user_version = %1"_s.arg(version), error);
}

QString Database::instantOf(const QString& expression) const
{
    // julianday() reads ISO 8601 with its offset; PostgreSQL's timestamptz input as well.
    return m_engine == Engine::Postgres ? u"CAST(%1 AS timestamptz)"_s.arg(expression)
                                        : u"julianday(%1)"_s.arg(expression);
}

QString Database::textAsBytes(const QString& expression) const
{
    return m_engine == Engine::Postgres ? u"convert_to(%1, 'UTF8')"_s.arg(expression)
                                        : u"CAST(%1 AS BLOB)"_s.arg(expression);
}

bool Database::migrate(QString* error)
{
    const int current = schemaVersion();
    if (current < 0) {
        *error = tr("%1 is not a readable store").arg(m_path);
        return false;
    }
    if (current > SchemaVersion) {
        *error = tr("the store has schema version %1, newer than this program's %2: update "
                    "the program")
                     .arg(current)
                     .arg(SchemaVersion);
        return false;
    }
    for (int version = current + 1; version <= SchemaVersion; ++version) {
        Transaction transaction(*this);
        if (!transaction.begin(error))
            return false;
        // Under the write lock another station may have migrated meanwhile.
        if (schemaVersion() >= version) {
            if (!transaction.commit(error))
                return false;
            continue;
        }
        const QStringList& statements = m_engine == Engine::Postgres
                                            ? SiteMigrations.at(version - SiteSchemaBase - 1)
                                            : Migrations.at(version - 1);
        for (const QString& statement : statements) {
            if (!execDirect(statement, error))
                return false;
        }
        if (!setSchemaVersion(version, error) || !transaction.commit(error))
            return false;
        qCInfo(lcModel) << "store migrated to schema version" << version;
    }
    return true;
}

QSqlQuery& Database::query(const QString& sql)
{
    reconnectIfLost();
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
        if (!query->prepare(sql))
            qCCritical(lcModel) << "cannot prepare a query:" << query->lastError().text();
        it = m_queries.emplace(sql, std::move(query)).first;
    }
    return *it->second;
}

bool Database::exec(QSqlQuery& query, QString* error)
{
    if (query.exec())
        return true;
    *error = failure(query.lastError());
    return false;
}

bool Database::execDirect(const QString& sql, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (query.exec(sql))
        return true;
    *error = failure(query.lastError());
    return false;
}

QString Database::failure(const QSqlError& error)
{
    // QPSQL closes the connection when it sees the server gone; the statements that follow
    // fail with no error text at all ("database not open").
    if (m_engine == Engine::Postgres &&
        (isConnectionLost(error) || !QSqlDatabase::database(m_connectionName, false).isOpen())) {
        if (!m_connectionLost)
            qCWarning(lcModel).noquote() << "the site database connection is lost:" << m_path;
        m_connectionLost = true;
    }
    return m_connectionLost ? describe(QSqlError({}, {}, QSqlError::ConnectionError), m_engine)
                            : describe(error, m_engine);
}

bool Database::startSession(QString* error)
{
    // lock_timeout: a station waits for another's write as SQLite waits on its busy timeout.
    // idle_in_transaction_session_timeout: a station gone mid-transaction (switched off, its
    // network cut) gives the write lock back within a minute instead of holding the site.
    return execDirect(u"SET client_min_messages TO warning"_s, error) &&
           execDirect(u"SET lock_timeout = '10s'"_s, error) &&
           execDirect(u"SET idle_in_transaction_session_timeout = '60s'"_s, error);
}

void Database::reconnectIfLost()
{
    if (m_engine != Engine::Postgres || m_inTransaction)
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!m_connectionLost && db.isOpen())
        return;
    db.close();
    QString error;
    if (!db.open() || !startSession(&error)) {
        qCWarning(lcModel).noquote() << "the site database is still out of reach:" << m_path;
        return;
    }
    m_connectionLost = false;
    // The queries were prepared on the closed connection: prepared again in place, so that a
    // reference a caller holds stays valid.
    for (auto& [sql, query] : m_queries) {
        *query = QSqlQuery(db);
        if (!query->prepare(sql))
            qCCritical(lcModel) << "cannot prepare a query:" << query->lastError().text();
    }
    qCInfo(lcModel).noquote() << "the site database is back:" << m_path;
}

bool Database::begin(QString* error)
{
    reconnectIfLost();
    if (m_engine == Engine::Postgres) {
        // One writer at a time for the whole site, as SQLite has for its file.
        m_inTransaction = execDirect(u"BEGIN"_s, error);
        // A connection found gone at BEGIN (the database restarted since the last action):
        // nothing was done on it, so a new one is opened and the transaction begun there.
        if (!m_inTransaction && m_connectionLost) {
            reconnectIfLost();
            m_inTransaction = !m_connectionLost && execDirect(u"BEGIN"_s, error);
        }
        if (m_inTransaction &&
            !execDirect(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(SiteWriteLockKey), error))
            rollback();
        return m_inTransaction;
    }
    // IMMEDIATE takes the write lock at once, so two processes saving at the same moment
    // queue up on the busy timeout instead of failing half-way through.
    m_inTransaction = execDirect(u"BEGIN IMMEDIATE"_s, error);
    return m_inTransaction;
}

bool Database::commit(QString* error)
{
    if (execDirect(u"COMMIT"_s, error)) {
        m_inTransaction = false;
        return true;
    }
    rollback();
    return false;
}

void Database::rollback()
{
    m_inTransaction = false;
    QString ignored;
    // After a full disk or an I/O error SQLite has already rolled back by itself; a lost
    // connection took its transaction with it.
    if (!execDirect(u"ROLLBACK"_s, &ignored) && !ignored.contains(u"no transaction is active"_s) &&
        !m_connectionLost)
        qCWarning(lcModel) << "rollback failed:" << ignored;
}

QStringList Database::integrityProblems()
{
    if (m_engine == Engine::Postgres)
        return {};
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"PRAGMA integrity_check"_s))
        return {describe(query.lastError())};
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok"_s)
            problems.append(line);
    }
    return problems;
}

bool Database::checkpoint(QString* error)
{
    if (m_engine == Engine::Postgres)
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // TRUNCATE waits on the busy handler for other connections' reads to end: with the
    // store's 10 s timeout the GUI, which checkpoints after each purge, would freeze behind
    // a long read elsewhere. It waits briefly instead; an unfinished checkpoint is retried
    // by the next one.
    int busyTimeout = 0;
    if (query.exec(u"PRAGMA busy_timeout"_s) && query.next())
        busyTimeout = query.value(0).toInt();
    query.finish();
    const bool shortened = query.exec(u"PRAGMA busy_timeout = %1"_s.arg(CheckpointWaitMs));
    query.finish();

    QString failure;
    // One row: busy (another connection kept it from finishing), frames in the WAL, frames
    // written back. TRUNCATE empties the file only when every frame was written back.
    if (!query.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s) || !query.next()) {
        failure = describe(query.lastError());
    } else if (query.value(0).toInt() != 0) {
        failure = tr("another connection is reading the store; the journal is emptied at the "
                     "next checkpoint");
    }
    query.finish();
    if (shortened && !query.exec(u"PRAGMA busy_timeout = %1"_s.arg(busyTimeout)))
        qCWarning(lcModel) << "cannot restore the busy timeout:" << describe(query.lastError());
    query.finish();
    if (failure.isEmpty())
        return true;
    qCInfo(lcModel) << "checkpoint incomplete:" << failure;
    if (error)
        *error = failure;
    return false;
}

bool Database::backupTo(const QString& path, QString* error)
{
    if (m_engine == Engine::Postgres) {
        *error = tr("a site database is backed up on its server (pg_dump, base backups), not "
                    "by a station: see the site database section of the README");
        return false;
    }
    if (m_inTransaction) {
        *error = tr("a backup cannot be made inside a transaction");
        return false;
    }
    // Created here, exclusively, so that an existing file is never overwritten and the copy
    // is its owner's only from its first byte; SQLite fills an empty file.
    QFile target(path);
    if (!target.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = QFileInfo::exists(path)
                     ? tr("%1 already exists: choose a new file for the backup").arg(path)
                     : tr("cannot create %1: %2").arg(path, target.errorString());
        return false;
    }
    target.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    target.close();
    // VACUUM INTO writes with this connection's synchronous setting (FULL): the copy is on
    // disk when it returns.
    QSqlQuery vacuum(QSqlDatabase::database(m_connectionName, false));
    vacuum.prepare(u"VACUUM INTO ?"_s);
    vacuum.addBindValue(path);
    if (!vacuum.exec()) {
        *error = tr("the backup to %1 failed: %2").arg(path, describe(vacuum.lastError()));
        vacuum.finish();
        QFile::remove(path);
        return false;
    }
    vacuum.finish();
    return true;
}

QByteArray Database::metaValue(const QString& key)
{
    QSqlQuery& select = query(u"SELECT value FROM meta WHERE key = ?"_s);
    select.bindValue(0, key);
    QByteArray value;
    if (select.exec() && select.next())
        value = select.value(0).toByteArray();
    select.finish();
    return value;
}

bool Database::setMetaValue(const QString& key, const QByteArray& value, QString* error)
{
    QSqlQuery& upsert = query(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    upsert.bindValue(0, key);
    upsert.bindValue(1, value);
    return exec(upsert, error);
}
