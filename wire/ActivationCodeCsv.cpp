#include "ActivationCodeCsv.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

const QStringList ActivationCodeCsv::Header = {u"code_pour_qr"_s, u"code_brut"_s,
                                               u"validite_debut"_s, u"validite_fin"_s};
const QString ActivationCodeCsv::NationalLinkHost = u"app.stopcovid.gouv.fr"_s;

namespace {

enum class Link
{
    Malformed, // not https://app.stopcovid.gouv.fr?code=...&type=1
    NoCode,    // that form, with an empty code
    Ok,
};

// The national code server's link for the QR code: https, its host, no path, port, user or
// fragment, and exactly the query items code and type (1: the long codes its CSV batches
// carry). Anything else is refused, not guessed at: the code is what matters, and a link
// of another shape may carry it somewhere else.
Link parseLink(const QString& text, QString* code)
{
    if (std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); }))
        return Link::Malformed;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https"_s ||
        url.host() != ActivationCodeCsv::NationalLinkHost || !url.userInfo().isEmpty() ||
        url.port() != -1 || (!url.path().isEmpty() && url.path() != u"/"_s) || url.hasFragment() ||
        !url.hasQuery()) {
        return Link::Malformed;
    }
    const QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    bool hasCode = false;
    bool hasType = false;
    for (const auto& [key, value] : items) {
        if (key == u"code"_s && !hasCode) {
            hasCode = true;
            *code = value;
        } else if (key == u"type"_s && !hasType && value == u"1"_s) {
            hasType = true;
        } else {
            return Link::Malformed;
        }
    }
    if (!hasType)
        return Link::Malformed;
    return hasCode && !code->isEmpty() ? Link::Ok : Link::NoCode;
}

// ISO 8601 with the Z only: a local time in the file would shift every validity window
// by the sender's offset.
QDateTime parseUtc(const QString& text)
{
    static const QRegularExpression shape(
        u"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,3})?Z$"_s);
    if (!shape.match(text).hasMatch())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString unquoted(QString field)
{
    field = field.trimmed();
    if (field.size() >= 2 && field.startsWith(u'"') && field.endsWith(u'"'))
        field = field.mid(1, field.size() - 2);
    return field;
}

// The file's lines without BOM, CR and trailing blank lines.
QStringList linesOf(const QByteArray& csv)
{
    QByteArray content = csv;
    if (content.startsWith("\xEF\xBB\xBF"))
        content.remove(0, 3);
    QStringList lines = QString::fromUtf8(content).split(u'\n');
    for (QString& line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

QString ActivationCodeCsv::Problem::toString() const
{
    QStringList where;
    if (!file.isEmpty())
        where.append(file);
    if (line > 0)
        where.append(tr("line %1").arg(line));
    if (!column.isEmpty())
        where.append(column);
    if (where.isEmpty())
        where.append(tr("file"));
    return where.join(u", "_s) + u": "_s + message + u" ["_s + rule + u']';
}

QString ActivationCodeCsv::nationalLink(const QString& code)
{
    return u"https://%1?code=%2&type=1"_s.arg(NationalLinkHost, code);
}

void ActivationCodeCsv::add(QList<Problem>* problems, Problem problem)
{
    if (problems->size() < MaxProblems)
        problems->append(std::move(problem));
}

bool ActivationCodeCsv::isCode(const QString& code)
{
    static const QRegularExpression longCode(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    static const QRegularExpression shortCode(u"^(?:[A-Z0-9]{6}|[A-Z0-9]{12})$"_s);
    return longCode.match(code).hasMatch() || shortCode.match(code).hasMatch();
}

QString ActivationCodeCsv::utcText(const QDateTime& dateTime)
{
    return dateTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

bool ActivationCodeCsv::readHeader(const QStringList& lines, QList<Problem>* problems)
{
    if (lines.isEmpty()) {
        add(problems, {0, {}, u"csv.empty"_s, tr("the file is empty")});
        return false;
    }
    QStringList header;
    for (const QString& field : lines.first().split(u','))
        header.append(unquoted(field));
    if (header != Header) {
        add(problems, {1, {}, u"csv.header"_s, tr("the header must be %1").arg(Header.join(u','))});
        return false;
    }
    if (lines.size() == 1)
        add(problems, {0, {}, u"csv.empty"_s, tr("the file holds no code")});
    return true;
}

bool ActivationCodeCsv::readCodeFields(const QStringList& fields, int lineNumber, Code* code,
                                       QList<Problem>* problems)
{
    const QString qrField = unquoted(fields.at(0));
    code->rawCode = unquoted(fields.at(1));
    bool lineOk = true;
    if (qrField.contains(u"://"_s)) {
        switch (parseLink(qrField, &code->qrCode)) {
        case Link::Malformed:
            add(problems, {lineNumber, Header.at(0), u"link.format"_s,
                           tr("code_pour_qr must be the national link "
                              "https://app.stopcovid.gouv.fr?code=...&type=1 or a code")});
            lineOk = false;
            break;
        case Link::NoCode:
        case Link::Ok:
            if (code->qrCode != code->rawCode) {
                add(problems, {lineNumber, Header.at(0), u"link.code"_s,
                               tr("the link's code must be the code of code_brut")});
                lineOk = false;
            }
            break;
        }
    } else {
        code->qrCode = qrField;
        if (!isCode(code->qrCode)) {
            add(problems, {lineNumber, Header.at(0), u"code.format"_s,
                           tr("a code is a lower-case UUID v4, or 6 or 12 characters A-Z 0-9")});
            lineOk = false;
        }
    }
    if (!isCode(code->rawCode)) {
        add(problems, {lineNumber, Header.at(1), u"code.format"_s,
                       tr("a code is a lower-case UUID v4, or 6 or 12 characters A-Z 0-9")});
        lineOk = false;
    }
    return lineOk;
}

bool ActivationCodeCsv::readValidity(const QStringList& fields, int lineNumber, QDateTime* from,
                                     QDateTime* until, QList<Problem>* problems)
{
    bool lineOk = true;
    QDateTime dates[2];
    for (int column = 2; column < 4; ++column) {
        dates[column - 2] = parseUtc(unquoted(fields.at(column)));
        if (!dates[column - 2].isValid()) {
            add(problems, {lineNumber, Header.at(column), u"date.format"_s,
                           tr("a date is ISO 8601 in UTC, such as 2021-08-25T22:00:00.000Z")});
            lineOk = false;
        }
    }
    if (dates[0].isValid() && dates[1].isValid() && !(dates[0] < dates[1])) {
        add(problems, {lineNumber, Header.at(3), u"dates.order"_s,
                       tr("the validity must end after it starts")});
        lineOk = false;
    }
    *from = dates[0];
    *until = dates[1];
    return lineOk;
}

bool ActivationCodeCsv::readUnique(const Code& code, int lineNumber, QSet<QString>* seen,
                                   QList<Problem>* problems)
{
    // A code may repeat in its own line (same value for the QR and in clear), never
    // across lines.
    bool lineOk = true;
    QSet<QString> own{code.qrCode, code.rawCode};
    own.remove(QString()); // a link that could not be read
    for (const QString& value : own) {
        if (seen->contains(value)) {
            add(problems, {lineNumber,
                           {},
                           u"code.duplicate"_s,
                           tr("this code is already on an earlier line")});
            lineOk = false;
        }
    }
    seen->unite(own);
    return lineOk;
}

QList<ActivationCodeCsv::Problem> ActivationCodeCsv::read(const QByteArray& csv, QList<Code>* codes)
{
    QList<Problem> problems;
    const QStringList lines = linesOf(csv);
    if (!readHeader(lines, &problems))
        return problems;

    QSet<QString> seen;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const int lineNumber = int(i + 1);
        const QStringList fields = lines.at(i).split(u',');
        if (fields.size() != Header.size()) {
            add(&problems, {lineNumber,
                            {},
                            u"csv.columns"_s,
                            tr("%1 columns instead of %2").arg(fields.size()).arg(Header.size())});
            continue;
        }
        Code code;
        code.line = lineNumber;
        // Every check runs, so that a line's problems are all listed.
        bool lineOk = readCodeFields(fields, lineNumber, &code, &problems);
        QDateTime from;
        QDateTime until;
        lineOk = readValidity(fields, lineNumber, &from, &until, &problems) && lineOk;
        lineOk = readUnique(code, lineNumber, &seen, &problems) && lineOk;
        if (lineOk) {
            code.validFrom = utcText(from);
            code.validUntil = utcText(until);
            codes->append(code);
        }
    }
    return problems;
}

QByteArray ActivationCodeCsv::write(const QList<Code>& codes, Form form)
{
    if (form == Form::National) {
        QByteArray csv = Header.join(u", "_s).toUtf8() + '\n';
        for (const Code& code : codes) {
            const QString qr =
                code.qrCode == code.rawCode ? nationalLink(code.rawCode) : code.qrCode;
            csv += (u"\"%1\",\"%2\",\"%3\",\"%4\"\n"_s)
                       .arg(qr, code.rawCode, code.validFrom, code.validUntil)
                       .toUtf8();
        }
        return csv;
    }
    QByteArray csv = Header.join(u',').toUtf8() + '\n';
    for (const Code& code : codes) {
        csv += QStringList{code.qrCode, code.rawCode, code.validFrom, code.validUntil}
                   .join(u',')
                   .toUtf8() +
               '\n';
    }
    return csv;
}
