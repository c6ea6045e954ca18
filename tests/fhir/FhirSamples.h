#pragma once

#include "FhirBundle.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

// Records that exercise every field of Annex 1 and every shape of Bundle: registrations
// without a result, each result value, reports, corrections, cancellations and amendments,
// every identity status (the INS sent only when qualified) and INS authority, relatives'
// contacts, both physicians (the same person or not), both FINESS kinds, a birth abroad, a
// sampling site other than the lab.
namespace FhirSamples {

inline QByteArray samplePdf()
{
    return QByteArrayLiteral(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
}

struct Sample
{
    SamplingRecord record;
    QString siteFiness;
    BundleOptions options;
};

inline Sample sample(int i)
{
    Sample s;
    SamplingRecord& r = s.record;
    r = TestSupport::validRecord(i);
    // Stable ids, so that the same sample always gives the same Bundle.
    r.id =
        QUuid::createUuidV5(QUuid(u"6f1b6c52-6d43-4a43-9b5e-0c8f6a1d2e10"_s), QString::number(i));
    r.status = RecordStatus::Sampled;
    s.siteFiness = TestSupport::SiteFiness;

    const QStringList onsets = {u"asymptomatic"_s, u"very_recent"_s, u"recent"_s,
                                u"old"_s,          u"very_old"_s,    u"unknown"_s};
    r.symptomOnset = onsets.at(i % onsets.size());
    if (r.symptomOnset == u"asymptomatic"_s || (r.symptomOnset == u"unknown"_s && i % 4 == 3))
        r.symptoms.clear(); // "unknown" both with symptoms (Y) and without (UNK)
    else if (i % 3 == 0)
        r.symptoms = {u"anosmia_ageusia"_s, u"fatigue_pain"_s, u"diarrhea"_s, u"breathing"_s,
                      u"sore_throat"_s};
    if (i % 4 == 1)
        r.residence = {u"ehpad"_s, u"hospitalized"_s};
    if (i % 4 == 2)
        r.residence = {u"prison"_s, u"collective_other"_s};
    if (i % 7 == 3)
        r.healthProfessional.reset();
    else
        r.healthProfessional = i % 2 == 0;

    // The identity: qualified (its INS travels) for odd samples; the others keep their INS
    // home, whatever their status.
    const QStringList unqualified = {u"provisional"_s, u"retrieved"_s, u"validated"_s};
    r.patient.identityStatus = unqualified.at((i / 2) % unqualified.size());
    if (i % 2 == 1) {
        r.patient.usualName = u"Dupont-Usuel"_s;
        r.patient.firstNames += u" Marie Anne"_s; // given names split on spaces
        r.patient.identityStatus = u"qualified"_s;
        if (i % 8 == 7)
            r.patient.insOid = u"1.2.250.1.213.1.4.9"_s; // an NIA: same key, other authority
        else if (i % 10 == 3)
            r.patient.insOid = u"1.2.250.1.213.1.4.10"_s; // test matricule
        else if (i % 10 == 9)
            r.patient.insOid = u"1.2.250.1.213.1.4.11"_s; // demo matricule
        if (i % 14 == 13) {
            // The usual name only: no official name, so not qualified (FR Core Patient INS
            // requires the official name); the INS stays home.
            r.patient.birthName.clear();
            r.patient.identityStatus = u"validated"_s;
        }
        r.patient.openingRightsNir = TestSupport::nirWithKey(u"1630375116003"_s);
        r.contact.landlinePhone = u"+33145678901"_s;
        r.contact.emailOwner = u"relative"_s;
        r.contact.mobilePhoneOwner = u"relative"_s;
        r.contact.address.lines = {u"Bâtiment B"_s, u"12 rue des Lilas"_s, u"Appartement 3"_s};
        r.contact.address.country = u"FR"_s;
        r.patient.birthPlace = u"2A004"_s;
        r.specimen.finessKind = u"legal"_s;
        r.specimen.type = u"258500001"_s;
        r.treatingPhysician.adeli = u"751234567"_s;
        r.treatingPhysician.familyName = u"Bernard"_s;
        r.treatingPhysician.givenName = u"Claire"_s;
        r.treatingPhysician.mssante = u"claire.bernard@medecin.mssante.fr"_s;
        r.treatingPhysician.structure = {u"Cabinet des Lilas"_s,
                                         u"3 place du Marché, 75011 Paris"_s, u"+33140000000"_s};
        r.prescriber.givenName = u"Jean Paul"_s;
        if (i % 12 == 9)
            r.patient.birthPlace = u"99109"_s; // born in Germany
        s.options.siteName = u"Centre de prélèvement de l'hôpital"_s;
    }
    if (i % 9 == 4) // the prescriber is the treating physician: one Practitioner
        r.treatingPhysician = r.prescriber;
    if (i % 6 == 5)
        s.siteFiness = u"920000650"_s; // the sampling site is not the lab

    // One record in five has no result yet; the others cycle through the values.
    if (i % 5 != 0) {
        const QString values[] = {u"P"_s, u"N"_s, u"I"_s, u"X"_s};
        r.result.value = values[i % 4];
        r.result.analysis = i % 3 == 0 ? u"94558-4"_s : u"94500-6"_s;
        const QDateTime collected = QDateTime::fromString(r.specimen.collectedAt, Qt::ISODate);
        r.result.validatedAt = collected.addSecs(1800).toString(Qt::ISODate);
        if (r.result.value == u"X"_s)
            r.result.nonConformity = u"tube cassé à réception"_s;
        if (i % 3 != 2)
            r.result.reportPdf = samplePdf();
        r.status = RecordStatus::Resulted;
        r.version = 2;
        if (i % 10 == 4) {
            s.options.correction = u"corrected"_s;
            s.options.change = BundleOptions::Change::Correction;
            s.options.reason = u"résultat saisi sur le mauvais tube"_s;
            s.options.changedAt = collected.addSecs(7200).toUTC();
            r.version = 3;
        }
    }
    if (i % 10 == 5) { // a cancelled result: no value left, sent as entered in error
        r.result = {};
        r.status = RecordStatus::Resulted;
        r.version = 3;
        s.options.correction = u"entered-in-error"_s;
        s.options.change = BundleOptions::Change::Cancellation;
        s.options.reason = u"tube non conforme découvert après validation"_s;
        s.options.changedAt =
            QDateTime::fromString(r.specimen.collectedAt, Qt::ISODate).addDays(1).toUTC();
    }
    if (i % 10 == 6) { // the sampling data corrected after it was sent
        s.options.change = BundleOptions::Change::Amendment;
        s.options.reason = u"erreur de saisie du prénom"_s;
        s.options.changedAt =
            QDateTime::fromString(r.specimen.collectedAt, Qt::ISODate).addSecs(600).toUTC();
        r.version += 1;
    }
    return s;
}

} // namespace FhirSamples
