#pragma once

#include "ActivationCodeCsv.h"
#include "SamplingRecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class Store;
class Vault;

// The site's pool of one-time activation codes for the contact-tracing application
// (../shared/spec/codes.md): imported from the national deliveries (.tgz or CSV, through
// ActivationCodeDelivery) or the reference server's batches, handed out one per validated
// positive result, never twice, never outside their validity window. Codes are anonymous,
// so the pool is kept in clear; which record holds which code is in the record's encrypted
// result block. A used code is marked with a keyed token of its holder (holderToken()) and
// the day only, and the positive results waiting for a code are listed by that token with
// the record sealed: someone holding the file without a password cannot tell which records
// are positive from either table.
//
// activation_codes.raw_code is code_brut: printed in clear under the QR code and, once used,
// reported to the national server apart from any record (its day only, see unreported()).
// activation_codes.qr_code is what takes the place of {code} in the site's link template (the QR
// content): the code of the national link in code_pour_qr, that is code_brut again, or code_pour_qr
// itself in the older files that held a bare code there. The link of the delivery is not stored:
// the template (a setting) says which form of link patients get.
class ActivationCodes : public QObject
{
    Q_OBJECT

public:
    static const QString
        DefaultLinkTemplate; // https://bonjour.tousanticovid.gouv.fr/app/code/{code}
    static const QString LinkTemplateSetting; // activation.linkTemplate
    static constexpr qint64 MaxFileSize = 64 * 1024 * 1024;

    explicit ActivationCodes(Store& store, QObject* parent = nullptr);

    // One thing wrong with an imported file (line, column, rule id, message).
    using ImportProblem = ActivationCodeCsv::Problem;

    struct ImportReport
    {
        int imported = 0;
        int assigned = 0; // records that were waiting for a code and got one
        QList<ImportProblem> problems;
    };

    // Checks the whole delivery (a .tgz or a CSV, its checksum: `sha256Path`, or the .sha256
    // beside it, see ActivationCodeDelivery::readFile) and imports every code or, on any
    // problem, none: the problems name the file, the line and the rule. Then gives codes to
    // the positive results that were waiting for one. Lab or admin. No problem but an error:
    // a file could not be read.
    [[nodiscard]] bool importFile(const QString& path, const QString& sha256Path,
                                  ImportReport* report, QString* error,
                                  const QDateTime& now = QDateTime::currentDateTimeUtc());
    // The same on bytes already read; `fileName` is the name a sha256sum line must carry.
    [[nodiscard]] bool importCsv(const QByteArray& csv, const QString& fileName,
                                 const QByteArray& sha256File, ImportReport* report, QString* error,
                                 const QDateTime& now = QDateTime::currentDateTimeUtc());

    struct Status
    {
        int total = 0;
        int used = 0;
        int validNow = 0;     // unused and usable now
        int expiringSoon = 0; // among validNow, those whose validity ends within the days asked
        int notYetValid = 0;  // unused, validity starts later
        int expired = 0;      // unused and past their validity: never given out
        int awaitingCode = 0; // positive results waiting for a code
        QDateTime nextExpiry; // of the codes valid now; invalid when none
    };
    Status status(int soonDays, QString* error,
                  const QDateTime& now = QDateTime::currentDateTimeUtc());

    // Takes one code valid at `now` and never used, for the record, inside the caller's
    // transaction (which must be BEGIN IMMEDIATE, as Database::begin is): the UPDATE only
    // takes a code still free, so two processes never get the same one. False with
    // `*exhausted` true when no valid code is left (not an error).
    [[nodiscard]] bool allocate(const QString& recordId, const QDateTime& now,
                                Activation* activation, bool* exhausted, QString* error);

    // A code a validated positive took, as the national server learns of it: the code and
    // the UTC day it was taken, nothing finer and no record (UsedCodeReport).
    struct UsedCode
    {
        QString code; // code_brut
        QDate day;
    };
    // Up to `limit` used codes the server has not answered for yet, sorted by code so that the
    // order says nothing of the records'.
    [[nodiscard]] bool unreported(int limit, QList<UsedCode>* codes, QString* error);
    // The server answered for these codes (used, already used, unknown or refused): they are
    // not reported again.
    [[nodiscard]] bool markReported(const QStringList& codes, QString* error);

    // The positive results waiting for a code (the pool was empty when they were validated),
    // inside the caller's transaction: the record joins or leaves the list.
    [[nodiscard]] bool setWaiting(const QString& recordId, bool waiting, QString* error);
    [[nodiscard]] bool isWaiting(const QString& recordId, bool* waiting, QString* error);
    // The waiting records, first validated first.
    [[nodiscard]] bool waitingRecords(QStringList* recordIds, QString* error);
    // The record is purged: its code stays used (it must never be given again) but linked to
    // no one, and it leaves the waiting list.
    [[nodiscard]] bool forgetHolder(const QString& recordId, QString* error);

    // What marks a used code and a waiting record instead of the record's id: a keyed hash,
    // the same for one record every time, that only the data key links to the record.
    static QString holderToken(const Vault& vault, const QString& recordId);

    // The link template in force (a site setting, with {code} where the code goes).
    QString linkTemplate();
    static QString link(const QString& linkTemplate, const QString& qrCode);

Q_SIGNALS:
    void codesImported(int count);

private:
    [[nodiscard]] bool mayImport(QString* error);
    // Stores written before holder tokens named the record in clear (used_by, and
    // records.activation_pending): converted at the first signed-in use.
    [[nodiscard]] bool convertLegacyHolders(QString* error);
    // The CSV, already checked against its checksum; `source` (not empty) names the file in
    // the problems and the error.
    [[nodiscard]] bool importChecked(const QByteArray& csv, const QString& csvName,
                                     const QString& source, ImportReport* report, QString* error,
                                     const QDateTime& now);

    Store& m_store;
};
