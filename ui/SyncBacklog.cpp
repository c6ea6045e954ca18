#include "SyncBacklog.h"

#include "SyncEngine.h"

SyncBacklog SyncBacklog::read(Store& store)
{
    // The outbox's own account of itself; no transport is needed to read it.
    SyncEngine engine(store, nullptr);
    const SyncEngine::Status status = engine.status();
    SyncBacklog backlog;
    backlog.waiting = status.waiting + status.sending;
    backlog.rejected = status.rejected;
    backlog.oldest = backlog.waiting > 0 ? status.oldestWaiting : QDateTime();
    return backlog;
}
