// Cold start of the real sidep-portal, measured from outside without any hook in the
// product: the time from starting the process (fork and exec included) until its sign-in
// window is exposed on an X server (Xvfb, started here), with an existing store. Beside it,
// measured the same way in the same run, a minimal Qt Widgets program showing one empty
// window (bench_empty_window): what any Qt program pays.
//
// The moment the window is exposed is read from Qt's own log: with the logging category
// qt.qpa.events on, the xcb platform writes a line for each X event it handles, and the
// first XCB_EXPOSE is the X server asking the mapped window to paint itself. By then
// MainWindow is built, the store is open and the sign-in form laid out; painting it follows
// in the same event (bench_gui_memory measures that paint in-process). The page cache is
// warm: a first run of each program is not counted.
//
//   bench_startup --portal PATH --empty PATH [--runs N] [--tsv]
//     PATH: sidep-portal and bench_empty_window; N runs of each (default 10), alternated.

#include "BenchSupport.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Bench;

namespace {

struct Figures
{
    QList<double> wallMs;
    QList<double> cpuMs;

    static double percentile(QList<double> values, int percent)
    {
        if (values.isEmpty())
            return 0;
        std::sort(values.begin(), values.end());
        return values.at(std::min<qsizetype>(values.size() - 1, values.size() * percent / 100));
    }
};

// CPU milliseconds (user + system) a process has used so far, from /proc (Linux).
double processCpuMs(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QString text = QString::fromLatin1(stat.readAll());
    // After "pid (comm) ": state(3) ... utime(14) stime(15).
    const QStringList fields = text.mid(text.lastIndexOf(u')') + 2).split(u' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000.0 / sysconf(_SC_CLK_TCK);
}

class Xvfb
{
public:
    ~Xvfb()
    {
        m_process.kill();
        m_process.waitForFinished();
    }

    // Starts an X server on a free display; its number is written on its standard output
    // once it accepts connections.
    bool start()
    {
        const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
        if (xvfb.isEmpty())
            return false;
        // -noreset: a workstation's X server does not start over (and compile its keymap
        // again) each time its last client leaves, as Xvfb does by default.
        m_process.start(xvfb, {u"-displayfd"_s, u"1"_s, u"-noreset"_s, u"-screen"_s, u"0"_s,
                               u"1366x768x24"_s, u"-nolisten"_s, u"tcp"_s});
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            if (m_process.canReadLine()) {
                m_display = u":"_s + QString::fromLatin1(m_process.readLine().trimmed());
                return true;
            }
        }
        return false;
    }

    QString display() const { return m_display; }

private:
    QProcess m_process;
    QString m_display;
};

// One start: from QProcess::start until the first XCB_EXPOSE line; false when none came.
bool measureOnce(const QString& program, const QStringList& arguments,
                 const QProcessEnvironment& environment, double* wallMs, double* cpuMs,
                 QString* log)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setReadChannel(QProcess::StandardError);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    QByteArray pending;
    bool exposed = false;
    while (!exposed && timer.elapsed() < 60000 && process.state() != QProcess::NotRunning) {
        if (!process.waitForReadyRead(100))
            continue;
        pending += process.readAllStandardError();
        if (pending.contains("XCB_EXPOSE")) {
            *wallMs = timer.nsecsElapsed() / 1e6;
            *cpuMs = processCpuMs(process.processId());
            exposed = true;
        }
    }
    if (!exposed) {
        pending += process.readAllStandardError();
        *log = QString::fromUtf8(pending.right(2000));
    }
    process.kill();
    process.waitForFinished();
    return exposed;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString portal = stringArgument(args, u"--portal"_s);
    const QString empty = stringArgument(args, u"--empty"_s);
    const int runs = std::max(1, stringArgument(args, u"--runs"_s).toInt() > 0
                                     ? stringArgument(args, u"--runs"_s).toInt()
                                     : 10);
    const bool tsv = args.contains(u"--tsv"_s);
    if (portal.isEmpty() || empty.isEmpty())
        qFatal("usage: bench_startup --portal sidep-portal --empty bench_empty_window [--runs N]");

    // The store's set-up is not measured; the sign-in window does not derive any key.
    qputenv("SIDEP_TEST_FAST_KDF", "1");
    TestSupport::StoreFixture fixture;
    if (!fixture.isValid())
        qFatal("the store could not be made");

    Xvfb xvfb;
    if (!xvfb.start())
        qFatal("Xvfb could not be started (Debian package xvfb)");

    // The settings (language) of a fresh workstation, not the user's.
    QTemporaryDir config;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DISPLAY"_s, xvfb.display());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    environment.insert(u"QT_LOGGING_RULES"_s, u"qt.qpa.events.debug=true"_s);
    environment.insert(u"QT_FORCE_STDERR_LOGGING"_s, u"1"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, config.path());
    environment.remove(u"SIDEP_TEST_FAST_KDF"_s);
    // Without a session bus libdbus would fork and try to autolaunch one at each start (a
    // desktop has one): fail fast instead, as "no bus".
    if (!environment.contains(u"DBUS_SESSION_BUS_ADDRESS"_s))
        environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"disabled:"_s);

    const QStringList portalArguments = {u"--db"_s, fixture.path()};
    Figures portalFigures;
    Figures emptyFigures;
    QString log;
    double wall = 0;
    double cpu = 0;
    // Warm-up: binaries, libraries, fonts into the page cache.
    if (!measureOnce(portal, portalArguments, environment, &wall, &cpu, &log))
        qFatal("sidep-portal showed no window: %s", qPrintable(log));
    if (!measureOnce(empty, {}, environment, &wall, &cpu, &log))
        qFatal("bench_empty_window showed no window: %s", qPrintable(log));
    for (int run = 0; run < runs; ++run) {
        if (!measureOnce(portal, portalArguments, environment, &wall, &cpu, &log))
            qFatal("sidep-portal showed no window: %s", qPrintable(log));
        portalFigures.wallMs.append(wall);
        portalFigures.cpuMs.append(cpu);
        if (!measureOnce(empty, {}, environment, &wall, &cpu, &log))
            qFatal("bench_empty_window showed no window: %s", qPrintable(log));
        emptyFigures.wallMs.append(wall);
        emptyFigures.cpuMs.append(cpu);
    }

    QTextStream out(stdout);
    if (tsv) {
        for (const auto& [name, figures] :
             {std::pair{u"portal"_s, &portalFigures}, std::pair{u"empty"_s, &emptyFigures}}) {
            out << name << u".median_ms\t"_s
                << QString::number(Figures::percentile(figures->wallMs, 50), 'f', 1) << u'\n'
                << name << u".p95_ms\t"_s
                << QString::number(Figures::percentile(figures->wallMs, 95), 'f', 1) << u'\n'
                << name << u".cpu_median_ms\t"_s
                << QString::number(Figures::percentile(figures->cpuMs, 50), 'f', 1) << u'\n';
        }
        out << u"runs\t"_s << runs << u'\n';
        return 0;
    }
    out << u"Start-up benchmark: %1 runs each, alternated, on Xvfb %2; from process start to "
           "the window's first expose\n"_s.arg(runs)
               .arg(xvfb.display());
    for (const auto& [name, figures] :
         {std::pair{u"sidep-portal, sign-in window (existing store)"_s, &portalFigures},
          std::pair{u"bench_empty_window (Qt Widgets, one empty window)"_s, &emptyFigures}}) {
        out << u"%1: median %2 ms, p95 %3 ms, CPU median %4 ms\n"_s.arg(name)
                   .arg(Figures::percentile(figures->wallMs, 50), 0, 'f', 1)
                   .arg(Figures::percentile(figures->wallMs, 95), 0, 'f', 1)
                   .arg(Figures::percentile(figures->cpuMs, 50), 0, 'f', 1);
    }
    return 0;
}
