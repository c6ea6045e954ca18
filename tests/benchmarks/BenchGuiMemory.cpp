// Peak memory of the workstation's GUI over a large store: a process of its own opens the
// store in the real MainWindow (offscreen), a nurse signs in through the sign-in form, the
// queue tab is opened on all days and scrolled to the end; its peak resident memory
// (VmHWM) is then read. The baseline is the same process on a store with no record,
// measured in the same run. Along the way, the in-process times of the start: building the
// window, opening the store, the first paint of the sign-in screen, the sign-in itself.
//
//   bench_gui_memory [--records N] [--per-day N] [--empty PATH] [--tsv]
//     N records (default 100000), N a day (default 1000); PATH: bench_empty_window, whose
//     peak is printed too (the floor of any Qt Widgets program).
//
// The accounts use the production key derivation (scrypt, 32 MiB), as on a workstation:
// signing in raises the peak by that much, in the baseline as well.

#include "BenchSupport.h"
#include "MainWindow.h"
#include "QueueWidget.h"
#include "RecordQueueModel.h"
#include "RecordStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QLineEdit>
#include <QMap>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Bench;

namespace {

// Notes the first paint of the widget it watches.
class PaintWatcher : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

template <typename T>
T* find(QWidget* parent, const QString& name)
{
    T* widget = parent->findChild<T*>(name);
    if (!widget)
        qFatal("no widget %s", qPrintable(name));
    return widget;
}

// The GUI process: prints "name<TAB>value" lines.
int runGui(const QString& storePath, const QElapsedTimer& sinceMain)
{
    QTextStream out(stdout);
    auto line = [&](const QString& name, double value) {
        out << name << u'\t' << QString::number(value, 'f', 1) << u'\n';
    };

    QElapsedTimer timer;
    timer.start();
    Store store;
    MainWindow window(store, storePath);
    const double constructMs = ms(timer);
    timer.restart();
    window.show();
    window.start();
    const double startMs = ms(timer);
    auto* signIn = find<QWidget>(&window, u"signInWidget"_s);
    if (!signIn->isVisible())
        qFatal("the sign-in screen is not shown");
    // The window is painted once the event loop has it exposed.
    PaintWatcher watcher;
    signIn->installEventFilter(&watcher);
    timer.restart();
    while (!watcher.painted && timer.elapsed() < 10000)
        QCoreApplication::processEvents();
    const double firstPaintMs = ms(timer);
    const double toSignInMs = sinceMain.nsecsElapsed() / 1e6;
    signIn->removeEventFilter(&watcher);
    if (!watcher.painted)
        qFatal("the sign-in screen was not painted");
    const qint64 signInScreenPeak = procStatus("VmHWM");

    find<QLineEdit>(signIn, u"userNameLineEdit"_s)->setText(TestSupport::NurseName);
    find<QLineEdit>(signIn, u"passwordLineEdit"_s)->setText(TestSupport::Password);
    timer.restart();
    find<QPushButton>(signIn, u"signInButton"_s)->click();
    QCoreApplication::processEvents();
    const double signInMs = ms(timer);
    if (signIn->isVisible())
        qFatal("the nurse could not sign in");
    // The key derivation (scrypt, 32 MiB) has just set the peak: what the queue itself
    // needs is measured from here.
    const qint64 signInPeak = procStatus("VmHWM");
    resetPeak();

    auto* tabs = window.findChild<QTabWidget*>();
    QueueWidget* queue = window.queue();
    if (!tabs || tabs->indexOf(queue) < 0)
        qFatal("no queue tab");
    auto* view = find<QTableView>(queue, u"recordsTableView"_s);
    RecordQueueModel* model = queue->model();
    auto settle = [&] {
        QCoreApplication::processEvents();
        view->viewport()->repaint();
    };
    timer.restart();
    tabs->setCurrentWidget(queue);
    settle();
    find<QComboBox>(queue, u"dayFilterComboBox"_s)->setCurrentIndex(1); // all days
    settle();
    const double openQueueMs = ms(timer);
    const int rows = model->rowCount();

    // The scroll bar dragged to the end in 200 steps, then the last row made current.
    timer.restart();
    QScrollBar* bar = view->verticalScrollBar();
    constexpr int Steps = 200;
    for (int step = 1; step <= Steps; ++step) {
        bar->setValue(int(qint64(bar->maximum()) * step / Steps));
        settle();
    }
    view->setFocus();
    view->setCurrentIndex(model->index(std::max(0, rows - 1), 0));
    settle();
    const double scrollMs = ms(timer);
    QCoreApplication::processEvents();

    line(u"rows"_s, rows);
    line(u"decrypted_rows"_s, model->decryptedRowCount());
    line(u"construct_ms"_s, constructMs);
    line(u"start_ms"_s, startMs);
    line(u"first_paint_ms"_s, firstPaintMs);
    line(u"main_to_sign_in_ms"_s, toSignInMs);
    line(u"sign_in_ms"_s, signInMs);
    line(u"open_queue_ms"_s, openQueueMs);
    line(u"scroll_ms"_s, scrollMs);
    const qint64 queuePeak = procStatus("VmHWM");
    line(u"sign_in_screen_peak_kb"_s, signInScreenPeak);
    line(u"sign_in_peak_kb"_s, signInPeak);
    line(u"queue_peak_kb"_s, queuePeak);
    line(u"peak_kb"_s, std::max(signInPeak, queuePeak));
    line(u"rss_kb"_s, procStatus("VmRSS"));
    return 0;
}

// Records sampled `perDay` a day back from now, as bench_queue_view makes them.
void addRecords(Store& store, int records, int perDay)
{
    const SamplingClock sampling(QDateTime::currentDateTime(), perDay);
    RecordStore::SaveOptions options;
    options.acceptWarnings = true; // samplings older than a week ask for confirmation
    constexpr int BatchSize = 1000;
    for (int start = 0; start < records; start += BatchSize) {
        QList<SamplingRecord> batch;
        for (int i = start; i < std::min(records, start + BatchSize); ++i) {
            SamplingRecord record = TestSupport::validRecord(i);
            record.specimen.collectedAt = sampling.collectedAt(i);
            batch.append(record);
        }
        QList<QList<Problem>> problems;
        QString error;
        if (!store.records()->add(&batch, options, &problems, &error))
            qFatal("save failed: %s", qPrintable(error));
    }
}

QMap<QString, double> measureGui(const QString& storePath)
{
    QProcess gui;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    gui.setProcessEnvironment(environment);
    gui.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    gui.start(QCoreApplication::applicationFilePath(), {u"--gui"_s, storePath});
    if (!gui.waitForFinished(600000) || gui.exitStatus() != QProcess::NormalExit ||
        gui.exitCode() != 0)
        qFatal("the GUI process failed");
    QMap<QString, double> figures;
    for (const QByteArray& each : gui.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = each.split('\t');
        if (fields.size() == 2)
            figures.insert(QString::fromLatin1(fields.at(0)), fields.at(1).toDouble());
    }
    return figures;
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    const QStringList raw = [&] {
        QStringList list;
        for (int i = 0; i < argc; ++i)
            list.append(QString::fromLocal8Bit(argv[i]));
        return list;
    }();
    const QString guiStore = stringArgument(raw, u"--gui"_s);
    if (!guiStore.isEmpty()) {
        QApplication app(argc, argv);
        return runGui(guiStore, sinceMain);
    }

    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int records = std::max(0, argument(args, u"--records"_s, 100000));
    const int perDay = std::max(1, argument(args, u"--per-day"_s, 1000));
    const QString emptyWindow = stringArgument(args, u"--empty"_s);
    const bool tsv = args.contains(u"--tsv"_s);
    QTextStream out(stdout);

    QElapsedTimer setup;
    setup.start();
    TestSupport::StoreFixture emptyStore;
    TestSupport::StoreFixture fullStore;
    if (!emptyStore.isValid() || !fullStore.isValid())
        qFatal("the stores could not be made");
    {
        auto nurse = fullStore.openAs(TestSupport::NurseName);
        if (!nurse)
            qFatal("the nurse could not sign in");
        addRecords(*nurse, records, perDay);
    }
    const double setupSeconds = setup.elapsed() / 1000.0;

    const QMap<QString, double> baseline = measureGui(emptyStore.path());
    const QMap<QString, double> full = measureGui(fullStore.path());
    qint64 emptyWindowKb = -1;
    if (!emptyWindow.isEmpty()) {
        QProcess window;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        window.setProcessEnvironment(environment);
        window.start(emptyWindow, {u"--memory"_s});
        if (window.waitForFinished(60000)) {
            const QList<QByteArray> fields = window.readAllStandardOutput().simplified().split(' ');
            if (fields.size() >= 2 && fields.at(0) == "VmHWM:")
                emptyWindowKb = fields.at(1).toLongLong();
        }
    }

    if (tsv) {
        for (auto it = full.cbegin(); it != full.cend(); ++it)
            out << u"full."_s << it.key() << u'\t' << QString::number(it.value(), 'f', 1) << u'\n';
        for (auto it = baseline.cbegin(); it != baseline.cend(); ++it)
            out << u"empty."_s << it.key() << u'\t' << QString::number(it.value(), 'f', 1) << u'\n';
        out << u"records\t"_s << records << u'\n';
        out << u"empty_window.peak_kb\t"_s << emptyWindowKb << u'\n';
        return 0;
    }
    auto mib = [](double kb) { return QString::number(kb / 1024.0, 'f', 1); };
    auto number = [](double value) { return QString::number(value, 'f', 1); };
    out << u"GUI memory benchmark: MainWindow offscreen, nurse signs in, queue on all days "
           "scrolled to the end\n"_s;
    out << u"set-up (stores, %1 records; not measured): %2 s\n\n"_s.arg(records).arg(setupSeconds,
                                                                                     0, 'f', 1);
    for (const auto& [name, figures] : {std::pair{u"%1 records"_s.arg(records), &full},
                                        std::pair{u"no record (baseline)"_s, &baseline}}) {
        out << name << u":\n"_s;
        out << u"  peak RSS %1 MiB: %2 MiB at the sign-in screen, %3 MiB after signing in "
               "(scrypt), %4 MiB from there to the end of the queue; RSS at the end %5 MiB\n"_s.arg(
                   mib(figures->value(u"peak_kb"_s)),
                   mib(figures->value(u"sign_in_screen_peak_kb"_s)),
                   mib(figures->value(u"sign_in_peak_kb"_s)),
                   mib(figures->value(u"queue_peak_kb"_s)), mib(figures->value(u"rss_kb"_s)));
        out << u"  queue rows %1, rows decrypted %2\n"_s.arg(figures->value(u"rows"_s), 0, 'f', 0)
                   .arg(figures->value(u"decrypted_rows"_s), 0, 'f', 0);
        out << u"  main() to sign-in painted %1 ms: window built %2 ms, store opened %3 ms, "
               "first paint %4 ms\n"_s.arg(number(figures->value(u"main_to_sign_in_ms"_s)))
                   .arg(number(figures->value(u"construct_ms"_s)))
                   .arg(number(figures->value(u"start_ms"_s)))
                   .arg(number(figures->value(u"first_paint_ms"_s)));
        out << u"  sign-in %1 ms, queue opened on all days %2 ms, scrolled to the end %3 ms\n"_s
                   .arg(number(figures->value(u"sign_in_ms"_s)))
                   .arg(number(figures->value(u"open_queue_ms"_s)))
                   .arg(number(figures->value(u"scroll_ms"_s)));
    }
    if (emptyWindowKb > 0)
        out << u"\nbench_empty_window (Qt Widgets, one empty window): peak RSS %1 MiB\n"_s.arg(
            mib(emptyWindowKb));
    return 0;
}
