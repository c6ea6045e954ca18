// Record saves by several stations at once on one store: a site PostgreSQL database, beside
// a SQLite file (several programs on one machine) measured in the same run. Each station
// is a thread with its own connection, signed in as a nurse, saving records one per
// transaction back to back (a harder load than a station's one record a second). Prints
// the median and 95th percentile of a save for 1 and for 4 stations; asserts nothing.
//
//   bench_site_save [--postgres URL] [--saves N]
// URL names a PostgreSQL cluster on which the benchmark may create the database
// sidep_bench_site (scripts/bench starts a throw-away one).

#include "BenchSupport.h"
#include "PostgresTestCluster.h"
#include "RecordStore.h"
#include "Store.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <mutex>

using namespace Qt::StringLiterals;
using namespace Bench;

namespace {

struct Run
{
    QList<double> latenciesMs;
    double seconds = 0;
    QString error;
};

// `stations` threads saving `saves` records each at the same time; record indexes start at
// `firstIndex` so that every tube label of the run is new.
Run saveAtOnce(const QString& location, int stations, int saves, int firstIndex)
{
    Run run;
    std::mutex lock;
    QSemaphore ready;
    QSemaphore go;
    QList<QThread*> threads;
    for (int station = 0; station < stations; ++station) {
        threads.append(QThread::create([&, station] {
            Store store;
            QString error;
            QList<double> mine;
            if (!store.open(location, &error) ||
                !store.signIn(TestSupport::NurseName, TestSupport::password(), &error)) {
                ready.release();
                const std::lock_guard guard(lock);
                run.error = error;
                return;
            }
            RecordStore records(store);
            ready.release();
            go.acquire();
            for (int i = 0; i < saves; ++i) {
                SamplingRecord record = TestSupport::validRecord(firstIndex + station * saves + i);
                QList<Problem> problems;
                QElapsedTimer timer;
                timer.start();
                if (!records.add(&record, {}, &problems, &error)) {
                    const std::lock_guard guard(lock);
                    run.error = error;
                    return;
                }
                mine.append(ms(timer));
            }
            const std::lock_guard guard(lock);
            run.latenciesMs += mine;
        }));
        threads.last()->start();
    }
    ready.acquire(stations);
    QElapsedTimer total;
    total.start();
    go.release(stations);
    for (QThread* thread : threads) {
        thread->wait();
        delete thread;
    }
    run.seconds = total.nsecsElapsed() / 1e9;
    return run;
}

void print(QTextStream& out, const QString& engine, int stations, const Run& run)
{
    if (!run.error.isEmpty()) {
        out << engine << ", " << stations << " station(s): failed: " << run.error << Qt::endl;
        return;
    }
    QList<double> sorted = run.latenciesMs;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.value(sorted.size() / 2);
    const double p95 =
        sorted.value(std::min<qsizetype>(sorted.size() - 1, sorted.size() * 95 / 100));
    out << engine << ", " << stations << " station(s): " << sorted.size() << " saves in "
        << QString::number(run.seconds, 'f', 2) << " s, "
        << QString::number(sorted.size() / run.seconds, 'f', 0) << " saves/s, median "
        << QString::number(median, 'f', 2) << " ms, p95 " << QString::number(p95, 'f', 2) << " ms"
        << Qt::endl;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int saves = argument(args, u"--saves"_s, 100);
    const QString cluster = stringArgument(args, u"--postgres"_s);
    QTextStream out(stdout);

    // A SQLite store file with the fixture's accounts.
    TestSupport::StoreFixture file;
    if (!file.isValid()) {
        out << "cannot make the SQLite store" << Qt::endl;
        return 1;
    }
    QList<std::pair<QString, QString>> engines = {{u"SQLite file"_s, file.path()}};

    if (!cluster.isEmpty()) {
        QString error;
        const QString site =
            TestSupport::siteDatabaseWithNurse(cluster, u"sidep_bench_site"_s, &error);
        if (site.isEmpty()) {
            out << "cannot make the site database: " << error << Qt::endl;
            return 1;
        }
        engines.append({u"PostgreSQL site database"_s, site});
    }

    int firstIndex = 1000;
    for (const auto& [engine, location] : std::as_const(engines)) {
        for (const int stations : {1, 4}) {
            print(out, engine, stations, saveAtOnce(location, stations, saves, firstIndex));
            firstIndex += stations * saves;
        }
    }
    return 0;
}
