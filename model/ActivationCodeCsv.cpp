#include "ActivationCodeCsv.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

const QStringList ActivationCodeCsv::Header = {u"code_pour_qr"_s, u"code_brut"_s,
                                               u"validite_debut"_s, u"validite_fin"_s};

namespace {

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
    QString where = line > 0 ? tr("line %1").arg(line) : tr("file");
    if (!column.isEmpty())
        where += u", "_s + column;
    return where + u": "_s + message + u" ["_s + rule + u']';
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

QList<ActivationCodeCsv::Problem> ActivationCodeCsv::read(const QByteArray& csv, QList<Code>* codes)
{
    QList<Problem> problems;
    const QStringList lines = linesOf(csv);
    if (lines.isEmpty()) {
        add(&problems, {0, {}, u"csv.empty"_s, tr("the file is empty")});
        return problems;
    }
    QStringList header;
    for (const QString& field : lines.first().split(u','))
        header.append(unquoted(field));
    if (header != Header) {
        add(&problems,
            {1, {}, u"csv.header"_s, tr("the header must be %1").arg(Header.join(u','))});
        return problems;
    }
    if (lines.size() == 1)
        add(&problems, {0, {}, u"csv.empty"_s, tr("the file holds no code")});

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
        code.qrCode = unquoted(fields.at(0));
        code.rawCode = unquoted(fields.at(1));
        bool lineOk = true;
        for (int column = 0; column < 2; ++column) {
            if (!isCode(column == 0 ? code.qrCode : code.rawCode)) {
                add(&problems,
                    {lineNumber, Header.at(column), u"code.format"_s,
                     tr("a code is a lower-case UUID v4, or 6 or 12 characters A-Z 0-9")});
                lineOk = false;
            }
        }
        QDateTime dates[2];
        for (int column = 2; column < 4; ++column) {
            dates[column - 2] = parseUtc(unquoted(fields.at(column)));
            if (!dates[column - 2].isValid()) {
                add(&problems, {lineNumber, Header.at(column), u"date.format"_s,
                                tr("a date is ISO 8601 in UTC, such as 2021-08-25T22:00:00.000Z")});
                lineOk = false;
            }
        }
        if (dates[0].isValid() && dates[1].isValid() && !(dates[0] < dates[1])) {
            add(&problems, {lineNumber, Header.at(3), u"dates.order"_s,
                            tr("the validity must end after it starts")});
            lineOk = false;
        }
        // A code may repeat in its own line (same value for the QR and in clear), never
        // across lines.
        const QSet<QString> own{code.qrCode, code.rawCode};
        for (const QString& value : own) {
            if (seen.contains(value)) {
                add(&problems, {lineNumber,
                                {},
                                u"code.duplicate"_s,
                                tr("this code is already on an earlier line")});
                lineOk = false;
            }
        }
        seen.unite(own);
        if (lineOk) {
            code.validFrom = utcText(dates[0]);
            code.validUntil = utcText(dates[1]);
            codes->append(code);
        }
    }
    return problems;
}

QByteArray ActivationCodeCsv::write(const QList<Code>& codes)
{
    QByteArray csv = Header.join(u',').toUtf8() + '\n';
    for (const Code& code : codes) {
        csv += QStringList{code.qrCode, code.rawCode, code.validFrom, code.validUntil}
                   .join(u',')
                   .toUtf8() +
               '\n';
    }
    return csv;
}
