#pragma once

#include "SyncEngine.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>

class SyncTransport;

// Decides when the engine sends, for the GUI and for `sidepctl sync --watch` alike. A round
// tells the server the store's audit sequence (SyncEngine::checkStoreSequence: a store gone
// back in time sends nothing), sends batch after batch while records are due, reads the
// server's clock, then runs the after-round tasks (activation-code refill, purge). Rounds
// start:
// - at start() and then every interval (one minute);
// - when the engine's next retry falls due, if that is sooner;
// - as soon as the network comes back: Qt's network information says so where the platform
//   has a backend, and, because many sites have none (no NetworkManager, a proxy, a dead
//   VPN), a cheap probe (GET /time) every ProbeIntervalMs while the server is unreachable.
//   The backoff was about the network, so a successful probe clears the waits;
// - on syncNow() ("Send now").
// Everything is asynchronous: the GUI never waits for the network.
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 60 * 1000;
    static constexpr int DefaultProbeIntervalMs = 15 * 1000;

    SyncScheduler(SyncEngine& engine, SyncTransport& transport, QObject* parent = nullptr);

    // Watches the network and starts the first round now.
    void start();
    void stop();
    // A round now, if none is under way (otherwise one more right after it). With
    // clearWaits, what is waiting goes whatever its backoff said ("Send now").
    void syncNow(bool clearWaits = false);
    // The platform says the network is reachable again; public for tests.
    void networkCameBack();

    bool isInRound() const { return m_inRound; }
    // The last round could not reach the server; the probe is running.
    bool isOffline() const { return m_offline; }
    // Milliseconds until the next round is due, -1 when none is planned.
    int msUntilNextRound() const { return m_next.isActive() ? m_next.remainingTime() : -1; }
    // Of the last round; empty when it went well.
    QString lastProblem() const { return m_lastProblem; }
    // The last round's check found the store gone back in time (SyncEngine::StoreCheck):
    // nothing was sent, and the after-round work did not run.
    bool storeWentBack() const { return m_storeWentBack; }

    void setInterval(int milliseconds) { m_intervalMs = milliseconds; }
    void setProbeInterval(int milliseconds) { m_probe.setInterval(milliseconds); }
    // Runs after every round, before roundFinished (refill, purge); returns a problem to
    // report, or an empty string.
    void addAfterRound(std::function<QString()> task) { m_afterRound.append(std::move(task)); }

Q_SIGNALS:
    void roundStarted();
    // The server's clock as read at the end of the round (invalid when unreadable), and the
    // workstation's at the same moment.
    void serverClockRead(const QDateTime& server, const QDateTime& workstation);
    void roundFinished();
    void offlineChanged(bool offline);

private:
    void sendMore();
    void finishRound();
    void scheduleNextRound();
    void probe();
    void setOffline(bool offline);

    SyncEngine& m_engine;
    SyncTransport& m_transport;
    QTimer m_next;  // the next round
    QTimer m_probe; // while offline
    int m_intervalMs = DefaultIntervalMs;
    bool m_running = false;
    bool m_inRound = false;
    bool m_roundAgain = false;
    bool m_finishing = false; // the after-round work and the clock read are under way
    bool m_unreachableThisRound = false;
    bool m_storeChecked = false; // this round's store check passed: batches and tasks may run
    bool m_storeWentBack = false;
    bool m_offline = false;
    bool m_probing = false;
    QString m_lastProblem;
    QList<std::function<QString()>> m_afterRound;
};
