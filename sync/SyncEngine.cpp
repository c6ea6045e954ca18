#include "SyncEngine.h"

#include "FhirBundle.h"
#include "Outbox.h"
#include "ParallelWork.h"
#include "RecordStore.h"
#include "SendingTurn.h"
#include "Store.h"
#include "StoreIdentity.h"

#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "sidep.sync", QtWarningMsg)

namespace {

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
    , m_sizer([] {
        BatchSizer::Limits limits;
        limits.maxRecords = BatchSize;
        return limits;
    }())
{}

bool SyncEngine::retryNow(QString* error)
{
    return Outbox(m_store).retryNow(m_clock(), error);
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

namespace {

BundleOptions::Change changeOf(Outbox::Kind kind)
{
    switch (kind) {
    case Outbox::Kind::Registration:
    case Outbox::Kind::Result:
        return BundleOptions::Change::None;
    case Outbox::Kind::Correction:
        return BundleOptions::Change::Correction;
    case Outbox::Kind::Cancellation:
        return BundleOptions::Change::Cancellation;
    case Outbox::Kind::Amendment:
        return BundleOptions::Change::Amendment;
    }
    return BundleOptions::Change::None;
}

// A version to send: its record as it was then, and how it travels.
struct Pending
{
    SamplingRecord record;
    BundleOptions options;
};

// The batch's Bundles, in order, built on every core: building FHIR is the largest part of
// the workstation's cost of a sync, and each version's Bundle depends on nothing else.
QJsonArray buildBundles(const QList<Pending>& pending, const QString& siteFiness)
{
    QList<QJsonObject> built(pending.size());
    QJsonObject* const into = built.data();
    ParallelWork::forEachIndex(pending.size(), [&](qsizetype i) {
        into[i] = FhirBundle::fromRecord(pending.at(i).record, siteFiness, pending.at(i).options);
    });
    QJsonArray bundles;
    for (const QJsonObject& bundle : std::as_const(built))
        bundles.append(bundle);
    return bundles;
}

} // namespace

bool SyncEngine::sendNextBatch()
{
    if (!canSendMore() || !m_store.isSignedIn())
        return false;
    Outbox outbox(m_store);
    QString error;
    const QList<Outbox::Entry> due =
        outbox.due(m_clock(), m_sizer.nextBatchRecords(), m_inFlight, &error);
    if (due.isEmpty())
        return false;

    QList<Pending> pending;
    // The site Organization is named as the site calls itself (the first-start wizard).
    const QString siteName = m_store.setting(u"site.name"_s);
    qint64 bundleBytes = 0;
    QList<Outbox::Entry> sent; // the batch but the damaged records, settled apart
    QSet<QString> held;        // a record whose version cannot go holds its later ones
    Outbox::Batch batch(outbox);
    if (!batch.begin(&error))
        return false;
    for (const Outbox::Entry& entry : due) {
        if (held.contains(entry.recordId))
            continue;
        Outbox::Content content;
        if (!outbox.content(entry, &content, &error)) {
            // A damaged record cannot be sent; say so and leave it for a person to see.
            held.insert(entry.recordId);
            if (!outbox.settle(entry, Outbox::State::Rejected, error, {}, m_clock(), &error))
                return false;
            continue;
        }
        // Full: this version stays waiting and opens the next batch (the record's later
        // versions may not go before it).
        const qint64 bytes = batchBytes(content.record);
        if (!sent.isEmpty() && bundleBytes + bytes > MaxBatchBytes)
            break;
        bundleBytes += bytes;
        sent.append(entry);
        BundleOptions options;
        options.correction = content.correction;
        options.cancelledAnalysis = content.cancelledAnalysis;
        options.reason = content.reason;
        options.change = changeOf(entry.kind);
        options.changedAt = content.queuedAt;
        options.siteName = siteName;
        pending.append({std::move(content.record), options});
        if (!m_store.audit(u"sync.send"_s, entry.recordId, u"version %1"_s.arg(entry.version),
                           &error)) {
            return false;
        }
    }
    // Committed before anything leaves: a crash from here on means "send again".
    if (!outbox.markSending(sent, &error) || !batch.commit(&error) || pending.isEmpty())
        return false;
    const QJsonArray bundles = buildBundles(pending, m_store.siteFiness());
    ++m_batchesInFlight;
    for (const Outbox::Entry& entry : std::as_const(sent))
        m_inFlight.insert(entry.recordId);
    qCInfo(lcSync) << "sending a batch of" << bundles.size() << "versions";
    m_transport->postBundles(
        bundles, [this, sent](const SyncTransport::Reply& reply) { finishBatch(sent, reply); });
    return true;
}

void SyncEngine::finishBatch(const QList<Outbox::Entry>& batch, const SyncTransport::Reply& reply)
{
    --m_batchesInFlight;
    for (const Outbox::Entry& entry : batch)
        m_inFlight.remove(entry.recordId);
    const QHash<QString, Verdict> byBundle = verdicts(reply.body);
    const bool transient = reply.networkError || reply.httpStatus == 429 ||
                           reply.httpStatus >= 500 || reply.httpStatus == 0;
    // Only a batch the server took measures the link: a refusal or a failure is quick.
    if (reply.httpStatus == 200)
        m_sizer.addBatch(int(batch.size()), reply.bytesSent, reply.elapsedMs);
    QList<QUuid> acknowledged;
    QList<std::pair<QUuid, QString>> rejected;
    int retrying = 0;
    QString error;
    Outbox outbox(m_store);
    Outbox::Batch answer(outbox);
    bool recorded = answer.begin(&error);
    // A version that did not get through holds the record's later ones back: they go after it.
    QSet<QString> heldBack;
    for (qsizetype i = 0; recorded && i < batch.size(); ++i) {
        const Outbox::Entry& entry = batch.at(i);
        const auto verdict = byBundle.constFind(u"urn:uuid:"_s + entry.recordId + u'#' +
                                                QString::number(entry.version));
        Outbox::State state = Outbox::State::Waiting;
        QString message;
        QDateTime next;
        if (transient || verdict == byBundle.constEnd() || verdict->outcome == u"failed"_s ||
            heldBack.contains(entry.recordId)) {
            // Nothing known of this version: it goes again, later.
            message = reply.errorText.isEmpty() ? tr("the server did not answer for this record")
                                                : reply.errorText;
            next =
                backoff(entry.attempts + 1, reply.httpStatus == 429 ? reply.retryAfterSeconds : -1);
            heldBack.insert(entry.recordId);
            ++retrying;
        } else if (verdict->outcome == u"accepted"_s || verdict->outcome == u"already had"_s) {
            state = Outbox::State::Acknowledged;
            acknowledged.append(QUuid::fromString(entry.recordId));
            recorded = m_store.audit(u"sync.acknowledged"_s, entry.recordId,
                                     u"version %1"_s.arg(entry.version), &error);
        } else {
            // Rejected: the record's next version will say it again.
            state = Outbox::State::Rejected;
            message = verdict->message;
            rejected.append({QUuid::fromString(entry.recordId), message});
        }
        recorded = recorded && outbox.settle(entry, state, message, next, m_clock(), &error);
    }
    recorded = recorded && answer.commit(&error);
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

void SyncEngine::checkStoreSequence(
    std::function<void(StoreCheck check, const QString& message)> done)
{
    // Held from reading the sequence to the end of the round (endRound): a `sidepctl sync`
    // beside the GUI cannot have its lower sequence arrive after the GUI's higher one, and
    // two programs (two stations of a site) never send at the same time. A holder that
    // dies, even killed as it takes it, releases it with its process or its connection.
    auto turn = std::make_shared<SendingTurn>(m_store);
    if (!turn->tryTake()) {
        done(StoreCheck::NotNow,
             tr("another program is sending this store's records (sidepctl sync, another "
                "window, or another station of the site): this one tries again at its next "
                "round"));
        return;
    }
    StoreIdentity::Checkpoint checkpoint;
    QString error;
    if (!StoreIdentity::current(m_store, &checkpoint, &error)) {
        qCWarning(lcSync) << "store identity not sent:" << error;
        done(StoreCheck::NotNow, error);
        return;
    }
    const QJsonObject request{{u"store"_s, checkpoint.storeId},
                              {u"auditSequence"_s, double(checkpoint.sequence)}};
    m_transport->postStoreSequence(request, [this, turn, done = std::move(done)](
                                                const SyncTransport::Reply& reply) {
        if (reply.networkError) {
            done(StoreCheck::Unreachable, reply.errorText);
        } else if (reply.httpStatus == 200 || reply.httpStatus == 404) {
            // Kept until the round ends: one program (one station of a site) sends at a
            // time, and another takes over at its next round once this one stops.
            m_turn = turn;
            done(StoreCheck::Passed, {});
        } else if (reply.httpStatus == 409) {
            QStringList diagnostics;
            for (const QJsonValue& issue : reply.body.value(u"issue"_s).toArray())
                diagnostics.append(issue.toObject().value(u"diagnostics"_s).toString());
            qCWarning(lcSync) << "the national server says this store went back in time";
            // In the user's language; the server's own words (with the sequences) after.
            done(StoreCheck::WentBack,
                 tr("this store went back in time: the national server saw it further on, "
                    "so an older copy of the store file was put back. Nothing is sent "
                    "until an administrator checks it (sidepctl db verify and audit verify) "
                    "and, for a backup put back on purpose, runs sidepctl db restored "
                    "(server: %1)")
                     .arg(diagnostics.join(u"; "_s)));
        } else {
            done(StoreCheck::NotNow, reply.errorText.isEmpty()
                                         ? tr("the server answered HTTP %1").arg(reply.httpStatus)
                                         : reply.errorText);
        }
    });
}

void SyncEngine::endRound()
{
    if (m_turn)
        m_turn->release();
    m_turn.reset();
}

SyncEngine::Status SyncEngine::status()
{
    return Outbox(m_store).status();
}

QList<RecordStore::AwaitingResult> SyncEngine::awaitingResult(QString* error)
{
    return m_store.records()->awaitingResult(m_clock().addDays(-RecordStore::AwaitingResultDays),
                                             error);
}
