#pragma once

// What every benchmark program needs: its few command-line options, milliseconds from a
// timer, and the process's resident memory (Linux /proc).

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTime>
#include <algorithm>

namespace Bench {

// The integer after `name` on the command line ("--records 1000"), or `fallback`.
inline int argument(const QStringList& args, const QString& name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}

// The text after `name` on the command line, or an empty string.
inline QString stringArgument(const QStringList& args, const QString& name)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : QString();
}

inline double ms(const QElapsedTimer& timer)
{
    return timer.nsecsElapsed() / 1e6;
}

// kB from /proc/self/status: VmHWM is the peak resident size (since the start or the last
// resetPeak()), VmRSS the current one. -1 when it cannot be read.
inline qint64 procStatus(const QByteArray& key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Lets the next VmHWM measure one phase on its own (Linux: writing 5 to clear_refs).
inline void resetPeak()
{
    QFile file(QStringLiteral("/proc/self/clear_refs"));
    if (file.open(QIODevice::WriteOnly))
        file.write("5");
}

// The sampling times of a loaded store: `perDay` records a day back from `now`, record 0 the
// newest. Today's lie between midnight and a minute ago, whatever the hour (at least
// `minimumTodaySpan` seconds after midnight), each earlier day's over the whole day.
class SamplingClock
{
public:
    SamplingClock(const QDateTime& now, int perDay, qint64 minimumTodaySpan = 0)
        : m_midnight(now.date(), QTime(0, 0))
        , m_todaySpan(std::max<qint64>(minimumTodaySpan, m_midnight.secsTo(now) - 60))
        , m_perDay(perDay)
    {}

    QDateTime at(int i) const
    {
        const int daysAgo = i / m_perDay;
        const double fraction = double(i % m_perDay) / m_perDay;
        if (daysAgo == 0)
            return m_midnight.addSecs(qint64(m_todaySpan * (1 - fraction)));
        return m_midnight.addDays(-daysAgo).addSecs(qint64(86399 * (1 - fraction)));
    }

    // As a record's specimen.collectedAt: local time with its offset.
    QString collectedAt(int i) const
    {
        const QDateTime local = at(i);
        return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
    }

private:
    QDateTime m_midnight;
    qint64 m_todaySpan;
    int m_perDay;
};

} // namespace Bench
