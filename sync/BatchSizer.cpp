#include "BatchSizer.h"

#include <cmath>

void BatchSizer::addBatch(int records, qint64 bytes, qint64 milliseconds)
{
    if (records <= 0 || bytes <= 0)
        return;
    // An answer within the same millisecond: as fast as can be measured.
    m_samples.append({records, bytes, std::max<qint64>(1, milliseconds)});
    while (m_samples.size() > std::max(1, m_limits.window))
        m_samples.removeFirst();
}

BatchSizer::Sample BatchSizer::total() const
{
    Sample sum;
    for (const Sample& sample : m_samples) {
        sum.records += sample.records;
        sum.bytes += sample.bytes;
        sum.milliseconds += sample.milliseconds;
    }
    return sum;
}

double BatchSizer::bytesPerSecond() const
{
    const Sample sum = total();
    return sum.milliseconds > 0 ? double(sum.bytes) * 1000.0 / double(sum.milliseconds) : 0.0;
}

double BatchSizer::bytesPerRecord() const
{
    const Sample sum = total();
    return sum.records > 0 ? double(sum.bytes) / double(sum.records) : 0.0;
}

int BatchSizer::nextBatchRecords() const
{
    const int cap = std::max(1, m_limits.maxRecords);
    if (!hasMeasure())
        return cap;
    const double budget =
        std::max(bytesPerSecond() * m_limits.targetSeconds, double(m_limits.minBytes));
    const double records = std::floor(budget / bytesPerRecord());
    return int(std::clamp(records, 1.0, double(cap)));
}

qint64 BatchSizer::secondsFor(qint64 records) const
{
    if (!hasMeasure())
        return -1;
    const Sample sum = total();
    return qint64(std::ceil(double(std::max<qint64>(0, records)) * double(sum.milliseconds) /
                            double(sum.records) / 1000.0));
}
