#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <functional>
#include <map>

// The server's store: the received Bundles and the Patient each identity keeps (migration
// 9), in SQLite (default) or PostgreSQL.
// Idempotency is the UNIQUE (site, bundle_id, version) constraint, not a check in memory,
// so several server instances on one PostgreSQL never store a Bundle twice. The SQL is
// kept portable between the two (TEXT and INTEGER columns only, ON CONFLICT DO NOTHING).
// The schema is brought up to date by numbered migrations recorded in schema_version.
class ServerDatabase
{
    Q_DECLARE_TR_FUNCTIONS(ServerDatabase)

public:
    static constexpr int SchemaVersion = 10;

    // What insert() did.
    enum class Insert
    {
        Stored,     // the record's next version (the latest stored + 1; 1 for a new record)
        AlreadyHad, // this version with this very content was stored before: a replay
        Conflict,   // another content under a stored version, or not the next version
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

    // Stores the row only as its record's next version; *latest is then the latest version
    // stored for the record (the row's own once stored).
    [[nodiscard]] bool insert(const Row& row, Insert* result, int* latest, QString* error);
    // Several writes as one commit, all or nothing: a batch of records costs one disk sync
    // instead of one a record. While a batch is open a lost connection is not reopened
    // behind the caller's back (what was written in it is gone): the caller rolls back and
    // answers that the batch must be sent again.
    [[nodiscard]] bool beginBatch(QString* error);
    [[nodiscard]] bool commitBatch(QString* error);
    void rollbackBatch();
    // Records by site and the status of their latest version, and every version stored.
    [[nodiscard]] bool counts(QList<Count>* counts, qint64* versionsStored, QString* error);
    // Every stored Bundle in the order received; stops when `visit` returns false.
    [[nodiscard]] bool forEachBundle(const std::function<bool(const QString& bundle)>& visit,
                                     QString* error);

    static QString defaultSqlitePath();

    // ---- Activation codes (migrations 2 and 3; the logic is in ActivationCodePool) ----
    // Dates are fixed-width ISO 8601 UTC text (ActivationCodePool::utcText), so that they
    // compare as text in both databases.
    struct ActivationCode
    {
        QString code;   // code_brut: what a record carries
        QString qrCode; // code_pour_qr: what goes in the QR link
        QString validFrom;
        QString validUntil;
    };
    enum class CodeUse
    {
        Marked,        // now used by this site
        AlreadyUsed,   // already used by this same site (a report sent again)
        Unknown,       // never issued here: recorded as used by this site, not refused
        OtherSite,     // issued to another site: refused
        UsedElsewhere, // already used by another site: refused
    };
    struct SiteCodeCount
    {
        QString site;
        qint64 issued = 0;  // issued to the site, not used yet
        qint64 used = 0;    // reported used by the site, known here
        qint64 unknown = 0; // reported used by the site, never issued here
    };
    struct CodeCounts
    {
        qint64 freeValid = 0; // not issued, not used, valid now
        qint64 freeNotYetValid = 0;
        qint64 freeExpired = 0;
        QList<SiteCodeCount> sites;
    };

    // Adds every code or none (one transaction). A code already here makes its index go
    // to *known and nothing is added, except one only seen reported used by a site (origin
    // "unknown"), which gets its QR code and validity and stays used.
    [[nodiscard]] bool addActivationCodes(const QList<ActivationCode>& codes, const QString& origin,
                                          const QString& now, QList<qsizetype>* known,
                                          qsizetype* alreadyUsed, QString* error);
    // Takes up to `count` free codes valid at `now`, the longest validity first, for the
    // site. Safe with several servers on one database: only codes still free are taken.
    [[nodiscard]] bool issueActivationCodes(const QString& site, int count, const QString& now,
                                            QList<ActivationCode>* issued, QString* error);
    // Marks the code used by the site on `day` (yyyy-MM-dd: no finer time, no record), or
    // says why it cannot be; `now` dates a code never seen before.
    [[nodiscard]] bool useActivationCode(const QString& code, const QString& site,
                                         const QString& day, const QString& now, CodeUse* use,
                                         QString* error);
    [[nodiscard]] bool activationCodeCounts(const QString& now, CodeCounts* counts, QString* error);
    // For a site's quota: codes issued to it still unused and valid at `now`, and codes
    // issued to it since `since`.
    [[nodiscard]] bool siteCodeUsage(const QString& site, const QString& now, const QString& since,
                                     qint64* held, qint64* issuedSince, QString* error);

    // ---- end of activation codes ----

    // ---- Patients (migration 9; the rule and its reasons are in PatientRegister) ----
    struct PatientRow
    {
        QString identifier; // system|value, as the Bundle's Patient is updated on it
        QString sampledAt;  // the Specimen's collection time, fixed-width ISO 8601 UTC
        QString site;
        QString bundleId; // the record's UUID
        int version = 0;
        QString receivedAt; // filled by keepPatient()
        QString patient;    // the Patient resource's JSON, compact
    };
    // Writes the row unless the identity's kept Patient comes from a newer sampling of
    // another record, in one statement (several instances may receive the same person at
    // once). *written says whether it did.
    [[nodiscard]] bool keepPatient(const PatientRow& row, bool* written, QString* error);
    // The identity's kept Patient; *found false when none.
    [[nodiscard]] bool patient(const QString& identifier, PatientRow* row, bool* found,
                               QString* error);

private:
    bool retryingIfLost(const std::function<bool()>& attempt);

public:
    // ---- Workstation stores (migration 10) ----
    // A workstation's store tells its random id and the sequence number of its audit log's
    // last entry at the start of each sync round. That sequence only grows; one that goes
    // back means an older copy of the whole store file was put back.
    enum class StoreSequence
    {
        Recorded, // as high as or higher than any seen before (or the store is new here)
        WentBack, // lower than *highest, already seen from this site's store: nothing changed
    };
    [[nodiscard]] bool noteStoreSequence(const QString& site, const QString& storeId,
                                         qint64 sequence, const QString& now,
                                         StoreSequence* verdict, qint64* highest, QString* error);

private:
    bool migrate(QString* error);
    bool execDirect(const QString& sql, QString* error);
    // PostgreSQL drops connections on a restart or a fail-over, and Qt does not reconnect.
    // After a statement failed outside a transaction: true when the connection was found lost
    // and opened again, so that the caller may run its statement once more.
    bool reopenIfLost();
    // What storing the row would do now, without writing (false: a database error, in
    // *failure).
    bool versionVerdict(const Row& row, Insert* result, int* latest, QSqlError* failure);
    // The statement prepared once on this connection and run again for each row: a
    // PostgreSQL prepare costs a round trip, and QPSQL deallocates it with the query.
    QSqlQuery& statement(const QString& sql);

    std::map<QString, QSqlQuery> m_statements;
    QString m_connectionName;
    QString m_description;
    bool m_postgres = false;
    bool m_inBatch = false;
};
