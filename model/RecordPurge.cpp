#include "RecordPurge.h"

#include "ActivationCodes.h"
#include "Logging.h"
#include "Outbox.h"
#include "RecordSeal.h"
#include "ResultStore.h"
#include "SamplingRecord.h"
#include "Store.h"
#include "StoreFormat.h"

#include <QMap>
#include <QSqlQuery>
#include <QVariant>
#include <tuple>

using namespace Qt::StringLiterals;

const QString RecordPurge::RetentionSetting = u"retention.days"_s;

namespace {

using StoreFormat::RecordsTable;
// What the statistics keep of a result that cannot be read or was cancelled.
const QString UnreadableValue = u"unreadable"_s;
const QString CancelledValue = u"cancelled"_s;

// A record with its final result (or cancelled) whose latest version the server
// acknowledged before the cut-off: a sample still waiting for its result is never due, nor
// a record with a newer version still to send. The times are compared as instants
// (julianday() on SQLite), whatever their precision.
QString dueCondition(const Database& database)
{
    return u" FROM records r JOIN outbox o ON o.record_id = r.id"
           " WHERE r.status = 'resulted' AND o.state = 'acknowledged' AND o.version = r.version"
           " AND o.acknowledged_at IS NOT NULL AND "_s +
           database.instantOf(u"o.acknowledged_at"_s) + u" < "_s + database.instantOf(u"?"_s) +
           u" AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.record_id = r.id AND n.version > "
           "o.version)"_s;
}

QString iso(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// Every sealed column of a record, set to NULL: built from the blocks, so that a block added
// later is erased too.
QString erasedBlocks()
{
    QStringList columns;
    for (SamplingRecord::Block block : SamplingRecord::AllBlocks)
        columns.append(SamplingRecord::blockName(block) + u" = NULL"_s);
    columns.append(u"report = NULL"_s);
    return columns.join(u", "_s);
}

} // namespace

bool RecordPurge::checkRetentionDays(const QString& value, int* days, QString* error)
{
    bool ok = false;
    const int parsed = value.trimmed().toInt(&ok);
    if (!ok || parsed < MinRetentionDays || parsed > MaxRetentionDays) {
        *error = tr("%1: must be a whole number of days from %2 to %3 (how long a record stays "
                    "on the workstation after the national server has it)")
                     .arg(RetentionSetting)
                     .arg(MinRetentionDays)
                     .arg(MaxRetentionDays);
        return false;
    }
    *days = parsed;
    return true;
}

RecordPurge::RecordPurge(Store& store)
    : m_store(store)
{}

int RecordPurge::retentionDays()
{
    const QString value = m_store.setting(RetentionSetting);
    if (value.isEmpty())
        return DefaultRetentionDays;
    bool ok = false;
    const int days = value.trimmed().toInt(&ok);
    if (!ok) {
        qCWarning(lcStore) << "retention.days is not a number; the default applies";
        return DefaultRetentionDays;
    }
    return std::clamp(days, MinRetentionDays, MaxRetentionDays);
}

bool RecordPurge::start(const QDateTime& now, Report* report, QString* error)
{
    *report = Report{};
    if (!m_store.isSignedIn()) {
        *error = tr("sign in first");
        return false;
    }
    report->retentionDays = retentionDays();
    report->acknowledgedBefore = now.toUTC().addDays(-report->retentionDays);
    return true;
}

bool RecordPurge::countDue(const QDateTime& now, Report* report, QString* error)
{
    if (!start(now, report, error))
        return false;
    Database& database = m_store.database();
    const QString cutoff = iso(report->acknowledgedBefore);
    QSqlQuery& records = database.query(u"SELECT count(*)"_s + dueCondition(database));
    records.bindValue(0, cutoff);
    if (!database.exec(records, error) || !records.next())
        return false;
    report->records = records.value(0).toInt();
    records.finish();
    QSqlQuery& drafts =
        database.query(u"SELECT count(*) FROM drafts WHERE "_s + database.instantOf(u"saved_at"_s) +
                       u" < "_s + database.instantOf(u"?"_s));
    drafts.bindValue(0, cutoff);
    if (!database.exec(drafts, error) || !drafts.next())
        return false;
    report->drafts = drafts.value(0).toInt();
    drafts.finish();
    return true;
}

// A record the purge erases, as read before any of it is.
struct RecordPurge::Due
{
    QString id;
    QString day;
    QString correction;
    QByteArray sealedResult;
    int version = 0;
};

namespace {

// Results per (day, analysis, value): what survives of the records erased.
using ResultCounts = QMap<std::tuple<QString, QString, QString>, int>;

bool addPurgedCounts(Database& database, const ResultCounts& counts, QString* error)
{
    QSqlQuery& count = database.query(
        u"INSERT INTO purged_results (day, analysis, value, records) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (day, analysis, value) DO UPDATE SET records = purged_results.records + excluded.records"_s);
    // A missing value is counted under "", never bound as NULL.
    auto text = [](const QString& value) { return value.isNull() ? u""_s : value; };
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        count.bindValue(0, text(std::get<0>(it.key())));
        count.bindValue(1, text(std::get<1>(it.key())));
        count.bindValue(2, text(std::get<2>(it.key())));
        count.bindValue(3, it.value());
        if (!database.exec(count, error))
            return false;
    }
    return true;
}

} // namespace

bool RecordPurge::selectDue(const QString& cutoff, QList<Due>* due, QString* error)
{
    Database& database = m_store.database();
    const Vault& vault = *m_store.vault();
    QSqlQuery& select =
        database.query(u"SELECT r.id, r.collected_day, r.correction, r.result, o.version, o.state, "
                       "o.acknowledged_at, o.state_mac"_s +
                       dueCondition(database) + u" ORDER BY r.rowid"_s);
    select.bindValue(0, cutoff);
    if (!database.exec(select, error))
        return false;
    while (select.next()) {
        // Only an acknowledgement the store wrote erases anything: one edited into the file
        // is damage (Outbox::damagedVersions), and the record stays.
        if (!Outbox::stateIsAuthentic(vault, select.value(0).toString(), select.value(4).toInt(),
                                      select.value(5).toString(), select.value(6).toString(),
                                      select.value(7).toByteArray()))
            continue;
        due->append({select.value(0).toString(), select.value(1).toString(),
                     select.value(2).toString(), select.value(3).toByteArray(),
                     select.value(4).toInt()});
    }
    select.finish();
    // Nor does a row whose status or version was edited (RecordSeal): it stays, as damage.
    due->erase(std::remove_if(due->begin(), due->end(),
                              [this](const Due& record) {
                                  return !RecordSeal::isAuthentic(m_store, record.id);
                              }),
               due->end());
    return true;
}

bool RecordPurge::eraseDue(const QList<Due>& due, const QDateTime& now, QString* error)
{
    Database& database = m_store.database();
    const Vault& vault = *m_store.vault();
    // The result survives as a count; everything else that was sealed goes.
    ResultCounts counts;
    const QString updatedAt = iso(now);
    QSqlQuery& erase =
        database.query(u"UPDATE records SET status = 'purged',"
                       " tube_index = "_s +
                       database.textAsBytes(u"'purged:' || id"_s) +
                       u"," // NOT NULL UNIQUE; never a 32-byte MAC
                       " birth_name_index = NULL, usual_name_index = NULL,"
                       " collected_at = NULL, created_at = substr(created_at, 1, 10),"
                       " activation_pending = 0, updated_at = ?, "_s +
                       erasedBlocks() + u" WHERE id = ? AND status = 'resulted'"_s);
    QSqlQuery& versions = database.query(u"DELETE FROM record_versions WHERE record_id = ?"_s);
    QSqlQuery& buckets = database.query(u"DELETE FROM record_search WHERE record_id = ?"_s);
    QSqlQuery& entries = database.query(u"DELETE FROM result_entries WHERE record_id IN (?, ?)"_s);
    Outbox outbox(m_store);
    ActivationCodes codes(m_store);
    RecordKeys& keys = *m_store.recordKeys();
    for (const Due& record : due) {
        QString analysis;
        QString value = UnreadableValue;
        QByteArray cbor;
        QJsonObject merged;
        RecordKey key;
        if (!keys.keyOf(record.id, &key, error))
            return false;
        if (record.correction == u"entered-in-error"_s) {
            value = CancelledValue;
        } else if (key.open(RecordsTable, record.id,
                            RecordSeal::boundColumn(u"result"_s, record.version),
                            record.sealedResult, &cbor) &&
                   SamplingRecord::mergeBlockCbor(cbor, &merged)) {
            const QJsonObject result = merged.value(u"result"_s).toObject();
            analysis = result.value(u"analysis"_s).toString();
            value = result.value(u"value"_s).toString();
        }
        ++counts[{record.day, analysis, value}];

        erase.bindValue(0, updatedAt);
        erase.bindValue(1, record.id);
        versions.bindValue(0, record.id);
        buckets.bindValue(0, record.id);
        entries.bindValue(0, ResultStore::entriesKey(vault, record.id));
        entries.bindValue(1, record.id);
        if (!database.exec(erase, error) || !database.exec(versions, error) ||
            !database.exec(buckets, error) || !database.exec(entries, error) ||
            // The code stays in the pool as used (it must never be given again), linked to
            // no one.
            !codes.forgetHolder(record.id, error) || !outbox.eraseContent(record.id, error) ||
            // What the rows erased leave behind elsewhere (dead tuples, WAL, backups) no
            // longer opens.
            !keys.shred(record.id, error) || !RecordSeal::sealRow(m_store, record.id, error)) {
            return false;
        }
    }
    return addPurgedCounts(database, counts, error);
}

bool RecordPurge::eraseStaleDrafts(const QString& cutoff, int* erased, QString* error)
{
    Database& database = m_store.database();
    const QString stale = u" FROM drafts WHERE "_s + database.instantOf(u"saved_at"_s) + u" < "_s +
                          database.instantOf(u"?"_s);
    QSqlQuery& owners = database.query(u"SELECT owner"_s + stale);
    owners.bindValue(0, cutoff);
    if (!database.exec(owners, error))
        return false;
    QStringList keyIds;
    while (owners.next())
        keyIds.append(RecordKeys::draftKeyId(owners.value(0).toString()));
    owners.finish();
    QSqlQuery& drafts = database.query(u"DELETE"_s + stale);
    drafts.bindValue(0, cutoff);
    if (!database.exec(drafts, error))
        return false;
    *erased = drafts.numRowsAffected();
    for (const QString& keyId : std::as_const(keyIds)) {
        if (!m_store.recordKeys()->shred(keyId, error))
            return false;
    }
    return true;
}

bool RecordPurge::purgeDue(const QDateTime& now, Report* report, QString* error)
{
    // Run after every sync: most runs find nothing and should not take the write lock.
    if (!countDue(now, report, error))
        return false;
    Database& database = m_store.database();
    if (report->records == 0 && report->drafts == 0) {
        // An earlier checkpoint may have been kept from finishing by a reader.
        report->journalEmptied = database.checkpoint();
        return true;
    }
    report->records = 0;
    report->drafts = 0;
    const QString cutoff = iso(report->acknowledgedBefore);

    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;

    QList<Due> due;
    if (!selectDue(cutoff, &due, error) || !eraseDue(due, now, error))
        return false;

    if (!eraseStaleDrafts(cutoff, &report->drafts, error))
        return false;
    report->records = int(due.size());

    if (report->records > 0 || report->drafts > 0) {
        const QString detail = u"%1 records acknowledged before %2 and %3 drafts erased; "
                               "retention %4 days"_s.arg(report->records)
                                   .arg(iso(report->acknowledgedBefore))
                                   .arg(report->drafts)
                                   .arg(report->retentionDays);
        if (!m_store.audit(u"records.purge"_s, {}, detail, error))
            return false;
    }
    if (!transaction.commit(error))
        return false;
    if (report->records > 0 || report->drafts > 0) {
        qCInfo(lcStore) << "purge:" << report->records << "records and" << report->drafts
                        << "drafts erased";
    }
    // Outside the transaction: the old page images are still in the WAL until written back.
    report->journalEmptied = database.checkpoint();
    return true;
}
