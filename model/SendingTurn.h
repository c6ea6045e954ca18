#pragma once

#include "FileLock.h"

#include <memory>

class Store;

// The turn to talk to the national server for a store, which one program at a time holds:
// the GUI or `sidepctl sync` beside a store file, one station of a site database. A lock
// file beside a store file (FileLock); an advisory lock held by the store's connection in a
// site database. Either is released when its holder ends, however it ends: the process for
// a file, the connection for the database. Must not outlive its Store.
class SendingTurn
{
public:
    explicit SendingTurn(Store& store);
    ~SendingTurn();
    SendingTurn(const SendingTurn&) = delete;
    SendingTurn& operator=(const SendingTurn&) = delete;

    // Takes the turn without waiting: false when another program has it.
    [[nodiscard]] bool tryTake();
    void release();

private:
    Store& m_store;
    std::unique_ptr<FileLock> m_file; // a store file's; none for a site database
    bool m_held = false;
};
