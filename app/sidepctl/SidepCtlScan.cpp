// sidepctl scan IMAGE: the codes an image holds (tube labels, INS DataMatrix) as JSON, read
// by the same decoder the camera and the image import use.

#include "BarcodeDecoder.h"
#include "InsDataMatrix.h"
#include "SidepCtl.h"

#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

int SidepCtl::scan(const CommandArguments& args)
{
    if (args.positional().size() != 1)
        return usage(tr("scan needs one image file"));
    const QString path = args.positional(0);

    // QImageReader needs no GUI application: PNG is built in, JPEG is a plugin found by
    // QCoreApplication's library paths.
    QImageReader reader(path);
    reader.setAutoTransform(true); // photos carry their orientation in EXIF
    const QImage image = reader.read();
    if (image.isNull())
        return fail(NotFound, tr("cannot read the image %1: %2").arg(path, reader.errorString()));

    const QList<DecodedBarcode> codes = BarcodeDecoder::decode(image);
    if (codes.isEmpty())
        return fail(NotFound, tr("no code found in %1").arg(path));

    QJsonArray found;
    bool usable = false;
    bool malformedIns = false;
    QStringList reasons;
    for (const DecodedBarcode& code : codes) {
        const CodeClassification classification = BarcodeDecoder::classify(code.text);
        QJsonObject object{
            {u"symbology"_s, code.symbology},
            {u"text"_s, code.text},
            {u"kind"_s, CodeClassification::kindName(classification.kind)},
        };
        switch (classification.kind) {
        case CodeClassification::Kind::InsDataMatrix:
            object.insert(u"identity"_s, InsDataMatrix::patientJson(classification.identity));
            usable = true;
            break;
        case CodeClassification::Kind::TubeLabel:
            usable = true;
            break;
        case CodeClassification::Kind::Unknown:
            object.insert(u"rule"_s, classification.rule);
            object.insert(u"reason"_s, classification.reason);
            malformedIns = malformedIns || classification.malformedIns;
            reasons.append(
                tr("%1: %2 [%3]").arg(code.symbology, classification.reason, classification.rule));
            break;
        }
        found.append(object);
    }
    const QJsonDocument document =
        found.size() == 1 ? QJsonDocument(found.first().toObject()) : QJsonDocument(found);
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));

    // A refused INS DataMatrix is an error even beside a tube label: the identity the user
    // meant to read was not taken.
    if (malformedIns || !usable) {
        for (const QString& reason : std::as_const(reasons))
            fail(Invalid, reason);
        return Invalid;
    }
    return Success;
}
