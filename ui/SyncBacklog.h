#pragma once

#include <QDateTime>

class Store;

// What waits for the national server, as the status bar and the dashboard show it: the one
// place the workstation reads the sync state outside the sync panel, so that a change of
// the outbox changes this function only.
struct SyncBacklog
{
    int waiting = 0;  // records (or new versions) not yet acknowledged by the server
    int rejected = 0; // refused by the server, waiting for a correction
    QDateTime oldest; // when the oldest of them was queued; invalid when nothing waits

    static SyncBacklog read(Store& store);
};
