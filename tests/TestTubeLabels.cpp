// Tube labels printed at the station: numbering, what the label carries (read back with
// ZXing, as an analyser would) and the print itself.

#include "BarcodeDecoder.h"
#include "Store.h"
#include "TestSupport.h"
#include "TubeLabelPrinter.h"

#include <QFile>
#include <QFontMetricsF>
#include <QPainter>
#include <QPrinter>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;

class TestTubeLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newLabelsAreNumberedAndNeverRepeat();
    void onlySamplingStaffPrintLabels();
    void labelReadsBackAsCode128AndDataMatrix_data();
    void labelReadsBackAsCode128AndDataMatrix();
    void longSiteNameNeverHidesTheDate_data();
    void longSiteNameNeverHidesTheDate();
    void batchPrintsOneLabelAPage();
};

void TestTubeLabels::newLabelsAreNumberedAndNeverRepeat()
{
    StoreFixture fixture;
    auto first = fixture.openAs(NurseName);
    auto second = fixture.openAs(NurseName); // another station on the same store
    TubeLabelPrinter one(*first);
    TubeLabelPrinter two(*second);
    QStringList a;
    QStringList b;
    QString error;
    const QDate printedOn(2021, 3, 15); // the year of the label is the printing day's
    QVERIFY(one.newLabels(3, &a, &error, printedOn));
    QVERIFY(two.newLabels(2, &b, &error, printedOn));
    QVERIFY(one.newLabels(1, &b, &error, printedOn));
    QCOMPARE(a.first(), u"S75-2021-000001"_s);
    QCOMPARE(b.first(), u"S75-2021-000006"_s);
    QSet<QString> all;
    for (const QString& label : a + QStringList{b})
        all.insert(label);
    QCOMPARE(all.size(), 4);
    for (const QString& label : a)
        QVERIFY(BarcodeDecoder::isTubeLabel(label));

    auto admin = fixture.openAs(AdminName);
    QVERIFY(admin->setSetting(u"labels.prefix"_s, u"CHU75"_s, &error));
    QStringList custom;
    QVERIFY(TubeLabelPrinter(*first).newLabels(1, &custom, &error, printedOn.addYears(1)));
    QCOMPARE(custom.first(), u"CHU75-2022-000007"_s); // numbers go on across the new year
    // The counter is the store's, not a setting anyone can rewind.
    QVERIFY(!admin->setSetting(u"labels.next"_s, u"1"_s, &error));
}

void TestTubeLabels::onlySamplingStaffPrintLabels()
{
    StoreFixture fixture;
    auto lab = fixture.openAs(LabName);
    QStringList labels;
    QString error;
    QVERIFY(!TubeLabelPrinter(*lab).newLabels(1, &labels, &error));
    QVERIFY(!error.isEmpty());
}

void TestTubeLabels::labelReadsBackAsCode128AndDataMatrix_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QSize>("size");
    QTest::newRow("50x25 mm at 300 dpi") << u"S75-2026-000042"_s << QSize(591, 295);
    QTest::newRow("50x25 mm at 203 dpi") << u"CHU75-2020-000123"_s << QSize(400, 200);
    QTest::newRow("short label") << u"AB12"_s << QSize(591, 295);
    QTest::newRow("long pre-printed label")
        << u"LABO-CHU-BORDEAUX-2020-000123"_s << QSize(827, 413);
}

void TestTubeLabels::labelReadsBackAsCode128AndDataMatrix()
{
    QFETCH(QString, label);
    QFETCH(QSize, size);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    TubeLabelPrinter::paint(painter, QRectF(QPointF(0, 0), size), label, u"CHU test"_s,
                            QDate(2026, 11, 28));
    painter.end();
    QSet<QString> symbologies;
    for (const DecodedBarcode& code : BarcodeDecoder::decode(image)) {
        QCOMPARE(code.text, label);
        symbologies.insert(code.symbology);
    }
    QVERIFY2(symbologies.contains(u"Code128"_s),
             qPrintable(QStringList(symbologies.values()).join(u',')));
    QVERIFY(symbologies.contains(u"DataMatrix"_s));
}

void TestTubeLabels::longSiteNameNeverHidesTheDate_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<qreal>("width");
    QTest::addColumn<bool>("siteInFull");
    QTest::newRow("short name, wide line") << u"CHU test"_s << 400.0 << true;
    QTest::newRow("long name, 203 dpi label")
        << u"Centre hospitalier universitaire de Pointe-à-Pitre – Les Abymes"_s << 250.0 << false;
    QTest::newRow("line narrower than the date") << u"CHU de Bordeaux"_s << 10.0 << false;
}

void TestTubeLabels::longSiteNameNeverHidesTheDate()
{
    QFETCH(QString, site);
    QFETCH(qreal, width);
    QFETCH(bool, siteInFull);
    QFont font;
    font.setPixelSize(20);
    const QFontMetricsF metrics(font);
    const QDate day(2026, 11, 28);
    const QString line = TubeLabelPrinter::siteAndDateLine(metrics, width, site, day);
    QVERIFY2(line.endsWith(u"28/11/2026"_s), qPrintable(line));
    QCOMPARE(line.startsWith(site), siteInFull);
    const qreal dateWidth = metrics.horizontalAdvance(u"28/11/2026"_s);
    // What is drawn fits the line, unless the date alone is already wider.
    QVERIFY2(metrics.horizontalAdvance(line) <= std::max(width, dateWidth) + 0.5, qPrintable(line));
}

void TestTubeLabels::batchPrintsOneLabelAPage()
{
    StoreFixture fixture;
    auto nurse = fixture.openAs(NurseName);
    TubeLabelPrinter labels(*nurse);
    QStringList numbers;
    QString error;
    QVERIFY(labels.newLabels(5, &numbers, &error));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString path = fixture.folder() + u"/labels.pdf"_s;
    printer.setOutputFileName(path);
    QVERIFY2(labels.print(&printer, numbers, &error), qPrintable(error));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                 bytes.count("/Type /Page "),
             5);
    // Printing is audited (without the labels' owners: there are none yet).
    QCOMPARE(nurse->auditLog()->entries().last().action, u"labels.print"_s);
}

QTEST_MAIN(TestTubeLabels)
#include "TestTubeLabels.moc"
