#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// The national activation-code file (../shared/spec/codes.md): a CSV with the header
// code_pour_qr, code_brut, validite_debut, validite_fin (a space after each comma, perhaps a
// trailing one, or none at all), one code a line, validity in UTC. code_pour_qr is the link
// the national code server meant for the QR code, https://app.stopcovid.gouv.fr?code=<code>&type=1,
// whose code must be code_brut; or, in files this project wrote before, a bare code.
// One reader for the workstation (a batch brought by hand or fetched from the server) and
// for the reference server (a national batch put into its stock), so that a file the
// server takes is a file every site accepts. Deliveries (.tgz, .sha256) are unwrapped by
// ActivationCodeDelivery first.
class ActivationCodeCsv
{
    Q_DECLARE_TR_FUNCTIONS(ActivationCodeCsv)

public:
    static const QStringList Header;
    // The host and the form of the national server's links (code_pour_qr).
    static const QString NationalLinkHost; // app.stopcovid.gouv.fr
    static QString nationalLink(const QString& code);
    // Enough to fix a file; a file with more is wrong from end to end anyway.
    static constexpr int MaxProblems = 100;

    // One thing wrong with a file: the line (1 is the header, 0 the whole file), the
    // column, a stable rule id ("csv.header", "code.format", "dates.order"...), a
    // translated message that does not repeat the code, and the file when the caller named
    // it (a delivery's CSV, its archive or its .sha256).
    struct Problem
    {
        int line = 0;
        QString column;
        QString rule;
        QString message;
        QString file = {}; // optional: brace-initialised problems may leave it out

        // "12210825.csv, line 3, validite_fin: ... [dates.order]"
        QString toString() const;
    };

    struct Code
    {
        int line = 0;
        // What goes in place of {code} in the site's QR link template: the code of the
        // national link in code_pour_qr (then always code_brut), or code_pour_qr itself when
        // it is a bare code.
        QString qrCode;
        QString rawCode;   // code_brut: printed in clear, carried by the record
        QString validFrom; // utcText, so that dates compare correctly as text in SQL
        QString validUntil;
    };

    // Every problem of the file (up to MaxProblems) and, in `codes`, the lines that have
    // none. A caller imports all or nothing, so it only uses `codes` when no problem came.
    static QList<Problem> read(const QByteArray& csv, QList<Code>* codes);
    enum class Form
    {
        // code_pour_qr,code_brut,validite_debut,validite_fin and bare codes: what the
        // reference server has always sent to workstations (GET /activation-codes), which
        // workstations that predate the national links still read.
        Compact,
        // The national code server's own form: the header with ", ", quoted values, and
        // code_pour_qr as its link (a bare code where qrCode is not rawCode, which a link
        // cannot say).
        National,
    };
    // The file for `codes` (their line numbers are ignored).
    static QByteArray write(const QList<Code>& codes, Form form = Form::Compact);

    // Appends unless `problems` already holds MaxProblems.
    static void add(QList<Problem>* problems, Problem problem);

    // A lower-case UUID v4, or 6 or 12 characters A-Z 0-9.
    static bool isCode(const QString& code);
    // Fixed width and always UTC: 2021-08-25T22:00:00.000Z.
    static QString utcText(const QDateTime& dateTime);

private:
    // read()'s parts, each adding its problems: the header (false when no line can be read),
    // a line's two codes, its validity window, and its codes not on an earlier line. Each
    // returns whether its part of the line is right.
    static bool readHeader(const QStringList& lines, QList<Problem>* problems);
    static bool readCodeFields(const QStringList& fields, int lineNumber, Code* code,
                               QList<Problem>* problems);
    static bool readValidity(const QStringList& fields, int lineNumber, QDateTime* from,
                             QDateTime* until, QList<Problem>* problems);
    static bool readUnique(const Code& code, int lineNumber, QSet<QString>* seen,
                           QList<Problem>* problems);
};
