#include "SyncScheduler.h"

#include "SyncTransport.h"

#include <QLoggingCategory>
#include <QNetworkInformation>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace {

// A round after the engine's next retry time, not before it: timers may fire a little early.
constexpr int DueMarginMs = 200;

} // namespace

SyncScheduler::SyncScheduler(SyncEngine& engine, SyncTransport& transport, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_transport(transport)
{
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, [this] { syncNow(); });
    m_probe.setInterval(DefaultProbeIntervalMs);
    connect(&m_probe, &QTimer::timeout, this, &SyncScheduler::probe);
    connect(&m_engine, &SyncEngine::serverUnreachable, this, [this](const QString& error) {
        m_unreachableThisRound = true;
        m_lastProblem = error;
    });
    connect(&m_engine, &SyncEngine::batchFinished, this, &SyncScheduler::sendMore);
}

void SyncScheduler::start()
{
    m_running = true;
    // Where the platform has a backend (NetworkManager on Debian), it tells at once when
    // the network is back; without one, the probe does it.
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (reachability == QNetworkInformation::Reachability::Online)
                        networkCameBack();
                });
    }
    syncNow();
}

void SyncScheduler::stop()
{
    m_running = false;
    m_next.stop();
    m_probe.stop();
    if (QNetworkInformation* information = QNetworkInformation::instance())
        disconnect(information, nullptr, this, nullptr);
}

void SyncScheduler::syncNow(bool clearWaits)
{
    if (m_inRound) {
        m_roundAgain = true;
        return;
    }
    m_inRound = true;
    m_unreachableThisRound = false;
    m_storeChecked = false;
    m_lastProblem.clear();
    m_next.stop();
    Q_EMIT roundStarted();
    QString error;
    if (clearWaits && !m_engine.retryNow(&error))
        m_lastProblem = error;
    m_engine.checkStoreSequence(
        [self = QPointer(this), this](SyncEngine::StoreCheck check, const QString& message) {
            if (!self)
                return;
            m_storeWentBack = check == SyncEngine::StoreCheck::WentBack;
            m_storeChecked = check == SyncEngine::StoreCheck::Passed;
            m_unreachableThisRound = check == SyncEngine::StoreCheck::Unreachable;
            if (!message.isEmpty())
                m_lastProblem = message;
            if (m_storeChecked)
                sendMore();
            else
                finishRound();
        });
}

void SyncScheduler::networkCameBack()
{
    if (!m_running)
        return;
    qCInfo(lcSync) << "the network is back: sending what waits";
    setOffline(false);
    syncNow(true);
}

void SyncScheduler::sendMore()
{
    if (!m_inRound || !m_storeChecked)
        return;
    // Up to the engine's batches in flight, while records are due; no point sending more
    // into a dead network.
    while (!m_unreachableThisRound && m_engine.canSendMore() && m_engine.sendNextBatch()) {
    }
    // A transport that answers at once may have ended the round inside the loop.
    if (m_inRound && !m_engine.isBusy())
        finishRound();
}

void SyncScheduler::finishRound()
{
    if (m_finishing)
        return;
    m_finishing = true;
    // A store the server could not check, or found gone back in time, is not acted on.
    if (m_storeChecked) {
        for (const auto& task : std::as_const(m_afterRound)) {
            if (const QString problem = task(); !problem.isEmpty() && m_lastProblem.isEmpty())
                m_lastProblem = problem;
        }
    }
    setOffline(m_unreachableThisRound);
    m_engine.endRound();
    // The transport may answer after this scheduler is gone (the session was locked).
    m_transport.fetchServerTime([self = QPointer(this), this](const QDateTime& server) {
        if (!self)
            return;
        Q_EMIT serverClockRead(server, QDateTime::currentDateTimeUtc());
        m_inRound = false;
        m_finishing = false;
        Q_EMIT roundFinished();
        if (m_roundAgain) {
            m_roundAgain = false;
            syncNow();
            return;
        }
        scheduleNextRound();
    });
}

void SyncScheduler::scheduleNextRound()
{
    if (!m_running)
        return;
    qint64 waitMs = m_intervalMs;
    const SyncEngine::Status status = m_engine.status();
    if (status.waiting + status.sending > 0 && status.nextAttempt.isValid()) {
        const qint64 untilDue = m_engine.now().msecsTo(status.nextAttempt) + DueMarginMs;
        waitMs = std::clamp<qint64>(untilDue, DueMarginMs, waitMs);
    }
    m_next.start(int(waitMs));
}

void SyncScheduler::probe()
{
    if (m_probing || m_inRound)
        return;
    m_probing = true;
    m_transport.fetchServerTime([self = QPointer(this), this](const QDateTime& server) {
        if (!self)
            return;
        m_probing = false;
        if (server.isValid() && m_offline)
            networkCameBack();
    });
}

void SyncScheduler::setOffline(bool offline)
{
    if (offline)
        m_probe.start();
    else
        m_probe.stop();
    if (offline == m_offline)
        return;
    m_offline = offline;
    Q_EMIT offlineChanged(offline);
}
