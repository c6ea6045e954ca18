// A new workstation joins its site's database from the first-start wizard: "2 Join the site
// database", an address that is no site database is refused with the reason, the site's
// address joins, and its users sign in at once with the accounts made at another station.
// On the throw-away cluster of the CTest fixture (scripts/pg-test-cluster).

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "PostgresTestCluster.h"
#include "SetupWizard.h"
#include "Store.h"
#include "TestSupport.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

class TestSiteDatabaseGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aNewStationJoinsTheSiteDatabase();

private:
    QString m_clusterUrl;
};

void TestSiteDatabaseGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the station's settings: a test location
    QCoreApplication::setOrganizationName(u"sidep-tests"_s);
    UiLanguage::apply(u"en"_s);
    QSettings().setValue(u"feedback/sound"_s, false);
    QString why;
    m_clusterUrl = PostgresTestCluster::url(&why);
    QVERIFY2(!m_clusterUrl.isEmpty(), qPrintable(why));
}

void TestSiteDatabaseGui::aNewStationJoinsTheSiteDatabase()
{
    // The site's store, made at its first station, with a nurse account.
    const QString url = PostgresTestCluster::freshDatabase(m_clusterUrl, u"site_gui"_s);
    QVERIFY(!url.isEmpty());
    {
        Store first;
        QString recoveryKey;
        QString error;
        QVERIFY2(first.initialize(url, SiteFiness, AdminName, password(), &recoveryKey, &error),
                 qPrintable(error));
        QVERIFY2(first.addUser(NurseName, Role::Nurse, password(), &error), qPrintable(error));
    }

    QTemporaryDir dir;
    const QString localFile = dir.filePath(u"store.db"_s);
    Store store;
    MainWindow window(store, localFile);
    typeLikeAPerson(window);
    window.show();
    window.start();
    SetupWizard* wizard = window.setupWizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(wizard->currentPage()->objectName(), u"deploymentPage"_s);

    // 2 chooses the site database, as the page numbers its choices.
    auto* address = findNamed<QLineEdit>(wizard, u"siteDatabaseLineEdit"_s);
    findNamed<QRadioButton>(wizard, u"siteDatabaseRadioButton"_s)->click();
    QVERIFY(address->isEnabled());

    // Not a site database address, then one that reaches no server: refused with why.
    typeInto(address, u"/srv/site.db"_s);
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), u"deploymentPage"_s);
    auto* message = findNamed<QLabel>(wizard, u"deploymentMessageLabel"_s);
    QVERIFY2(message->text().contains(u"postgresql://"_s), qPrintable(message->text()));
    address->clear();
    typeInto(address, u"postgresql://sidep@127.0.0.1:1/sidep"_s);
    wizard->next();
    QCOMPARE(wizard->currentPage()->objectName(), u"deploymentPage"_s);
    QVERIFY2(message->text().contains(u"cannot reach the site database"_s),
             qPrintable(message->text()));

    address->clear();
    typeInto(address, url);
    wizard->next();
    QTRY_VERIFY(!window.setupWizard());

    // Joined: no local file, the station remembers the site database, the site's users sign in.
    QVERIFY(!QFileInfo::exists(localFile));
    QCOMPARE(Store::defaultPath(), url);
    QCOMPARE(store.siteFiness(), SiteFiness);
    signIn(window, NurseName);
    QTRY_VERIFY(store.isSignedIn());
    QCOMPARE(store.currentUser().name, NurseName);
}

QTEST_MAIN(TestSiteDatabaseGui)
#include "TestSiteDatabaseGui.moc"
