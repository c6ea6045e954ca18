#include "SiteStatistics.h"

#include "ActivationCodes.h"
#include "Logging.h"
#include "RecordSeal.h"
#include "RecordStore.h"
#include "SamplingRecord.h"
#include "Store.h"
#include "StoreFormat.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>
#include <QtEndian>

using namespace Qt::StringLiterals;

const QString SiteStatistics::TallyKey = u"stats.resultTally"_s;

namespace {

using StoreFormat::MetaTable;
using StoreFormat::RecordsTable;

// The tally's plaintext: a version byte, then per day its ISO date (10 bytes) and four
// 32-bit counts (P, N, I, X). Fixed-size per day, so that the ciphertext's length changes
// only when a day is added (and the days are no secret: records carry theirs in clear).
constexpr char TallyVersion = 1;
constexpr int DayBytes = 10 + 4 * 4;

int* counter(SiteStatistics::Results* results, const QString& value)
{
    if (value == u"P"_s)
        return &results->positive;
    if (value == u"N"_s)
        return &results->negative;
    if (value == u"I"_s)
        return &results->uninterpretable;
    if (value == u"X"_s)
        return &results->nonCompliant;
    return nullptr; // no result, or cancelled
}

QByteArray encode(const QMap<QString, SiteStatistics::Results>& tally)
{
    QByteArray bytes(1, TallyVersion);
    bytes.reserve(1 + tally.size() * DayBytes);
    for (auto it = tally.cbegin(); it != tally.cend(); ++it) {
        bytes.append(it.key().toLatin1().leftJustified(10, ' ', true));
        for (int count : {it->positive, it->negative, it->uninterpretable, it->nonCompliant}) {
            char field[4];
            qToBigEndian(quint32(std::max(0, count)), field);
            bytes.append(field, 4);
        }
    }
    return bytes;
}

bool decode(const QByteArray& bytes, QMap<QString, SiteStatistics::Results>* tally)
{
    if (bytes.isEmpty() || bytes.at(0) != TallyVersion || (bytes.size() - 1) % DayBytes != 0)
        return false;
    for (qsizetype at = 1; at < bytes.size(); at += DayBytes) {
        const QString day = QString::fromLatin1(bytes.mid(at, 10)).trimmed();
        SiteStatistics::Results results;
        int* fields[] = {&results.positive, &results.negative, &results.uninterpretable,
                         &results.nonCompliant};
        for (int i = 0; i < 4; ++i)
            *fields[i] = int(qFromBigEndian<quint32>(bytes.constData() + at + 10 + 4 * i));
        tally->insert(day, results);
    }
    return true;
}

} // namespace

double SiteStatistics::Results::positivityPercent() const
{
    const int tested = positive + negative;
    return tested == 0 ? -1.0 : 100.0 * positive / tested;
}

SiteStatistics::SiteStatistics(Store& store)
    : m_store(store)
{}

bool SiteStatistics::loadTally(QMap<QString, Results>* tally, bool* found, QString* error)
{
    tally->clear();
    const QByteArray sealed = m_store.database().metaValue(TallyKey);
    *found = !sealed.isEmpty();
    if (!*found)
        return true;
    QByteArray plain;
    if (!m_store.vault()->open(MetaTable, TallyKey, u"value"_s, sealed, &plain) ||
        !decode(plain, tally)) {
        *error = tr("the sealed count of results does not decrypt");
        return false;
    }
    return true;
}

bool SiteStatistics::saveTally(const QMap<QString, Results>& tally, QString* error)
{
    return m_store.database().setMetaValue(
        TallyKey, m_store.vault()->seal(MetaTable, TallyKey, u"value"_s, encode(tally)), error);
}

bool SiteStatistics::countResultChange(const QString& day, const QString& before,
                                       const QString& after, QString* error)
{
    if (before == after)
        return true;
    if (!m_store.vault()) {
        *error = tr("sign in first");
        return false;
    }
    QMap<QString, Results> tally;
    bool found = false;
    if (!loadTally(&tally, &found, error))
        return false;
    if (!found) {
        // Called before the result is written: the rebuild counts the record as it was.
        if (!rebuildTally(error) || !loadTally(&tally, &found, error))
            return false;
    }
    Results& results = tally[day];
    if (int* count = counter(&results, before))
        *count = std::max(0, *count - 1);
    if (int* count = counter(&results, after))
        ++*count;
    return saveTally(tally, error);
}

bool SiteStatistics::rebuildTally(QString* error)
{
    if (!m_store.vault()) {
        *error = tr("sign in first");
        return false;
    }
    QMap<QString, Results> tally;
    RecordKeys& keys = *m_store.recordKeys();
    Database& database = m_store.database();
    QSqlQuery& select = database.query(u"SELECT id, collected_day, result, version, "_s +
                                       RecordKeys::wrappedKeyColumn(u"records.id"_s) +
                                       u" FROM records WHERE status <> 'purged' AND result IS "
                                       "NOT NULL"_s);
    if (!database.exec(select, error))
        return false;
    while (select.next()) {
        QByteArray cbor;
        QJsonObject merged;
        RecordKey key;
        QString keyError;
        if (!keys.keyFrom(select.value(0).toString(), select.value(4), &key, &keyError) ||
            !key.open(RecordsTable, select.value(0).toString(),
                      RecordSeal::boundColumn(u"result"_s, select.value(3).toInt()),
                      select.value(2).toByteArray(), &cbor) ||
            !SamplingRecord::mergeBlockCbor(cbor, &merged)) {
            continue; // a damaged record counts nowhere
        }
        const QString value = merged.value(u"result"_s).toObject().value(u"value"_s).toString();
        Results& results = tally[select.value(1).toString()];
        if (int* count = counter(&results, value))
            ++*count;
    }
    select.finish();
    // Purged records left only their counts behind.
    QString statisticsError;
    const RecordStore::Statistics kept = RecordStore::statistics(m_store, &statisticsError);
    if (!statisticsError.isEmpty()) {
        *error = statisticsError;
        return false;
    }
    for (const RecordStore::ResultCount& count : kept.purgedResults) {
        if (int* field = counter(&tally[count.day], count.value))
            *field += count.records;
    }
    qCInfo(lcStore) << "result tally rebuilt over" << tally.size() << "days";
    return saveTally(tally, error);
}

bool SiteStatistics::resultsByDay(QMap<QDate, Results>* days, QString* error)
{
    days->clear();
    if (!m_store.vault()) {
        *error = tr("sign in first");
        return false;
    }
    QMap<QString, Results> tally;
    bool found = false;
    if (!loadTally(&tally, &found, error))
        return false;
    if (!found) {
        Transaction transaction(m_store.database());
        if (!transaction.begin(error) || !loadTally(&tally, &found, error))
            return false;
        // Another process may have made it meanwhile.
        if (!found && (!rebuildTally(error) || !loadTally(&tally, &found, error) ||
                       !transaction.commit(error))) {
            return false;
        }
    }
    for (auto it = tally.cbegin(); it != tally.cend(); ++it)
        days->insert(QDate::fromString(it.key(), Qt::ISODate), it.value());
    return true;
}

bool SiteStatistics::snapshot(const QDate& today, Snapshot* snapshot, QString* error,
                              const QDateTime& now)
{
    *snapshot = Snapshot{};
    snapshot->today = today;
    RecordStore::DayCounts day;
    if (!RecordStore::dayCounts(m_store, today, &day, error))
        return false;
    snapshot->samplesPerHour = day.samplesPerHour;
    snapshot->samplesToday = day.samples;
    snapshot->awaitingResultToday = day.awaitingResult;

    QMap<QDate, Results> byDay;
    if (!resultsByDay(&byDay, error))
        return false;
    snapshot->resultsToday = byDay.value(today);
    for (int back = PositivityDays - 1; back >= 0; --back) {
        const QDate date = today.addDays(-back);
        snapshot->lastDays.insert(date, byDay.value(date));
    }

    QString codesError;
    const ActivationCodes::Status codes = ActivationCodes(m_store).status(7, &codesError, now);
    if (!codesError.isEmpty()) {
        *error = codesError;
        return false;
    }
    snapshot->codesLeft = codes.validNow;
    snapshot->codesExpiringSoon = codes.expiringSoon;
    return true;
}
