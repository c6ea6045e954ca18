#pragma once

#include "Problem.h"
#include "SamplingRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUuid>

class Store;
class Transaction;
class Vault;

// The lab's side of a record (role lab): entering a result, the blind second check of
// positives, corrections and cancellations kept as versions, the activation code of a
// positive, and what the QR code and the printed slip may show (audited). Results are
// written only into the record's encrypted result and report blocks; the clear columns say
// only the status, the version and whether the result is a correction.
//
// A GUI holds one per signed-in store and reacts to the signals; every call also reports
// its outcome directly, so the command line uses the same rules.
class ResultStore : public QObject
{
    Q_OBJECT

public:
    // The key of a record's rows in result_entries (a keyed token: only a positive waits
    // there for its second entry).
    static QString entriesKey(const Vault& vault, const QString& recordId);
    static const QString DefaultAnalysis;      // 94500-6, RT-PCR SARS-CoV-2
    static const QString RapidAntigenAnalysis; // 94558-4
    static const QString SecondCheckSetting;   // results.secondCheck: "on" (default) or "off"
    static constexpr qint64 MaxReportSize = 10 * 1024 * 1024;

    // The analyses a result form offers, the default first.
    static QStringList offeredAnalyses();

    // Reads a lab report file for an Entry: at most MaxReportSize + 1 bytes whatever the file
    // claims (a device says it is empty and never ends), so that the size rule can refuse
    // it. False with `error` (the file's name, never its content) when it cannot be read.
    [[nodiscard]] static bool readReportFile(const QString& path, QByteArray* report,
                                             QString* error);

    explicit ResultStore(Store& store, QObject* parent = nullptr);

    // What a lab user keys for one tube.
    struct Entry
    {
        QString analysis;      // LOINC; empty means DefaultAnalysis
        QString value;         // P, N, I or X
        QString validatedAt;   // ISO 8601 with offset; empty means now
        QString nonConformity; // required for X
        QByteArray reportPdf;  // optional, %PDF-, at most 10 MiB
    };

    enum class Outcome
    {
        Validated,           // the result is the record's; status resulted
        AwaitingSecondEntry, // a positive entered once: another user must enter it blind
        Mismatch,            // disagrees with another user's entry: nothing validated
    };

    // Enters a result on a sampled record. A positive, when the second check is on, is kept
    // as this user's pending entry until a different user enters the same value and analysis
    // without seeing the first; any entry that disagrees with another user's pending entry is
    // a mismatch, reported to both through pendingState(), and nothing is validated until two
    // users agree. A user entering again replaces their own pending entry. A validated
    // positive takes an activation code at once, or is flagged to get one when codes arrive.
    // False with `problems` (field and rule) when the entry breaks a rule.
    [[nodiscard]] bool enter(const QUuid& id, const Entry& entry, Outcome* outcome,
                             QList<Problem>* problems, QString* error,
                             const QDateTime& now = QDateTime::currentDateTimeUtc());

    // What the second check is waiting for, without any entered value (entries are blind).
    // On a record with a validated result, the entries are pending corrections.
    struct PendingState
    {
        int entries = 0;
        bool enteredByMe = false;
        bool mismatch = false; // two users entered different results
        QStringList enteredBy;
    };
    [[nodiscard]] bool pendingState(const QUuid& id, PendingState* state, QString* error);
    bool secondCheckEnabled();

    // The record's result as it stands. Decrypts the result block only (not the identity).
    struct Current
    {
        RecordStatus status = RecordStatus::Draft;
        int version = 1;
        QString correction; // "", "corrected" or "entered-in-error": how it is sent again
        QString accession;
        QString collectedAt;
        TestResult result; // without the report: see report()
        bool hasReport = false;
        Activation activation;
        bool awaitingActivationCode = false;
        int slipsPrinted = 0;

        bool isValidated() const; // resulted or later, with a result not cancelled
        bool isValidatedPositive() const;
    };
    [[nodiscard]] bool current(const QUuid& id, Current* current, QString* error);
    // The lab report PDF, opened on demand. Audited.
    [[nodiscard]] bool report(const QUuid& id, QByteArray* pdf, QString* error);

    // A validated result is never edited: a correction keeps the previous result (and its
    // report) as a version with the reason, gives the record the next version number and
    // marks it to be sent again as a correction. A cancellation does the same with no result
    // (sent as entered in error). The reason is required and is stored encrypted.
    //
    // A correction to a positive goes through the blind second check like a first positive:
    // it is kept as this user's pending correction, and the record keeps its validated result
    // (no version, no activation code, nothing queued) until a different user enters the same
    // value and analysis. Their reasons may differ: the version keeps the first user's, the
    // audit log both. A correction that disagrees with another user's pending one is a
    // mismatch; a correction to N, I or X with none pending is validated at once. Whatever
    // replaces the result (a validated correction, a cancellation) discards pending ones.
    [[nodiscard]] bool correct(const QUuid& id, const Entry& entry, const QString& reason,
                               Outcome* outcome, QList<Problem>* problems, QString* error,
                               const QDateTime& now = QDateTime::currentDateTimeUtc());
    // The same, for callers that need not tell a validated correction from a pending one:
    // true also when the correction waits for a second entry.
    [[nodiscard]] bool correct(const QUuid& id, const Entry& entry, const QString& reason,
                               QList<Problem>* problems, QString* error,
                               const QDateTime& now = QDateTime::currentDateTimeUtc());
    [[nodiscard]] bool cancel(const QUuid& id, const QString& reason, QString* error,
                              const QDateTime& now = QDateTime::currentDateTimeUtc());

    // One replaced result, oldest first.
    struct Version
    {
        int version = 0;
        QString kind; // "correction" or "cancellation": what replaced it
        TestResult result;
        Activation activation;
        bool hadReport = false;
        QString reason;
        QString replacedBy;
        QString replacedAt;
    };
    [[nodiscard]] bool history(const QUuid& id, QList<Version>* versions, QString* error);

    // The activation code and link of a validated positive, for showing, printing or
    // exporting its QR code. Refuses anything else; every use is written to the audit log.
    enum class QrUse
    {
        Display,
        Print,
        Export,
    };
    [[nodiscard]] bool activationFor(const QUuid& id, QrUse use, Activation* activation,
                                     QString* error);

    // What the printed result slip carries.
    struct SlipContent
    {
        QString siteName;
        QString siteFiness;
        QString accession;
        QString collectedAt;
        QString analysis;
        QString value; // P, N, I or X
        QString validatedAt;
        QString nonConformity;
        int version = 1;
        QString activationCode; // positives only
        QString activationLink;
        bool reprint = false;
        QString reprintReason;
    };
    // For a record with a validated result. A slip already printed needs a reprint reason.
    // Audited (slip.print or slip.reprint, and qr.print for a positive).
    [[nodiscard]] bool slip(const QUuid& id, const QString& reprintReason, SlipContent* content,
                            QString* error);

    // Gives codes to validated positives flagged as waiting for one, while codes last.
    [[nodiscard]] bool
    assignPendingActivations(int* assigned, QString* error,
                             const QDateTime& now = QDateTime::currentDateTimeUtc());

Q_SIGNALS:
    void resultValidated(const QUuid& id);
    void entryPending(const QUuid& id);
    void entriesDisagree(const QUuid& id);
    void resultCorrected(const QUuid& id);
    // A positive was validated but no valid activation code was left: tell the user at once.
    void activationCodeMissing(const QUuid& id);
    void activationAssigned(const QUuid& id);

private:
    struct Row;
    bool readRow(const QUuid& id, Row* row, QString* error);
    QList<Problem> check(Entry* entry, const QString& collectedAt, const QDateTime& now);
    struct ResultWrite;
    bool writeResult(const QUuid& id, const Row& row, const ResultWrite& write, QString* error);
    bool validate(const QUuid& id, const Row& row, const Entry& entry, const QDateTime& now,
                  bool* activationMissing, QString* error);
    struct PendingEntry;
    bool otherEntries(const QString& recordId, QList<PendingEntry>* others, QString* error);
    bool keepPending(const QString& recordId, const Entry& entry, const QString& reason,
                     const QDateTime& now, QString* error);
    bool checkReplaceable(const Row& row, bool cancelling, QString* error);
    bool beginReplacing(Transaction& transaction, const QUuid& id, bool cancelling, Row* row,
                        QString* error);
    bool replace(const QUuid& id, const Row& row, const Entry* entry, const QString& reason,
                 const QDateTime& now, bool* activationMissing, QString* error);

    Store& m_store;
};
