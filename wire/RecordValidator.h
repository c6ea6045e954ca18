#pragma once

#include "Problem.h"
#include "SamplingRecord.h"

#include <QCoreApplication>
#include <QDateTime>

// The rules of Annex 1 (../shared/spec/annex1.md) over a whole record: required fields,
// formats, identifiers and the rules that tie fields together (NIR against sex and birth
// date, symptoms against onset, result against sampling time).
class RecordValidator
{
    Q_DECLARE_TR_FUNCTIONS(RecordValidator)

public:
    struct Options
    {
        QDateTime now = QDateTime::currentDateTimeUtc();
        // The R+ fields become required: the record is about to get a validated result.
        bool requireResult = false;
        // A NIR that disagrees with sex or birth date is an error unless the user gives a
        // reason (it then goes to the audit log and the disagreement becomes a warning).
        QString identityOverrideReason;
    };

    // Checks every rule and writes the canonical form of each valid value back into the
    // record (E.164 phones, NIR without separators, defaults such as the specimen type).
    // Returns every problem found, errors and warnings, never stopping at the first.
    static QList<Problem> validate(SamplingRecord* record, const Options& options);
};
