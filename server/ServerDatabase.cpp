#include "ServerDatabase.h"

#include "Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStringList>
#include <QUrl>
#include <QUuid>

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
};

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
    } else if (url.startsWith(u"postgresql:"_s) || url.startsWith(u"postgres:"_s)) {
        const QUrl parsed(url);
        const QString name = parsed.path().mid(1);
        if (!parsed.isValid() || parsed.host().isEmpty() || name.isEmpty()) {
            *error = tr("a PostgreSQL URL is postgresql://user:password@host:port/database");
            return false;
        }
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
            *error = tr("Qt's PostgreSQL driver (QPSQL) is not installed");
            return false;
        }
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        db.setHostName(parsed.host());
        db.setPort(parsed.port(5432));
        db.setDatabaseName(name);
        db.setUserName(parsed.userName());
        db.setPassword(parsed.password());
        m_postgres = true;
        m_description = u"postgresql://"_s + parsed.host() + u':' +
                        QString::number(parsed.port(5432)) + u'/' + name;
    } else {
        *error = tr("unknown database URL (sqlite:///path or postgresql://...)");
        return false;
    }

    if (!db.open()) {
        *error = tr("cannot open %1: %2").arg(m_description, sqlError(db.lastError()));
        return false;
    }
    if (!m_postgres) {
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
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!execDirect(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s,
                    error))
        return false;
    int current = 0;
    {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s)) {
            *error = tr("database error: %1").arg(sqlError(query.lastError()));
            return false;
        }
        if (query.next() && !query.isNull(0))
            current = query.value(0).toInt();
    }
    if (current > SchemaVersion) {
        *error = tr("the database has schema version %1, newer than this server (%2)")
                     .arg(current)
                     .arg(SchemaVersion);
        return false;
    }
    for (int version = current + 1; version <= SchemaVersion; ++version) {
        if (!db.transaction()) {
            *error = tr("database error: %1").arg(sqlError(db.lastError()));
            return false;
        }
        if (!execDirect(Migrations.at(version - 1), error) ||
            !execDirect(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(version),
                        error)) {
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            *error = tr("database error: %1").arg(sqlError(db.lastError()));
            return false;
        }
        qCInfo(lcServer) << "database migrated to schema version" << version;
    }
    return true;
}

bool ServerDatabase::insert(const Row& row, Insert* result, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO records (site, bundle_id, version, status, result_value, "
                  "received_at, bundle) VALUES (?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT (site, bundle_id, version) DO NOTHING"_s);
    query.addBindValue(row.site);
    query.addBindValue(row.bundleId);
    query.addBindValue(row.version);
    query.addBindValue(row.status);
    query.addBindValue(row.resultValue);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    query.addBindValue(row.bundle);
    if (!query.exec()) {
        *error = tr("database error: %1").arg(sqlError(query.lastError()));
        return false;
    }
    // No row inserted: the constraint found the same Bundle already stored.
    *result = query.numRowsAffected() > 0 ? Insert::Stored : Insert::AlreadyHad;
    return true;
}

bool ServerDatabase::counts(QList<Count>* counts, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(u"SELECT site, status, COUNT(*) FROM records GROUP BY site, status "
                    "ORDER BY site, status"_s)) {
        *error = tr("database error: %1").arg(sqlError(query.lastError()));
        return false;
    }
    counts->clear();
    while (query.next())
        counts->append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    return true;
}

bool ServerDatabase::forEachBundle(const std::function<bool(const QString&)>& visit, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT bundle FROM records ORDER BY received_at, site, bundle_id, "
                    "version"_s)) {
        *error = tr("database error: %1").arg(sqlError(query.lastError()));
        return false;
    }
    while (query.next()) {
        if (!visit(query.value(0).toString()))
            break;
    }
    return true;
}
