#pragma once

#include "Store.h"

// The store's SQL handle, which only model/ reaches otherwise (Store is its friend): for
// tests that read or tamper with the file as someone holding it would, and for benchmarks
// that set it up faster.
class StoreTestAccess
{
public:
    static Database& database(Store& store) { return store.database(); }
};
