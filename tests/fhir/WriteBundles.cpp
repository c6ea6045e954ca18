// Writes FHIR Bundles for many sample records as NDJSON, for the independent validator
// (validate-bundles.mjs). Usage: fhir_bundle_writer FILE [COUNT] [--broken|--broken-profile]
// With --broken, each Bundle carries one defect a FHIR validator must catch, to prove that
// the validator is not accepting everything. With --broken-profile, each carries one defect
// the FHIR R4 schema accepts and only our profiles (resources/fhir) forbid, to prove that
// the profile check bites.
#include "FhirDefinitions.h"
#include "FhirSamples.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <cstdio>

namespace {

// The index of the first entry whose resource is of `type`.
qsizetype indexOf(const QJsonObject& bundle, const QString& type)
{
    const QJsonArray entries = bundle.value(u"entry"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i)[u"resource"_s][u"resourceType"_s].toString() == type)
            return i;
    }
    return 0;
}

// Sets an element of the first resource of `type`.
QJsonObject withResourceValue(QJsonObject bundle, const QString& type, const QString& key,
                              const QJsonValue& value)
{
    const qsizetype index = indexOf(bundle, type);
    QJsonArray entries = bundle.value(u"entry"_s).toArray();
    QJsonObject entry = entries.at(index).toObject();
    QJsonObject resource = entry.value(u"resource"_s).toObject();
    resource.insert(key, value);
    entry.insert(u"resource"_s, resource);
    entries[index] = entry;
    bundle.insert(u"entry"_s, entries);
    return bundle;
}

// One defect per Bundle, each aimed at the resource it breaks (the entries' order is the
// writer's business: Organizations and Practitioners come before the Patient).
QJsonObject broken(QJsonObject bundle, int defect)
{
    switch (defect % 11) {
    case 0:
        return withResourceValue(bundle, u"Patient"_s, u"gender"_s, u"woman"_s);
    case 1:
        return withResourceValue(bundle, u"Patient"_s, u"birthDate"_s, u"21/10/1995"_s);
    case 2: // a time without seconds is no FHIR dateTime
        return withResourceValue(bundle, u"Observation"_s, u"effectiveDateTime"_s,
                                 u"2020-05-05T10:00+02:00"_s);
    case 3:
        return withResourceValue(bundle, u"Patient"_s, u"favouriteColour"_s, u"blue"_s);
    case 4:
        return withResourceValue(
            bundle, u"Specimen"_s, u"subject"_s,
            QJsonObject{{u"reference"_s, u"urn:uuid:00000000-0000-0000-0000-000000000000"_s}});
    case 5: {
        QJsonArray entries = bundle.value(u"entry"_s).toArray();
        QJsonObject entry = entries.at(1).toObject();
        entry.insert(u"fullUrl"_s, entries.at(0)[u"fullUrl"_s]);
        entries[1] = entry;
        bundle.insert(u"entry"_s, entries);
        return bundle;
    }
    case 6: // (the schema types codes as strings only: a status outside its list passes)
        return withResourceValue(bundle, u"ServiceRequest"_s, u"authoredOn"_s, u"05/05/2020"_s);
    case 7:
        return withResourceValue(bundle, u"Patient"_s, u"name"_s,
                                 QJsonArray{QJsonObject{{u"family"_s, u""_s}}});
    case 8: // Organization.type is a list
        return withResourceValue(bundle, u"Organization"_s, u"type"_s,
                                 QJsonObject{{u"text"_s, u"laboratoire"_s}});
    case 9:
        return withResourceValue(bundle, u"Specimen"_s, u"collection"_s,
                                 QJsonObject{{u"collectedDateTime"_s, u"hier à 10 h"_s}});
    default:
        bundle.insert(u"type"_s, u"transactions"_s);
        return bundle;
    }
}

// The first resource claiming one of our profiles, edited.
QJsonObject editProfiled(QJsonObject bundle, const QString& profile,
                         const std::function<void(QJsonObject&)>& edit)
{
    QJsonArray entries = bundle.value(u"entry"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QJsonObject entry = entries.at(i).toObject();
        QJsonObject resource = entry.value(u"resource"_s).toObject();
        if (!resource[u"meta"_s][u"profile"_s].toArray().contains(profile))
            continue;
        edit(resource);
        entry.insert(u"resource"_s, resource);
        entries[i] = entry;
        break;
    }
    bundle.insert(u"entry"_s, entries);
    return bundle;
}

QJsonObject codeable(const QString& system, const QString& code)
{
    return QJsonObject{
        {u"coding"_s, QJsonArray{QJsonObject{{u"system"_s, system}, {u"code"_s, code}}}}};
}

// One defect per Bundle that the base specification allows and our profiles do not: a
// code outside our value sets or code systems, a required extension missing, a fixed or
// pattern value changed, a cardinality broken, an extension value of the wrong type.
QJsonObject brokenProfile(QJsonObject bundle, int defect)
{
    switch (defect % 11) {
    case 0: // a residence type our code system does not have
        return editProfiled(bundle, Fhir::AskAtOrderEntryProfile, [](QJsonObject& r) {
            r[u"valueCodeableConcept"_s] = codeable(Fhir::ResidenceCodeSystem, u"castle"_s);
        });
    case 1: // a real SNOMED CT symptom (headache) that Annex 1 does not list
        return editProfiled(bundle, Fhir::AskAtOrderEntryProfile, [](QJsonObject& r) {
            r[u"component"_s] = QJsonArray{
                QJsonObject{{u"code"_s, codeable(Fhir::Loinc, Fhir::SymptomCode)},
                            {u"valueCodeableConcept"_s, codeable(Fhir::Snomed, u"25064002"_s)}}};
        });
    case 2: { // the record-version extension missing
        QJsonObject meta = bundle.value(u"meta"_s).toObject();
        meta.remove(u"extension"_s);
        bundle.insert(u"meta"_s, meta);
        return bundle;
    }
    case 3: { // the version as an integer, where the extension says positiveInt
        QJsonObject meta = bundle.value(u"meta"_s).toObject();
        QJsonObject version = meta[u"extension"_s][0].toObject();
        QJsonArray parts = version[u"extension"_s].toArray();
        parts[1] = QJsonObject{{u"url"_s, u"version"_s}, {u"valueInteger"_s, 2}};
        version[u"extension"_s] = parts;
        meta[u"extension"_s] = QJsonArray{version};
        bundle.insert(u"meta"_s, meta);
        return bundle;
    }
    case 4: // a Patient that does not state its identity's reliability
        return editProfiled(bundle, Fhir::PatientProfile, [](QJsonObject& r) {
            QJsonArray kept;
            for (const QJsonValue& extension : r[u"extension"_s].toArray()) {
                if (extension[u"url"_s] != Fhir::IdentityReliabilityExtension)
                    kept.append(extension);
            }
            if (kept.isEmpty())
                r.remove(u"extension"_s);
            else
                r[u"extension"_s] = kept;
        });
    case 5: // a status outside the result's (the schema has "preliminary" in its list)
        return editProfiled(bundle, Fhir::LabResultProfile,
                            [](QJsonObject& r) { r[u"status"_s] = u"preliminary"_s; });
    case 6: // an intent other than the fixed "order"
        return editProfiled(bundle, Fhir::ServiceRequestProfile,
                            [](QJsonObject& r) { r[u"intent"_s] = u"plan"_s; });
    case 7: // a tube without its collection time
        return editProfiled(bundle, Fhir::SpecimenProfile,
                            [](QJsonObject& r) { r.remove(u"collection"_s); });
    case 8: // a report of another category than the pattern's LAB
        return editProfiled(bundle, Fhir::DiagnosticReportProfile, [](QJsonObject& r) {
            r[u"category"_s] = QJsonArray{codeable(Fhir::DiagnosticServiceSection, u"MB"_s)};
        });
    case 9: { // a request method transactions allow but ours never use
        QJsonArray entries = bundle.value(u"entry"_s).toArray();
        QJsonObject entry = entries.at(0).toObject();
        entry[u"request"_s] =
            QJsonObject{{u"method"_s, u"DELETE"_s}, {u"url"_s, u"Organization?identifier=x"_s}};
        entries[0] = entry;
        bundle.insert(u"entry"_s, entries);
        return bundle;
    }
    default: // a profile under our base that the package does not define
        return editProfiled(bundle, Fhir::PatientProfile, [](QJsonObject& r) {
            QJsonObject meta = r[u"meta"_s].toObject();
            meta[u"profile"_s] = QJsonArray{Fhir::FrCorePatientProfile,
                                            Fhir::ourStructureDefinition(u"sidep-person"_s)};
            r[u"meta"_s] = meta;
        });
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: fhir_bundle_writer FILE [COUNT]\n");
        return 2;
    }
    const int count = args.size() > 2 ? args.at(2).toInt() : 60;
    const bool makeBroken = args.contains(u"--broken"_s);
    const bool makeProfileBroken = args.contains(u"--broken-profile"_s);
    QSaveFile file(args.at(1));
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(1)));
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        // Profile defects need a result to break: every fifth sample but the first has one.
        const FhirSamples::Sample s = FhirSamples::sample(makeProfileBroken ? 5 * i + 1 : i);
        BundleOptions options = s.options;
        options.timestamp = QDateTime::currentDateTimeUtc();
        QJsonObject bundle = FhirBundle::fromRecord(s.record, s.siteFiness, options);
        if (makeBroken)
            bundle = broken(bundle, i);
        if (makeProfileBroken)
            bundle = brokenProfile(bundle, i);
        file.write(QJsonDocument(bundle).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    return file.commit() ? 0 : 1;
}
