#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <memory>
#include <unordered_map>

// One connection to a store: a SQLite file (a standalone station) or a site's PostgreSQL
// database shared by its stations (a postgresql:// URL, see PostgresUrl). A SQLite file is
// set up for durability: WAL journal, every commit synced before it returns, temporary data
// kept in memory (never in temp files); its schema is brought to the current version by
// numbered migrations. A site database is created at the current version and migrated by
// its own list. Not thread-safe: each thread that needs the store opens its own Database.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    static constexpr int SchemaVersion = 16;

    Database();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    enum class Engine
    {
        Sqlite,
        Postgres
    };

    // True for a postgresql:// (or postgres://) URL: a site database, not a file.
    static bool isSiteDatabaseUrl(const QString& location);
    // False, with why, for a location that looks like a URL of another scheme: never taken
    // for a file name.
    static bool isFileLocation(const QString& location, QString* error);

    // Opens (creating when `create` is true) and migrates a file path or a site database
    // URL. A store whose schema is newer than this program is refused rather than touched;
    // a URL of any other scheme is refused, never taken for a file name.
    [[nodiscard]] bool open(const QString& location, bool create, QString* error);
    // Whether the site database at `url` answers: a connection of its own, opened and closed
    // in the calling thread (so a thread can wait out libpq's connect_timeout for the window).
    static bool siteDatabaseAnswers(const QString& url, QString* error);
    bool isOpen() const;
    // The file's path, or the site database's URL as messages may show it (no password).
    QString path() const { return m_path; }
    Engine engine() const { return m_engine; }
    int schemaVersion();

    // SQL that differs between the engines, for the few queries that need it.
    // An ISO 8601 time with its offset, as an instant that compares across offsets.
    QString instantOf(const QString& expression) const;
    // A text expression as bytes (for a BLOB column).
    QString textAsBytes(const QString& expression) const;

    // A prepared query, cached by its SQL text. Bind values and exec() it.
    QSqlQuery& query(const QString& sql);
    // Executes a query prepared by query(), turning a failure into a message.
    [[nodiscard]] bool exec(QSqlQuery& query, QString* error);
    // Runs one statement without caching it (schema, pragmas).
    [[nodiscard]] bool execDirect(const QString& sql, QString* error);

    bool inTransaction() const { return m_inTransaction; }
    [[nodiscard]] bool begin(QString* error);
    [[nodiscard]] bool commit(QString* error);
    void rollback();

    // PRAGMA integrity_check: empty when the file is sound, else what SQLite found. A site
    // database checks its own pages (data checksums, its administrators' tools): empty.
    QStringList integrityProblems();
    // Writes the WAL back into the main file and truncates it, so that the old versions of
    // pages changed by a secure delete leave the disk too. Waits at most CheckpointWaitMs
    // for other connections. False (with why) when another connection's read kept it from
    // finishing: the old pages stay in the WAL until the next complete checkpoint. Nothing to
    // do on a site database (true).
    static constexpr int CheckpointWaitMs = 250;
    bool checkpoint(QString* error = nullptr);

    // A consistent copy of the whole store into a new file (VACUUM INTO), taken in one read
    // transaction while other connections keep working: what the WAL holds is in it, and
    // the copy needs no -wal file beside it. The file must not exist; it is created
    // readable by its owner only and synced like the store. Not inside a transaction. A site
    // database is refused: it is backed up by its server's tools (pg_dump, base backups).
    [[nodiscard]] bool backupTo(const QString& path, QString* error);

    // meta table: small named values (site settings, wrapped recovery key, audit head).
    QByteArray metaValue(const QString& key);
    [[nodiscard]] bool setMetaValue(const QString& key, const QByteArray& value, QString* error);

private:
    void closeConnection();
    bool openSqlite(const QString& path, bool create, QString* error);
    bool openPostgres(const QString& url, bool create, QString* error);
    // The connection alone: no session settings, no schema.
    bool connectPostgres(const QString& url, QString* error);
    bool migrate(QString* error);
    bool createSiteSchema(QString* error);
    // Whether the site database holds the store's tables (made by createSiteSchema).
    bool hasSiteSchema(bool* exists, QString* error);
    bool setSchemaVersion(int version, QString* error);
    bool startSession(QString* error);
    // A site database connection lost (its server restarted, the network cut) is opened
    // again before the next query or transaction; never inside a transaction, which the lost
    // connection took with it.
    void reconnectIfLost();
    // The message for a failed statement; notes a lost site database connection.
    QString failure(const QSqlError& error);

    QString m_connectionName;
    QString m_path;
    Engine m_engine = Engine::Sqlite;
    bool m_connectionLost = false;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_queries;
    bool m_inTransaction = false;
};

// Commits on commit(), rolls back when it goes out of scope without one, so that an early
// return never leaves a transaction open.
class Transaction
{
public:
    explicit Transaction(Database& database)
        : m_database(database)
    {}
    ~Transaction()
    {
        if (m_active)
            m_database.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] bool begin(QString* error)
    {
        m_active = m_database.begin(error);
        return m_active;
    }
    [[nodiscard]] bool commit(QString* error)
    {
        m_active = false;
        return m_database.commit(error);
    }

private:
    Database& m_database;
    bool m_active = false;
};
