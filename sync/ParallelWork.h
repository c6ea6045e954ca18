#pragma once

#include <QtGlobal>
#include <functional>

// Independent pieces of work spread over the machine's cores, for the sync's costliest
// steps: building a batch's FHIR Bundles and writing them as JSON (bench_sync's parts: 389
// and 120 µs of CPU a record, most of the workstation's part of a sync). The result is what
// a loop would give: each piece writes only its own result, and the call returns once every
// piece is done.
namespace ParallelWork {

// Calls work(i) for every i in [0, count): on this thread and on those of Qt's global thread
// pool that are idle, each i once. Returns when every call has returned.
void forEachIndex(qsizetype count, const std::function<void(qsizetype)>& work);

} // namespace ParallelWork
