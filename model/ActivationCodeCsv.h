#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// The national activation-code file (../shared/spec/codes.md): a CSV with the header
// code_pour_qr,code_brut,validite_debut,validite_fin, one code a line, validity in UTC.
// One reader for the workstation (a batch brought by hand or fetched from the server) and
// for the reference server (a national batch put into its stock), so that a file the
// server takes is a file every site accepts.
class ActivationCodeCsv
{
    Q_DECLARE_TR_FUNCTIONS(ActivationCodeCsv)

public:
    static const QStringList Header;
    // Enough to fix a file; a file with more is wrong from end to end anyway.
    static constexpr int MaxProblems = 100;

    // One thing wrong with a file: the line (1 is the header, 0 the whole file), the
    // column, a stable rule id ("csv.header", "code.format", "dates.order"...) and a
    // translated message that does not repeat the code.
    struct Problem
    {
        int line = 0;
        QString column;
        QString rule;
        QString message;

        QString toString() const; // "line 3, validite_fin: ... [dates.order]"
    };

    struct Code
    {
        int line = 0;
        QString qrCode;    // code_pour_qr: what goes in the QR link
        QString rawCode;   // code_brut: what a record carries
        QString validFrom; // utcText, so that dates compare correctly as text in SQL
        QString validUntil;
    };

    // Every problem of the file (up to MaxProblems) and, in `codes`, the lines that have
    // none. A caller imports all or nothing, so it only uses `codes` when no problem came.
    static QList<Problem> read(const QByteArray& csv, QList<Code>* codes);
    // The file for `codes` (their line numbers are ignored).
    static QByteArray write(const QList<Code>& codes);

    // Appends unless `problems` already holds MaxProblems.
    static void add(QList<Problem>* problems, Problem problem);

    // A lower-case UUID v4, or 6 or 12 characters A-Z 0-9.
    static bool isCode(const QString& code);
    // Fixed width and always UTC: 2021-08-25T22:00:00.000Z.
    static QString utcText(const QDateTime& dateTime);
};
