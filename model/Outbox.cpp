#include "Outbox.h"

#include "RecordStore.h"
#include "Store.h"

#include <QCborMap>
#include <QCborValue>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString OutboxTable = u"outbox"_s;
const QString PayloadColumn = u"payload"_s;
const QString ReasonColumn = u"reason"_s;

struct Name
{
    int value;
    const char16_t* name;
};
constexpr Name KindNames[] = {
    {int(Outbox::Kind::Registration), u"registration"},
    {int(Outbox::Kind::Result), u"result"},
    {int(Outbox::Kind::Correction), u"correction"},
    {int(Outbox::Kind::Cancellation), u"cancellation"},
    {int(Outbox::Kind::Amendment), u"amendment"},
};
constexpr Name StateNames[] = {
    {int(Outbox::State::Waiting), u"waiting"},
    {int(Outbox::State::Sending), u"sending"},
    {int(Outbox::State::Acknowledged), u"acknowledged"},
    {int(Outbox::State::Rejected), u"rejected"},
};

template <std::size_t N>
QString nameOf(const Name (&names)[N], int value)
{
    for (const Name& entry : names) {
        if (entry.value == value)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

template <std::size_t N>
std::optional<int> valueOf(const Name (&names)[N], const QString& name)
{
    for (const Name& entry : names) {
        if (name == QStringView(entry.name))
            return entry.value;
    }
    return std::nullopt;
}

QString iso(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODate);
}

// The sealed values of one version are bound to it: a snapshot copied to another version
// or record does not open.
QString rowId(const QString& recordId, int version)
{
    return recordId + u'#' + QString::number(version);
}

QVariant nullBytes()
{
    return QVariant(QMetaType::fromType<QByteArray>());
}

} // namespace

QString Outbox::kindName(Kind kind)
{
    return nameOf(KindNames, int(kind));
}

std::optional<Outbox::Kind> Outbox::kindFromName(const QString& name)
{
    const std::optional<int> value = valueOf(KindNames, name);
    return value ? std::optional<Kind>(Kind(*value)) : std::nullopt;
}

QString Outbox::stateName(State state)
{
    return nameOf(StateNames, int(state));
}

std::optional<Outbox::State> Outbox::stateFromName(const QString& name)
{
    const std::optional<int> value = valueOf(StateNames, name);
    return value ? std::optional<State>(State(*value)) : std::nullopt;
}

Outbox::Outbox(Store& store)
    : m_store(store)
{}

bool Outbox::addVersion(const QUuid& id, int version, Kind kind, const QString& reason,
                        const QDateTime& now, QString* error)
{
    Database& database = m_store.database();
    const QString recordId = id.toString(QUuid::WithoutBraces);
    // The versions still to send that say what the record says now: about to change.
    QSqlQuery& unsent =
        database.query(u"SELECT version FROM outbox WHERE record_id = ? AND version < ? "
                       "AND state IN ('waiting', 'sending') AND payload IS NULL"_s);
    unsent.bindValue(0, recordId);
    unsent.bindValue(1, version);
    if (!database.exec(unsent, error))
        return false;
    QList<int> toKeep;
    while (unsent.next())
        toKeep.append(unsent.value(0).toInt());
    unsent.finish();
    for (const int earlier : std::as_const(toKeep)) {
        if (!snapshot(recordId, earlier, error))
            return false;
    }

    QSqlQuery& insert = database.query(
        u"INSERT INTO outbox (record_id, version, kind, state, attempts, queued_at, reason) "
        "VALUES (?, ?, ?, 'waiting', 0, ?, ?)"_s);
    insert.bindValue(0, recordId);
    insert.bindValue(1, version);
    insert.bindValue(2, kindName(kind));
    insert.bindValue(3, iso(now));
    const QString trimmed = reason.trimmed();
    insert.bindValue(4, trimmed.isEmpty()
                            ? nullBytes()
                            : QVariant(m_store.vault()->seal(OutboxTable, rowId(recordId, version),
                                                             ReasonColumn, trimmed.toUtf8())));
    return database.exec(insert, error);
}

bool Outbox::snapshot(const QString& recordId, int version, QString* error)
{
    Content current;
    if (!content({recordId, version, Kind::Registration, 0}, &current, error))
        return false;
    QCborMap payload;
    payload.insert(u"record"_s, QCborValue::fromJsonValue(current.record.toJson(false)));
    if (!current.record.result.reportPdf.isEmpty())
        payload.insert(u"report"_s, current.record.result.reportPdf);
    if (!current.correction.isEmpty())
        payload.insert(u"correction"_s, current.correction);
    Database& database = m_store.database();
    QSqlQuery& update =
        database.query(u"UPDATE outbox SET payload = ? WHERE record_id = ? AND version = ?"_s);
    update.bindValue(0, m_store.vault()->seal(OutboxTable, rowId(recordId, version), PayloadColumn,
                                              payload.toCborValue().toCbor()));
    update.bindValue(1, recordId);
    update.bindValue(2, version);
    return database.exec(update, error);
}

QList<Outbox::Entry> Outbox::due(const QDateTime& now, int limit, const QSet<QString>& busyRecords,
                                 QString* error)
{
    Database& database = m_store.database();
    // The first unsettled version of each record, when it is due. A version left "sending"
    // by a crash or a cut connection is due again: the server recognises what it has.
    QSqlQuery& heads = database.query(
        u"SELECT o.record_id, o.version, o.kind, o.attempts FROM outbox o "
        "WHERE o.state IN ('waiting', 'sending') "
        "AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) "
        "AND o.version = (SELECT min(p.version) FROM outbox p WHERE p.record_id = o.record_id "
        "AND p.state IN ('waiting', 'sending')) "
        "ORDER BY o.queued_at, o.record_id LIMIT ?"_s);
    heads.bindValue(0, iso(now));
    heads.bindValue(1, limit + int(busyRecords.size()));
    QList<Entry> found;
    if (!database.exec(heads, error))
        return found;
    while (heads.next()) {
        const QString recordId = heads.value(0).toString();
        if (busyRecords.contains(recordId))
            continue;
        found.append({recordId, heads.value(1).toInt(),
                      kindFromName(heads.value(2).toString()).value_or(Kind::Result),
                      heads.value(3).toInt()});
    }
    heads.finish();

    // Behind each head, the record's later unsent versions, in order.
    QSqlQuery& later = database.query(
        u"SELECT version, kind, attempts FROM outbox WHERE record_id = ? AND version > ? "
        "AND state IN ('waiting', 'sending') ORDER BY version"_s);
    QList<Entry> entries;
    for (const Entry& head : std::as_const(found)) {
        if (entries.size() >= limit)
            break;
        entries.append(head);
        later.bindValue(0, head.recordId);
        later.bindValue(1, head.version);
        if (!database.exec(later, error))
            return {};
        while (later.next() && entries.size() < limit) {
            entries.append({head.recordId, later.value(0).toInt(),
                            kindFromName(later.value(1).toString()).value_or(Kind::Result),
                            later.value(2).toInt()});
        }
        later.finish();
    }
    return entries;
}

bool Outbox::content(const Entry& entry, Content* content, QString* error)
{
    Database& database = m_store.database();
    const Vault& vault = *m_store.vault();
    const QString row = rowId(entry.recordId, entry.version);
    QSqlQuery& select = database.query(
        u"SELECT o.payload, o.reason, r.version, r.correction, o.queued_at FROM outbox o "
        "JOIN records r ON r.id = o.record_id WHERE o.record_id = ? AND o.version = ?"_s);
    select.bindValue(0, entry.recordId);
    select.bindValue(1, entry.version);
    if (!select.exec() || !select.next()) {
        select.finish();
        *error = tr("version %1 of record %2 is not in the outbox")
                     .arg(entry.version)
                     .arg(entry.recordId);
        return false;
    }
    const QVariant sealedPayload = select.value(0);
    const QVariant sealedReason = select.value(1);
    const int currentVersion = select.value(2).toInt();
    const QString currentCorrection = select.value(3).toString();
    const QDateTime queuedAt = QDateTime::fromString(select.value(4).toString(), Qt::ISODate);
    select.finish();

    *content = Content{};
    content->queuedAt = queuedAt;
    if (!sealedReason.isNull()) {
        QByteArray reason;
        if (!vault.open(OutboxTable, row, ReasonColumn, sealedReason.toByteArray(), &reason)) {
            *error = tr("record %1 is damaged: the reason of its version %2 does not decrypt")
                         .arg(entry.recordId)
                         .arg(entry.version);
            return false;
        }
        content->reason = QString::fromUtf8(reason);
    }

    if (sealedPayload.isNull()) {
        // No snapshot: the version is what the record says now.
        if (currentVersion != entry.version) {
            *error = tr("record %1 is damaged: its version %2 was replaced without a copy")
                         .arg(entry.recordId)
                         .arg(entry.version);
            return false;
        }
        QString damagedBlock;
        if (!m_store.records()->openBlocks(QUuid::fromString(entry.recordId), &content->record,
                                           &damagedBlock, error)) {
            return false;
        }
        content->correction = currentCorrection;
        return true;
    }

    QByteArray cbor;
    if (!vault.open(OutboxTable, row, PayloadColumn, sealedPayload.toByteArray(), &cbor)) {
        *error = tr("record %1 is damaged: the copy of its version %2 does not decrypt")
                     .arg(entry.recordId)
                     .arg(entry.version);
        return false;
    }
    const QCborMap payload = QCborValue::fromCbor(cbor).toMap();
    QList<Problem> ignored;
    content->record =
        SamplingRecord::fromJson(payload.value(u"record"_s).toJsonValue().toObject(), &ignored);
    content->record.id = QUuid::fromString(entry.recordId);
    content->record.version = entry.version;
    content->record.result.reportPdf = payload.value(u"report"_s).toByteArray();
    content->correction = payload.value(u"correction"_s).toString();
    return true;
}

bool Outbox::markSending(const QList<Entry>& entries, QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& mark =
        database.query(u"UPDATE outbox SET state = 'sending', attempts = attempts + 1 "
                       "WHERE record_id = ? AND version = ?"_s);
    for (const Entry& entry : entries) {
        mark.bindValue(0, entry.recordId);
        mark.bindValue(1, entry.version);
        if (!database.exec(mark, error))
            return false;
    }
    return true;
}

bool Outbox::settle(const Entry& entry, State state, const QString& message,
                    const QDateTime& nextAttempt, const QDateTime& now, QString* error)
{
    // A settled version is never sent again: what it said goes (the server has it, or
    // refused it and a newer version will say it again).
    const bool settled = state == State::Acknowledged || state == State::Rejected;
    Database& database = m_store.database();
    QSqlQuery& update =
        database.query(u"UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ?, "
                       "acknowledged_at = CASE WHEN ? THEN ? ELSE acknowledged_at END, "
                       "payload = CASE WHEN ? THEN NULL ELSE payload END, "
                       "reason = CASE WHEN ? THEN NULL ELSE reason END "
                       "WHERE record_id = ? AND version = ?"_s);
    int column = 0;
    update.bindValue(column++, stateName(state));
    update.bindValue(column++, message.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                 : QVariant(message));
    update.bindValue(column++, nextAttempt.isValid() ? QVariant(iso(nextAttempt))
                                                     : QVariant(QMetaType::fromType<QString>()));
    update.bindValue(column++, state == State::Acknowledged);
    update.bindValue(column++, iso(now));
    update.bindValue(column++, settled);
    update.bindValue(column++, settled);
    update.bindValue(column++, entry.recordId);
    update.bindValue(column++, entry.version);
    return database.exec(update, error);
}

bool Outbox::retryNow(const QDateTime& now, QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& update = database.query(
        u"UPDATE outbox SET next_attempt_at = ? WHERE state IN ('waiting', 'sending')"_s);
    update.bindValue(0, iso(now));
    Transaction transaction(database);
    return transaction.begin(error) && database.exec(update, error) && transaction.commit(error);
}

Outbox::Status Outbox::status()
{
    Status status;
    Database& database = m_store.database();
    QString error;
    QSqlQuery& counts = database.query(u"SELECT state, count(*) FROM outbox GROUP BY state"_s);
    if (database.exec(counts, &error)) {
        while (counts.next()) {
            const int count = counts.value(1).toInt();
            switch (stateFromName(counts.value(0).toString()).value_or(State::Waiting)) {
            case State::Waiting:
                status.waiting += count;
                break;
            case State::Sending:
                status.sending += count;
                break;
            case State::Acknowledged:
                status.acknowledged += count;
                break;
            case State::Rejected:
                status.rejected += count;
                break;
            }
        }
    }
    counts.finish();
    QSqlQuery& records = database.query(
        u"SELECT"
        " count(DISTINCT CASE WHEN state IN ('waiting', 'sending') THEN record_id END),"
        " (SELECT count(*) FROM (SELECT record_id FROM outbox GROUP BY record_id"
        "   HAVING min(state = 'acknowledged') = 1)),"
        " (SELECT count(*) FROM outbox o WHERE state = 'rejected' AND version ="
        "   (SELECT max(version) FROM outbox l WHERE l.record_id = o.record_id))"
        " FROM outbox"_s);
    if (database.exec(records, &error) && records.next()) {
        status.recordsWaiting = records.value(0).toInt();
        status.recordsAcknowledged = records.value(1).toInt();
        status.recordsRejected = records.value(2).toInt();
    }
    records.finish();
    QSqlQuery& oldest = database.query(u"SELECT min(queued_at), min(next_attempt_at) FROM outbox "
                                       "WHERE state IN ('waiting', 'sending')"_s);
    if (database.exec(oldest, &error) && oldest.next()) {
        status.oldestWaiting = QDateTime::fromString(oldest.value(0).toString(), Qt::ISODate);
        status.nextAttempt = QDateTime::fromString(oldest.value(1).toString(), Qt::ISODate);
    }
    oldest.finish();
    QSqlQuery& success = database.query(u"SELECT max(acknowledged_at) FROM outbox"_s);
    if (database.exec(success, &error) && success.next())
        status.lastSuccess = QDateTime::fromString(success.value(0).toString(), Qt::ISODate);
    success.finish();
    QSqlQuery& last = database.query(u"SELECT last_error FROM outbox WHERE last_error IS NOT NULL "
                                     "ORDER BY next_attempt_at DESC LIMIT 1"_s);
    if (database.exec(last, &error) && last.next())
        status.lastError = last.value(0).toString();
    last.finish();
    return status;
}

QString Outbox::latestState(const QUuid& id)
{
    QSqlQuery& select = m_store.database().query(
        u"SELECT o.state FROM outbox o JOIN records r ON r.id = o.record_id "
        "AND o.version = r.version WHERE r.id = ?"_s);
    select.bindValue(0, id.toString(QUuid::WithoutBraces));
    QString state;
    if (select.exec() && select.next())
        state = select.value(0).toString();
    select.finish();
    return state;
}

bool Outbox::eraseContent(const QString& recordId, QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& update =
        database.query(u"UPDATE outbox SET payload = NULL, reason = NULL WHERE record_id = ?"_s);
    update.bindValue(0, recordId);
    return database.exec(update, error);
}
