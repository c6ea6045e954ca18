#pragma once

#include <QList>
#include <QtGlobal>

// How many records the next batch holds, from the throughput the previous batches had: so
// that a batch goes in about targetSeconds on the link the site really has (a 4G
// drive-through, a shared hospital line), never more records than the engine's caps, never
// fewer than one. The throughput is bytes on the wire over the time from the request to its
// answer, over the last few batches, so that one slow answer moves it little. No clock and
// no network: the engine feeds it what each batch measured.
class BatchSizer
{
public:
    struct Limits
    {
        int maxRecords = 50;        // the engine's cap (SyncEngine::BatchSize)
        double targetSeconds = 4.0; // what a batch should take at the measured throughput
        // A batch never aims below this many bytes: one that small is bound by the round
        // trip, not by the link, and sizing it down further would only lower the throughput
        // measured next, down to one record a batch.
        qint64 minBytes = 64 * 1024;
        int window = 5; // the batches the throughput is measured over
    };

    BatchSizer() = default;
    explicit BatchSizer(const Limits& limits)
        : m_limits(limits)
    {}

    // A batch that got its answer: `records` records in `bytes` bytes sent, `milliseconds`
    // from the request to the answer. Batches with nothing sent are ignored.
    void addBatch(int records, qint64 bytes, qint64 milliseconds);
    void reset() { m_samples.clear(); }

    bool hasMeasure() const { return !m_samples.isEmpty(); }
    // Bytes sent per second over the last batches; 0 before the first.
    double bytesPerSecond() const;
    // Bytes sent per record over the last batches; 0 before the first.
    double bytesPerRecord() const;
    // Records for the next batch: the cap until something was measured.
    int nextBatchRecords() const;
    // Seconds to send `records` more at the measured pace; -1 before the first batch.
    qint64 secondsFor(qint64 records) const;

    const Limits& limits() const { return m_limits; }

private:
    struct Sample
    {
        int records = 0;
        qint64 bytes = 0;
        qint64 milliseconds = 0;
    };
    Sample total() const;

    Limits m_limits;
    QList<Sample> m_samples;
};
