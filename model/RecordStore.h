#pragma once

#include "Problem.h"
#include "SamplingRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QUuid>
#include <optional>

class Store;

// The sampling records of a signed-in store: saving (validate, encrypt, durable commit),
// finding by tube label through the blind index, reading back, listing, verifying.
// Reports saved records by signal so views can refresh without polling.
class RecordStore : public QObject
{
    Q_OBJECT

public:
    explicit RecordStore(Store& store);

    struct SaveOptions
    {
        // Save even though some recommended (W) fields are missing.
        bool acceptWarnings = false;
        // Reason for keeping a NIR that disagrees with sex or birth date (audited).
        QString identityOverrideReason;
        QDateTime now = QDateTime::currentDateTimeUtc();
    };

    // Validates every record and saves all of them in one transaction, or none: a batch
    // with one bad record saves nothing. problems[i] gets record i's problems, warnings
    // included. On success each record has its id and status; the data is on disk.
    [[nodiscard]] bool add(QList<SamplingRecord>* records, const SaveOptions& options,
                           QList<QList<Problem>>* problems, QString* error);
    [[nodiscard]] bool add(SamplingRecord* record, const SaveOptions& options,
                           QList<Problem>* problems, QString* error);

    // Corrects a saved record (a typo in the name, the wrong phone): validated like a save
    // (warnings need options.acceptWarnings, a NIR mismatch its override reason), the tube
    // label still unique. The previous identifying blocks are kept, re-sealed, as a version
    // of kind "amendment" with the reason sealed; the record gets the next version number
    // and keeps its status and result. Audited as "record.amend" with the reason sealed.
    // `record` carries the new values; on success it has the record's id, status and new
    // version.
    [[nodiscard]] bool amend(const QUuid& id, SamplingRecord* record, const QString& reason,
                             const SaveOptions& options, QList<Problem>* problems, QString* error);
    static const QString AmendmentKind; // "amendment"

    // Decrypts a whole record. Audited as a view of identifying data ("record.view"), or
    // as what the caller does with it ("sync.send").
    [[nodiscard]] bool load(const QUuid& id, SamplingRecord* record, QString* error,
                            const QString& auditAction = QStringLiteral("record.view"));
    [[nodiscard]] bool findByTube(const QString& accession, QUuid* id, QString* error);
    // Whether a record with this id is in the store, readable or not.
    bool exists(const QUuid& id);
    // Whether its identifying data was erased after the retention window (RecordPurge).
    bool isPurged(const QUuid& id);

    struct Summary
    {
        QUuid id;
        QString accession; // empty when the record is damaged
        RecordStatus status = RecordStatus::Draft;
        QString collectedAt;
        bool damaged = false;
        QString patientName; // "BIRTHNAME (USUALNAME) First names", only with withNames
        QString birthDate;   // YYYY-MM-DD, only with withNames: tells namesakes apart
    };

    // Which records a queue shows. Empty members do not filter. Tube label and patient
    // name match exactly (through the blind indexes), ignoring case and accents for names.
    // Purged records hold nothing to show or work on: only a query for the purged status
    // lists them (their summaries have the sampling day and no tube label or name).
    struct Query
    {
        std::optional<RecordStatus> status;
        QDate collectedOn; // the sampling day as written in the record
        QString tubeLabel;
        QString patientName;
        // Words typed into a search: each must begin a word of the birth name, usual name
        // or first names ("dup", "jean dupont", "Dupont Jean"), or, for one word, end the
        // tube label ("0042"). Accents and case do not matter; at least one word needs two
        // letters (or two characters of a label). Found through search buckets: only the
        // records of one bucket are decrypted.
        QString search;
    };
    // Counts without decrypting anything.
    int count(const Query& query, QString* error);
    // One page of summaries, most recent sampling first. Decrypts only these rows: the
    // tube label, and the names when withNames is true.
    QList<Summary> page(const Query& query, int offset, int limit, bool withNames, QString* error);
    // Every record, most recent first, with tube labels only.
    QList<Summary> list(std::optional<RecordStatus> status, QString* error);

    struct VerifyReport
    {
        int recordsChecked = 0;
        QStringList fileProblems;             // from SQLite's integrity check
        QList<QPair<QUuid, QString>> damaged; // record id, what does not open
        // Outbox versions (record id, version) whose send state does not match its seal.
        QList<QPair<QUuid, int>> damagedSendStates;
        // Records the audit chain created that have no row any more (deleted in the file).
        QList<QUuid> missing;
        bool isIntact() const
        {
            return fileProblems.isEmpty() && damaged.isEmpty() && damagedSendStates.isEmpty() &&
                   missing.isEmpty();
        }
    };
    // Opens every ciphertext of every record. A record that does not open is marked
    // damaged and kept aside (never deleted); the others stay usable. Purged records have
    // no ciphertext left and are not checked. Every send state is checked against its seal,
    // every row's clear columns against theirs (purged rows included), and every record the
    // audit chain created must still have its row.
    VerifyReport verify();

    struct ResultCount
    {
        QString day; // sampling day, YYYY-MM-DD
        QString analysis;
        QString value; // P, N, I, X, "cancelled" or "unreadable"
        int records = 0;
    };
    struct Statistics
    {
        QMap<QString, int> byStatus;
        QMap<QString, int> byDay; // sampling day, YYYY-MM-DD; purged records included
        int damaged = 0;
        // The results of purged records, counted when their result block was erased.
        QList<ResultCount> purgedResults;
    };
    // Counts only; needs no key and decrypts nothing.
    static Statistics statistics(Store& store, QString* error);

    struct DayCounts
    {
        QList<int> samplesPerHour = QList<int>(24, 0); // by the hour the sampling time says
        int samples = 0;
        int awaitingResult = 0; // sampled, no validated result yet
    };
    // The samples of one sampling day. Counts only, from clear columns.
    [[nodiscard]] static bool dayCounts(Store& store, const QDate& day, DayCounts* counts,
                                        QString* error);
    // Samples still waiting for a result, sampled before `sampledBefore` (oldest first): a
    // tube lost on the way to the lab, or a result never entered. Tube labels decrypted.
    struct AwaitingResult
    {
        QUuid id;
        QString accession;
        QString collectedAt;
    };
    QList<AwaitingResult> awaitingResult(const QDateTime& sampledBefore, QString* error);
    // How long a sample may wait for its result before it is pointed out.
    static constexpr int AwaitingResultDays = 3;

Q_SIGNALS:
    void recordSaved(const QUuid& id);

private:
    // The outbox reads what a version says without auditing a view: what it sends is
    // audited by the sync engine.
    friend class Outbox;
    // Opens the blocks of a station's records and writes their search buckets at the site.
    friend class StoreMerge;
    // add()'s checks of a batch, before anything is written: the problems of each record,
    // and the tube index of each.
    void validateNew(QList<SamplingRecord>* records, const SaveOptions& options,
                     QList<QList<Problem>>* problems, QList<QByteArray>* tubeIndexes, bool* refused,
                     bool* needsConfirmation);
    // add()'s rows, in the caller's transaction.
    bool insertNew(QList<SamplingRecord>* records, const QList<QByteArray>& tubeIndexes,
                   const SaveOptions& options, QString* error);
    // amend()'s checks of the new version, before anything is written: its problems, its
    // tube index, and false when they refuse it (an error, or warnings not accepted).
    bool validateAmended(const QString& recordId, SamplingRecord* record,
                         const SaveOptions& options, QList<Problem>* problems,
                         QByteArray* tubeIndex, QString* error);
    // amend()'s row of the version replaced, in record_versions, in the caller's transaction
    // (its result counted under the new sampling day); the previous result, opened, in
    // `resultCbor` for the new version.
    bool keepPreviousVersion(const QString& recordId, const SamplingRecord& previous,
                             const SamplingRecord& record, const QByteArray& sealedResult,
                             const QString& reason, const SaveOptions& options,
                             QByteArray* resultCbor, QString* error);
    // amend()'s update of the record's row to its new version, in the caller's transaction.
    bool writeAmended(const QString& recordId, const SamplingRecord& record,
                      const SamplingRecord& previous, const QByteArray& tubeIndex,
                      const QByteArray& resultCbor, const SaveOptions& options, QString* error);
    bool openBlocks(const QUuid& id, SamplingRecord* record, QString* damagedBlock, QString* error);
    // The buckets of a record, padded to a fixed count, written in the caller's transaction;
    // `replace` first removes those it had (a new record has none).
    bool writeSearchBuckets(const QString& id, const SamplingRecord& record, bool replace,
                            QString* error);
    // Buckets for records saved before the search existed: once per store.
    bool ensureSearchBuckets(QString* error);
    // The ids a search query matches, most recent sampling first (cached until the next
    // count() or save).
    QList<QUuid> searchIds(const Query& query, QString* error);
    QString searchCacheKey(const Query& query) const;

    QString m_searchCacheKey;
    QList<QUuid> m_searchCache;

    Store& m_store;
};
