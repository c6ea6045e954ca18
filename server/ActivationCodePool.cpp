#include "ActivationCodePool.h"

#include "Logging.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

using namespace Qt::StringLiterals;

const QStringList ActivationCodePool::CsvHeader = {u"code_pour_qr"_s, u"code_brut"_s,
                                                   u"validite_debut"_s, u"validite_fin"_s};

namespace {

constexpr int MaxProblems = 100;

// The workstation's rules (model/ActivationCodes.cpp), so that what is imported here is
// what a site accepts.
bool isCode(const QString& code)
{
    static const QRegularExpression longCode(
        u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
    static const QRegularExpression shortCode(u"^(?:[A-Z0-9]{6}|[A-Z0-9]{12})$"_s);
    return longCode.match(code).hasMatch() || shortCode.match(code).hasMatch();
}

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

} // namespace

QString ActivationCodePool::ImportProblem::toString() const
{
    QString where = line > 0 ? tr("line %1").arg(line) : tr("file");
    if (!column.isEmpty())
        where += u", "_s + column;
    return where + u": "_s + message + u" ["_s + rule + u']';
}

QJsonObject ActivationCodePool::Batch::toJson() const
{
    return {{u"count"_s, count},
            {u"exhausted"_s, exhausted},
            {u"fileName"_s, fileName},
            {u"csv"_s, QString::fromUtf8(csv)},
            {u"sha256"_s, QString::fromUtf8(sha256)}};
}

ActivationCodePool::ActivationCodePool(ServerDatabase* database)
    : m_database(database)
{}

QString ActivationCodePool::utcText(const QDateTime& dateTime)
{
    return dateTime.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

QByteArray ActivationCodePool::toCsv(const QList<ServerDatabase::ActivationCode>& codes)
{
    QByteArray csv = CsvHeader.join(u',').toUtf8() + '\n';
    for (const ServerDatabase::ActivationCode& code : codes) {
        csv += QStringList{code.qrCode, code.code, code.validFrom, code.validUntil}
                   .join(u',')
                   .toUtf8() +
               '\n';
    }
    return csv;
}

bool ActivationCodePool::generate(int count, int validDays, QString* error, const QDateTime& now)
{
    if (count < 1 || count > MaxGenerate) {
        *error = tr("--count: from 1 to %1 codes").arg(MaxGenerate);
        return false;
    }
    if (validDays < 1 || validDays > MaxValidDays) {
        *error = tr("--valid-days: from 1 to %1 days").arg(MaxValidDays);
        return false;
    }
    const QString from = utcText(now.addSecs(-ClockMarginMinutes * 60));
    const QString until = utcText(now.addDays(validDays));
    QList<ServerDatabase::ActivationCode> codes;
    codes.reserve(count);
    for (int i = 0; i < count; ++i) {
        // Version 4 from the system's random source: a code cannot be guessed from another.
        const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
        codes.append({code, code, from, until});
    }
    QList<qsizetype> known;
    qsizetype alreadyUsed = 0;
    if (!m_database->addActivationCodes(codes, u"generated"_s, utcText(now), &known, &alreadyUsed,
                                        error))
        return false;
    if (!known.isEmpty()) {
        // 122 random bits: only a broken random source gets here.
        *error = tr("a generated code was already in the stock: nothing added");
        return false;
    }
    qCInfo(lcServer) << "generated" << count << "activation codes valid until" << until;
    return true;
}

QList<ActivationCodePool::ImportProblem>
ActivationCodePool::checkCsv(const QByteArray& csv, QList<ServerDatabase::ActivationCode>* codes,
                             QList<int>* lines) const
{
    QList<ImportProblem> problems;
    auto problem = [&](int line, const QString& column, const QString& rule,
                       const QString& message) {
        if (problems.size() < MaxProblems)
            problems.append({line, column, rule, message});
    };

    QByteArray content = csv;
    if (content.startsWith("\xEF\xBB\xBF"))
        content.remove(0, 3);
    QStringList rows = QString::fromUtf8(content).split(u'\n');
    for (QString& row : rows) {
        if (row.endsWith(u'\r'))
            row.chop(1);
    }
    while (!rows.isEmpty() && rows.last().trimmed().isEmpty())
        rows.removeLast();
    if (rows.isEmpty()) {
        problem(0, {}, u"csv.empty"_s, tr("the file is empty"));
        return problems;
    }
    QStringList header;
    for (const QString& field : rows.first().split(u','))
        header.append(unquoted(field));
    if (header != CsvHeader) {
        problem(1, {}, u"csv.header"_s, tr("the header must be %1").arg(CsvHeader.join(u',')));
        return problems;
    }
    if (rows.size() == 1)
        problem(0, {}, u"csv.empty"_s, tr("the file holds no code"));

    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const int line = int(i + 1);
        const QStringList fields = rows.at(i).split(u',');
        if (fields.size() != CsvHeader.size()) {
            problem(line, {}, u"csv.columns"_s,
                    tr("%1 columns instead of %2").arg(fields.size()).arg(CsvHeader.size()));
            continue;
        }
        ServerDatabase::ActivationCode code;
        code.qrCode = unquoted(fields.at(0));
        code.code = unquoted(fields.at(1));
        bool lineOk = true;
        for (int column = 0; column < 2; ++column) {
            if (!isCode(column == 0 ? code.qrCode : code.code)) {
                problem(line, CsvHeader.at(column), u"code.format"_s,
                        tr("a code is a lower-case UUID v4, or 6 or 12 characters A-Z 0-9"));
                lineOk = false;
            }
        }
        QDateTime dates[2];
        for (int column = 2; column < 4; ++column) {
            dates[column - 2] = parseUtc(unquoted(fields.at(column)));
            if (!dates[column - 2].isValid()) {
                problem(line, CsvHeader.at(column), u"date.format"_s,
                        tr("a date is ISO 8601 in UTC, such as 2021-08-25T22:00:00.000Z"));
                lineOk = false;
            }
        }
        if (dates[0].isValid() && dates[1].isValid() && !(dates[0] < dates[1])) {
            problem(line, CsvHeader.at(3), u"dates.order"_s,
                    tr("the validity must end after it starts"));
            lineOk = false;
        }
        // The same value may serve for the QR and in clear on its own line, never twice.
        const QSet<QString> own{code.qrCode, code.code};
        for (const QString& value : own) {
            if (seen.contains(value)) {
                problem(line, {}, u"code.duplicate"_s,
                        tr("this code is already on an earlier line"));
                lineOk = false;
            }
        }
        seen.unite(own);
        if (lineOk) {
            code.validFrom = utcText(dates[0]);
            code.validUntil = utcText(dates[1]);
            codes->append(code);
            lines->append(line);
        }
    }
    return problems;
}

bool ActivationCodePool::importCsv(const QByteArray& csv, ImportReport* report, QString* error,
                                   const QDateTime& now)
{
    *report = {};
    if (csv.size() > MaxCsvSize) {
        *error = tr("the file is too large for a batch of codes");
        return false;
    }
    QList<ServerDatabase::ActivationCode> codes;
    QList<int> lines;
    report->problems = checkCsv(csv, &codes, &lines);
    auto refuse = [&] {
        *error = tr("nothing imported: %n problem(s) in the file; first: %1", nullptr,
                    int(report->problems.size()))
                     .arg(report->problems.first().toString());
        return false;
    };
    if (!report->problems.isEmpty())
        return refuse();

    QList<qsizetype> known;
    qsizetype alreadyUsed = 0;
    if (!m_database->addActivationCodes(codes, u"imported"_s, utcText(now), &known, &alreadyUsed,
                                        error))
        return false;
    for (const qsizetype index : std::as_const(known)) {
        if (report->problems.size() >= MaxProblems)
            break;
        report->problems.append(
            {lines.at(index), {}, u"code.known"_s, tr("this code is already in the stock")});
    }
    if (!report->problems.isEmpty())
        return refuse();
    report->imported = int(codes.size());
    report->alreadyUsed = int(alreadyUsed);
    qCInfo(lcServer) << "imported" << report->imported << "activation codes";
    return true;
}

bool ActivationCodePool::issue(const QString& site, int count, Batch* batch, QString* error,
                               const QDateTime& now)
{
    *batch = {};
    if (count < 1 || count > MaxBatch) {
        *error = tr("count: a whole number from 1 to %1").arg(MaxBatch);
        return false;
    }
    QList<ServerDatabase::ActivationCode> codes;
    if (!m_database->issueActivationCodes(site, count, utcText(now), &codes, error))
        return false;
    batch->count = int(codes.size());
    batch->exhausted = batch->count < count;
    if (codes.isEmpty()) {
        qCWarning(lcServer).noquote() << "no activation code left for site" << site;
        return true;
    }
    // Named after the site, the moment and a random part, so that two batches never share
    // a name (the workstation checks the sha256sum line against the name).
    static const QRegularExpression unsafe(u"[^A-Za-z0-9]"_s);
    batch->fileName = u"sidep-codes-%1-%2-%3.csv"_s.arg(
        QString(site).replace(unsafe, u"_"_s), now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s),
        QUuid::createUuid().toString(QUuid::Id128).left(8));
    batch->csv = toCsv(codes);
    batch->sha256 = QCryptographicHash::hash(batch->csv, QCryptographicHash::Sha256).toHex() +
                    "  " + batch->fileName.toUtf8() + '\n';
    qCInfo(lcServer).noquote() << "issued" << batch->count << "activation codes to site" << site;
    return true;
}

bool ActivationCodePool::use(const QString& code, const QString& site, const QString& bundleId,
                             ServerDatabase::CodeUse* result, QString* error, const QDateTime& now)
{
    return m_database->useActivationCode(code, site, bundleId, utcText(now), result, error);
}

bool ActivationCodePool::counts(ServerDatabase::CodeCounts* counts, QString* error,
                                const QDateTime& now)
{
    return m_database->activationCodeCounts(utcText(now), counts, error);
}
