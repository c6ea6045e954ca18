#pragma once

#include "Problem.h"
#include "SamplingRecord.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

// How one version of a record is sent, beside the record itself.
struct BundleOptions
{
    // "" for a first result (or no result yet), "corrected" or "entered-in-error" once the
    // result was corrected or cancelled: the result Observation and the DiagnosticReport
    // carry it as their status.
    QString correction;
    // The LOINC analysis of the result a cancellation withdraws: the record keeps no result
    // once cancelled, but its Bundle still names the test it cancels (ServiceRequest, result
    // Observation and DiagnosticReport). Used only when `correction` is "entered-in-error"
    // and the record has no analysis of its own; empty means the annex's default.
    QString cancelledAnalysis;
    // What this version changes, when it replaces an earlier one: a Provenance carries the
    // reason the user gave.
    enum class Change
    {
        None,         // the registration, or the first result
        Correction,   // the result replaced
        Cancellation, // the result withdrawn (entered in error)
        Amendment,    // the sampling data corrected
    };
    Change change = Change::None;
    QString reason;
    QDateTime changedAt; // when the change was made (Provenance.recorded)
    // The sampling site's name, for its Organization (left out when unknown).
    QString siteName;
    // The lab's PDF goes in DiagnosticReport.presentedForm when there is one.
    bool includeReport = true;
    // Bundle.timestamp when valid (left out otherwise, so that bundles are reproducible).
    QDateTime timestamp;
};

// One version of a sampling record as a FHIR R4 `transaction` Bundle that follows FR Core
// 2.1.0 (wire/FhirWriter; docs/fhir-mapping.md gives the mapping field by field), and back
// (wire/FhirReader). The record and its version travel in Bundle.meta (our
// sidep-record-version extension), so that the server recognises a version it already has
// and takes a record's versions in order; every resource is identified from the record and
// written conditionally, so replaying a Bundle changes nothing.
class FhirBundle
{
public:
    static QJsonObject fromRecord(const SamplingRecord& record, const QString& siteFiness,
                                  const BundleOptions& options = {});

    // Reads a Bundle written by fromRecord() (or anything shaped like it). Never trusts the
    // input: every missing or ill-typed element, and every rule of FR Core the portal
    // follows, is a Problem whose field is a JSON path into the Bundle
    // ("entry[3].resource.identifier[0].type") and whose rule is one of "required", "type",
    // "code", "format", "reference", "duplicate", "fr-core" or "placeholder". Returns false
    // when there is any error; what could be read is still in *record.
    // `compactText`, when the caller holds it anyway (the server stores it), is the Bundle
    // as JsonText::compact() writes it: it spares walking every value for placeholder
    // addresses when the text shows there can be none. Any other text gives wrong answers.
    [[nodiscard]] static bool parse(const QJsonObject& bundle, SamplingRecord* record,
                                    QString* siteFiness, QList<Problem>* problems,
                                    BundleOptions* options = nullptr,
                                    QByteArrayView compactText = {});

    // The record and version a Bundle says it is, read cheaply (no validation): false when
    // the Bundle does not say.
    static bool recordVersion(const QJsonObject& bundle, QUuid* record, int* version);
};
