#include "ServerDatabase.h"

#include "Logging.h"
#include "PostgresUrl.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringList>
#include <QUrl>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Numbered migrations: migration N brings the schema from version N-1 to N. Never edit one
// that has shipped; add the next.
const QStringList Migrations = {
    // 1: received Bundles (result_value NULL: no result yet). received_at is ISO 8601 UTC text,
    // which sorts like time.
    u"CREATE TABLE IF NOT EXISTS records ("
    "site TEXT NOT NULL, bundle_id TEXT NOT NULL, version INTEGER NOT NULL, "
    "status TEXT NOT NULL, result_value TEXT, received_at TEXT NOT NULL, "
    "bundle TEXT NOT NULL, UNIQUE (site, bundle_id, version))"_s,
    // 2: activation codes (ActivationCodePool). origin: generated, imported, or unknown (seen
    // used in a Bundle, never issued here: no QR code, no validity). issued_to is the site's
    // FINESS; used_by_site and used_by_bundle name the Bundle (record) that carried the code
    // (until migration 7).
    u"CREATE TABLE IF NOT EXISTS activation_codes ("
    "code TEXT PRIMARY KEY, qr_code TEXT UNIQUE, valid_from TEXT, valid_until TEXT, "
    "origin TEXT NOT NULL, added_at TEXT NOT NULL, issued_to TEXT, issued_at TEXT, "
    "used_at TEXT, used_by_site TEXT, used_by_bundle TEXT)"_s,
    // 3: the free codes by validity, for issuing; partial, so that issued codes cost nothing.
    u"CREATE INDEX IF NOT EXISTS activation_codes_free ON activation_codes (valid_until) "
    "WHERE issued_to IS NULL AND used_by_bundle IS NULL"_s,
    // 4: the codes of a site, for its quota (CodeQuota) without reading the whole stock.
    u"CREATE INDEX IF NOT EXISTS activation_codes_issued ON activation_codes (issued_to, "
    "issued_at)"_s,
    // 5-8: a used code is reported by its site apart from any record (POST
    // /activation-codes/used), with its day only: the link to the Bundle that carried it
    // (used_by_bundle) and any time finer than the day are erased; used_at marks a used code.
    u"DROP INDEX IF EXISTS activation_codes_free"_s,
    u"UPDATE activation_codes SET used_at = substr(used_at, 1, 10) WHERE used_at IS NOT NULL"_s,
    u"ALTER TABLE activation_codes DROP COLUMN used_by_bundle"_s,
    u"CREATE INDEX IF NOT EXISTS activation_codes_free ON activation_codes (valid_until) "
    "WHERE issued_to IS NULL AND used_at IS NULL"_s,
    // 9: the Patient kept per identifier (PatientRegister): the newest sampling's details and
    // the record version they came from. sampled_at is ISO 8601 UTC text, like received_at.
    u"CREATE TABLE IF NOT EXISTS patients ("
    "identifier TEXT PRIMARY KEY, sampled_at TEXT NOT NULL, site TEXT NOT NULL, "
    "bundle_id TEXT NOT NULL, version INTEGER NOT NULL, received_at TEXT NOT NULL, "
    "patient TEXT NOT NULL)"_s,
    // 10: each workstation store's highest audit sequence, by the site's certificate and the
    // store's id (POST /store-sequence): a store put back in time is seen (a lower sequence).
    u"CREATE TABLE IF NOT EXISTS store_sequences (site TEXT NOT NULL, store_id TEXT NOT NULL, "
    "audit_sequence BIGINT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, "
    "PRIMARY KEY (site, store_id))"_s,
};

// Serialises the migrations of the instances sharing one PostgreSQL database: any fixed
// number unlikely to be used by another program on the same database ("SIDEP" in ASCII).
constexpr qint64 MigrationLockKey = 0x5349444550;

QString sqlError(const QSqlError& error)
{
    return error.text().trimmed();
}

} // namespace

ServerDatabase::ServerDatabase()
    : m_connectionName(u"sidep-server-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

ServerDatabase::~ServerDatabase()
{
    m_statements.clear(); // before the connection they were prepared on
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString ServerDatabase::defaultSqlitePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           u"/sidep-server.sqlite"_s;
}

bool ServerDatabase::open(const QString& url, QString* error)
{
    QSqlDatabase db;
    if (url.isEmpty() || url.startsWith(u"sqlite:"_s)) {
        QString path = defaultSqlitePath();
        if (!url.isEmpty()) {
            const QUrl parsed(url);
            path = parsed.path();
            if (!parsed.isValid() || path.isEmpty() || !parsed.host().isEmpty()) {
                *error = tr("a SQLite URL is sqlite:///absolute/path");
                return false;
            }
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error = tr("cannot create the folder of %1").arg(path);
            return false;
        }
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(path);
        // Several instances may share the file: wait for a writer rather than fail.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
        m_description = u"sqlite://"_s + path;
    } else if (PostgresUrl::isPostgresUrl(url)) {
        PostgresUrl parsed;
        if (!PostgresUrl::parse(url, &parsed, error))
            return false;
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
            *error = tr("Qt's PostgreSQL driver (QPSQL) is not installed");
            return false;
        }
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        db.setHostName(parsed.hosts);
        if (parsed.port > 0)
            db.setPort(parsed.port);
        db.setDatabaseName(parsed.database);
        db.setUserName(parsed.userName);
        db.setConnectOptions(parsed.connectOptions);
        m_postgres = true;
        m_description = parsed.description;
    } else {
        *error = tr("unknown database URL (sqlite:///path or postgresql://...)");
        return false;
    }

    if (!db.open()) {
        *error = tr("cannot open %1: %2").arg(m_description, sqlError(db.lastError()));
        return false;
    }
    if (m_postgres) {
        // No NOTICE on the server's standard error for each CREATE ... IF NOT EXISTS that
        // finds the table; warnings and errors still come through.
        if (!execDirect(u"SET client_min_messages TO warning"_s, error))
            return false;
    } else {
        // Durable like the workstation's store: WAL, each commit synced.
        for (const QString& pragma :
             {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = FULL"_s}) {
            if (!execDirect(pragma, error))
                return false;
        }
    }
    return migrate(error);
}

bool ServerDatabase::execDirect(const QString& sql, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql)) {
        *error = tr("database error: %1").arg(sqlError(query.lastError()));
        return false;
    }
    return true;
}

bool ServerDatabase::migrate(QString* error)
{
    // Several instances may start at once on one database. The migrations run in one
    // transaction that first takes a lock no other instance can hold at the same time: a
    // PostgreSQL advisory lock (released at commit or rollback), on SQLite the write lock of
    // BEGIN IMMEDIATE. The second instance waits, then finds the schema up to date. Without
    // it, concurrent CREATE TABLE IF NOT EXISTS fail on PostgreSQL (pg_type's unique index)
    // and a migration is recorded twice.
    {
        // Up to date, the usual case: no lock, no write (stats and export on a read-only copy).
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (query.exec(u"SELECT MAX(version) FROM schema_version"_s) && query.next() &&
            query.value(0).toInt() == SchemaVersion)
            return true;
    }
    if (!execDirect(m_postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s, error))
        return false;
    auto rollback = [this] {
        QString ignored;
        (void)execDirect(u"ROLLBACK"_s, &ignored);
        return false;
    };
    if (m_postgres &&
        !execDirect(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(MigrationLockKey), error))
        return rollback();
    if (!execDirect(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s,
                    error))
        return rollback();
    int current = 0;
    {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s)) {
            *error = tr("database error: %1").arg(sqlError(query.lastError()));
            return rollback();
        }
        if (query.next() && !query.isNull(0))
            current = query.value(0).toInt();
    }
    if (current > SchemaVersion) {
        *error = tr("the database has schema version %1, newer than this server (%2)")
                     .arg(current)
                     .arg(SchemaVersion);
        return rollback();
    }
    // All or nothing: a failed migration leaves the schema as it was (DDL is transactional
    // in both databases).
    for (int version = current + 1; version <= SchemaVersion; ++version) {
        if (!execDirect(Migrations.at(version - 1), error) ||
            !execDirect(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(version), error))
            return rollback();
    }
    if (!execDirect(u"COMMIT"_s, error))
        return rollback();
    if (current < SchemaVersion)
        qCInfo(lcServer) << "database migrated from schema version" << current << "to"
                         << SchemaVersion;
    return true;
}

bool ServerDatabase::reopenIfLost()
{
    if (!m_postgres || m_inBatch)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // QPSQL marks the connection closed when it sees it gone; otherwise a statement that
    // cannot fail on a live connection tells a lost one from an error in the caller's.
    if (db.isOpen()) {
        QSqlQuery ping(db);
        if (ping.exec(u"SELECT 1"_s))
            return false;
    }
    m_statements.clear(); // prepared on the connection being closed
    db.close();
    QString error;
    if (!db.open() || !execDirect(u"SET client_min_messages TO warning"_s, &error)) {
        qCWarning(lcServer).noquote() << "database connection lost, cannot reopen" << m_description
                                      << ":" << sqlError(db.lastError()) << error;
        return false;
    }
    qCWarning(lcServer).noquote() << "database connection lost, reopened" << m_description;
    return true;
}

bool ServerDatabase::beginBatch(QString* error)
{
    // A connection lost since the last request is reopened now, before anything is written.
    reopenIfLost();
    if (!execDirect(m_postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s, error))
        return false;
    m_inBatch = true;
    return true;
}

bool ServerDatabase::commitBatch(QString* error)
{
    const bool committed = execDirect(u"COMMIT"_s, error);
    if (committed)
        m_inBatch = false;
    return committed;
}

void ServerDatabase::rollbackBatch()
{
    QString ignored;
    (void)execDirect(u"ROLLBACK"_s, &ignored);
    m_inBatch = false;
}

QSqlQuery& ServerDatabase::statement(const QString& sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        // A failed prepare leaves the query unprepared: exec() then fails and says why.
        query.prepare(sql);
        found = m_statements.emplace(sql, std::move(query)).first;
    }
    return found->second;
}

bool ServerDatabase::versionVerdict(const Row& row, Insert* result, int* latest, QSqlError* failure)
{
    QSqlQuery& newest =
        statement(u"SELECT MAX(version) FROM records WHERE site = ? AND bundle_id = ?"_s);
    newest.bindValue(0, row.site);
    newest.bindValue(1, row.bundleId);
    if (!newest.exec()) {
        *failure = newest.lastError();
        return false;
    }
    *latest = newest.next() ? newest.value(0).toInt() : 0;
    newest.finish();
    // Newer than anything stored: the next version, or a later one when the workstation's
    // versions in between were refused (a refused version is never stored).
    if (row.version > *latest) {
        *result = Insert::Stored;
        return true;
    }
    // Compared in the database: a stored Bundle may be megabytes, no need to fetch it.
    QSqlQuery& same = statement(u"SELECT CASE WHEN bundle = ? THEN 1 ELSE 0 END FROM records "
                                "WHERE site = ? AND bundle_id = ? AND version = ?"_s);
    same.bindValue(0, row.bundle);
    same.bindValue(1, row.site);
    same.bindValue(2, row.bundleId);
    same.bindValue(3, row.version);
    if (!same.exec()) {
        *failure = same.lastError();
        return false;
    }
    *result = same.next() && same.value(0).toInt() == 1 ? Insert::AlreadyHad : Insert::Conflict;
    same.finish();
    return true;
}

bool ServerDatabase::insert(const Row& row, Insert* result, int* latest, QString* error)
{
    const QString receivedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (int attempt = 0;; ++attempt) {
        QSqlError failure;
        // One statement in the usual case, a version newer than any stored: written unless
        // the same or a newer version is there. Only then is the verdict asked for (a
        // replay, a conflict, or another instance that stored it meanwhile). Cast, because
        // PostgreSQL cannot type a parameter in a SELECT list.
        QSqlQuery& store = statement(
            u"INSERT INTO records (site, bundle_id, version, status, result_value, "
            "received_at, bundle) SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS INTEGER), "
            "CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT) "
            "WHERE NOT EXISTS (SELECT 1 FROM records WHERE site = ? AND bundle_id = ? "
            "AND version >= ?) ON CONFLICT (site, bundle_id, version) DO NOTHING"_s);
        store.bindValue(0, row.site);
        store.bindValue(1, row.bundleId);
        store.bindValue(2, row.version);
        store.bindValue(3, row.status);
        store.bindValue(4, row.resultValue);
        store.bindValue(5, receivedAt);
        store.bindValue(6, row.bundle);
        store.bindValue(7, row.site);
        store.bindValue(8, row.bundleId);
        store.bindValue(9, row.version);
        if (store.exec()) {
            const bool stored = store.numRowsAffected() > 0;
            store.finish();
            if (stored) {
                *result = Insert::Stored;
                *latest = row.version;
                return true;
            }
            if (versionVerdict(row, result, latest, &failure)) {
                // Not stored, yet newer than what is there: rows are never deleted, so
                // this cannot be; answered as a conflict rather than claimed stored.
                if (*result == Insert::Stored)
                    *result = Insert::Conflict;
                return true;
            }
        } else {
            failure = store.lastError();
        }
        // Safe to send again: if the lost attempt had stored the row, this one finds it.
        if (attempt > 0 || !reopenIfLost()) {
            *error = tr("database error: %1").arg(sqlError(failure));
            return false;
        }
    }
}

bool ServerDatabase::counts(QList<Count>* counts, qint64* versionsStored, QString* error)
{
    for (int attempt = 0;; ++attempt) {
        QSqlError failure;
        {
            QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
            // A record counts once, under the status of its latest version; its versions
            // (registration, result, corrections) are counted beside it.
            if (query.exec(u"SELECT r.site, r.status, COUNT(*) FROM records r "
                           "WHERE r.version = (SELECT MAX(l.version) FROM records l "
                           "WHERE l.site = r.site AND l.bundle_id = r.bundle_id) "
                           "GROUP BY r.site, r.status ORDER BY r.site, r.status"_s)) {
                counts->clear();
                while (query.next())
                    counts->append({query.value(0).toString(), query.value(1).toString(),
                                    query.value(2).toLongLong()});
                QSqlQuery versions(QSqlDatabase::database(m_connectionName, false));
                if (versions.exec(u"SELECT COUNT(*) FROM records"_s) && versions.next()) {
                    *versionsStored = versions.value(0).toLongLong();
                    return true;
                }
                failure = versions.lastError();
            } else {
                failure = query.lastError();
            }
        }
        if (attempt > 0 || !reopenIfLost()) {
            *error = tr("database error: %1").arg(sqlError(failure));
            return false;
        }
    }
}

bool ServerDatabase::forEachBundle(const std::function<bool(const QString&)>& visit, QString* error)
{
    for (int attempt = 0;; ++attempt) {
        QSqlError failure;
        {
            QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
            query.setForwardOnly(true);
            if (query.exec(u"SELECT bundle FROM records ORDER BY received_at, site, bundle_id, "
                           "version"_s)) {
                while (query.next()) {
                    if (!visit(query.value(0).toString()))
                        return true;
                }
                // next() also ends on an error (a connection lost midway): not a short export
                // that looks complete.
                if (query.lastError().isValid()) {
                    *error = tr("database error: %1").arg(sqlError(query.lastError()));
                    return false;
                }
                return true;
            }
            failure = query.lastError();
        }
        // Only before the first Bundle was visited: a retry never repeats one.
        if (attempt > 0 || !reopenIfLost()) {
            *error = tr("database error: %1").arg(sqlError(failure));
            return false;
        }
    }
}

// ---- Activation codes (ActivationCodePool) ----

namespace {

void bindAll(QSqlQuery& query, std::initializer_list<QString> values)
{
    int index = 0;
    for (const QString& value : values)
        query.bindValue(index++, value);
}

} // namespace

// Once more on a fresh connection when PostgreSQL's was lost, like the methods above; every
// step below is safe to run again (a lost transaction was rolled back, a use is idempotent).
bool ServerDatabase::retryingIfLost(const std::function<bool()>& attempt)
{
    for (int round = 0;; ++round) {
        if (attempt())
            return true;
        if (round > 0 || !reopenIfLost())
            return false;
    }
}

bool ServerDatabase::addActivationCodes(const QList<ActivationCode>& codes, const QString& origin,
                                        const QString& now, QList<qsizetype>* known,
                                        qsizetype* alreadyUsed, QString* error)
{
    return retryingIfLost([&] {
        known->clear();
        *alreadyUsed = 0;
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (!db.transaction()) {
            *error = tr("database error: %1").arg(sqlError(db.lastError()));
            return false;
        }
        auto failed = [&](const QSqlQuery& query) {
            *error = tr("database error: %1").arg(sqlError(query.lastError()));
            db.rollback();
            return false;
        };
        // DO NOTHING on any unique column, so that a known code is found here, inside the
        // transaction, rather than by a check another importer could overtake. Many rows a
        // statement on PostgreSQL, where one round trip per row made 100,000 codes take 26 s;
        // few on SQLite, whose Qt driver looks each parameter up by name (quadratic).
        const qsizetype rowsPerInsert = m_postgres ? 500 : 20;
        QSqlQuery adopt(db);
        adopt.prepare(u"UPDATE activation_codes SET qr_code = ?, valid_from = ?, valid_until = ?, "
                      "origin = ? WHERE code = ? AND origin = 'unknown'"_s);
        for (qsizetype first = 0; first < codes.size(); first += rowsPerInsert) {
            const qsizetype rows = std::min(rowsPerInsert, codes.size() - first);
            QStringList values;
            for (qsizetype i = 0; i < rows; ++i)
                values.append(u"(?, ?, ?, ?, ?, ?)"_s);
            QSqlQuery insert(db);
            insert.setForwardOnly(true);
            insert.prepare(u"INSERT INTO activation_codes (code, qr_code, valid_from, valid_until, "
                           "origin, added_at) VALUES "_s +
                           values.join(u", "_s) + u" ON CONFLICT DO NOTHING RETURNING code"_s);
            int index = 0;
            for (qsizetype i = first; i < first + rows; ++i) {
                const ActivationCode& code = codes.at(i);
                for (const QString& value :
                     {code.code, code.qrCode, code.validFrom, code.validUntil, origin, now})
                    insert.bindValue(index++, value);
            }
            if (!insert.exec())
                return failed(insert);
            QSet<QString> inserted;
            while (insert.next())
                inserted.insert(insert.value(0).toString());
            for (qsizetype i = first; i < first + rows; ++i) {
                const ActivationCode& code = codes.at(i);
                if (inserted.contains(code.code))
                    continue;
                bindAll(adopt, {code.qrCode, code.validFrom, code.validUntil, origin, code.code});
                if (!adopt.exec())
                    return failed(adopt);
                if (adopt.numRowsAffected() > 0)
                    ++*alreadyUsed;
                else
                    known->append(i);
            }
        }
        if (!known->isEmpty()) {
            db.rollback();
            return true;
        }
        if (!db.commit()) {
            *error = tr("database error: %1").arg(sqlError(db.lastError()));
            db.rollback();
            return false;
        }
        // Statistics now, not whenever autovacuum comes: planned on a table it believes empty,
        // issuing a batch from a fresh stock of 100,000 codes took 20 s instead of 0.1 s.
        QString analyzeError;
        if (m_postgres && !execDirect(u"ANALYZE activation_codes"_s, &analyzeError))
            qCWarning(lcServer).noquote()
                << "activation codes added, not analysed:" << analyzeError;
        return true;
    });
}

bool ServerDatabase::issueActivationCodes(const QString& site, int count, const QString& now,
                                          QList<ActivationCode>* issued, QString* error)
{
    return retryingIfLost([&] {
        issued->clear();
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        // The UPDATE takes only codes still free, so two servers never issue one code twice:
        // on SQLite writers take turns; on PostgreSQL the candidates are locked, and those another
        // server has locked are skipped rather than waited for. The candidates are picked once,
        // in a materialised CTE: PostgreSQL may run an IN (subquery) more than once, and with
        // SKIP LOCKED each run finds other rows, so a batch would outgrow its LIMIT. Codes never
        // issued here ("unknown") have no validity, so they never match.
        const QString sql =
            u"WITH picked AS MATERIALIZED (SELECT code FROM activation_codes "
            "WHERE issued_to IS NULL AND used_at IS NULL AND valid_from <= ? "
            "AND valid_until > ? ORDER BY valid_until DESC LIMIT %1%2) "
            "UPDATE activation_codes SET issued_to = ?, issued_at = ? FROM picked "
            "WHERE activation_codes.code = picked.code AND activation_codes.issued_to IS NULL "
            "AND activation_codes.used_at IS NULL RETURNING activation_codes.code, "
            "activation_codes.qr_code, activation_codes.valid_from, activation_codes.valid_until"_s;
        const QString lock = m_postgres ? u" FOR UPDATE SKIP LOCKED"_s : QString();
        // Codes of earlier rounds are committed: they go out rather than be lost.
        auto failed = [&](const QString& message) {
            db.rollback();
            if (!issued->isEmpty()) {
                qCWarning(lcServer).noquote() << "activation codes: a batch cut short:" << message;
                return true;
            }
            *error = message;
            return false;
        };
        // A round can come back short when another server took some candidates first.
        for (int round = 0; round < 10 && issued->size() < count; ++round) {
            const qsizetype asked = count - issued->size();
            // In a transaction only to undo a batch larger than asked: never expected, but a
            // code handed out beyond the answer would be lost to every patient.
            if (!db.transaction())
                return failed(tr("database error: %1").arg(sqlError(db.lastError())));
            QList<ActivationCode> taken;
            {
                QSqlQuery take(db);
                take.setForwardOnly(true);
                bool ran = take.prepare(sql.arg(asked).arg(lock));
                if (ran) {
                    bindAll(take, {now, now, site, now});
                    ran = take.exec();
                }
                if (!ran)
                    return failed(tr("database error: %1").arg(sqlError(take.lastError())));
                while (take.next()) {
                    taken.append({take.value(0).toString(), take.value(1).toString(),
                                  take.value(2).toString(), take.value(3).toString()});
                }
            }
            if (taken.size() > asked) {
                return failed(
                    tr("the database issued %1 codes for %2 asked").arg(taken.size()).arg(asked));
            }
            if (!db.commit())
                return failed(tr("database error: %1").arg(sqlError(db.lastError())));
            issued->append(taken);
            if (taken.isEmpty())
                break; // none left
        }
        return true;
    });
}

bool ServerDatabase::useActivationCode(const QString& code, const QString& site, const QString& day,
                                       const QString& now, CodeUse* use, QString* error)
{
    return retryingIfLost([&] {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        auto failed = [&](const QSqlQuery& query) {
            *error = tr("database error: %1").arg(sqlError(query.lastError()));
            return false;
        };
        // Each step is one conditional statement, so two servers receiving the same code at once
        // cannot both mark it; the loser reads who won and answers from that.
        for (int attempt = 0; attempt < 3; ++attempt) {
            QSqlQuery mark(db);
            mark.prepare(u"UPDATE activation_codes SET used_at = ?, used_by_site = ? "
                         "WHERE code = ? AND used_at IS NULL "
                         "AND (issued_to IS NULL OR issued_to = ?)"_s);
            bindAll(mark, {day, site, code, site});
            if (!mark.exec())
                return failed(mark);
            if (mark.numRowsAffected() > 0) {
                *use = CodeUse::Marked;
                return true;
            }

            QSqlQuery look(db);
            look.prepare(u"SELECT issued_to, used_by_site, used_at FROM activation_codes "
                         "WHERE code = ?"_s);
            bindAll(look, {code});
            if (!look.exec())
                return failed(look);
            if (look.next()) {
                const QString issuedTo = look.value(0).toString();
                const QString usedBySite = look.value(1).toString();
                const bool used = !look.value(2).isNull();
                if (!issuedTo.isEmpty() && issuedTo != site) {
                    *use = CodeUse::OtherSite;
                    return true;
                }
                if (used) {
                    *use = usedBySite == site ? CodeUse::AlreadyUsed : CodeUse::UsedElsewhere;
                    return true;
                }
                continue; // changed between the two statements: look again
            }

            // Never issued here (a site may still import national CSV files by hand): kept as
            // used, so that another site reporting it is refused like any reuse.
            QSqlQuery unknown(db);
            unknown.prepare(u"INSERT INTO activation_codes (code, origin, added_at, used_at, "
                            "used_by_site) VALUES (?, 'unknown', ?, ?, ?) "
                            "ON CONFLICT DO NOTHING"_s);
            bindAll(unknown, {code, now, day, site});
            if (!unknown.exec())
                return failed(unknown);
            if (unknown.numRowsAffected() > 0) {
                *use = CodeUse::Unknown;
                return true;
            }
        }
        *error = tr("the activation code kept changing while it was checked");
        return false;
    });
}

bool ServerDatabase::activationCodeCounts(const QString& now, CodeCounts* counts, QString* error)
{
    return retryingIfLost([&] {
        *counts = {};
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        QSqlQuery freeCodes(db);
        freeCodes.prepare(u"SELECT "
                          "SUM(CASE WHEN valid_from <= ? AND valid_until > ? THEN 1 ELSE 0 END), "
                          "SUM(CASE WHEN valid_from > ? THEN 1 ELSE 0 END), "
                          "SUM(CASE WHEN valid_until <= ? THEN 1 ELSE 0 END) "
                          "FROM activation_codes WHERE issued_to IS NULL AND used_at IS NULL "
                          "AND origin <> 'unknown'"_s);
        bindAll(freeCodes, {now, now, now, now});
        if (!freeCodes.exec()) {
            *error = tr("database error: %1").arg(sqlError(freeCodes.lastError()));
            return false;
        }
        if (freeCodes.next()) {
            counts->freeValid = freeCodes.value(0).toLongLong();
            counts->freeNotYetValid = freeCodes.value(1).toLongLong();
            counts->freeExpired = freeCodes.value(2).toLongLong();
        }

        QSqlQuery sites(db);
        if (!sites.exec(u"SELECT site, SUM(issued), SUM(used), SUM(unknown) FROM ("
                        "SELECT issued_to AS site, 1 AS issued, 0 AS used, 0 AS unknown "
                        "FROM activation_codes WHERE issued_to IS NOT NULL AND used_at IS NULL "
                        "UNION ALL SELECT used_by_site, 0, "
                        "CASE WHEN origin = 'unknown' THEN 0 ELSE 1 END, "
                        "CASE WHEN origin = 'unknown' THEN 1 ELSE 0 END "
                        "FROM activation_codes WHERE used_at IS NOT NULL) AS per_code "
                        "GROUP BY site ORDER BY site"_s)) {
            *error = tr("database error: %1").arg(sqlError(sites.lastError()));
            return false;
        }
        while (sites.next()) {
            counts->sites.append({sites.value(0).toString(), sites.value(1).toLongLong(),
                                  sites.value(2).toLongLong(), sites.value(3).toLongLong()});
        }
        return true;
    });
}

bool ServerDatabase::siteCodeUsage(const QString& site, const QString& now, const QString& since,
                                   qint64* held, qint64* issuedSince, QString* error)
{
    return retryingIfLost([&] {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.prepare(u"SELECT "
                      "SUM(CASE WHEN used_at IS NULL AND valid_until > ? THEN 1 ELSE 0 END), "
                      "SUM(CASE WHEN issued_at >= ? THEN 1 ELSE 0 END) "
                      "FROM activation_codes WHERE issued_to = ?"_s);
        bindAll(query, {now, since, site});
        if (!query.exec()) {
            *error = tr("database error: %1").arg(sqlError(query.lastError()));
            return false;
        }
        *held = 0;
        *issuedSince = 0;
        if (query.next()) {
            *held = query.value(0).toLongLong();
            *issuedSince = query.value(1).toLongLong();
        }
        return true;
    });
}

// ---- end of activation codes ----

bool ServerDatabase::noteStoreSequence(const QString& site, const QString& storeId, qint64 sequence,
                                       const QString& now, StoreSequence* verdict, qint64* highest,
                                       QString* error)
{
    return retryingIfLost([&] {
        // One statement, so that two servers on one database cannot both move it: the row is
        // only raised, never lowered.
        QSqlQuery note(QSqlDatabase::database(m_connectionName, false));
        note.prepare(u"INSERT INTO store_sequences (site, store_id, audit_sequence, first_seen, "
                     "last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, store_id) DO UPDATE "
                     "SET audit_sequence = excluded.audit_sequence, last_seen = excluded.last_seen "
                     "WHERE store_sequences.audit_sequence <= excluded.audit_sequence"_s);
        for (const QVariant& value : {QVariant(site), QVariant(storeId), QVariant(sequence),
                                      QVariant(now), QVariant(now)}) {
            note.addBindValue(value);
        }
        if (!note.exec()) {
            *error = tr("database error: %1").arg(sqlError(note.lastError()));
            return false;
        }
        if (note.numRowsAffected() > 0) {
            *verdict = StoreSequence::Recorded;
            *highest = sequence;
            return true;
        }
        QSqlQuery seen(QSqlDatabase::database(m_connectionName, false));
        seen.prepare(
            u"SELECT audit_sequence FROM store_sequences WHERE site = ? AND store_id = ?"_s);
        bindAll(seen, {site, storeId});
        if (!seen.exec() || !seen.next()) {
            *error = tr("database error: %1").arg(sqlError(seen.lastError()));
            return false;
        }
        *verdict = StoreSequence::WentBack;
        *highest = seen.value(0).toLongLong();
        return true;
    });
}

// ---- Patients (PatientRegister) ----

bool ServerDatabase::keepPatient(const PatientRow& row, bool* written, QString* error)
{
    const QString receivedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    return retryingIfLost([&] {
        // The rule of docs/fhir-mapping.md section 5, decided by the database on the row it
        // holds, so that two instances storing two records of one person cannot both win:
        // - a newer sampling replaces;
        // - the same sampling replaces too: this Bundle arrived later, and when it is of the
        //   kept record it is a later version of it (an older one is refused before this);
        // - a later version of the kept record replaces whatever its sampling time, which
        //   that version may have corrected.
        // Anything else is an older sampling: the record version is stored, the Patient kept.
        QSqlQuery& query = statement(
            u"INSERT INTO patients (identifier, sampled_at, site, bundle_id, version, "
            "received_at, patient) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (identifier) DO UPDATE SET sampled_at = excluded.sampled_at, "
            "site = excluded.site, bundle_id = excluded.bundle_id, "
            "version = excluded.version, received_at = excluded.received_at, "
            "patient = excluded.patient "
            "WHERE excluded.sampled_at >= patients.sampled_at "
            "OR (excluded.site = patients.site AND excluded.bundle_id = patients.bundle_id "
            "AND excluded.version > patients.version)"_s);
        bindAll(query, {row.identifier, row.sampledAt, row.site, row.bundleId});
        query.bindValue(4, row.version);
        query.bindValue(5, receivedAt);
        query.bindValue(6, row.patient);
        if (!query.exec()) {
            *error = tr("database error: %1").arg(sqlError(query.lastError()));
            return false;
        }
        *written = query.numRowsAffected() > 0;
        return true;
    });
}

bool ServerDatabase::patient(const QString& identifier, PatientRow* row, bool* found,
                             QString* error)
{
    return retryingIfLost([&] {
        QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
        query.prepare(u"SELECT sampled_at, site, bundle_id, version, received_at, patient "
                      "FROM patients WHERE identifier = ?"_s);
        bindAll(query, {identifier});
        if (!query.exec()) {
            *error = tr("database error: %1").arg(sqlError(query.lastError()));
            return false;
        }
        *found = query.next();
        if (*found) {
            *row = {identifier,
                    query.value(0).toString(),
                    query.value(1).toString(),
                    query.value(2).toString(),
                    query.value(3).toInt(),
                    query.value(4).toString(),
                    query.value(5).toString()};
        }
        return true;
    });
}
