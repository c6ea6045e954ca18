#include "ParallelWork.h"

#include <QSemaphore>
#include <QThreadPool>
#include <algorithm>
#include <atomic>

void ParallelWork::forEachIndex(qsizetype count, const std::function<void(qsizetype)>& work)
{
    std::atomic<qsizetype> next{0};
    const auto takeUntilNoneLeft = [&] {
        for (qsizetype i = next++; i < count; i = next++)
            work(i);
    };
    // This thread takes its share too: helpers only for the other cores, and only those
    // the pool can start now (a busy pool leaves the whole loop to this thread).
    QThreadPool* pool = QThreadPool::globalInstance();
    const qsizetype wanted = std::min<qsizetype>(pool->maxThreadCount() - 1, count - 1);
    QSemaphore helpersDone;
    int started = 0;
    for (qsizetype helper = 0; helper < wanted; ++helper) {
        if (!pool->tryStart([&] {
                takeUntilNoneLeft();
                helpersDone.release();
            })) {
            break;
        }
        ++started;
    }
    takeUntilNoneLeft();
    helpersDone.acquire(started);
}
