#pragma once

// What every benchmark program needs: its few command-line options, milliseconds from a
// timer, and the process's resident memory (Linux /proc).

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>

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

} // namespace Bench
