// Record save rate through the whole path (validate, encrypt, durable commit), one record
// per transaction and in batches, beside plain SQLite inserts of rows of the same size
// measured in the same run with the same durability settings. Prints figures; asserts
// nothing (timings on a shared machine are for people to read, not for CI to judge).
//
//   bench_store [--records N] [--singles N] [--batch N]

#include "BenchSupport.h"
#include "Database.h"
#include "RecordStore.h"
#include "RecordValidator.h"
#include "Store.h"
#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QVariant>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Bench;

namespace {

struct Figures
{
    double recordsPerSecond = 0;
    double medianMs = 0;
    double p95Ms = 0;
};

Figures summarise(QList<double> latenciesMs, double totalSeconds, int records)
{
    std::sort(latenciesMs.begin(), latenciesMs.end());
    Figures figures;
    figures.recordsPerSecond = records / totalSeconds;
    if (!latenciesMs.isEmpty()) {
        figures.medianMs = latenciesMs.at(latenciesMs.size() / 2);
        figures.p95Ms = latenciesMs.at(
            std::min<qsizetype>(latenciesMs.size() - 1, latenciesMs.size() * 95 / 100));
    }
    return figures;
}

// Saves `count` records through RecordStore in transactions of `batchSize`.
Figures benchStore(Store& store, int firstIndex, int count, int batchSize)
{
    QList<SamplingRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(TestSupport::validRecord(firstIndex + i));
    QList<double> latencies;
    QElapsedTimer total;
    total.start();
    for (int start = 0; start < count; start += batchSize) {
        QList<SamplingRecord> batch = records.mid(start, batchSize);
        QList<QList<Problem>> problems;
        QString error;
        QElapsedTimer one;
        one.start();
        if (!store.records()->add(&batch, {}, &problems, &error))
            qFatal("save failed: %s", qPrintable(error));
        latencies.append(one.nsecsElapsed() / 1e6);
    }
    return summarise(latencies, total.nsecsElapsed() / 1e9, count);
}

// The same rows, unencrypted and unvalidated, straight into SQLite with the store's
// durability settings: the baseline the full path is compared with.
Figures benchPlain(const QString& path, int firstIndex, int count, int batchSize,
                   qsizetype* rowBytes)
{
    Database database;
    QString error;
    if (!database.open(path, true, &error))
        qFatal("%s", qPrintable(error));
    if (!database.execDirect(u"CREATE TABLE IF NOT EXISTS plain (id TEXT PRIMARY KEY, "
                             "tube TEXT UNIQUE, collected_at TEXT, patient BLOB, contact BLOB, "
                             "clinical BLOB, physicians BLOB, specimen BLOB, result BLOB)"_s,
                             &error)) {
        qFatal("%s", qPrintable(error));
    }
    struct Row
    {
        QString id;
        QString tube;
        QString collectedAt;
        QList<QByteArray> blocks;
    };
    QList<Row> rows;
    *rowBytes = 0;
    for (int i = 0; i < count; ++i) {
        const SamplingRecord record = TestSupport::validRecord(firstIndex + i);
        Row row{QUuid::createUuid().toString(QUuid::WithoutBraces),
                record.specimen.accession,
                record.specimen.collectedAt,
                {}};
        for (SamplingRecord::Block block : SamplingRecord::AllBlocks) {
            // Pad by the AES-GCM overhead (nonce and tag) so that rows have the same size.
            QByteArray json = record.blockCbor(block);
            json.append(QByteArray(28, ' '));
            *rowBytes += json.size();
            row.blocks.append(json);
        }
        rows.append(row);
    }
    *rowBytes /= count;

    QSqlQuery& insert = database.query(u"INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QList<double> latencies;
    QElapsedTimer total;
    total.start();
    for (int start = 0; start < count; start += batchSize) {
        QElapsedTimer one;
        one.start();
        Transaction transaction(database);
        if (!transaction.begin(&error))
            qFatal("%s", qPrintable(error));
        for (int i = start; i < std::min(count, start + batchSize); ++i) {
            const Row& row = rows.at(i);
            int column = 0;
            insert.bindValue(column++, row.id);
            insert.bindValue(column++, row.tube);
            insert.bindValue(column++, row.collectedAt);
            for (const QByteArray& block : row.blocks)
                insert.bindValue(column++, block);
            if (!database.exec(insert, &error))
                qFatal("%s", qPrintable(error));
        }
        if (!transaction.commit(&error))
            qFatal("%s", qPrintable(error));
        latencies.append(one.nsecsElapsed() / 1e6);
    }
    return summarise(latencies, total.nsecsElapsed() / 1e9, count);
}

// In memory, per record: what each step of the save path costs on its own.
struct StepCosts
{
    double validateUs = 0;
    double serialiseUs = 0;
    double encryptUs = 0;
};

StepCosts stepCosts(const Vault& vault, int count)
{
    QList<SamplingRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(TestSupport::validRecord(900000 + i));
    StepCosts costs;
    QElapsedTimer timer;
    timer.start();
    for (SamplingRecord& record : records)
        RecordValidator::validate(&record, {});
    costs.validateUs = timer.nsecsElapsed() / 1e3 / count;

    QList<QByteArray> serialised;
    timer.restart();
    for (const SamplingRecord& record : std::as_const(records)) {
        for (SamplingRecord::Block block : SamplingRecord::AllBlocks)
            serialised.append(record.blockCbor(block));
    }
    costs.serialiseUs = timer.nsecsElapsed() / 1e3 / count;

    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qsizetype bytes = 0;
    timer.restart();
    for (const QByteArray& block : std::as_const(serialised))
        bytes += vault.seal(u"records"_s, id, u"patient"_s, block).size();
    for (const SamplingRecord& record : std::as_const(records))
        bytes += vault.tubeIndex(record.specimen.accession).size();
    costs.encryptUs = timer.nsecsElapsed() / 1e3 / count;
    Q_UNUSED(bytes);
    return costs;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int records = argument(args, u"--records"_s, 5000);
    const int singles = argument(args, u"--singles"_s, 300);
    const int batchSize = argument(args, u"--batch"_s, 100);
    QTextStream out(stdout);

    QTemporaryDir dir(QDir::currentPath() + u"/bench-XXXXXX"_s); // on the real disk, not tmpfs
    TestSupport::StoreFixture fixture;
    auto store = fixture.openAs(TestSupport::NurseName);
    if (!store)
        return 1;

    qsizetype rowBytes = 0;
    // Warm-up so that the first figures do not pay for page-cache misses.
    benchStore(*store, 800000, 50, 50);
    benchPlain(dir.filePath(u"warmup.db"_s), 800000, 50, 50, &rowBytes);

    const Figures storeSingle = benchStore(*store, 0, singles, 1);
    const Figures plainSingle = benchPlain(dir.filePath(u"plain.db"_s), 0, singles, 1, &rowBytes);
    const Figures storeBatch = benchStore(*store, 100000, records, batchSize);
    const Figures plainBatch =
        benchPlain(dir.filePath(u"plain.db"_s), 100000, records, batchSize, &rowBytes);
    const StepCosts steps = stepCosts(*store->vault(), 2000);

    out << u"Store benchmark: %1 single saves, %2 records in batches of %3, rows of ~%4 bytes\n"_s
               .arg(singles)
               .arg(records)
               .arg(batchSize)
               .arg(rowBytes);
    out << u"store folder: %1 (WAL, synchronous=FULL)\n\n"_s.arg(fixture.folder());
    out << qSetFieldWidth(34) << Qt::left << u"path"_s << qSetFieldWidth(14) << Qt::right
        << u"records/s"_s << u"median ms"_s << u"p95 ms"_s << qSetFieldWidth(0) << u"\n"_s;
    auto row = [&](const QString& name, const Figures& figures) {
        out << qSetFieldWidth(34) << Qt::left << name << qSetFieldWidth(14) << Qt::right
            << QString::number(figures.recordsPerSecond, 'f', 0)
            << QString::number(figures.medianMs, 'f', 3) << QString::number(figures.p95Ms, 'f', 3)
            << qSetFieldWidth(0) << u"\n"_s;
    };
    row(u"sidep save, 1 per transaction"_s, storeSingle);
    row(u"plain SQLite, 1 per transaction"_s, plainSingle);
    row(u"sidep save, batch of %1"_s.arg(batchSize), storeBatch);
    row(u"plain SQLite, batch of %1"_s.arg(batchSize), plainBatch);
    const double batchCost = 1.0 - storeBatch.recordsPerSecond / plainBatch.recordsPerSecond;
    out << u"\nper record, in memory: validate %1 us, serialise %2 us, encrypt + blind index %3 us\n"_s
               .arg(steps.validateUs, 0, 'f', 1)
               .arg(steps.serialiseUs, 0, 'f', 1)
               .arg(steps.encryptUs, 0, 'f', 1);
    out << u"per record, batch: full path %1 us, plain insert %2 us\n"_s
               .arg(1e6 / storeBatch.recordsPerSecond, 0, 'f', 1)
               .arg(1e6 / plainBatch.recordsPerSecond, 0, 'f', 1);
    const double fullPathUs = 1e6 / storeBatch.recordsPerSecond;
    out << u"batch: encryption (AES-GCM of every block, blind indexes) is %1 % of the full path's "
           "time per record (target < 30 %)\n"_s.arg(steps.encryptUs / fullPathUs * 100, 0, 'f', 1);
    out << u"batch: the full path (validate, serialise, encrypt, indexes, audit entry, durable "
           "commit) runs at %1 % of the plain rate, i.e. costs %2 % of it\n"_s
               .arg(100 - batchCost * 100, 0, 'f', 1)
               .arg(batchCost * 100, 0, 'f', 1);
    out << u"single durable save: median %1 ms (target < 5 ms)\n"_s.arg(storeSingle.medianMs, 0,
                                                                        'f', 2);
    return 0;
}
