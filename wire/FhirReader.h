#pragma once

#include "FhirBundle.h"

// Reads a Bundle written by FhirWriter back into a record, checking what the national side
// checks: the shape, the references inside the Bundle, the codes, and the rules of FR Core
// the portal follows (the INS only with a qualified identity and always typed, the
// insured person's number typed NH, no placeholder URL anywhere). Used through
// FhirBundle::parse().
class FhirReader
{
public:
    // A hostile Bundle costs at most this many problems (the rest are counted).
    static constexpr int MaxProblems = 100;

    // `compactText`: see FhirBundle::parse().
    static bool read(const QJsonObject& bundle, SamplingRecord* record, QString* siteFiness,
                     QList<Problem>* problems, BundleOptions* options,
                     QByteArrayView compactText = {});
};
