#include "SyncEngine.h"

#include "FhirBundle.h"
#include "RecordStore.h"
#include "Store.h"

#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "sidep.sync", QtWarningMsg)

namespace {

const QString Waiting = u"waiting"_s;
const QString Sending = u"sending"_s;
const QString Acknowledged = u"acknowledged"_s;
const QString Rejected = u"rejected"_s;

QString iso(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODate);
}

// The server's verdict on one Bundle, from its answer to the batch.
struct Verdict
{
    QString outcome; // accepted, already had, rejected, failed
    QString message;
};

QHash<QString, Verdict> verdicts(const QJsonObject& body)
{
    QHash<QString, Verdict> byBundle;
    for (const QJsonValue& value : body.value(u"results"_s).toArray()) {
        const QJsonObject result = value.toObject();
        QStringList diagnostics;
        for (const QJsonValue& issue :
             result.value(u"operationOutcome"_s).toObject().value(u"issue"_s).toArray()) {
            diagnostics.append(issue.toObject().value(u"diagnostics"_s).toString());
        }
        const QString key = result.value(u"bundleId"_s).toString() + u'#' +
                            QString::number(result.value(u"version"_s).toInt());
        byBundle.insert(key, {result.value(u"outcome"_s).toString(), diagnostics.join(u"; "_s)});
    }
    return byBundle;
}

} // namespace

SyncEngine::SyncEngine(Store& store, SyncTransport* transport, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

bool SyncEngine::enqueue(int* added, QString* error)
{
    Database& database = m_store.database();
    Transaction transaction(database);
    // A resulted record whose version is not in the outbox yet: new, or corrected since.
    QSqlQuery& insert = database.query(
        u"INSERT INTO outbox (record_id, version, state, attempts, next_attempt_at, queued_at) "
        "SELECT id, version, 'waiting', 0, ?, ? FROM records WHERE status = 'resulted' "
        "ON CONFLICT (record_id) DO UPDATE SET version = excluded.version, state = 'waiting', "
        "attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = NULL "
        "WHERE outbox.version <> excluded.version"_s);
    const QString now = iso(m_clock());
    insert.bindValue(0, now);
    insert.bindValue(1, now);
    if (!transaction.begin(error) || !database.exec(insert, error))
        return false;
    *added = insert.numRowsAffected();
    return transaction.commit(error);
}

bool SyncEngine::retryNow(QString* error)
{
    Database& database = m_store.database();
    QSqlQuery& update = database.query(
        u"UPDATE outbox SET next_attempt_at = ? WHERE state IN ('waiting', 'sending')"_s);
    update.bindValue(0, iso(m_clock()));
    Transaction transaction(database);
    return transaction.begin(error) && database.exec(update, error) && transaction.commit(error);
}

QDateTime SyncEngine::backoff(int attempts, int retryAfterSeconds) const
{
    if (retryAfterSeconds >= 0)
        return m_clock().addSecs(std::min(retryAfterSeconds, MaxDelaySeconds));
    const double delay = FirstDelaySeconds * std::pow(2.0, std::max(0, attempts - 1));
    return m_clock().addSecs(qint64(std::min(delay, double(MaxDelaySeconds))));
}

qint64 SyncEngine::batchBytes(const SamplingRecord& record)
{
    return 4 * ((record.result.reportPdf.size() + 2) / 3) + 16 * 1024;
}

bool SyncEngine::sendNextBatch()
{
    if (!canSendMore() || !m_store.isSignedIn())
        return false;
    Database& database = m_store.database();
    QString error;
    // A batch left "sending" by a crash or a cut connection is due again: the server
    // recognises what it already has.
    QSqlQuery& due = database.query(
        u"SELECT record_id, version, attempts FROM outbox WHERE state IN ('waiting', 'sending') "
        "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY queued_at LIMIT ?"_s);
    due.bindValue(0, iso(m_clock()));
    due.bindValue(1, BatchSize + int(m_inFlight.size()));
    QList<Pending> batch;
    if (database.exec(due, &error)) {
        while (due.next() && batch.size() < BatchSize) {
            const QString recordId = due.value(0).toString();
            if (!m_inFlight.contains(recordId))
                batch.append({recordId, due.value(1).toInt(), due.value(2).toInt()});
        }
    }
    due.finish();
    if (batch.isEmpty())
        return false;

    QJsonArray bundles;
    qint64 bundleBytes = 0;
    QList<Pending> sent; // the batch but the damaged records, settled apart
    QSqlQuery& correction = database.query(u"SELECT correction FROM records WHERE id = ?"_s);
    Transaction transaction(database);
    if (!transaction.begin(&error))
        return false;
    for (const Pending& pending : std::as_const(batch)) {
        SamplingRecord record;
        if (!m_store.records()->load(QUuid::fromString(pending.recordId), &record, &error,
                                     u"sync.send"_s)) {
            // A damaged record cannot be sent; say so and leave it for a person to see.
            if (!settle(pending, Rejected, error, {}, &error))
                return false;
            continue;
        }
        // Full: this record stays waiting and opens the next batch.
        const qint64 bytes = batchBytes(record);
        if (!sent.isEmpty() && bundleBytes + bytes > MaxBatchBytes)
            break;
        bundleBytes += bytes;
        sent.append(pending);
        BundleOptions options;
        correction.bindValue(0, pending.recordId);
        if (correction.exec() && correction.next())
            options.correction = correction.value(0).toString();
        correction.finish();
        bundles.append(FhirBundle::fromRecord(record, m_store.siteFiness(), options));
        QSqlQuery& mark = database.query(
            u"UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE record_id = ?"_s);
        mark.bindValue(0, pending.recordId);
        if (!database.exec(mark, &error))
            return false;
    }
    // Committed before anything leaves: a crash from here on means "send again".
    if (!transaction.commit(&error) || bundles.isEmpty())
        return false;
    ++m_batchesInFlight;
    for (const Pending& pending : std::as_const(sent))
        m_inFlight.insert(pending.recordId);
    qCInfo(lcSync) << "sending a batch of" << bundles.size() << "records";
    m_transport->postBundles(
        bundles, [this, sent](const SyncTransport::Reply& reply) { finishBatch(sent, reply); });
    return true;
}

bool SyncEngine::settle(const Pending& pending, const QString& state, const QString& error,
                        const QDateTime& nextAttempt, QString* failure)
{
    Database& database = m_store.database();
    QSqlQuery& update = database.query(
        u"UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ?, "
        "acknowledged_at = CASE WHEN ? = 'acknowledged' THEN ? ELSE acknowledged_at END "
        "WHERE record_id = ? AND version = ?"_s);
    update.bindValue(0, state);
    update.bindValue(1, error.isEmpty() ? QVariant() : QVariant(error));
    update.bindValue(2, nextAttempt.isValid() ? QVariant(iso(nextAttempt)) : QVariant());
    update.bindValue(3, state);
    update.bindValue(4, iso(m_clock()));
    update.bindValue(5, pending.recordId);
    update.bindValue(6, pending.version);
    if (!database.exec(update, failure))
        return false;
    if (state != Acknowledged)
        return true;
    QSqlQuery& status = database.query(
        u"UPDATE records SET status = 'acknowledged', updated_at = ? WHERE id = ? AND version = ?"_s);
    status.bindValue(0, iso(m_clock()));
    status.bindValue(1, pending.recordId);
    status.bindValue(2, pending.version);
    return database.exec(status, failure) &&
           m_store.audit(u"sync.acknowledged"_s, pending.recordId,
                         u"version %1"_s.arg(pending.version), failure);
}

void SyncEngine::finishBatch(const QList<Pending>& batch, const SyncTransport::Reply& reply)
{
    --m_batchesInFlight;
    for (const Pending& pending : batch)
        m_inFlight.remove(pending.recordId);
    const QHash<QString, Verdict> byBundle = verdicts(reply.body);
    const bool transient = reply.networkError || reply.httpStatus == 429 ||
                           reply.httpStatus >= 500 || reply.httpStatus == 0;
    QList<QUuid> acknowledged;
    QList<std::pair<QUuid, QString>> rejected;
    int retrying = 0;
    QString error;
    Transaction transaction(m_store.database());
    bool recorded = transaction.begin(&error);
    for (qsizetype i = 0; recorded && i < batch.size(); ++i) {
        const Pending& pending = batch.at(i);
        const auto verdict = byBundle.constFind(u"urn:uuid:"_s + pending.recordId + u'#' +
                                                QString::number(pending.version));
        QString state = Waiting;
        QString message;
        QDateTime next;
        if (transient || verdict == byBundle.constEnd() || verdict->outcome == u"failed"_s) {
            // Nothing known of this record: it goes again, later.
            message = reply.errorText.isEmpty() ? tr("the server did not answer for this record")
                                                : reply.errorText;
            next = backoff(pending.attempts + 1,
                           reply.httpStatus == 429 ? reply.retryAfterSeconds : -1);
            ++retrying;
        } else if (verdict->outcome == u"accepted"_s || verdict->outcome == u"already had"_s) {
            state = Acknowledged;
            acknowledged.append(QUuid::fromString(pending.recordId));
        } else {
            // Rejected: sent again only once the record changes (a new version).
            state = Rejected;
            message = verdict->message;
            rejected.append({QUuid::fromString(pending.recordId), message});
        }
        recorded = settle(pending, state, message, next, &error);
    }
    recorded = recorded && transaction.commit(&error);
    if (!recorded) {
        // Nothing was recorded: the outbox still says "sending", so the whole batch goes
        // again (the server recognises what it has). Still say the batch is over.
        qCWarning(lcSync) << "cannot record a batch's outcome:" << error;
        Q_EMIT batchFinished(0, 0, int(batch.size()));
        return;
    }
    for (const QUuid& id : std::as_const(acknowledged))
        Q_EMIT recordAcknowledged(id);
    for (const auto& [id, message] : std::as_const(rejected))
        Q_EMIT recordRejected(id, message);
    if (reply.networkError)
        Q_EMIT serverUnreachable(reply.errorText);
    Q_EMIT batchFinished(int(acknowledged.size()), int(rejected.size()), retrying);
}

SyncEngine::Status SyncEngine::status()
{
    Status status;
    Database& database = m_store.database();
    QSqlQuery& counts = database.query(u"SELECT state, count(*) FROM outbox GROUP BY state"_s);
    QString error;
    if (database.exec(counts, &error)) {
        while (counts.next()) {
            const QString state = counts.value(0).toString();
            const int count = counts.value(1).toInt();
            if (state == Waiting)
                status.waiting = count;
            else if (state == Sending)
                status.sending = count;
            else if (state == Acknowledged)
                status.acknowledged = count;
            else if (state == Rejected)
                status.rejected = count;
        }
    }
    counts.finish();
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
