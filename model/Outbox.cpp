#include "Outbox.h"

#include "Crypto.h"
#include "Logging.h"
#include "RecordStore.h"
#include "Store.h"
#include "StoreFormat.h"
#include "Vault.h"

#include <QCborMap>
#include <QCborValue>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

using StoreFormat::OutboxTable;
const QString PayloadColumn = u"payload"_s;
const QString ReasonColumn = u"reason"_s;
using StoreFormat::RecordVersionsTable;
const QString EnteredInError = u"entered-in-error"_s;

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

#ifdef SIDEP_TEST_HOOKS
bool createAsBeforeSeals = false;
#endif

} // namespace

const QString Outbox::SealedAction = u"outbox.sealed"_s;

#ifdef SIDEP_TEST_HOOKS
void Outbox::createStoresAsBeforeSealsForTest(bool asBefore)
{
    createAsBeforeSeals = asBefore;
}
#endif

bool Outbox::noteSealedFromCreation(Store& store, QString* error)
{
#ifdef SIDEP_TEST_HOOKS
    if (createAsBeforeSeals)
        return true;
#endif
    return store.audit(SealedAction, QString(), u"store created"_s, error);
}

QByteArray Outbox::stateMac(const Vault& vault, const QString& recordId, int version,
                            const QString& state, const QString& acknowledgedAt)
{
    // The acknowledgement time counts only once acknowledged: the purge reads it.
    const QString acknowledged =
        state == stateName(State::Acknowledged) ? acknowledgedAt : QString();
    return vault.stateMac((StoreFormat::OutboxStatePrefix + recordId + u'|' +
                           QString::number(version) + u'|' + state + u'|' + acknowledged)
                              .toUtf8());
}

bool Outbox::stateIsAuthentic(const Vault& vault, const QString& recordId, int version,
                              const QString& state, const QString& acknowledgedAt,
                              const QByteArray& mac)
{
    return !mac.isEmpty() && Crypto::equalConstantTime(
                                 mac, stateMac(vault, recordId, version, state, acknowledgedAt));
}

bool Outbox::sealLegacyStates(QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& unsealed = database.query(
        u"SELECT record_id, version, state, acknowledged_at FROM outbox WHERE state_mac IS NULL"_s);
    if (!database.exec(unsealed, error))
        return false;
    struct Row
    {
        QString recordId;
        int version;
        QString state;
        QString acknowledgedAt;
    };
    QList<Row> rows;
    while (unsealed.next()) {
        rows.append({unsealed.value(0).toString(), unsealed.value(1).toInt(),
                     unsealed.value(2).toString(), unsealed.value(3).toString()});
    }
    unsealed.finish();
    if (rows.isEmpty())
        return true;
    QSqlQuery& marker = database.query(u"SELECT 1 FROM audit WHERE action = ? LIMIT 1"_s);
    marker.bindValue(0, SealedAction);
    if (!database.exec(marker, error))
        return false;
    const bool sealedBefore = marker.next();
    marker.finish();
    if (sealedBefore)
        return true; // the seals were taken away: damage, reported by damagedVersions()
    // Without the note, the store may be from before the seals, or its note may have been
    // taken away: only an intact chain tells the first from the second.
    if (!m_store.auditLog()->verify().isEmpty()) {
        qCWarning(lcStore) << "versions without a seal left unsealed: the audit log is not intact";
        return true; // damage, reported by damagedVersions()
    }

    // Versions queued before states were authenticated are trusted once, at the first
    // signed-in use, as they stand.
    const Vault& vault = *m_store.vault();
    // Inside a caller's transaction, sealed with it; else in a transaction of its own.
    Transaction transaction(database);
    const bool ownTransaction = !database.inTransaction();
    if (ownTransaction && !transaction.begin(error))
        return false;
    QSqlQuery& seal =
        database.query(u"UPDATE outbox SET state_mac = ? WHERE record_id = ? AND version = ?"_s);
    for (const Row& row : std::as_const(rows)) {
        seal.bindValue(0,
                       stateMac(vault, row.recordId, row.version, row.state, row.acknowledgedAt));
        seal.bindValue(1, row.recordId);
        seal.bindValue(2, row.version);
        if (!database.exec(seal, error))
            return false;
    }
    return m_store.audit(SealedAction, QString(), QString::number(rows.size()), error) &&
           (!ownTransaction || transaction.commit(error));
}

bool Outbox::resendLatestVersions(QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& latest =
        database.query(u"SELECT record_id, version FROM outbox o WHERE version = "
                       "(SELECT max(version) FROM outbox l WHERE l.record_id = o.record_id)"_s);
    if (!database.exec(latest, error))
        return false;
    QList<QPair<QString, int>> versions;
    while (latest.next())
        versions.append({latest.value(0).toString(), latest.value(1).toInt()});
    latest.finish();
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    QSqlQuery& requeue = database.query(
        u"UPDATE outbox SET state = 'waiting', attempts = 0, next_attempt_at = NULL, "
        "last_error = NULL, acknowledged_at = NULL, state_mac = ? "
        "WHERE record_id = ? AND version = ?"_s);
    for (const auto& [recordId, version] : std::as_const(versions)) {
        requeue.bindValue(
            0, stateMac(*m_store.vault(), recordId, version, stateName(State::Waiting), QString()));
        requeue.bindValue(1, recordId);
        requeue.bindValue(2, version);
        if (!database.exec(requeue, error))
            return false;
    }
    return transaction.commit(error);
}

QList<Outbox::Entry> Outbox::damagedVersions(QString* error)
{
    QList<Entry> damaged;
    if (!sealLegacyStates(error))
        return damaged;
    Database& database = m_store.database();
    const Vault& vault = *m_store.vault();
    QSqlQuery& select = database.query(u"SELECT record_id, version, kind, attempts, state, "
                                       "acknowledged_at, state_mac FROM outbox "
                                       "ORDER BY record_id, version"_s);
    if (!database.exec(select, error))
        return damaged;
    while (select.next()) {
        const QString recordId = select.value(0).toString();
        const int version = select.value(1).toInt();
        if (!stateIsAuthentic(vault, recordId, version, select.value(4).toString(),
                              select.value(5).toString(), select.value(6).toByteArray())) {
            damaged.append({recordId, version,
                            kindFromName(select.value(2).toString()).value_or(Kind::Result),
                            select.value(3).toInt()});
        }
    }
    select.finish();
    return damaged;
}

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

Outbox::Batch::Batch(Outbox& outbox)
    : m_transaction(std::make_unique<Transaction>(outbox.m_store.database()))
{}

Outbox::Batch::~Batch() = default;

bool Outbox::Batch::begin(QString* error)
{
    return m_transaction->begin(error);
}

bool Outbox::Batch::commit(QString* error)
{
    return m_transaction->commit(error);
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
        u"INSERT INTO outbox (record_id, version, kind, state, attempts, queued_at, reason, "
        "state_mac) VALUES (?, ?, ?, 'waiting', 0, ?, ?, ?)"_s);
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    insert.bindValue(0, recordId);
    insert.bindValue(1, version);
    insert.bindValue(2, kindName(kind));
    insert.bindValue(3, iso(now));
    const QString trimmed = reason.trimmed();
    insert.bindValue(4, trimmed.isEmpty() ? nullBytes()
                                          : QVariant(key.seal(OutboxTable, rowId(recordId, version),
                                                              ReasonColumn, trimmed.toUtf8())));
    insert.bindValue(
        5, stateMac(*m_store.vault(), recordId, version, stateName(State::Waiting), QString()));
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
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    Database& database = m_store.database();
    QSqlQuery& update =
        database.query(u"UPDATE outbox SET payload = ? WHERE record_id = ? AND version = ?"_s);
    update.bindValue(0, key.seal(OutboxTable, rowId(recordId, version), PayloadColumn,
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
    if (!sealLegacyStates(error))
        return {};
    const Vault& vault = *m_store.vault();
    // A version whose state does not match its seal is damage: never sent from here, and a
    // record's later versions wait behind it (damagedVersions() reports it).
    const auto authentic = [&vault](const QSqlQuery& row, const QString& recordId, int version,
                                    int stateColumn) {
        return stateIsAuthentic(vault, recordId, version, row.value(stateColumn).toString(),
                                row.value(stateColumn + 1).toString(),
                                row.value(stateColumn + 2).toByteArray());
    };
    QSqlQuery& heads = database.query(
        u"SELECT o.record_id, o.version, o.kind, o.attempts, o.state, o.acknowledged_at, "
        "o.state_mac FROM outbox o "
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
        if (busyRecords.contains(recordId) ||
            !authentic(heads, recordId, heads.value(1).toInt(), 4))
            continue;
        found.append({recordId, heads.value(1).toInt(),
                      kindFromName(heads.value(2).toString()).value_or(Kind::Result),
                      heads.value(3).toInt()});
    }
    heads.finish();

    // Behind each head, the record's later unsent versions, in order.
    QSqlQuery& later = database.query(
        u"SELECT version, kind, attempts, state, acknowledged_at, state_mac FROM outbox "
        "WHERE record_id = ? AND version > ? AND state IN ('waiting', 'sending') "
        "ORDER BY version"_s);
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
            if (!authentic(later, head.recordId, later.value(0).toInt(), 3))
                break;
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
    const QString row = rowId(entry.recordId, entry.version);
    // The record's wrapped key comes with the row: no query of its own while a batch is built.
    QSqlQuery& select =
        database.query(u"SELECT o.payload, o.reason, r.version, r.correction, o.queued_at, "_s +
                       RecordKeys::wrappedKeyColumn(u"o.record_id"_s) +
                       u" FROM outbox o JOIN records r ON r.id = o.record_id "
                       "WHERE o.record_id = ? AND o.version = ?"_s);
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
    const QVariant wrappedKey = select.value(5);
    select.finish();
    RecordKey key;
    if (!m_store.recordKeys()->keyFrom(entry.recordId, wrappedKey, &key, error))
        return false;

    *content = Content{};
    content->queuedAt = queuedAt;
    if (!sealedReason.isNull()) {
        QByteArray reason;
        if (!key.open(OutboxTable, row, ReasonColumn, sealedReason.toByteArray(), &reason)) {
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
        return content->correction != EnteredInError ||
               cancelledAnalysis(entry.recordId, entry.version, &content->cancelledAnalysis, error);
    }

    QByteArray cbor;
    if (!key.open(OutboxTable, row, PayloadColumn, sealedPayload.toByteArray(), &cbor)) {
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
    return content->correction != EnteredInError ||
           cancelledAnalysis(entry.recordId, entry.version, &content->cancelledAnalysis, error);
}

bool Outbox::cancelledAnalysis(const QString& recordId, int version, QString* analysis,
                               QString* error)
{
    analysis->clear();
    Database& database = m_store.database();
    QSqlQuery& select = database.query(
        u"SELECT version, result FROM record_versions WHERE record_id = ? AND version < ? "
        "AND kind = 'cancellation' ORDER BY version DESC LIMIT 1"_s);
    select.bindValue(0, recordId);
    select.bindValue(1, version);
    if (!database.exec(select, error))
        return false;
    if (!select.next()) {
        select.finish();
        return true; // cancelled before the history kept results: the default analysis
    }
    const int cancelled = select.value(0).toInt();
    const QByteArray sealed = select.value(1).toByteArray();
    select.finish();
    // Sealed by the result store under the history row's own id.
    const QString historyRow = recordId + u'/' + QString::number(cancelled);
    QByteArray cbor;
    QJsonObject merged;
    RecordKey key;
    if (!m_store.recordKeys()->keyOf(recordId, &key, error))
        return false;
    if (!key.open(RecordVersionsTable, historyRow, u"result"_s, sealed, &cbor) ||
        !SamplingRecord::mergeBlockCbor(cbor, &merged)) {
        *error = tr("record %1 is damaged: the result its version %2 cancelled does not decrypt")
                     .arg(recordId)
                     .arg(version);
        return false;
    }
    QList<Problem> ignored;
    *analysis = SamplingRecord::fromJson(merged, &ignored).result.analysis;
    return true;
}

bool Outbox::markSending(const QList<Entry>& entries, QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& mark =
        database.query(u"UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
                       "state_mac = ? WHERE record_id = ? AND version = ?"_s);
    for (const Entry& entry : entries) {
        mark.bindValue(0, stateMac(*m_store.vault(), entry.recordId, entry.version,
                                   stateName(State::Sending), QString()));
        mark.bindValue(1, entry.recordId);
        mark.bindValue(2, entry.version);
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
                       "reason = CASE WHEN ? THEN NULL ELSE reason END, state_mac = ? "
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
    update.bindValue(column++, stateMac(*m_store.vault(), entry.recordId, entry.version,
                                        stateName(state), iso(now)));
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
    // Counted here rather than in SQL: a version whose state does not match its seal is
    // counted as damaged, never as what its clear state claims. Nothing is counted while
    // the store is locked.
    if (!m_store.vault())
        return status;
    if (!sealLegacyStates(&error))
        qCWarning(lcStore) << "cannot seal the outbox states:" << error;
    const Vault& vault = *m_store.vault();
    QSqlQuery& rows =
        database.query(u"SELECT record_id, version, state, acknowledged_at, state_mac, queued_at, "
                       "next_attempt_at FROM outbox ORDER BY record_id, version"_s);
    struct RecordTally
    {
        bool waiting = false;
        bool allAcknowledged = true;
        bool damaged = false;
        State latest = State::Waiting;
    };
    QHash<QString, RecordTally> records;
    if (database.exec(rows, &error)) {
        while (rows.next()) {
            const QString recordId = rows.value(0).toString();
            const int version = rows.value(1).toInt();
            const QString stateText = rows.value(2).toString();
            RecordTally& record = records[recordId];
            if (!stateIsAuthentic(vault, recordId, version, stateText, rows.value(3).toString(),
                                  rows.value(4).toByteArray())) {
                ++status.damaged;
                record.damaged = true;
                continue;
            }
            const State state = stateFromName(stateText).value_or(State::Waiting);
            record.latest = state; // rows come in version order
            record.allAcknowledged = record.allAcknowledged && state == State::Acknowledged;
            switch (state) {
            case State::Waiting:
            case State::Sending: {
                (state == State::Waiting ? status.waiting : status.sending) += 1;
                record.waiting = true;
                const QDateTime queued =
                    QDateTime::fromString(rows.value(5).toString(), Qt::ISODate);
                const QDateTime next = QDateTime::fromString(rows.value(6).toString(), Qt::ISODate);
                if (queued.isValid() &&
                    (!status.oldestWaiting.isValid() || queued < status.oldestWaiting))
                    status.oldestWaiting = queued;
                if (next.isValid() && (!status.nextAttempt.isValid() || next < status.nextAttempt))
                    status.nextAttempt = next;
                break;
            }
            case State::Acknowledged:
                ++status.acknowledged;
                break;
            case State::Rejected:
                ++status.rejected;
                break;
            }
        }
    }
    rows.finish();
    for (const RecordTally& record : std::as_const(records)) {
        if (record.damaged)
            ++status.recordsDamaged;
        else if (record.waiting)
            ++status.recordsWaiting;
        else if (record.allAcknowledged)
            ++status.recordsAcknowledged;
        else if (record.latest == State::Rejected)
            ++status.recordsRejected;
    }
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
        u"SELECT o.state, o.acknowledged_at, o.state_mac, o.version FROM outbox o "
        "JOIN records r ON r.id = o.record_id AND o.version = r.version WHERE r.id = ?"_s);
    const QString recordId = id.toString(QUuid::WithoutBraces);
    select.bindValue(0, recordId);
    QString state;
    if (select.exec() && select.next()) {
        state = select.value(0).toString();
        if (!stateIsAuthentic(*m_store.vault(), recordId, select.value(3).toInt(), state,
                              select.value(1).toString(), select.value(2).toByteArray()))
            state = u"damaged"_s;
    }
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
