#include "FhirBundle.h"

#include "FhirDefinitions.h"
#include "FhirReader.h"
#include "FhirWriter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

QJsonObject FhirBundle::fromRecord(const SamplingRecord& record, const QString& siteFiness,
                                   const BundleOptions& options)
{
    return FhirWriter(record, siteFiness, options).bundle();
}

bool FhirBundle::parse(const QJsonObject& bundle, SamplingRecord* record, QString* siteFiness,
                       QList<Problem>* problems, BundleOptions* options, QByteArrayView compactText)
{
    return FhirReader::read(bundle, record, siteFiness, problems, options, compactText);
}

bool FhirBundle::recordVersion(const QJsonObject& bundle, QUuid* record, int* version)
{
    const QJsonArray extensions =
        bundle.value(u"meta"_s).toObject().value(u"extension"_s).toArray();
    for (const QJsonValue& value : extensions) {
        const QJsonObject extension = value.toObject();
        if (extension.value(u"url"_s).toString() != Fhir::RecordVersionExtension)
            continue;
        *record = {};
        *version = 0;
        for (const QJsonValue& part : extension.value(u"extension"_s).toArray()) {
            const QJsonObject object = part.toObject();
            const QString url = object.value(u"url"_s).toString();
            const QString uuid = object.value(u"valueUuid"_s).toString();
            if (url == u"record"_s && uuid.startsWith(u"urn:uuid:"_s))
                *record = QUuid::fromString(QStringView(uuid).mid(9));
            else if (url == u"version"_s)
                *version = object.value(u"valuePositiveInt"_s).toInt();
        }
        return !record->isNull() && *version > 0;
    }
    return false;
}
