#pragma once

#include "Problem.h"
#include "ServerDatabase.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// What the server does with one incoming Bundle: reads it back into a record, checks it
// against Annex 1 and against the site that sent it, and stores it once. The answer is per
// record: accepted (stored now, its Patient kept when it is the newest sampling:
// PatientRegister), already had (the same site, record and version was stored before), or
// rejected with a FHIR OperationOutcome the workstation shows. No Bundle carries an
// activation code: the sites report the codes they used apart (ActivationCodePool).
class BundleIntake
{
    Q_DECLARE_TR_FUNCTIONS(BundleIntake)

public:
    enum class Outcome
    {
        Accepted,
        AlreadyHad,
        Rejected,
        Failed, // the server could not store it: the client should retry later
    };

    struct Result
    {
        Outcome outcome = Outcome::Rejected;
        int httpStatus = 422;
        QString bundleId; // urn:uuid: and the record's UUID, when readable
        int version = 0;
        QJsonObject operationOutcome; // when rejected or failed

        // {"outcome": "accepted", "status": 201, "bundleId": ..., "version": ...,
        //  "operationOutcome": {...}}
        QJsonObject toJson() const;
    };

    static QString outcomeName(Outcome outcome); // "accepted", "already had"...

    // A workstation's Bundle has about 15 entries; far more is not a record, and each entry
    // costs parsing and problems: refused before anything is read from them.
    static constexpr int MaxEntries = 200;
    // Issues listed in one OperationOutcome; the rest are counted in a last issue. A
    // person reads the first few; a malformed Bundle must not make a huge answer.
    static constexpr int MaxIssues = 50;

    // Another content under a version already stored, or a version that is not the next.
    static inline const QString VersionConflictRule = QStringLiteral("version.conflict");

    // A Bundle read, validated and made into the rows to store, before the database.
    struct Checked
    {
        Result result;         // the answer when not storable (rejected), else its id
        bool storable = false; // valid, from the site that sent it
        QString logId;         // the record's id for the log, or "(unreadable)"
        ServerDatabase::Row row;
        ServerDatabase::PatientRow patient;
        QString patientError; // the Patient's row could not be made (not expected)
    };

    // The part of receive() that needs no database: reading, validating, serialising. It
    // touches nothing shared, so the server runs it on its worker threads. `site` is the
    // FINESS of the client certificate's CommonName. `compactText`, when the request holds
    // the Bundle exactly as JsonText::compact() would write it (JsonText::isCompact), is
    // kept as the stored text instead of writing the Bundle again.
    static Checked check(const QJsonObject& bundle, const QString& site,
                         QByteArrayView compactText = {});
    // The rest, in the database's thread and inside a batch (ServerDatabase::beginBatch): a
    // version stored now and the Patient it may replace (PatientRegister) are committed
    // together, and a Failed result is rolled back whole.
    static Result store(const Checked& checked, ServerDatabase* database);
    // check() then store(), in one go.
    static Result receive(const QJsonObject& bundle, const QString& site, ServerDatabase* database);

    // An OperationOutcome with one error issue per problem (at most MaxIssues, then one
    // that counts the others): code from the rule, diagnostics "path: rule: message",
    // expression the path.
    static QJsonObject operationOutcome(const QList<Problem>& problems);
    static QJsonObject operationOutcome(const QString& code, const QString& diagnostics,
                                        const QString& expression = {});
};
