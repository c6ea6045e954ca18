#include "BarcodeEncoder.h"
#include "InsDataMatrix.h"
#include "SidepCtl.h"
#include "SidepCtlRun.h"

#include <QFile>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Symbology = BarcodeEncoder::Symbology;

const QString TubeLabel = u"CHU75-2020-000123"_s;

using Run = SidepCtlRun;

InsIdentity exampleIdentity()
{
    return {u"185057512345673"_s,
            u"1.2.250.1.213.1.4.8"_s,
            u"ADA"_s,
            u"LOVELACE"_s,
            u"F"_s,
            QDate(1815, 12, 10),
            u"99100"_s};
}

// A printed page around the code: white margin, so that the quiet zone is not the edge.
QImage onPage(const QList<QImage>& codes)
{
    int width = 40;
    int height = 0;
    for (const QImage& code : codes) {
        width += code.width() + 40;
        height = std::max(height, code.height());
    }
    QImage page(width, height + 80, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    int x = 40;
    for (const QImage& code : codes) {
        painter.drawImage(QPoint(x, 40), code);
        x += code.width() + 40;
    }
    painter.end();
    return page;
}

QImage code(const QString& text, Symbology symbology)
{
    return BarcodeEncoder::encode(text, symbology, 4);
}

} // namespace

// sidepctl scan run in-process: images written to a temporary folder, the JSON it prints
// and its exit codes.
class TestSidepCtlScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tubeLabel();
    void insDataMatrix();
    void jpegPhoto();
    void severalCodesGiveAnArray();
    void noCodeIsNotFound();
    void unreadableFileIsNotFound_data();
    void unreadableFileIsNotFound();
    void malformedInsIsInvalid();
    void malformedInsBesideATubeLabelIsInvalid();
    void unknownCodeIsInvalid();
    void usage_data();
    void usage();

private:
    QString save(const QImage& image, const QString& name, const char* format = "png");

    QTemporaryDir m_dir;
};

void TestSidepCtlScan::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // scan needs no store; none may be touched anyway.
    QStandardPaths::setTestModeEnabled(true);
    qputenv("SIDEP_DB", QFile::encodeName(m_dir.filePath(u"no-store.db"_s)));
}

QString TestSidepCtlScan::save(const QImage& image, const QString& name, const char* format)
{
    const QString path = m_dir.filePath(name);
    QImageWriter writer(path, format);
    if (qstrcmp(format, "jpg") == 0)
        writer.setQuality(90);
    if (!writer.write(image))
        qWarning("cannot write %s: %s", qPrintable(path), qPrintable(writer.errorString()));
    return path;
}

void TestSidepCtlScan::tubeLabel()
{
    const QString path = save(onPage({code(TubeLabel, Symbology::Code128)}), u"tube.png"_s);
    const Run run = runSidepCtl({u"scan"_s, path});
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8());
    QVERIFY(document.isObject());
    const QJsonObject expected{
        {u"symbology"_s, u"Code128"_s},
        {u"text"_s, TubeLabel},
        {u"kind"_s, u"tubeLabel"_s},
    };
    QCOMPARE(document.object(), expected);
}

void TestSidepCtlScan::insDataMatrix()
{
    const QString payload = InsDataMatrix::toPayload(exampleIdentity());
    const QString path = save(onPage({code(payload, Symbology::DataMatrix)}), u"ins.png"_s);
    const Run run = runSidepCtl({u"scan"_s, path});
    QCOMPARE(run.code, int(SidepCtl::Success));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(object.value(u"symbology"_s).toString(), u"DataMatrix"_s);
    QCOMPARE(object.value(u"kind"_s).toString(), u"insDataMatrix"_s);
    QCOMPARE(object.value(u"text"_s).toString(), payload);
    const QJsonObject identity{
        {u"ins"_s, u"185057512345673"_s},
        {u"insOid"_s, u"1.2.250.1.213.1.4.8"_s},
        {u"firstNames"_s, u"ADA"_s},
        {u"birthName"_s, u"LOVELACE"_s},
        {u"sex"_s, u"F"_s},
        {u"birthDate"_s, u"1815-12-10"_s},
        {u"birthPlace"_s, u"99100"_s},
        {u"identityStatus"_s, u"qualified"_s},
    };
    QCOMPARE(object.value(u"identity"_s).toObject(), identity);
}

void TestSidepCtlScan::jpegPhoto()
{
    // JPEG is a plugin: it must load in sidepctl's QCoreApplication too.
    const QString payload = InsDataMatrix::toPayload(exampleIdentity());
    const QString path =
        save(onPage({code(payload, Symbology::DataMatrix)}), u"photo.jpg"_s, "jpg");
    const Run run = runSidepCtl({u"scan"_s, path});
    QVERIFY2(run.code == SidepCtl::Success, qPrintable(run.err));
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"kind"_s).toString(),
             u"insDataMatrix"_s);
}

void TestSidepCtlScan::severalCodesGiveAnArray()
{
    const QString payload = InsDataMatrix::toPayload(exampleIdentity());
    const QString path =
        save(onPage({code(TubeLabel, Symbology::Code128), code(payload, Symbology::DataMatrix)}),
             u"label-and-ins.png"_s);
    const Run run = runSidepCtl({u"scan"_s, path});
    QCOMPARE(run.code, int(SidepCtl::Success));
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8());
    QVERIFY(document.isArray());
    QCOMPARE(document.array().size(), 2);
    QStringList kinds;
    for (const QJsonValue& value : document.array())
        kinds.append(value.toObject().value(u"kind"_s).toString());
    kinds.sort();
    QCOMPARE(kinds, QStringList({u"insDataMatrix"_s, u"tubeLabel"_s}));
}

void TestSidepCtlScan::noCodeIsNotFound()
{
    QImage blank(800, 600, QImage::Format_RGB32);
    blank.fill(Qt::white);
    const Run run = runSidepCtl({u"scan"_s, save(blank, u"blank.png"_s)});
    QCOMPARE(run.code, int(SidepCtl::NotFound));
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains(u"no code"_s));
}

void TestSidepCtlScan::unreadableFileIsNotFound_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("missing file") << u"missing.png"_s << QByteArray();
    QTest::newRow("not an image") << u"notes.txt"_s << QByteArray("not an image\n");
    QTest::newRow("truncated PNG") << u"truncated.png"_s << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10);
    QTest::newRow("empty file") << u"empty.png"_s << QByteArray("");
}

void TestSidepCtlScan::unreadableFileIsNotFound()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);

    const QString path = m_dir.filePath(name);
    if (name != u"missing.png"_s) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const Run run = runSidepCtl({u"scan"_s, path});
    QCOMPARE(run.code, int(SidepCtl::NotFound));
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains(u"cannot read"_s));
}

void TestSidepCtlScan::malformedInsIsInvalid()
{
    InsIdentity badKey = exampleIdentity();
    badKey.matricule = u"185057512345674"_s;
    const QString path =
        save(onPage({code(InsDataMatrix::toPayload(badKey), Symbology::DataMatrix)}), u"bad.png"_s);
    const Run run = runSidepCtl({u"scan"_s, path});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY2(run.err.contains(u"[nir.key]"_s), qPrintable(run.err));
    // The reason never repeats the identity.
    for (const QString& value : {u"185057512345674"_s, u"LOVELACE"_s, u"ADA"_s, u"1815"_s})
        QVERIFY2(!run.err.contains(value), qPrintable(run.err));
    const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(object.value(u"kind"_s).toString(), u"unknown"_s);
    QCOMPARE(object.value(u"rule"_s).toString(), u"nir.key"_s);
    QVERIFY(!object.contains(u"identity"_s));
}

void TestSidepCtlScan::malformedInsBesideATubeLabelIsInvalid()
{
    const QString payload = InsDataMatrix::toPayload(exampleIdentity()).replace(u"S5F"_s, u"S5X"_s);
    const QString path =
        save(onPage({code(TubeLabel, Symbology::Code128), code(payload, Symbology::DataMatrix)}),
             u"label-and-bad-ins.png"_s);
    const Run run = runSidepCtl({u"scan"_s, path});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY2(run.err.contains(u"[ins.S5.value]"_s), qPrintable(run.err));
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 2);
}

void TestSidepCtlScan::unknownCodeIsInvalid()
{
    const QString path =
        save(onPage({code(u"https://bonjour.tousanticovid.gouv.fr/app/code/ABC123"_s,
                          Symbology::QRCode)}),
             u"qr.png"_s);
    const Run run = runSidepCtl({u"scan"_s, path});
    QCOMPARE(run.code, int(SidepCtl::Invalid));
    QVERIFY2(run.err.contains(u"[code.unknown]"_s), qPrintable(run.err));
    const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(object.value(u"symbology"_s).toString(), u"QRCode"_s);
    QCOMPARE(object.value(u"kind"_s).toString(), u"unknown"_s);
}

void TestSidepCtlScan::usage_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("no image") << QStringList{u"scan"_s};
    QTest::newRow("two images") << QStringList{u"scan"_s, u"a.png"_s, u"b.png"_s};
    QTest::newRow("unknown option") << QStringList{u"scan"_s, u"a.png"_s, u"--fast"_s};
}

void TestSidepCtlScan::usage()
{
    QFETCH(QStringList, arguments);
    const Run run = runSidepCtl(arguments);
    QCOMPARE(run.code, int(SidepCtl::Usage));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestSidepCtlScan)
#include "TestSidepCtlScan.moc"
