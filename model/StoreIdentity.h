#pragma once

#include <QCoreApplication>
#include <QString>

class Store;

// What tells the national server that this store went back in time: a random id, written
// when the store is created and kept in meta with a keyed hash (under the data key's
// state-MAC key), and the sequence number of the audit log's last entry, which only grows.
// Each sync round starts by sending both (POST /store-sequence); the server remembers the
// highest sequence it saw from each store of the site and refuses a lower one: an older copy
// of the whole file put back (rows, outbox and audit chain together, consistent with
// themselves) is seen there, since nothing on the workstation can see it.
//
// A backup restored on purpose gets a new id (renew(), `sidepctl db restored`), so that the
// server takes it as another store. Taking the id away does not give a store a new one:
// stores from before the id get theirs at their first sync only when their audit chain is
// intact and never named one (store.identity entries), like the outbox's seals.
class StoreIdentity
{
    Q_DECLARE_TR_FUNCTIONS(StoreIdentity)

public:
    struct Checkpoint
    {
        QString storeId;      // a UUID, without braces
        qint64 sequence = -1; // the audit log's last entry
    };

    // Inside the caller's transaction (store creation): the new store's id.
    [[nodiscard]] static bool create(Store& store, QString* error);
    // The id (given to a store from before ids when it can be trusted) and the sequence;
    // false, with the reason, when the id or the audit log's head does not check out.
    [[nodiscard]] static bool current(Store& store, Checkpoint* checkpoint, QString* error);
    // For db verify, without writing: why the id does not check out (edited, or taken away
    // after the audit log named one); empty when it does or when the store has none yet.
    static QString problem(Store& store);
    // After a backup was put back on purpose: a new id, noted in the audit log with why.
    // Administrators only.
    [[nodiscard]] static bool renew(Store& store, const QString& why, QString* error);

    static const QString Action; // "store.identity"

    // Defined only in builds with test hooks (SIDEP_TEST_HOOKS, never a package): stores
    // created while this is on have no id, as before identities.
    static void createStoresWithoutIdForTest(bool without);

private:
    // Inside the caller's transaction: a new random id, its hash, and the audit entry naming
    // it ("store <id> <context>").
    static bool writeNewId(Store& store, const QString& context, QString* error);
    // Whether `id` is the one the store wrote: its keyed hash is the one beside it (only a
    // signed-in store can tell). Both db verify (problem) and the sync (current) ask.
    static bool idChecksOut(Store& store, const QString& id);
};
