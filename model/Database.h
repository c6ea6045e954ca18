#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>
#include <unordered_map>

// One SQLite connection to a store file, set up for durability: WAL journal, every commit
// synced before it returns, temporary data kept in memory (never in temp files), and the
// schema brought to the current version by numbered migrations. Not thread-safe: each
// thread that needs the store opens its own Database.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    static constexpr int SchemaVersion = 15;

    Database();
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating when `create` is true) and migrates. A store whose schema is newer
    // than this program is refused rather than touched.
    [[nodiscard]] bool open(const QString& path, bool create, QString* error);
    bool isOpen() const;
    QString path() const { return m_path; }
    int schemaVersion();

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

    // PRAGMA integrity_check: empty when the file is sound, else what SQLite found.
    QStringList integrityProblems();
    // Writes the WAL back into the main file and truncates it, so that the old versions of
    // pages changed by a secure delete leave the disk too. Waits at most CheckpointWaitMs
    // for other connections. False (with why) when another connection's read kept it from
    // finishing: the old pages stay in the WAL until the next complete checkpoint.
    static constexpr int CheckpointWaitMs = 250;
    bool checkpoint(QString* error = nullptr);

    // A consistent copy of the whole store into a new file (VACUUM INTO), taken in one read
    // transaction while other connections keep working: what the WAL holds is in it, and
    // the copy needs no -wal file beside it. The file must not exist; it is created
    // readable by its owner only and synced like the store. Not inside a transaction.
    [[nodiscard]] bool backupTo(const QString& path, QString* error);

    // meta table: small named values (site settings, wrapped recovery key, audit head).
    QByteArray metaValue(const QString& key);
    [[nodiscard]] bool setMetaValue(const QString& key, const QByteArray& value, QString* error);

private:
    bool migrate(QString* error);

    QString m_connectionName;
    QString m_path;
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
