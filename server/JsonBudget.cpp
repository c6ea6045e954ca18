#include "JsonBudget.h"

qint64 JsonBudget::countValues(const QByteArray& json, qint64 limit)
{
    qint64 count = 1;
    bool inString = false;
    bool escaped = false;
    for (const char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case ',':
        case '[':
        case '{':
            if (++count > limit)
                return limit + 1;
            break;
        default:
            break;
        }
    }
    return count;
}
