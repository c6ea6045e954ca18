#pragma once

#include <QList>
#include <QString>

// One thing wrong with a record: the JSON key of the field, the rule that failed (a stable
// id such as "nir.key" or "required") and a translated message for a person. Messages
// never repeat the field's value: they may end up in logs or on a shared screen.
struct Problem
{
    enum class Severity
    {
        Error,   // blocks saving
        Warning, // saving asks the user to confirm (annex1.md "W" fields)
    };

    Severity severity = Severity::Error;
    QString field;
    QString rule;
    QString message;

    // "patient.ins: wrong NIR key: 93 expected"
    QString toString() const { return field + QStringLiteral(": ") + message; }
};

inline bool hasErrors(const QList<Problem>& problems)
{
    for (const Problem& problem : problems) {
        if (problem.severity == Problem::Severity::Error)
            return true;
    }
    return false;
}
