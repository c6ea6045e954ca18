#pragma once

#include "SyncTransport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QUuid>
#include <functional>

class SamplingRecord;
class Store;

// Sends the store's results to the national server, exactly once, whatever the network
// does. Every record's place in the outbox is in the store (waiting, sending,
// acknowledged, rejected, retry at T) and changes in a committed transaction before and
// after each batch, so a crash or a cut connection at any moment loses nothing; what was
// sending is sent again, and the server recognises a Bundle it already has (conditional
// create on the Bundle identifier). Failures back off per record: network errors and 5xx
// geometrically up to a cap, 429 as long as the server asks, rejections (4xx) not at all
// until the record changes.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    static constexpr int BatchSize = 50;
    // A batch also stops growing at about this many bytes of FHIR, so that a run of records
    // with large lab reports (up to 10 MiB each) never makes a request of hundreds of MiB:
    // the memory of both ends and one transfer timeout stay bounded. A record alone may be
    // larger; it then goes alone.
    static constexpr qint64 MaxBatchBytes = 8 * 1024 * 1024;
    // The size a record takes in a batch, from above: its report in base64, plus 16 KiB for
    // the rest (about 9 KiB measured for a full Annex 1 record).
    static qint64 batchBytes(const SamplingRecord& record);
    static constexpr int FirstDelaySeconds = 30;
    static constexpr int MaxDelaySeconds = 60 * 60;

    SyncEngine(Store& store, SyncTransport* transport, QObject* parent = nullptr);

    // Puts in the outbox every resulted record (or new version) not yet there.
    [[nodiscard]] bool enqueue(int* added, QString* error);
    // Sends the next batch of due records. batchFinished() says when it is done; false
    // when there was nothing due or MaxInFlight batches are already under way. Two in
    // flight let the next batch be prepared (read, decrypted, turned into FHIR) while the
    // server stores the previous one.
    bool sendNextBatch();
    static constexpr int MaxInFlight = 2;
    // Clears every wait: what is waiting is due now.
    [[nodiscard]] bool retryNow(QString* error);
    bool isBusy() const { return m_batchesInFlight > 0; }
    bool canSendMore() const { return m_batchesInFlight < MaxInFlight; }

    struct Status
    {
        int waiting = 0;
        int sending = 0;
        int acknowledged = 0;
        int rejected = 0;
        QDateTime oldestWaiting; // queued time of the oldest record not yet acknowledged
        QDateTime nextAttempt;
        QDateTime lastSuccess; // the last acknowledgement
        QString lastError;
    };
    Status status();

    // The engine's clock: the outbox's times are on it.
    QDateTime now() const { return m_clock(); }
    // For tests: the engine's clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    void batchFinished(int acknowledged, int rejected, int retrying);
    void recordAcknowledged(const QUuid& id);
    void recordRejected(const QUuid& id, const QString& message);
    // A batch got no HTTP answer at all (refused, cut, timed out, TLS): the network or the
    // server is down, so the scheduler stops sending and watches for its return.
    void serverUnreachable(const QString& error);

private:
    struct Pending
    {
        QString recordId;
        int version = 0;
        int attempts = 0;
    };
    void finishBatch(const QList<Pending>& batch, const SyncTransport::Reply& reply);
    // Records the outcome of one record in the outbox (and the record's status).
    bool settle(const Pending& pending, const QString& state, const QString& error,
                const QDateTime& nextAttempt, QString* failure);
    QDateTime backoff(int attempts, int retryAfterSeconds) const;

    Store& m_store;
    SyncTransport* m_transport;
    std::function<QDateTime()> m_clock;
    int m_batchesInFlight = 0;
    QSet<QString> m_inFlight; // record ids of the batches under way: not due again meanwhile
};
