// The sync's costliest steps spread over the cores (sync/ParallelWork): every piece done
// once, whatever the pool is doing, and the call back only once all of them are.

#include "ParallelWork.h"

#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <atomic>
#include <set>
#include <vector>

class TestParallelWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyIndexOnceAndDoneOnReturn();
    void nothingToDoIsNothingDone();
    void aBusyPoolLeavesTheWorkToTheCaller();
};

void TestParallelWork::everyIndexOnceAndDoneOnReturn()
{
    constexpr qsizetype Count = 10000;
    std::vector<std::atomic<int>> calls(Count);
    std::atomic<qsizetype> finished{0};
    ParallelWork::forEachIndex(Count, [&](qsizetype i) {
        calls[size_t(i)].fetch_add(1);
        if (i % 97 == 0)
            QThread::usleep(50); // uneven pieces: the threads take turns
        finished.fetch_add(1);
    });
    // Nothing still running once the call is back.
    QCOMPARE(finished.load(), Count);
    for (qsizetype i = 0; i < Count; ++i)
        QCOMPARE(calls[size_t(i)].load(), 1);
}

void TestParallelWork::nothingToDoIsNothingDone()
{
    int calls = 0;
    ParallelWork::forEachIndex(0, [&](qsizetype) { ++calls; });
    QCOMPARE(calls, 0);
    ParallelWork::forEachIndex(1, [&](qsizetype i) { calls += int(i) + 1; });
    QCOMPARE(calls, 1);
}

void TestParallelWork::aBusyPoolLeavesTheWorkToTheCaller()
{
    // Every thread of the pool held: the caller does it all, without waiting for them.
    QThreadPool* pool = QThreadPool::globalInstance();
    QSemaphore holding;
    QSemaphore release;
    const int threads = pool->maxThreadCount();
    for (int t = 0; t < threads; ++t) {
        pool->start([&] {
            holding.release();
            release.acquire();
        });
    }
    holding.acquire(threads);
    std::set<Qt::HANDLE> workers;
    QMutex workersLock;
    ParallelWork::forEachIndex(100, [&](qsizetype) {
        const QMutexLocker locked(&workersLock);
        workers.insert(QThread::currentThreadId());
    });
    release.release(threads);
    pool->waitForDone();
    QCOMPARE(workers.size(), size_t(1));
    QCOMPARE(*workers.begin(), QThread::currentThreadId());
}

QTEST_GUILESS_MAIN(TestParallelWork)
#include "TestParallelWork.moc"
