// Writes FHIR Bundles for many sample records as NDJSON, for the independent validator
// (validate-bundles.mjs). Usage: fhir_bundle_writer FILE [COUNT] [--broken]
// With --broken, each Bundle carries one defect a FHIR validator must catch, to prove that
// the validator is not accepting everything.
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
    QSaveFile file(args.at(1));
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(1)));
        return 1;
    }
    for (int i = 0; i < count; ++i) {
        const FhirSamples::Sample s = FhirSamples::sample(i);
        BundleOptions options = s.options;
        options.timestamp = QDateTime::currentDateTimeUtc();
        QJsonObject bundle = FhirBundle::fromRecord(s.record, s.siteFiness, options);
        if (makeBroken)
            bundle = broken(bundle, i);
        file.write(QJsonDocument(bundle).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    return file.commit() ? 0 : 1;
}
