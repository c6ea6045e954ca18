#pragma once

#include "SamplingRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>
#include <memory>
#include <optional>

class Store;
class Transaction;
class Vault;

// What the national server must receive, one row per version of a record: the registration
// when the sample is saved, then the result, each correction, cancellation or amendment.
// Every version is sent exactly once and in order: a version is due only once the earlier
// ones are settled (acknowledged or rejected) or travel in the same batch before it.
//
// A version is queued in the transaction that creates it, so the store never holds a
// change the outbox does not know. What a version says is the record as it stands; when a
// newer version replaces it before it was sent, a sealed snapshot of it is taken first
// (payload), so that what goes out is what that version said. A version's snapshot and
// reason are erased once the server acknowledged it.
//
// The only class that reads or writes the outbox table.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    enum class Kind
    {
        Registration, // the sample, before any result
        Result,       // the first validated result
        Correction,   // a validated result replaced (the reason travels)
        Cancellation, // a validated result withdrawn (the reason travels)
        Amendment,    // the sampling data corrected (the reason travels)
    };
    static QString kindName(Kind kind); // "registration", "result"...
    static std::optional<Kind> kindFromName(const QString& name);

    enum class State
    {
        Waiting,
        Sending,
        Acknowledged,
        Rejected,
    };
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString& name);

    explicit Outbox(Store& store);

    // One step of the sync as a unit of work: everything written through the store between
    // begin() and commit() (the outbox's changes and the audit entries that go with them)
    // is committed together, or rolled back when the Batch goes out of scope without
    // commit(). The sync engine marks a batch sending in one, and records the server's
    // answer to it in another.
    class Batch
    {
    public:
        explicit Batch(Outbox& outbox);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;

        [[nodiscard]] bool begin(QString* error);
        [[nodiscard]] bool commit(QString* error);

    private:
        std::unique_ptr<Transaction> m_transaction;
    };

    // Inside the caller's transaction, before the caller writes the new version: queues
    // `version` of the record. An earlier version still unsent gets its snapshot now, from
    // the record as it still stands. The reason (corrections, cancellations, amendments) is
    // sealed.
    [[nodiscard]] bool addVersion(const QUuid& id, int version, Kind kind, const QString& reason,
                                  const QDateTime& now, QString* error);

    struct Entry
    {
        QString recordId;
        int version = 0;
        Kind kind = Kind::Registration;
        int attempts = 0;
    };
    // Up to `limit` due entries, a record's versions in order, none of `busyRecords` (those
    // with a version in flight). A version comes only when every earlier one is settled or
    // comes before it in the list.
    QList<Entry> due(const QDateTime& now, int limit, const QSet<QString>& busyRecords,
                     QString* error);

    // What one entry says: the record as it was at that version (its report included), the
    // status its result is sent with ("", "corrected" or "entered-in-error") and the reason.
    struct Content
    {
        SamplingRecord record;
        QString correction;
        QString reason;
        QDateTime queuedAt; // when the version was made: a change's time (Provenance)
        // Once the result is cancelled ("entered-in-error"), the analysis of the result that
        // was withdrawn (the record keeps none): the Bundle still names the test it cancels.
        QString cancelledAnalysis;
    };
    [[nodiscard]] bool content(const Entry& entry, Content* content, QString* error);

    // Before a batch leaves: its entries are "sending" (a crash from there means "send
    // again") and have one more attempt.
    [[nodiscard]] bool markSending(const QList<Entry>& entries, QString* error);
    // The server's verdict on one entry. An acknowledged version loses its snapshot and
    // reason (the server has them); a rejected one waits for a newer version; a retried one
    // waits until `nextAttempt`.
    [[nodiscard]] bool settle(const Entry& entry, State state, const QString& message,
                              const QDateTime& nextAttempt, const QDateTime& now, QString* error);
    // Clears every wait: what is waiting is due now.
    [[nodiscard]] bool retryNow(const QDateTime& now, QString* error);

    struct Status
    {
        // Versions (a registration, a result, a correction... each is one send).
        int waiting = 0;
        int sending = 0;
        int acknowledged = 0;
        int rejected = 0;
        // Records, as people count them: one with a version still to send is waiting; one
        // whose every version the server has is acknowledged; one whose latest version was
        // refused is rejected.
        int recordsWaiting = 0;
        int recordsAcknowledged = 0;
        int recordsRejected = 0;
        // Versions whose clear state does not match its seal (the file was edited), and the
        // records they belong to: never sent, purged or counted as anything else.
        int damaged = 0;
        int recordsDamaged = 0;
        QDateTime oldestWaiting; // queued time of the oldest version not yet acknowledged
        QDateTime nextAttempt;
        QDateTime lastSuccess; // the last acknowledgement
        QString lastError;
    };
    Status status();

    // The state of each record's latest version, for views ("" when not queued, "damaged"
    // when it does not match its seal).
    QString latestState(const QUuid& id);

    // Every record's latest version is sent again (the national server lost what it had, as
    // after restoring a backup of its own): it recognises what it already holds. The earlier
    // versions stay settled; their content was erased once acknowledged.
    [[nodiscard]] bool resendLatestVersions(QString* error);

    // The versions whose state (waiting, sending, acknowledged with its time, rejected) does
    // not match the keyed hash written with it: someone edited the file. Reported by
    // `db verify` and the sync status; never acted on.
    QList<Entry> damagedVersions(QString* error);

    // Whether a state read in clear is the one the store wrote (RecordPurge checks the
    // acknowledgements it acts on).
    static bool stateIsAuthentic(const Vault& vault, const QString& recordId, int version,
                                 const QString& state, const QString& acknowledgedAt,
                                 const QByteArray& mac);

    // The audit action that says no version of this store is without a seal any more: written
    // when a store is created, and when the versions of an older store are sealed at its first
    // signed-in use. After it, a version without a seal is damage, never history.
    static const QString SealedAction; // outbox.sealed
    // Written by Store::initialize, in its transaction.
    [[nodiscard]] static bool noteSealedFromCreation(Store& store, QString* error);
    // Defined only in builds with test hooks (SIDEP_TEST_HOOKS, never a package): stores are
    // created as versions before sealed states did, without the note, so that a test can make
    // a store from before the seals.
    static void createStoresAsBeforeSealsForTest(bool asBefore);

    // Called by the purge, in its transaction: nothing identifying stays in the outbox.
    [[nodiscard]] bool eraseContent(const QString& recordId, QString* error);

private:
    // Seals the send states of a merged station's versions under the site's key.
    friend class StoreMerge;

    bool snapshot(const QString& recordId, int version, QString* error);
    // The analysis of the result the latest cancellation before `version` withdrew, from the
    // result history (record_versions) where the cancellation kept it.
    bool cancelledAnalysis(const QString& recordId, int version, QString* analysis, QString* error);
    static QByteArray stateMac(const Vault& vault, const QString& recordId, int version,
                               const QString& state, const QString& acknowledgedAt);
    // Versions queued before states were sealed are sealed once, as they stand, at the first
    // signed-in use, and only if the audit chain is intact (someone who can write the file
    // must not make a forged state look old); the audit log says so, and after it a version
    // without a seal is damage.
    bool sealLegacyStates(QString* error);

    Store& m_store;
};
