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

// False when the fixture could not be filled.
inline bool addResultedRecords(TestSupport::StoreFixture& fixture)
{
    auto nurse = fixture.openAs(TestSupport::NurseName);
    auto lab = fixture.openAs(TestSupport::LabName);
    if (!nurse || !lab)
        return false;
    QList<SamplingRecord> records;
    for (const QUuid& id : recordIds()) {
        records.append(TestSupport::validRecord(int(records.size())));
        records.last().id = id;
    }
    QList<QList<Problem>> problems;
    QString error;
    if (!nurse->records()->add(&records, {}, &problems, &error))
        return false;
    ResultStore results(*lab);
    for (const SamplingRecord& record : std::as_const(records)) {
        ResultStore::Entry entry;
        entry.value = QStringLiteral("N");
        ResultStore::Outcome outcome;
        QList<Problem> entryProblems;
        if (!results.enter(record.id, entry, &outcome, &entryProblems, &error))
            return false;
    }
    return true;
}

} // namespace FuzzSyncStore
