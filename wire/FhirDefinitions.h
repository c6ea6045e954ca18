#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <optional>

// Every URL, system and code the portal's FHIR uses, in one place: FR Core 2.1.0 (the
// ANS/Interop'Santé profiles for France) and the international terminologies wherever they
// define something, and our own definitions (resources/fhir/) for the rest, under one
// canonical base read from resources/fhir/package.json at build time. The writer and the
// reader both take their words from here, so they cannot drift apart; docs/fhir-mapping.md
// explains each choice.
namespace Fhir {

// Our canonical base (no trailing slash) and the URLs of our own definitions under it.
QString canonicalBase();
QString ourStructureDefinition(const QString& id);
QString ourCodeSystem(const QString& id);
QString ourValueSet(const QString& id);
QString ourNamingSystem(const QString& id);

// International systems.
extern const QString Rfc3986;
extern const QString Loinc;
extern const QString Snomed;
extern const QString YesNo;            // HL7 v2 table 0136
extern const QString NullFlavor;       // v3 NullFlavor (UNK)
extern const QString DataAbsentReason; // data-absent-reason
extern const QString ObservationCategory;
extern const QString DiagnosticServiceSection; // HL7 v2 table 0074 (LAB)
extern const QString HL7IdentifierType;        // HL7 v2 table 0203 (NH)
extern const QString DataOperation;            // v3 DataOperation (UPDATE, NULLIFY)
extern const QString BirthPlaceExtension;      // patient-birthPlace

// FR Core 2.1.0.
extern const QString FrCoreVersion;
extern const QString FrCorePatientProfile;
extern const QString FrCorePatientInsProfile;
extern const QString FrCorePractitionerProfile;
extern const QString FrCoreOrganizationProfile;
extern const QString FrIdentifierType;      // fr-core-cs-v2-0203
extern const QString FrIdentityReliability; // fr-core-cs-v2-0445 (PROV, VALI)
extern const QString IdentityReliabilityExtension;
extern const QString BirthListGivenNameExtension;
extern const QString AddressInseeCodeExtension;
extern const QString EmailTypeExtension;
extern const QString FrOrganizationType; // fr-core-cs-v2-3307
extern const QString FinessSystem;       // https://finess.esante.gouv.fr
extern const QString IdNatPsSystem;      // urn:oid:1.2.250.1.71.4.2.1
// Nomenclatures of the ANS's national code server (NOS) that FR Core binds to.
extern const QString CogCommunes;    // TRE_R13 CommuneOM
extern const QString CogCountries;   // TRE_R20 Pays
extern const QString MessagingTypes; // TRE_R256 TypeMessagerie (MSSANTE)
extern const QString RelationTypes;  // TRE_R216 HL7RoleCode (FRND: autre proche)

// Our own.
extern const QString RecordVersionExtension;
extern const QString BundleProfile;
extern const QString PatientProfile;
extern const QString LabResultProfile;
extern const QString AskAtOrderEntryProfile;
extern const QString SpecimenProfile;
extern const QString ServiceRequestProfile;
extern const QString DiagnosticReportProfile;
extern const QString ResidenceCodeSystem;
extern const QString SymptomCodeSystem;
extern const QString IdentityStatusCodeSystem; // what FR Core 2.1.0 has no code for
QString accessionSystem(const QString& labFiness);

// The INS authorities and how FR Core types each matricule.
struct InsAuthority
{
    QString oid;
    QString typeCode; // INS-NIR, INS-NIA, INS-NIR-TEST, INS-NIR-DEMO
    QString use;      // official, or temp for an NIA
};
extern const QList<InsAuthority> InsAuthorities;
std::optional<InsAuthority> insAuthority(const QString& oid);
QString oidSystem(const QString& oid); // urn:oid:...

// LOINC codes of the test and of the ask-at-order-entry questions.
extern const QString DefaultAnalysis;
extern const QString DefaultSpecimenType;
extern const QString HasSymptomsCode;    // 95419-8
extern const QString SymptomOnsetCode;   // 65222-2
extern const QString SymptomCode;        // 75325-1 (one component per symptom)
extern const QString ResidenceCode;      // 75617-1
extern const QString HealthcareWorkCode; // 95418-0

// An Annex 1 value and its coding.
struct Coded
{
    QString value; // the annex1.md key or letter
    QString system;
    QString code;
    QString display;
};
// P, N, I, X: the JDV Résultat qualitatif (SNOMED CT).
extern const QList<Coded> ResultCodes;
// fever, cough...: SNOMED CT where one concept says the same; ours for the two Annex 1
// answers that join two findings ("perte de goût ou d'odorat", "fatigue ou douleurs").
extern const QList<Coded> SymptomCodes;
// individual, hospitalized...: ours (LOINC 75617-1 has no answer list for them).
extern const QList<Coded> ResidenceCodes;
// provisional, retrieved, validated (qualified is validated + the INS, as FR Core 2.1.0
// says with its fr-core-1 rule).
extern const QList<Coded> IdentityStatusCodes;
std::optional<Coded> byValue(const QList<Coded>& codes, const QString& value);
std::optional<Coded> byCode(const QList<Coded>& codes, const QString& system, const QString& code);

// Whether a URL names a placeholder host (example.org, *.example, *.test, *.invalid,
// localhost): nothing the national side could ever resolve.
bool isPlaceholderUrl(const QString& text);
// Whether a Bundle may hold such a URL, read from its compact JSON text as
// JsonText::compact() writes it: false only when no string of the text that starts with
// http:// or https:// has an authority isPlaceholderUrl() would look into. On the sample
// Bundles of the FHIR tests it costs 7 µs a Bundle, where walking every value costs 30
// to 40.
bool mayHoldPlaceholderUrl(QByteArrayView compactJson);

} // namespace Fhir
