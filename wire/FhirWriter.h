#pragma once

#include "FhirBundle.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Writes one version of a record as a transaction Bundle: one builder per resource, each
// following FR Core 2.1.0 where it has a profile (Patient, Practitioner, Organization) and
// the international definitions elsewhere. Used through FhirBundle::fromRecord().
//
// Every resource made for this record carries an identifier derived from the record
// (urn:uuid, UUID v5 of the record and the resource's role) and is written with a
// conditional update on it, so each version restates the record whole and a replay changes
// nothing. The resources shared between records are updated on their national identifier
// (a practitioner by idNat_PS, the site's named organisation by FINESS; another site's lab is
// created only when missing), and a patient with a qualified INS by INS. A generic FHIR
// server executing that update replaces the whole Patient in arrival order: no date
// condition can be expressed in it. Keeping the newest sampling's details is the national
// receiver's job, ordering by the Specimen's collection time, which sidep-server does
// (server/PatientRegister.h; docs/fhir-mapping.md section 5).
class FhirWriter
{
public:
    FhirWriter(const SamplingRecord& record, const QString& siteFiness,
               const BundleOptions& options);
    QJsonObject bundle();

private:
    QString fullUrl(const QString& role) const;
    // The LOINC test this version orders and reports on.
    QString analysis() const;
    void add(const QString& url, QJsonObject resource, const QJsonObject& request);
    // A resource of this record: identified from the record, updated on that identifier.
    QString addOwn(const QString& role, QJsonObject resource);

    QString addPatient(const QString& treatingReference);
    QString practitionerUrl(const Physician& physician) const;
    QString addPractitioner(const Physician& physician);
    // The Practitioner itself, once per Bundle, merging the roles it plays in this record.
    void addPractitionerEntry(const Physician& physician, const QString& practitioner);
    QString addOrganization(const QString& finess, const QString& kind, const QString& name);
    QString addSpecimen(const QString& patient, const QString& site, const QString& request);
    QJsonArray addAskAtOrderEntry(const QString& patient, const QString& request,
                                  const QString& specimen);
    QString addServiceRequest(const QString& patient, const QString& lab, const QString& prescriber,
                              const QJsonArray& supportingInfo);
    QString addResult(const QString& patient, const QString& lab, const QString& request,
                      const QString& specimen);
    QString addDiagnosticReport(const QString& patient, const QString& lab, const QString& request,
                                const QString& specimen, const QString& result);
    void addProvenance(const QStringList& targets, const QString& agent);

    const SamplingRecord& m_record;
    QString m_siteFiness;
    BundleOptions m_options;
    QJsonArray m_entries;
    QStringList m_urls; // fullUrls already in the Bundle (shared resources come once)
};
