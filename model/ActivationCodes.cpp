#include "ActivationCodes.h"

#include "ActivationCodeDelivery.h"
#include "Crypto.h"
#include "Logging.h"
#include "RecordSeal.h"
#include "ResultStore.h"
#include "Store.h"
#include "StoreFormat.h"
#include "Vault.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

const QString ActivationCodes::DefaultLinkTemplate =
    u"https://bonjour.tousanticovid.gouv.fr/app/code/{code}"_s;
const QString ActivationCodes::LinkTemplateSetting = u"activation.linkTemplate"_s;

namespace {

using StoreFormat::ActivationWaitingTable;
const QString WaitingRecordColumn = u"record"_s;
// The prefix of a holder token: what tells a converted used_by from a record id.
const QString TokenPrefix = u"k:"_s;
// used_by of a code whose record was purged.
const QString PurgedHolder = u"purged"_s;

} // namespace

ActivationCodes::ActivationCodes(Store& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{}

QString ActivationCodes::link(const QString& linkTemplate, const QString& qrCode)
{
    QString result = linkTemplate;
    return result.replace(u"{code}"_s, qrCode);
}

QString ActivationCodes::linkTemplate()
{
    const QString configured = m_store.setting(LinkTemplateSetting, DefaultLinkTemplate);
    if (!configured.contains(u"{code}"_s)) {
        // A template without the code would give every patient the same useless link.
        qCWarning(lcModel) << "activation.linkTemplate has no {code}; using the default";
        return DefaultLinkTemplate;
    }
    return configured;
}

bool ActivationCodes::mayImport(QString* error)
{
    QString ignored;
    return m_store.require(Permission::EnterResult, &ignored) ||
           m_store.require(Permission::ManageSettings, error);
}

bool ActivationCodes::importFile(const QString& path, const QString& sha256Path,
                                 ImportReport* report, QString* error, const QDateTime& now)
{
    *report = ImportReport{};
    if (!mayImport(error))
        return false;
    ActivationCodeDelivery::Contents delivery;
    if (!ActivationCodeDelivery::readFile(path, sha256Path, &delivery, &report->problems, error)) {
        if (!report->problems.isEmpty())
            qCInfo(lcModel) << "activation code import refused:" << report->problems.first().rule;
        return false;
    }
    return importChecked(delivery.csv, delivery.csvName, path, report, error, now);
}

bool ActivationCodes::importCsv(const QByteArray& csv, const QString& fileName,
                                const QByteArray& sha256File, ImportReport* report, QString* error,
                                const QDateTime& now)
{
    *report = ImportReport{};
    if (!mayImport(error))
        return false;
    if (csv.size() > MaxFileSize) {
        *error = tr("the file is too large for a batch of codes");
        return false;
    }
    if (!sha256File.isNull()) {
        ImportProblem problem;
        if (!ActivationCodeDelivery::checkSha256(csv, fileName, sha256File, &problem)) {
            report->problems.append(problem);
            *error = tr("nothing imported: %n problem(s) in the file; first: %1", nullptr, 1)
                         .arg(problem.toString());
            qCInfo(lcModel) << "activation code import refused:" << problem.rule;
            return false;
        }
    }
    return importChecked(csv, {}, {}, report, error, now);
}

bool ActivationCodes::importChecked(const QByteArray& csv, const QString& csvName,
                                    const QString& source, ImportReport* report, QString* error,
                                    const QDateTime& now)
{
    QList<ActivationCodeCsv::Code> codes;
    report->problems = ActivationCodeCsv::read(csv, &codes);
    auto refuse = [&] {
        for (ImportProblem& problem : report->problems)
            problem.file = csvName;
        const QString first = report->problems.first().toString();
        const int count = int(report->problems.size());
        *error = source.isEmpty()
                     ? tr("nothing imported: %n problem(s) in the file; first: %1", nullptr, count)
                           .arg(first)
                     : tr("nothing imported from %1: %n problem(s); first: %2", nullptr, count)
                           .arg(source, first);
        qCInfo(lcModel) << "activation code import refused:" << report->problems.first().rule;
        return false;
    };
    if (!report->problems.isEmpty())
        return refuse();

    Database& database = m_store.database();
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    // Checked inside the write lock, so another process importing the same batch at the
    // same time cannot slip in between.
    QSqlQuery& known = database.query(
        u"SELECT 1 FROM activation_codes WHERE qr_code IN (?, ?) OR raw_code IN (?, ?)"_s);
    for (const ActivationCodeCsv::Code& code : std::as_const(codes)) {
        known.bindValue(0, code.qrCode);
        known.bindValue(1, code.rawCode);
        known.bindValue(2, code.qrCode);
        known.bindValue(3, code.rawCode);
        const bool found = known.exec() && known.next();
        known.finish();
        if (found) {
            ActivationCodeCsv::add(
                &report->problems,
                {code.line, {}, u"code.known"_s, tr("this code is already in the pool")});
        }
    }
    if (!report->problems.isEmpty())
        return refuse();

    QSqlQuery& insert =
        database.query(u"INSERT INTO activation_codes (qr_code, raw_code, valid_from, valid_until, "
                       "imported_at) VALUES (?, ?, ?, ?, ?)"_s);
    const QString importedAt = ActivationCodeCsv::utcText(now);
    for (const ActivationCodeCsv::Code& code : std::as_const(codes)) {
        insert.bindValue(0, code.qrCode);
        insert.bindValue(1, code.rawCode);
        insert.bindValue(2, code.validFrom);
        insert.bindValue(3, code.validUntil);
        insert.bindValue(4, importedAt);
        if (!database.exec(insert, error)) {
            *error = tr("nothing imported: %1").arg(*error);
            return false;
        }
    }
    const QString detail = u"%1 codes, file sha256 %2"_s.arg(codes.size())
                               .arg(QString::fromLatin1(Crypto::sha256(csv).toHex().left(16)));
    if (!m_store.audit(u"codes.import"_s, {}, detail, error) || !transaction.commit(error))
        return false;
    report->imported = int(codes.size());
    Q_EMIT codesImported(report->imported);

    // Positive results that were waiting get their codes now.
    ResultStore results(m_store);
    QString assignError;
    if (!results.assignPendingActivations(&report->assigned, &assignError, now))
        qCWarning(lcModel) << "codes imported but not yet assigned:" << assignError;
    return true;
}

QString ActivationCodes::holderToken(const Vault& vault, const QString& recordId)
{
    const QByteArray holder = "activation-holder|" + recordId.toUtf8();
    return TokenPrefix + QString::fromLatin1(vault.stateMac(holder).toHex());
}

bool ActivationCodes::convertLegacyHolders(QString* error)
{
    if (!m_store.isSignedIn())
        return true; // converted at the next signed-in use
    Database& database = m_store.database();
    QSqlQuery& codes = database.query(u"SELECT DISTINCT used_by FROM activation_codes "
                                      "WHERE used_by IS NOT NULL AND used_by <> ? "
                                      "AND substr(used_by, 1, 2) <> ?"_s);
    codes.bindValue(0, PurgedHolder);
    codes.bindValue(1, TokenPrefix);
    if (!database.exec(codes, error))
        return false;
    QStringList holders;
    while (codes.next())
        holders.append(codes.value(0).toString());
    codes.finish();
    QSqlQuery& waiting = database.query(
        u"SELECT id FROM records WHERE activation_pending = 1 ORDER BY updated_at, rowid"_s);
    if (!database.exec(waiting, error))
        return false;
    QStringList waitingIds;
    while (waiting.next())
        waitingIds.append(waiting.value(0).toString());
    waiting.finish();
    if (holders.isEmpty() && waitingIds.isEmpty())
        return true;

    Transaction transaction(database);
    const bool ownTransaction = !database.inTransaction();
    if (ownTransaction && !transaction.begin(error))
        return false;
    const Vault& vault = *m_store.vault();
    QSqlQuery& mark =
        database.query(u"UPDATE activation_codes SET used_by = ? WHERE used_by = ?"_s);
    for (const QString& holder : std::as_const(holders)) {
        mark.bindValue(0, holderToken(vault, holder));
        mark.bindValue(1, holder);
        if (!database.exec(mark, error))
            return false;
    }
    QSqlQuery& clear = database.query(u"UPDATE records SET activation_pending = 0 WHERE id = ?"_s);
    for (const QString& recordId : std::as_const(waitingIds)) {
        clear.bindValue(0, recordId);
        if (!setWaiting(recordId, true, error) || !database.exec(clear, error) ||
            !RecordSeal::sealRow(m_store, recordId, error)) {
            return false;
        }
    }
    qCInfo(lcModel) << "activation holders converted:" << holders.size() << "codes,"
                    << waitingIds.size() << "waiting";
    return !ownTransaction || transaction.commit(error);
}

bool ActivationCodes::setWaiting(const QString& recordId, bool waiting, QString* error)
{
    Database& database = m_store.database();
    const QString token = holderToken(*m_store.vault(), recordId);
    if (!waiting) {
        QSqlQuery& remove = database.query(u"DELETE FROM activation_waiting WHERE token = ?"_s);
        remove.bindValue(0, token);
        return database.exec(remove, error);
    }
    QSqlQuery& add = database.query(
        u"INSERT INTO activation_waiting (token, record) VALUES (?, ?) ON CONFLICT DO NOTHING"_s);
    add.bindValue(0, token);
    add.bindValue(1, m_store.vault()->seal(ActivationWaitingTable, token, WaitingRecordColumn,
                                           recordId.toUtf8()));
    return database.exec(add, error);
}

bool ActivationCodes::isWaiting(const QString& recordId, bool* waiting, QString* error)
{
    Database& database = m_store.database();
    // A record validated before the list existed may still carry the old clear flag.
    QSqlQuery& look = database.query(
        u"SELECT EXISTS (SELECT 1 FROM activation_waiting WHERE token = ?) "
        "OR EXISTS (SELECT 1 FROM records WHERE id = ? AND activation_pending = 1)"_s);
    look.bindValue(0, holderToken(*m_store.vault(), recordId));
    look.bindValue(1, recordId);
    if (!database.exec(look, error))
        return false;
    *waiting = look.next() && look.value(0).toBool();
    look.finish();
    return true;
}

bool ActivationCodes::waitingRecords(QStringList* recordIds, QString* error)
{
    recordIds->clear();
    if (!convertLegacyHolders(error))
        return false;
    Database& database = m_store.database();
    QSqlQuery& select =
        database.query(u"SELECT token, record FROM activation_waiting ORDER BY rowid"_s);
    if (!database.exec(select, error))
        return false;
    const Vault& vault = *m_store.vault();
    while (select.next()) {
        QByteArray recordId;
        if (vault.open(ActivationWaitingTable, select.value(0).toString(), WaitingRecordColumn,
                       select.value(1).toByteArray(), &recordId)) {
            recordIds->append(QString::fromUtf8(recordId));
        } else {
            qCWarning(lcModel) << "a waiting activation entry does not open: skipped";
        }
    }
    select.finish();
    return true;
}

bool ActivationCodes::forgetHolder(const QString& recordId, QString* error)
{
    Database& database = m_store.database();
    const QString token = holderToken(*m_store.vault(), recordId);
    QSqlQuery& code = database.query(u"UPDATE activation_codes SET used_by = ? "
                                     "WHERE used_by = ? OR used_by = ?"_s);
    code.bindValue(0, PurgedHolder);
    code.bindValue(1, token);
    code.bindValue(2, recordId); // written before holder tokens
    return database.exec(code, error) && setWaiting(recordId, false, error);
}

bool ActivationCodes::allocate(const QString& recordId, const QDateTime& now,
                               Activation* activation, bool* exhausted, QString* error)
{
    *exhausted = false;
    Database& database = m_store.database();
    if (!database.inTransaction()) {
        *error = tr("an activation code is taken inside a transaction");
        return false;
    }
    if (!convertLegacyHolders(error))
        return false;
    const QString nowText = ActivationCodeCsv::utcText(now);
    // The subquery picks the code that expires first; "AND used_by IS NULL" makes the
    // update a no-op if someone took it meanwhile, so a code is never given twice.
    QSqlQuery& take = database.query(
        u"UPDATE activation_codes SET used_by = ?, used_at = ? WHERE qr_code = ("
        "SELECT qr_code FROM activation_codes WHERE used_by IS NULL AND valid_from <= ? "
        "AND valid_until > ? ORDER BY valid_until, qr_code LIMIT 1) AND used_by IS NULL "
        "RETURNING qr_code, raw_code"_s);
    take.bindValue(0, holderToken(*m_store.vault(), recordId));
    take.bindValue(1, nowText.left(10)); // the day only: the time would match the result's
    take.bindValue(2, nowText);
    take.bindValue(3, nowText);
    if (!database.exec(take, error))
        return false;
    if (!take.next()) {
        take.finish();
        *exhausted = true;
        return true;
    }
    const QString qrCode = take.value(0).toString();
    const QString rawCode = take.value(1).toString();
    take.finish();
    activation->code = rawCode;
    activation->link = link(linkTemplate(), qrCode);
    return true;
}

bool ActivationCodes::unreported(int limit, QList<UsedCode>* codes, QString* error)
{
    codes->clear();
    Database& database = m_store.database();
    QSqlQuery& select =
        database.query(u"SELECT raw_code, substr(used_at, 1, 10) FROM activation_codes "
                       "WHERE used_by IS NOT NULL AND reported = 0 ORDER BY raw_code LIMIT ?"_s);
    select.bindValue(0, limit);
    if (!database.exec(select, error))
        return false;
    while (select.next()) {
        codes->append({select.value(0).toString(),
                       QDate::fromString(select.value(1).toString(), Qt::ISODate)});
    }
    select.finish();
    return true;
}

bool ActivationCodes::markReported(const QStringList& codes, QString* error)
{
    if (codes.isEmpty())
        return true;
    Database& database = m_store.database();
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    QSqlQuery& mark = database.query(
        u"UPDATE activation_codes SET reported = 1 WHERE raw_code = ? AND used_by IS NOT NULL"_s);
    for (const QString& code : codes) {
        mark.bindValue(0, code);
        if (!database.exec(mark, error))
            return false;
    }
    return transaction.commit(error);
}

ActivationCodes::Status ActivationCodes::status(int soonDays, QString* error, const QDateTime& now)
{
    Status result;
    Database& database = m_store.database();
    if (!convertLegacyHolders(error))
        return result;
    const QString nowText = ActivationCodeCsv::utcText(now);
    const QString soonText = ActivationCodeCsv::utcText(now.addDays(soonDays));
    QSqlQuery& counts = database.query(
        u"SELECT count(*),"
        " sum(CASE WHEN used_by IS NOT NULL THEN 1 ELSE 0 END),"
        " sum(CASE WHEN used_by IS NULL AND valid_from <= ? AND valid_until > ? THEN 1 ELSE 0 END),"
        " sum(CASE WHEN used_by IS NULL AND valid_from <= ? AND valid_until > ? AND valid_until <= "
        "? THEN 1 ELSE 0 END),"
        " sum(CASE WHEN used_by IS NULL AND valid_from > ? THEN 1 ELSE 0 END),"
        " sum(CASE WHEN used_by IS NULL AND valid_until <= ? THEN 1 ELSE 0 END),"
        " min(CASE WHEN used_by IS NULL AND valid_from <= ? AND valid_until > ?"
        " THEN valid_until END)"
        " FROM activation_codes"_s);
    const QVariantList values = {nowText, nowText, nowText, nowText, soonText,
                                 nowText, nowText, nowText, nowText};
    for (int i = 0; i < values.size(); ++i)
        counts.bindValue(i, values.at(i));
    if (!database.exec(counts, error))
        return result;
    if (counts.next()) {
        result.total = counts.value(0).toInt();
        result.used = counts.value(1).toInt();
        result.validNow = counts.value(2).toInt();
        result.expiringSoon = counts.value(3).toInt();
        result.notYetValid = counts.value(4).toInt();
        result.expired = counts.value(5).toInt();
        result.nextExpiry = QDateTime::fromString(counts.value(6).toString(), Qt::ISODateWithMs);
    }
    counts.finish();
    QSqlQuery& waiting =
        database.query(u"SELECT (SELECT count(*) FROM activation_waiting) + "
                       "(SELECT count(*) FROM records WHERE activation_pending = 1)"_s);
    if (!database.exec(waiting, error))
        return result;
    if (waiting.next())
        result.awaitingCode = waiting.value(0).toInt();
    waiting.finish();
    return result;
}
