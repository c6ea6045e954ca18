// The sizing of sync batches for the link a site has: from the throughput of the previous
// batches, a batch that goes in about four seconds, within the engine's caps.

#include "BatchSizer.h"

#include <QTest>

class TestBatchSizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theCapUntilSomethingIsMeasured();
    void aBatchGoesInAboutTheTargetTime_data();
    void aBatchGoesInAboutTheTargetTime();
    void neverBelowOneRecordNorAboveTheCap();
    void aSmallBatchDoesNotShrinkTheNext();
    void followsTheLinkOverTheLastBatches();
    void estimatesTheTimeLeft();
};

void TestBatchSizer::theCapUntilSomethingIsMeasured()
{
    BatchSizer sizer;
    QVERIFY(!sizer.hasMeasure());
    QCOMPARE(sizer.nextBatchRecords(), 50);
    QCOMPARE(sizer.bytesPerSecond(), 0.0);
    QCOMPARE(sizer.secondsFor(100), qint64(-1));
    // A batch that said nothing of its cost (a failed one, a transport that cannot tell).
    sizer.addBatch(50, 0, 1000);
    sizer.addBatch(0, 1000, 1000);
    QVERIFY(!sizer.hasMeasure());
    QCOMPARE(sizer.nextBatchRecords(), 50);
}

void TestBatchSizer::aBatchGoesInAboutTheTargetTime_data()
{
    QTest::addColumn<qint64>("bytesPerRecord");
    QTest::addColumn<double>("bytesPerSecond");
    QTest::addColumn<int>("expected");
    // 5 Mbit/s and a record of 100 KiB (a lab report): 625,000 B/s x 4 s / 102,400 B.
    QTest::newRow("5 Mbit/s, 100 KiB records") << qint64(102400) << 625000.0 << 24;
    // 1 Mbit/s: 125,000 x 4 / 102,400.
    QTest::newRow("1 Mbit/s, 100 KiB records") << qint64(102400) << 125000.0 << 4;
    // Loopback with compressed records (700 B): far more than the cap would go in 4 s.
    QTest::newRow("loopback, 700 B records") << qint64(700) << 50e6 << 50;
    // 128 kbit/s with 700 B records: 16,000 x 4 = 64,000 B, under the 64 KiB floor:
    // 65,536 / 700.
    QTest::newRow("128 kbit/s, 700 B records") << qint64(700) << 16000.0 << 50;
    // 128 kbit/s, 10 KiB records: the 64 KiB floor, 6 records (8 s of link).
    QTest::newRow("128 kbit/s, 10 KiB records") << qint64(10240) << 16000.0 << 6;
}

void TestBatchSizer::aBatchGoesInAboutTheTargetTime()
{
    QFETCH(qint64, bytesPerRecord);
    QFETCH(double, bytesPerSecond);
    QFETCH(int, expected);
    BatchSizer sizer;
    const int records = 1000; // whole milliseconds for every row
    const qint64 bytes = records * bytesPerRecord;
    sizer.addBatch(records, bytes, qint64(double(bytes) * 1000.0 / bytesPerSecond));
    QVERIFY(sizer.hasMeasure());
    QVERIFY(qAbs(sizer.bytesPerSecond() - bytesPerSecond) / bytesPerSecond < 0.01);
    QCOMPARE(sizer.bytesPerRecord(), double(bytesPerRecord));
    QCOMPARE(sizer.nextBatchRecords(), expected);
}

void TestBatchSizer::neverBelowOneRecordNorAboveTheCap()
{
    BatchSizer::Limits limits;
    limits.maxRecords = 20;
    BatchSizer sizer(limits);
    // One 8 MiB record that took two minutes (a large report over a very slow link).
    sizer.addBatch(1, 8 * 1024 * 1024, 120000);
    QCOMPARE(sizer.nextBatchRecords(), 1);
    sizer.reset();
    // Tiny records at once (a zero time is as fast as can be measured, not a division by 0).
    sizer.addBatch(20, 2000, 0);
    QCOMPARE(sizer.nextBatchRecords(), 20);
}

void TestBatchSizer::aSmallBatchDoesNotShrinkTheNext()
{
    // The round trip alone is 5 s (a far server, a busy one): a batch of 2 KiB records is
    // bound by it, not by the link. Without the floor, each batch measured slower than the
    // last and the size fell to one record; with it, the batches stay at 64 KiB.
    BatchSizer sizer;
    int records = 50;
    for (int round = 0; round < 20; ++round) {
        const qint64 bytes = records * 2048;
        sizer.addBatch(records, bytes, 5000 + bytes * 1000 / 1000000);
        records = sizer.nextBatchRecords();
    }
    QCOMPARE(records, 32); // 65,536 / 2,048
}

void TestBatchSizer::followsTheLinkOverTheLastBatches()
{
    BatchSizer sizer;
    const qint64 record = 100 * 1024;
    // A fast link, then a slow one: after `window` batches only the slow one counts.
    for (int i = 0; i < 5; ++i)
        sizer.addBatch(10, 10 * record, 1000); // 1 MiB/s
    QCOMPARE(sizer.nextBatchRecords(), 40);
    sizer.addBatch(10, 10 * record, 10000); // one slow batch moves it, not all the way
    const int afterOne = sizer.nextBatchRecords();
    QVERIFY2(afterOne < 40 && afterOne > 4, qPrintable(QString::number(afterOne)));
    for (int i = 0; i < 4; ++i)
        sizer.addBatch(10, 10 * record, 10000); // 100 KiB/s
    QCOMPARE(sizer.nextBatchRecords(), 4);
}

void TestBatchSizer::estimatesTheTimeLeft()
{
    BatchSizer sizer;
    sizer.addBatch(50, 35000, 2000); // 25 records a second
    QCOMPARE(sizer.bytesPerSecond(), 17500.0);
    QCOMPARE(sizer.secondsFor(1000), qint64(40));
    QCOMPARE(sizer.secondsFor(1), qint64(1)); // rounded up: "about 1 s", never "0 s"
    QCOMPARE(sizer.secondsFor(0), qint64(0));
}

QTEST_GUILESS_MAIN(TestBatchSizer)
#include "TestBatchSizer.moc"
