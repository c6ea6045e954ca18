#pragma once

#include "BatchSizer.h"
#include "Outbox.h"
#include "RecordStore.h"
#include "SyncTransport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QUuid>
#include <functional>
#include <memory>

class SamplingRecord;
class Store;

// Sends every version of the store's records to the national server (the registration at
// sampling, then the result, corrections, cancellations, amendments), each exactly once and
// in order, whatever the network does. Each version's place in the outbox (model/Outbox:
// waiting, sending, acknowledged, rejected, retry at T) is in the store and changes in a
// committed transaction before and after each batch, so a crash or a cut connection at any
// moment loses nothing; what was sending is sent again, and the server recognises a version
// it already has. Failures back off per version: network errors and 5xx geometrically up
// to a cap, 429 as long as the server asks, rejections (4xx) not at all (the record's next
// version says it again). A version that did not get through holds back the record's later
// ones. Batches are sized for the link: as many records as go in about
// BatchSizer::Limits::targetSeconds at the throughput the previous batches had, within
// BatchSize and MaxBatchBytes, at least one.
class SendingTurn;

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    // The most records a batch holds, whatever the link.
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

    // Sends the next batch of due records. batchFinished() says when it is done; false
    // when there was nothing due or MaxInFlight batches are already under way. Several in
    // flight let the next batch be prepared (read, decrypted, turned into FHIR) while the
    // server stores the previous one, and keep a link with a long round trip busy. Eight:
    // six on connections of their own (Qt's HTTP client opens no more to one server) and
    // two ready to leave the moment an answer frees one, so that no connection waits for
    // the next batch to be built. 10,000 records over 5 Mbit/s took 19.1 s with four in
    // flight, 21.1 to 22.6 with six, 16.9 to 18.1 with eight; with 100 ms of round trip
    // besides, 21.4, 20.1 to 21.2 and 15.9 to 16.2 s (scripts/bench-slowlink).
    bool sendNextBatch();
    static constexpr int MaxInFlight = 8;
    // Clears every wait: what is waiting is due now.
    [[nodiscard]] bool retryNow(QString* error);
    bool isBusy() const { return m_batchesInFlight > 0; }
    bool canSendMore() const { return m_batchesInFlight < MaxInFlight; }

    using Status = Outbox::Status;
    Status status();
    // What the batches so far measured: the throughput (bytes sent a second), the next
    // batch's size, and the time the rest should take (secondsFor).
    const BatchSizer& batchSizer() const { return m_sizer; }
    // Samples waiting for their result for more than RecordStore::AwaitingResultDays days,
    // on the engine's clock: shown beside the outbox, since the national server has only
    // their registration.
    QList<RecordStore::AwaitingResult> awaitingResult(QString* error);

    // What opens each round: the store's id and audit sequence to the national server
    // (StoreIdentity), which refuses a store gone back in time. Other programs syncing the
    // same store (other stations of a site database) wait their turn: a lock file beside
    // the store, an advisory lock in a site database (SendingTurn), taken here and held
    // until endRound() when the check passes. The server sees the sequences in the order
    // they were read, and one program at a time sends.
    enum class StoreCheck
    {
        Passed,      // the server took it, or does not check (no such endpoint)
        WentBack,    // the server saw a later sequence from this store: send nothing
        Unreachable, // no HTTP answer at all
        NotNow,      // the server failed, another program holds the turn, or the store's
                     // identity does not check out: send nothing this round
    };
    void checkStoreSequence(std::function<void(StoreCheck check, const QString& message)> done);
    // The round is over (nothing in flight): gives the sending turn back.
    void endRound();

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
    void finishBatch(const QList<Outbox::Entry>& batch, const SyncTransport::Reply& reply);
    QDateTime backoff(int attempts, int retryAfterSeconds) const;

    Store& m_store;
    SyncTransport* m_transport;
    std::function<QDateTime()> m_clock;
    BatchSizer m_sizer;
    int m_batchesInFlight = 0;
    QSet<QString> m_inFlight; // records with a version under way: not due again meanwhile
    std::shared_ptr<SendingTurn> m_turn; // held from a passed store check to endRound()
};
