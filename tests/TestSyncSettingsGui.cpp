// The administrator sets the national server up from the window: address, CA, the site's
// certificate (PKCS#12, then PEM with an encrypted key), the retention window, and a
// connection test against the real sidep-server; bad files are refused with the reason,
// and a nurse never sees the tab.

#include "GuiTestSupport.h"
#include "MessageBox.h"
#include "RecordPurge.h"
#include "ServerProcess.h"
#include "SyncSettings.h"
#include "SyncSettingsWidget.h"
#include "TestSupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

class TestSyncSettingsGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void administratorConfiguresTheServerFromTheWindow();
    void badFilesAreRefusedWithTheReason();
    void aNurseHasNoServerSettings();

private:
    static QString text(QWidget* root, const char* name)
    {
        return root->findChild<QLabel*>(QString::fromLatin1(name))->text();
    }
    static void click(QWidget* root, const char* name)
    {
        root->findChild<QPushButton*>(QString::fromLatin1(name))->click();
    }
    QString pki(const QString& name) const { return m_server.pki(name); }

    ServerProcess m_server;
};

void TestSyncSettingsGui::initTestCase()
{
    QVERIFY(m_server.makePki());
    QVERIFY(m_server.start());
}

void TestSyncSettingsGui::administratorConfiguresTheServerFromTheWindow()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(AdminName));
    SyncSettingsWidget* settings = station.window.syncSettings();
    auto* workspace = station.window.findChild<QTabWidget*>(u"workspaceTabWidget"_s);
    QVERIFY(workspace->indexOf(settings) >= 0);
    QVERIFY(text(settings, "statusLabel").contains(u"Sync cannot start"_s));
    QVERIFY(!settings->findChild<QPushButton*>(u"testConnectionButton"_s)->isEnabled());

    auto* url = settings->findChild<QLineEdit*>(u"serverUrlLineEdit"_s);
    url->setText(u"http://127.0.0.1:%1"_s.arg(m_server.port()));
    click(settings, "saveUrlButton");
    QVERIFY2(text(settings, "messageLabel").contains(u"https"_s),
             qPrintable(text(settings, "messageLabel")));
    url->setText(u"https://127.0.0.1:%1"_s.arg(m_server.port()));
    click(settings, "saveUrlButton");
    QCOMPARE(text(settings, "messageLabel"), u"Server address saved."_s);

    MessageBox::setNextFile(pki(u"ca.pem"_s));
    click(settings, "importCaButton");
    QVERIFY2(text(settings, "messageLabel").startsWith(u"CA certificate imported"_s),
             qPrintable(text(settings, "messageLabel")));

    // PKCS#12 with its password.
    MessageBox::setNextFile(pki(u"site-750712184.p12"_s));
    MessageBox::setNextText(u"demo"_s);
    click(settings, "importClientButton");
    QVERIFY2(text(settings, "messageLabel").startsWith(u"Site certificate and private key"_s),
             qPrintable(text(settings, "messageLabel")));
    QVERIFY(SyncSettings(station.store).status().isComplete());
    QVERIFY(!text(settings, "statusLabel").contains(u"Sync cannot start"_s));
    QVERIFY(text(settings, "statusLabel").contains(u"CN=750712184"_s) ||
            text(settings, "statusLabel").contains(u"750712184"_s));

    // The same from PEM files, the key encrypted with a passphrase.
    QTemporaryDir dir;
    const QString encryptedKey = dir.filePath(u"site.key"_s);
    QCOMPARE(QProcess::execute(u"openssl"_s,
                               {u"pkey"_s, u"-in"_s, pki(u"site-750712184.key"_s), u"-aes256"_s,
                                u"-passout"_s, u"pass:s3cret"_s, u"-out"_s, encryptedKey}),
             0);
    MessageBox::setNextFile(pki(u"site-750712184.pem"_s));
    MessageBox::setNextFile(encryptedKey);
    MessageBox::setNextText(u"wrong"_s);
    click(settings, "importClientButton");
    QVERIFY2(!text(settings, "messageLabel").startsWith(u"Site certificate"_s),
             qPrintable(text(settings, "messageLabel")));
    MessageBox::setNextFile(pki(u"site-750712184.pem"_s));
    MessageBox::setNextFile(encryptedKey);
    MessageBox::setNextText(u"s3cret"_s);
    click(settings, "importClientButton");
    QVERIFY2(text(settings, "messageLabel").startsWith(u"Site certificate and private key"_s),
             qPrintable(text(settings, "messageLabel")));

    // Retention.
    auto* retention = settings->findChild<QSpinBox*>(u"retentionSpinBox"_s);
    QCOMPARE(retention->value(), RecordPurge::DefaultRetentionDays);
    QCOMPARE(retention->maximum(), RecordPurge::MaxRetentionDays);
    retention->setValue(30);
    click(settings, "saveRetentionButton");
    QCOMPARE(RecordPurge(station.store).retentionDays(), 30);

    // The connection test reaches the real server with these settings.
    auto* test = settings->findChild<QPushButton*>(u"testConnectionButton"_s);
    QVERIFY(test->isEnabled());
    test->click();
    QTRY_VERIFY2_WITH_TIMEOUT(text(settings, "messageLabel").startsWith(u"The server answered"_s),
                              qPrintable(text(settings, "messageLabel")), 15000);
    m_server.stop();
    test->click();
    QTRY_VERIFY2_WITH_TIMEOUT(text(settings, "messageLabel").startsWith(u"The connection failed"_s),
                              qPrintable(text(settings, "messageLabel")), 15000);
    QVERIFY(m_server.start(m_server.port()));
}

void TestSyncSettingsGui::badFilesAreRefusedWithTheReason()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(AdminName));
    SyncSettingsWidget* settings = station.window.syncSettings();

    // A site certificate is not a CA.
    MessageBox::setNextFile(pki(u"site-750712184.pem"_s));
    click(settings, "importCaButton");
    QVERIFY2(text(settings, "messageLabel").contains(u"CA"_s),
             qPrintable(text(settings, "messageLabel")));
    QVERIFY(SyncSettings(station.store).status().caCertificates.isEmpty());

    // A PKCS#12 with the wrong password.
    MessageBox::setNextFile(pki(u"site-750712184.p12"_s));
    MessageBox::setNextText(u"not the password"_s);
    click(settings, "importClientButton");
    QVERIFY(!text(settings, "messageLabel").startsWith(u"Site certificate"_s));
    QVERIFY(!SyncSettings(station.store).status().hasPrivateKey);

    // A certificate with another site's key.
    MessageBox::setNextFile(pki(u"site-750712184.pem"_s));
    MessageBox::setNextFile(pki(u"server.key"_s));
    MessageBox::setNextText(QString());
    click(settings, "importClientButton");
    QVERIFY2(text(settings, "messageLabel").contains(u"key"_s),
             qPrintable(text(settings, "messageLabel")));
    QVERIFY(!SyncSettings(station.store).status().hasPrivateKey);

    // Cancelled dialogs change nothing.
    MessageBox::setNextFile(QString());
    click(settings, "importCaButton");
    QVERIFY(SyncSettings(station.store).status().caCertificates.isEmpty());
}

void TestSyncSettingsGui::aNurseHasNoServerSettings()
{
    StoreFixture fixture;
    Workstation station(fixture.path());
    QVERIFY(station.signIn(NurseName));
    auto* workspace = station.window.findChild<QTabWidget*>(u"workspaceTabWidget"_s);
    QCOMPARE(workspace->indexOf(station.window.syncSettings()), -1);
    QVERIFY(!station.window.syncSettings()->isVisible());
}

QTEST_MAIN(TestSyncSettingsGui)
#include "TestSyncSettingsGui.moc"
