// Help > About: a site's IT finds the version, the commit, the site, the store, the
// libraries with their versions and licences, and the licence text; every window carries
// the application's icon.

#include "AboutDialog.h"
#include "ApplicationIcon.h"
#include "BarcodeDecoder.h"
#include "Crypto.h"
#include "GuiTestSupport.h"
#include "MessageBox.h"
#include "QrCode.h"
#include "SidepVersion.h"
#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aboutFromTheHelpMenu();
    void aboutBeforeTheFirstStart();
    void everyWindowHasTheApplicationIcon();

private:
    // Opens Help > About in `window` and returns the dialog once shown.
    static AboutDialog* openAbout(MainWindow& window);
    static QString label(QWidget* root, const QString& name)
    {
        auto* found = root->findChild<QLabel*>(name);
        return found ? found->text() : u"(no %1)"_s.arg(name);
    }
};

void TestAboutDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

AboutDialog* TestAboutDialog::openAbout(MainWindow& window)
{
    auto* action = window.findChild<QAction*>(u"aboutAction"_s);
    if (!action)
        return nullptr;
    action->trigger();
    AboutDialog* dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = window.findChild<AboutDialog*>()) && dialog->isVisible(); }, 10000);
    return shown ? dialog : nullptr;
}

void TestAboutDialog::aboutFromTheHelpMenu()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    AboutDialog* dialog = openAbout(station.window);
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), u"aboutDialog"_s);

    QCOMPARE(label(dialog, u"versionValueLabel"_s), QStringLiteral(SIDEP_VERSION));
    QCOMPARE(label(dialog, u"commitValueLabel"_s), QStringLiteral(SIDEP_GIT_COMMIT));
    QCOMPARE(label(dialog, u"siteFinessValueLabel"_s), SiteFiness);
    QCOMPARE(label(dialog, u"storePathValueLabel"_s), QDir::toNativeSeparators(fixture.path()));
    QVERIFY(label(dialog, u"licenceValueLabel"_s).contains(u"EUPL-1.2"_s));

    // Each library with the version in use and its licence.
    auto* table = dialog->findChild<QTableWidget*>(u"componentsTableWidget"_s);
    QVERIFY(table);
    QHash<QString, QStringList> rows;
    for (int row = 0; row < table->rowCount(); ++row)
        rows.insert(table->item(row, 0)->text(),
                    {table->item(row, 1)->text(), table->item(row, 2)->text()});
    const QHash<QString, QStringList> expected = {
        {u"Qt"_s, {QString::fromLatin1(qVersion()), u"LGPL-3.0-only"_s}},
        {u"OpenSSL"_s, {Crypto::libraryVersion(), u"Apache-2.0"_s}},
        {u"ZXing-C++"_s, {BarcodeDecoder::libraryVersion(), u"Apache-2.0"_s}},
        {u"libqrencode"_s, {QrCode::libraryVersion(), u"LGPL-2.1-or-later"_s}},
    };
    QCOMPARE(rows, expected);
    QVERIFY2(Crypto::libraryVersion().startsWith(u"OpenSSL 3."_s),
             qPrintable(Crypto::libraryVersion()));
    QVERIFY(
        QRegularExpression(u"^\\d+\\.\\d+\\.\\d+$"_s).match(QrCode::libraryVersion()).hasMatch());
    QVERIFY(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+$"_s)
                .match(BarcodeDecoder::libraryVersion())
                .hasMatch());

    // The licence's own text, from the program's resources.
    auto* licence = dialog->findChild<QPlainTextEdit*>(u"licencePlainTextEdit"_s);
    QVERIFY(licence);
    QVERIFY(licence->toPlainText().startsWith(
        u"                      EUROPEAN UNION PUBLIC LICENCE v. 1.2\n"_s));
    QVERIFY(licence->toPlainText().contains(u"Québec Free and Open-Source Licence"_s));

    // Close, and it is gone.
    QPointer<AboutDialog> watched(dialog);
    auto* close = dialog->findChild<QPushButton*>(u"closeButton"_s);
    QVERIFY(close);
    close->click();
    QTRY_VERIFY_WITH_TIMEOUT(watched.isNull(), 10000);
}

void TestAboutDialog::aboutBeforeTheFirstStart()
{
    // No store yet: the wizard is showing; About says where the store will be.
    QTemporaryDir folder;
    const QString path = folder.filePath(u"new-store.db"_s);
    Workstation station(path);
    AboutDialog* dialog = openAbout(station.window);
    QVERIFY(dialog);
    QCOMPARE(label(dialog, u"storePathValueLabel"_s), QDir::toNativeSeparators(path));
    QVERIFY(!label(dialog, u"siteFinessValueLabel"_s).isEmpty());
    QVERIFY(label(dialog, u"siteFinessValueLabel"_s) != SiteFiness);
    QVERIFY(!QFile::exists(path));
    dialog->close();
}

void TestAboutDialog::everyWindowHasTheApplicationIcon()
{
    const QIcon icon = ApplicationIcon::icon();
    QVERIFY(!icon.isNull());
    // Every size a desktop asks for, rendered from the SVG.
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QPixmap pixmap = icon.pixmap(size, size);
        QCOMPARE(pixmap.size(), QSize(size, size));
    }
    const QImage small = icon.pixmap(16, 16).toImage();
    // Drawn, not blank: the blue square at the middle of the left edge, the white tube in
    // the middle.
    QCOMPARE(small.pixelColor(2, 8), QColor(0x00, 0x00, 0x91));
    QCOMPARE(small.pixelColor(8, 8), QColor(Qt::white));

    StoreFixture fixture;
    Workstation station(fixture.path());
    const auto sameIcon = [&icon](const QIcon& other) {
        return other.pixmap(32, 32).toImage() == icon.pixmap(32, 32).toImage();
    };
    QVERIFY(sameIcon(station.window.windowIcon()));
    // A dialog of the window inherits it: the About box, and any message box.
    AboutDialog* about = openAbout(station.window);
    QVERIFY(about);
    QVERIFY(sameIcon(about->windowIcon()));
    about->close();
    QMessageBox box(&station.window);
    QVERIFY(sameIcon(box.windowIcon()));
}

QTEST_MAIN(TestAboutDialog)
#include "TestAboutDialog.moc"
