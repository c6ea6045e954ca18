#pragma once

// The workstation store of the sync fuzz target and of its seeds: records with fixed ids,
// sampled by the nurse and given a negative result by the lab, so that the seeds can name
// them in the server's answer.

#include "RecordStore.h"
#include "ResultStore.h"
#include "TestSupport.h"

#include <QList>
#include <QUuid>

namespace FuzzSyncStore {

inline QList<QUuid> recordIds()
{
    return {QUuid(QStringLiteral("11111111-1111-4111-8111-111111111111")),
            QUuid(QStringLiteral("22222222-2222-4222-8222-222222222222"))};
}

// Two samples (their registrations wait in the outbox: one Bundle each). False when the
// fixture could not be filled.
inline bool addSampledRecords(TestSupport::StoreFixture& fixture)
{
    auto nurse = fixture.openAs(TestSupport::NurseName);
    if (!nurse)
        return false;
    QList<SamplingRecord> records;
    for (const QUuid& id : recordIds()) {
        records.append(TestSupport::validRecord(int(records.size())));
        records.last().id = id;
    }
    QList<QList<Problem>> problems;
    QString error;
    return nurse->records()->add(&records, {}, &problems, &error);
}

} // namespace FuzzSyncStore
