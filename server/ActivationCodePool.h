#pragma once

#include "ActivationCodeCsv.h"
#include "ServerDatabase.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The national stock of one-time activation codes for the contact-tracing application
// (../shared/spec/codes.md): generated here or imported from the national code server's CSV,
// handed to sites in batches (GET /activation-codes) as the very CSV a site imports by hand,
// with its sha256sum line, and marked used when the site reports it used (its day, no record).
// Codes are anonymous: nothing here ties a code to a patient.
class ActivationCodePool
{
    Q_DECLARE_TR_FUNCTIONS(ActivationCodePool)

public:
    static constexpr int MaxBatch = 500; // codes per request
    static constexpr int DefaultValidDays = 10;
    static constexpr int MaxValidDays = 365;
    static constexpr int MaxGenerate = 1000000;
    static constexpr qint64 MaxCsvSize = 64 * 1024 * 1024;
    // Generated codes start this much before the moment they are made: a workstation whose
    // clock runs a little behind the server's (the sync panel warns beyond 5 minutes) must
    // still find them valid, or it would fetch again at every cycle.
    static constexpr int ClockMarginMinutes = 10;

    explicit ActivationCodePool(ServerDatabase* database);

    // `count` new codes (lower-case UUID v4, the same for the QR and in clear), valid for
    // `validDays` from now.
    [[nodiscard]] bool generate(int count, int validDays, QString* error,
                                const QDateTime& now = QDateTime::currentDateTimeUtc());
    // The same codes as a delivery of the national code server, written into `folder`
    // instead of the stock: yyyyMMddHHmmss_stopcovid_qrcode_batch.tgz (gzip, tar, tar, the
    // CSV <sequence><yyMMdd>.csv with links in code_pour_qr) and its .sha256 (hex, no
    // newline), for `codes import` here or at a site. Nothing is stored; an archive of the
    // same name already there is not replaced.
    [[nodiscard]] static bool writeDelivery(const QString& folder, int count, int validDays,
                                            QString* archivePath, QString* error,
                                            const QDateTime& now = QDateTime::currentDateTimeUtc());

    // One thing wrong with an imported file: the workstation's reader and rules
    // (wire/ActivationCodeCsv), plus "code.known" for a code already in the stock.
    using ImportProblem = ActivationCodeCsv::Problem;
    struct ImportReport
    {
        int imported = 0;
        int alreadyUsed = 0; // codes sites had already used (imported there by hand)
        QList<ImportProblem> problems;
    };
    // A national CSV batch: every code or, on any problem, none.
    [[nodiscard]] bool importCsv(const QByteArray& csv, ImportReport* report, QString* error,
                                 const QDateTime& now = QDateTime::currentDateTimeUtc());

    // What a site receives: a CSV file in the national format, its name, and the
    // sha256sum line for that name, so that the workstation's import checks it like a file
    // brought by hand. No code left: count 0, empty file, exhausted.
    struct Batch
    {
        int count = 0;
        bool exhausted = false; // fewer codes than asked: the stock has run out
        QString fileName;
        QByteArray csv;
        QByteArray sha256;

        // {"count", "exhausted", "fileName", "csv", "sha256"}
        QJsonObject toJson() const;
    };
    // Issues up to `count` (1..MaxBatch) free codes valid now to the site, the longest
    // validity first: a site keeps a stock for days, so the longer each code it gets stays
    // valid, the fewer expire unused in its pool; a code near its end is better left here,
    // where expiring costs nothing and no patient gets a code about to lapse.
    [[nodiscard]] bool issue(const QString& site, int count, Batch* batch, QString* error,
                             const QDateTime& now = QDateTime::currentDateTimeUtc());

    // A site's report of the codes its positive results took (POST /activation-codes/used):
    // each code with its day, never a record. Outcomes in the order given.
    struct UsedCode
    {
        QString code;
        QString day; // yyyy-MM-dd
    };
    static constexpr int MaxReport = 500; // codes per report
    [[nodiscard]] bool reportUsed(const QList<UsedCode>& codes, const QString& site,
                                  QList<ServerDatabase::CodeUse>* outcomes, QString* error,
                                  const QDateTime& now = QDateTime::currentDateTimeUtc());
    // The word a site reads: used, already used, unknown or refused.
    static QString outcomeText(ServerDatabase::CodeUse use);

    [[nodiscard]] bool counts(ServerDatabase::CodeCounts* counts, QString* error,
                              const QDateTime& now = QDateTime::currentDateTimeUtc());

    // Fixed width and always UTC, the form of codes.md: dates compare correctly as text.
    static QString utcText(const QDateTime& dateTime)
    {
        return ActivationCodeCsv::utcText(dateTime);
    }

private:
    [[nodiscard]] static bool newCodes(int count, int validDays, const QDateTime& now,
                                       QList<ServerDatabase::ActivationCode>* codes,
                                       QString* error);

    ServerDatabase* m_database;
};
