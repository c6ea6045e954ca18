#include "ActivationCodePool.h"

#include "ActivationCodeDelivery.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

// The CSV a site receives: the same columns in the national format.
QByteArray toCsv(const QList<ServerDatabase::ActivationCode>& codes)
{
    QList<ActivationCodeCsv::Code> lines;
    lines.reserve(codes.size());
    for (const ServerDatabase::ActivationCode& code : codes)
        lines.append({0, code.qrCode, code.code, code.validFrom, code.validUntil});
    return ActivationCodeCsv::write(lines);
}

} // namespace

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

bool ActivationCodePool::newCodes(int count, int validDays, const QDateTime& now,
                                  QList<ServerDatabase::ActivationCode>* codes, QString* error)
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
    codes->clear();
    codes->reserve(count);
    for (int i = 0; i < count; ++i) {
        // Version 4 from the system's random source: a code cannot be guessed from another.
        const QString code = QUuid::createUuid().toString(QUuid::WithoutBraces);
        codes->append({code, code, from, until});
    }
    return true;
}

bool ActivationCodePool::writeDelivery(const QString& folder, int count, int validDays,
                                       QString* archivePath, QString* error, const QDateTime& now)
{
    QList<ServerDatabase::ActivationCode> codes;
    if (!newCodes(count, validDays, now, &codes, error))
        return false;
    const QDir dir(folder);
    if (!dir.exists()) {
        *error = tr("no folder %1").arg(folder);
        return false;
    }
    const QString name = ActivationCodeDelivery::archiveName(now);
    *archivePath = dir.filePath(name);
    if (QFileInfo::exists(*archivePath)) {
        // Named to the second, as the national server named them.
        *error = tr("%1 already exists: one delivery a second").arg(*archivePath);
        return false;
    }
    QList<ActivationCodeCsv::Code> lines;
    lines.reserve(codes.size());
    for (const ServerDatabase::ActivationCode& code : std::as_const(codes))
        lines.append({0, code.qrCode, code.code, code.validFrom, code.validUntil});
    // Named after the first day of validity, as the national server named its files; one
    // file a delivery, so its sequence is 1.
    const QDate day = QDateTime::fromString(codes.first().validFrom, Qt::ISODateWithMs)
                          .toTimeZone(QTimeZone("Europe/Paris"))
                          .date();
    const QByteArray archive = ActivationCodeDelivery::pack(
        ActivationCodeDelivery::csvName(1, day.isValid() ? day : now.date()),
        ActivationCodeCsv::write(lines, ActivationCodeCsv::Form::National), now);
    const QList<std::pair<QString, QByteArray>> files = {
        {*archivePath, archive},
        {dir.filePath(ActivationCodeDelivery::sha256Name(name)),
         ActivationCodeDelivery::sha256File(archive)}};
    for (const auto& [path, bytes] : files) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() ||
            !file.commit()) {
            *error = tr("cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
    }
    qCInfo(lcServer) << "wrote a delivery of" << count << "activation codes";
    return true;
}

bool ActivationCodePool::generate(int count, int validDays, QString* error, const QDateTime& now)
{
    QList<ServerDatabase::ActivationCode> codes;
    if (!newCodes(count, validDays, now, &codes, error))
        return false;
    const QString until = codes.first().validUntil;
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

bool ActivationCodePool::importCsv(const QByteArray& csv, ImportReport* report, QString* error,
                                   const QDateTime& now)
{
    *report = {};
    if (csv.size() > MaxCsvSize) {
        *error = tr("the file is too large for a batch of codes");
        return false;
    }
    QList<ActivationCodeCsv::Code> lines;
    report->problems = ActivationCodeCsv::read(csv, &lines);
    auto refuse = [&] {
        *error = tr("nothing imported: %n problem(s) in the file; first: %1", nullptr,
                    int(report->problems.size()))
                     .arg(report->problems.first().toString());
        return false;
    };
    if (!report->problems.isEmpty())
        return refuse();

    QList<ServerDatabase::ActivationCode> codes;
    codes.reserve(lines.size());
    for (const ActivationCodeCsv::Code& line : std::as_const(lines))
        codes.append({line.rawCode, line.qrCode, line.validFrom, line.validUntil});
    QList<qsizetype> known;
    qsizetype alreadyUsed = 0;
    if (!m_database->addActivationCodes(codes, u"imported"_s, utcText(now), &known, &alreadyUsed,
                                        error))
        return false;
    for (const qsizetype index : std::as_const(known)) {
        ActivationCodeCsv::add(
            &report->problems,
            {lines.at(index).line, {}, u"code.known"_s, tr("this code is already in the stock")});
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

bool ActivationCodePool::reportUsed(const QList<UsedCode>& codes, const QString& site,
                                    QList<ServerDatabase::CodeUse>* outcomes, QString* error,
                                    const QDateTime& now)
{
    outcomes->clear();
    // Day-granular, like the report: an unknown code's added_at says no more than its use.
    const QString today = now.toUTC().date().toString(Qt::ISODate);
    for (const UsedCode& code : codes) {
        ServerDatabase::CodeUse use = ServerDatabase::CodeUse::Marked;
        if (!m_database->useActivationCode(code.code, site, code.day, today, &use, error))
            return false;
        outcomes->append(use);
    }
    return true;
}

QString ActivationCodePool::outcomeText(ServerDatabase::CodeUse use)
{
    switch (use) {
    case ServerDatabase::CodeUse::Marked:
        return u"used"_s;
    case ServerDatabase::CodeUse::AlreadyUsed:
        return u"already used"_s;
    case ServerDatabase::CodeUse::Unknown:
        return u"unknown"_s;
    case ServerDatabase::CodeUse::OtherSite:
    case ServerDatabase::CodeUse::UsedElsewhere:
        break;
    }
    return u"refused"_s;
}

bool ActivationCodePool::counts(ServerDatabase::CodeCounts* counts, QString* error,
                                const QDateTime& now)
{
    return m_database->activationCodeCounts(utcText(now), counts, error);
}
