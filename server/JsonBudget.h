#pragma once

#include <QByteArray>

// The number of JSON values a text would make, counted on its bytes before anything is
// parsed or built: each value but the first is preceded by a comma or opens a container,
// so commas and brackets outside strings give it (object keys counted too: an upper bound).
// Linear, no allocation: a request of millions of tiny values is refused at the cost of
// one pass over its bytes.
class JsonBudget
{
public:
    // The count, or stops and returns limit + 1 as soon as it passes `limit`.
    static qint64 countValues(const QByteArray& json, qint64 limit);
};
