#pragma once

#include "Problem.h"
#include "SamplingRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// How a record is sent, beside the record itself.
struct BundleOptions
{
    // "" for a first result (or no result yet), "corrected" or "entered-in-error" for a
    // correction or cancellation: the result Observation carries it as its status and is
    // sent as a conditional update of the same Observation, never as a new test.
    QString correction;
    // The lab's PDF goes in DiagnosticReport.presentedForm when there is one.
    bool includeReport = true;
    // Bundle.timestamp when valid (left out otherwise, so that bundles are reproducible).
    QDateTime timestamp;
};

// One sampling record as a FHIR R4 `transaction` Bundle (../shared/spec/interop.md), and
// back. The Bundle's identifier is the record's UUID and Bundle.meta.versionId its
// version, so a resend of the same version is recognisable and a correction is a new
// version of the same record. Every resource has an identifier derived from the record
// and is created conditionally on it (ifNoneExist), so replaying a Bundle creates nothing
// twice. Identifying data stays in Patient and Practitioner.
//
// Choices where interop.md leaves room:
// - birth place: the standard `patient-birthPlace` extension; its valueAddress carries the
//   INSEE COG code in a `insee-cog` extension (Address has no code element).
// - symptom onset (LOINC 65222-2): the Annex 1 category as a local code
//   (<ExtensionBase>/CodeSystem/symptom-onset), not a guessed date.
// - symptoms: components of the 95419-8 Observation, local codes named like annex1.md.
// - residence (75617-1): one Observation per residence, local codes like annex1.md.
// - accession: Specimen.accessionIdentifier with system
//   https://finess.sante.gouv.fr/<lab FINESS>/accession (labels are unique per lab) and
//   the sampling site's Organization as assigner; that is where siteFiness travels.
// - empty specimen.type is sent (and reads back) as 258500001, its documented default.
class FhirBundle
{
public:
    // Our own extensions and code systems, until the national guide assigns URLs.
    static const QString ExtensionBase;

    static QJsonObject fromRecord(const SamplingRecord& record, const QString& siteFiness,
                                  const BundleOptions& options = {});

    // Reads a Bundle written by fromRecord() (or anything shaped like it). Never trusts the
    // input: every missing or ill-typed element is a Problem whose field is a JSON path into
    // the Bundle ("entry[3].resource.valueCodeableConcept") and whose rule is one of
    // "required", "type", "code", "format", "reference", "duplicate". Returns false when
    // there is any error; what could be read is still in *record.
    [[nodiscard]] static bool parse(const QJsonObject& bundle, SamplingRecord* record,
                                    QString* siteFiness, QList<Problem>* problems,
                                    BundleOptions* options = nullptr);
};
