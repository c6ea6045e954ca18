#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

// The server's store: one table of received Bundles, in SQLite (default) or PostgreSQL.
// Idempotency is the UNIQUE (site, bundle_id, version) constraint, not a check in memory,
// so several server instances on one PostgreSQL never store a Bundle twice. The SQL is
// kept portable between the two (TEXT and INTEGER columns only, ON CONFLICT DO NOTHING).
// The schema is brought up to date by numbered migrations recorded in schema_version.
class ServerDatabase
{
    Q_DECLARE_TR_FUNCTIONS(ServerDatabase)

public:
    static constexpr int SchemaVersion = 1;

    enum class Insert
    {
        Stored,
        AlreadyHad,
    };

    struct Row
    {
        QString site;
        QString bundleId;
        int version = 0;
        QString status;
        QString resultValue;
        QString bundle; // the Bundle's JSON, compact
    };

    struct Count
    {
        QString site;
        QString status;
        qint64 count = 0;
    };

    ServerDatabase();
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    // "" (the default SQLite file in the application-data folder), sqlite:///path or
    // postgresql://user:password@host:port/database.
    [[nodiscard]] bool open(const QString& url, QString* error);
    bool isPostgres() const { return m_postgres; }
    // Where the data is, without the password: for messages.
    QString description() const { return m_description; }

    [[nodiscard]] bool insert(const Row& row, Insert* result, QString* error);
    [[nodiscard]] bool counts(QList<Count>* counts, QString* error);
    // Every stored Bundle in the order received; stops when `visit` returns false.
    [[nodiscard]] bool forEachBundle(const std::function<bool(const QString& bundle)>& visit,
                                     QString* error);

    static QString defaultSqlitePath();

private:
    bool migrate(QString* error);
    bool execDirect(const QString& sql, QString* error);

    QString m_connectionName;
    QString m_description;
    bool m_postgres = false;
};
