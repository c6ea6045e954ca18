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

// Sets a resource's element: entry `index`, key `key`.
QJsonObject withResourceValue(QJsonObject bundle, qsizetype index, const QString& key,
                              const QJsonValue& value)
{
    QJsonArray entries = bundle.value(u"entry"_s).toArray();
    QJsonObject entry = entries.at(index).toObject();
    QJsonObject resource = entry.value(u"resource"_s).toObject();
    resource.insert(key, value);
    entry.insert(u"resource"_s, resource);
    entries[index] = entry;
    bundle.insert(u"entry"_s, entries);
    return bundle;
}

QJsonObject broken(QJsonObject bundle, int defect)
{
    const qsizetype last = bundle.value(u"entry"_s).toArray().size() - 1;
    switch (defect % 9) {
    case 0:
        return withResourceValue(bundle, 0, u"gender"_s, u"woman"_s);
    case 1:
        return withResourceValue(bundle, 0, u"birthDate"_s, u"21/10/1995"_s);
    case 2:
        return withResourceValue(bundle, last, u"effectiveDateTime"_s, u"2020-05-05T10:00+02:00"_s);
    case 3:
        return withResourceValue(bundle, 0, u"favouriteColour"_s, u"blue"_s);
    case 4:
        return withResourceValue(
            bundle, last, u"subject"_s,
            QJsonObject{{u"reference"_s, u"urn:uuid:00000000-0000-0000-0000-000000000000"_s}});
    case 5: {
        QJsonArray entries = bundle.value(u"entry"_s).toArray();
        QJsonObject entry = entries.at(1).toObject();
        entry.insert(u"fullUrl"_s, entries.at(0)[u"fullUrl"_s]);
        entries[1] = entry;
        bundle.insert(u"entry"_s, entries);
        return bundle;
    }
    case 6:
        return withResourceValue(bundle, last, u"status"_s, u"done"_s);
    case 7:
        return withResourceValue(bundle, 0, u"name"_s,
                                 QJsonArray{QJsonObject{{u"family"_s, u""_s}}});
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
