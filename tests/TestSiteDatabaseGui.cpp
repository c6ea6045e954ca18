// A new workstation joins its site's database from the first-start wizard: "2 Join the site
// database", an address that is no site database is refused with the reason, the site's
// address joins, and its users sign in at once with the accounts made at another station.
// A station started while its site database does not answer says so in its window and goes
// on to the sign-in as soon as the database answers, on "Try again" or by itself.
// On the throw-away cluster of the CTest fixture (scripts/pg-test-cluster).

#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "PostgresTestCluster.h"
#include "SetupWizard.h"
#include "SiteDatabaseRetryWidget.h"
#include "Store.h"
#include "StoreMigration.h"
#include "TestSupport.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSemaphore>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <memory>

using namespace Qt::StringLiterals;
using namespace TestSupport;
using namespace GuiTestSupport;

namespace {

// An address of the site database that answers only once open() is called: the station
// starts while nothing listens there, as when the database server is down or the network
// cut, and the test then makes it answer, without stopping the cluster the other tests
// share. The relay to the database runs in its own thread: the store connects from the GUI
// thread and waits there for the answer.
class SiteDatabaseAddress : public QThread
{
public:
    explicit SiteDatabaseAddress(const QString& databaseUrl)
        : m_databasePort(quint16(QUrl(databaseUrl).port()))
    {
        QTcpServer probe; // a free port, let go until the database should answer there
        if (probe.listen(QHostAddress::LocalHost))
            m_port = probe.serverPort();
        m_url = QUrl(databaseUrl);
        m_url.setPort(m_port);
    }
    ~SiteDatabaseAddress() override
    {
        quit();
        wait();
    }
    SiteDatabaseAddress(const SiteDatabaseAddress&) = delete;
    SiteDatabaseAddress& operator=(const SiteDatabaseAddress&) = delete;

    // The database's URL through this address, or empty when no port was free.
    QString url() const { return m_port == 0 ? QString() : m_url.toString(); }
    // From now on the database answers at this address; false if the port was taken since.
    bool open()
    {
        start();
        m_ready.acquire();
        return m_listening;
    }

protected:
    void run() override
    {
        QTcpServer server;
        m_listening = server.listen(QHostAddress::LocalHost, m_port);
        m_ready.release();
        if (!m_listening)
            return;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
            while (QTcpSocket* station = server.nextPendingConnection())
                relay(station);
        });
        exec();
    }

private:
    void relay(QTcpSocket* station)
    {
        auto* database = new QTcpSocket(station); // written to as soon as it connects
        const auto forward = [](QTcpSocket* from, QTcpSocket* to) {
            QObject::connect(from, &QTcpSocket::readyRead, to,
                             [from, to] { to->write(from->readAll()); });
        };
        forward(station, database);
        forward(database, station);
        QObject::connect(database, &QTcpSocket::disconnected, station,
                         &QTcpSocket::disconnectFromHost);
        QObject::connect(station, &QTcpSocket::disconnected, station, &QObject::deleteLater);
        database->connectToHost(QHostAddress::LocalHost, m_databasePort);
        if (station->bytesAvailable() > 0)
            database->write(station->readAll());
    }

    quint16 m_databasePort = 0;
    quint16 m_port = 0;
    QUrl m_url;
    QSemaphore m_ready;
    bool m_listening = false;
};

// The page of a station waiting for its site database, and what it shows.
struct RetryPage
{
    explicit RetryPage(MainWindow& window)
        : page(findNamed<QWidget>(&window, u"siteDatabaseRetryWidget"_s))
        , signInPage(findNamed<QWidget>(&window, u"signInWidget"_s))
    {
        if (!page)
            return;
        title = findNamed<QLabel>(page, u"unreachableTitleLabel"_s);
        reason = findNamed<QLabel>(page, u"unreachableReasonLabel"_s);
        advice = findNamed<QLabel>(page, u"unreachableAdviceLabel"_s);
        countdown = findNamed<QLabel>(page, u"retryCountdownLabel"_s);
        retry = findNamed<QPushButton>(page, u"retryButton"_s);
    }
    bool isComplete() const
    {
        return page && signInPage && title && reason && advice && countdown && retry;
    }

    QWidget* page = nullptr;
    QWidget* signInPage = nullptr;
    QLabel* title = nullptr;
    QLabel* reason = nullptr;
    QLabel* advice = nullptr;
    QLabel* countdown = nullptr;
    QPushButton* retry = nullptr;
};

// A box over the window (what a station did before it had the page) must fail the test
// rather than block it: closed after a while, and noted.
std::shared_ptr<bool> closeAnyBoxLater()
{
    auto shown = std::make_shared<bool>(false);
    QTimer::singleShot(3000, [shown] {
        if (QWidget* box = QApplication::activeModalWidget()) {
            *shown = true;
            box->close();
        }
    });
    return shown;
}

} // namespace

class TestSiteDatabaseGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aNewStationJoinsTheSiteDatabase();
    void aStationWhoseRecordsMovedJoinsTheSiteDatabase();
    void aStationStartedWhileTheSiteDatabaseIsDownTriesAgain();
    void aStationWaitingForTheSiteDatabaseTriesAgainByItself();
    void aStationStartedOnASilentNetworkSaysItIsConnecting();

private:
    // A site database with a store and a nurse account, made at another station.
    QString siteWithNurse(const QString& name);

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
    const QString url = siteWithNurse(u"site_gui"_s);
    QVERIFY(!url.isEmpty());

    QTemporaryDir dir;
    const QString localFile = dir.filePath(u"store.db"_s);
    Workstation station(localFile);
    SetupWizard* wizard = station.shownSetupWizard();
    QVERIFY(wizard);
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
    QTRY_VERIFY(!station.window.setupWizard());

    // Joined: no local file, the station remembers the site database, the site's users sign in.
    QVERIFY(!QFileInfo::exists(localFile));
    QCOMPARE(Store::defaultPath(), url);
    QCOMPARE(station.store.siteFiness(), SiteFiness);
    QVERIFY(station.signIn(NurseName));
}

void TestSiteDatabaseGui::aStationWhoseRecordsMovedJoinsTheSiteDatabase()
{
    // A station's file after `sidepctl migrate`: it points to the site database.
    const QString url = siteWithNurse(u"site_gui_moved"_s);
    QVERIFY(!url.isEmpty());
    StoreFixture station;
    QVERIFY(station.isValid());
    {
        auto admin = station.openAs(AdminName);
        QString error;
        QVERIFY2(StoreMigration::markMoved(*admin, url, &error), qPrintable(error));
    }

    // Started on it, the workstation does not sign in there: it proposes to join the site
    // database, saying why, and one step joins it.
    Workstation workstation(station.path());
    SetupWizard* wizard = workstation.shownSetupWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentPage()->objectName(), u"deploymentPage"_s);
    QVERIFY(findNamed<QRadioButton>(wizard, u"siteDatabaseRadioButton"_s)->isChecked());
    QCOMPARE(findNamed<QLineEdit>(wizard, u"siteDatabaseLineEdit"_s)->text(), url);
    const QString why = findNamed<QLabel>(wizard, u"deploymentMessageLabel"_s)->text();
    QVERIFY2(why.contains(u"moved into the site database"_s), qPrintable(why));
    wizard->next();
    QTRY_VERIFY(!workstation.window.setupWizard());
    QCOMPARE(Store::defaultPath(), url);
    QVERIFY(workstation.signIn(NurseName));
    QCOMPARE(workstation.store.siteFiness(), SiteFiness);
}

QString TestSiteDatabaseGui::siteWithNurse(const QString& name)
{
    QString error;
    const QString url = siteDatabaseWithNurse(m_clusterUrl, name, &error);
    if (url.isEmpty())
        qWarning("%s", qPrintable(error));
    return url;
}

void TestSiteDatabaseGui::aStationStartedWhileTheSiteDatabaseIsDownTriesAgain()
{
    const QString site = siteWithNurse(u"site_retry"_s);
    QVERIFY(!site.isEmpty());
    SiteDatabaseAddress address(site);
    QVERIFY(!address.url().isEmpty());

    // Nothing answers at the station's address: its window says so, with the store's reason,
    // what to do, and the next attempt.
    const auto boxShown = closeAnyBoxLater();
    Workstation station(address.url());
    QVERIFY2(!*boxShown, "a box was shown instead of the page");
    const RetryPage shown(station.window);
    QVERIFY(shown.isComplete());
    QVERIFY(shown.page->isVisible());
    // The attempt runs on another thread: the page says so once it has failed.
    QTRY_VERIFY2(shown.title->text().contains(u"site database cannot be reached"_s),
                 qPrintable(shown.title->text()));
    QVERIFY(!shown.signInPage->isVisible());
    QVERIFY(!station.window.setupWizard());
    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(!station.store.isOpen());
    const QString port = QString::number(QUrl(address.url()).port());
    QVERIFY2(shown.reason->isVisible() &&
                 shown.reason->text().contains(u"cannot reach the site database"_s) &&
                 shown.reason->text().contains(u"127.0.0.1:"_s + port),
             qPrintable(shown.reason->text()));
    QVERIFY2(shown.advice->text().contains(u"network cable or the Wi-Fi"_s),
             qPrintable(shown.advice->text()));
    QVERIFY2(shown.countdown->text().contains(u"Trying again in 10"_s),
             qPrintable(shown.countdown->text()));
    // "Try again": the default button, with an accelerator, where the keyboard is.
    QVERIFY(shown.retry->isDefault());
    QVERIFY(shown.retry->isEnabled());
    QVERIFY2(shown.retry->text().contains(u'&'), qPrintable(shown.retry->text()));
    QTRY_COMPARE(QApplication::focusWidget(), shown.retry);

    // Still down: Enter tries again and the page stays, counting down afresh.
    QTRY_VERIFY(!shown.countdown->text().contains(u"Trying again in 10"_s));
    pressKey(shown.retry, Qt::Key_Return);
    QVERIFY(shown.page->isVisible());
    QTRY_VERIFY2(shown.countdown->text().contains(u"Trying again in 10"_s),
                 qPrintable(shown.countdown->text()));
    QVERIFY(shown.reason->text().contains(u"cannot reach the site database"_s));
    QVERIFY(shown.retry->isEnabled());

    // Something answers at the address but says nothing (a network that swallows the
    // packets): the attempt waits for libpq's connect_timeout, on another thread; the window
    // stays responsive, says it is trying, and takes no second attempt meanwhile.
    {
        QTcpServer silent; // the kernel accepts the connection; nobody ever answers
        QVERIFY(silent.listen(QHostAddress::LocalHost, quint16(port.toUInt())));
        QElapsedTimer clicked;
        clicked.start();
        shown.retry->click();
        // Blocked in the click, the window would return only after connect_timeout (10 s).
        QVERIFY2(clicked.elapsed() < 3000, qPrintable(QString::number(clicked.elapsed())));
        QVERIFY2(shown.countdown->text().contains(u"Trying to reach"_s),
                 qPrintable(shown.countdown->text()));
        QVERIFY(!shown.retry->isEnabled());
        bool timerRan = false;
        QTimer::singleShot(50, [&timerRan] { timerRan = true; });
        QTRY_VERIFY_WITH_TIMEOUT(timerRan, 1000);
        QVERIFY2(shown.countdown->text().contains(u"Trying to reach"_s),
                 qPrintable(shown.countdown->text()));
        // The attempt gives up: the page says why and counts down again.
        QTRY_VERIFY_WITH_TIMEOUT(shown.retry->isEnabled(), 20000);
        QVERIFY2(shown.countdown->text().contains(u"Trying again in"_s),
                 qPrintable(shown.countdown->text()));
        QVERIFY(shown.page->isVisible());
        QVERIFY(!station.store.isOpen());
    }

    // The database answers: "Try again" goes on to the sign-in, and the nurse signs in.
    QVERIFY(address.open());
    shown.retry->click();
    QTRY_VERIFY(shown.signInPage->isVisible());
    QVERIFY(!shown.page->isVisible());
    QVERIFY(station.signIn(NurseName));
    QCOMPARE(station.store.siteFiness(), SiteFiness);
}

void TestSiteDatabaseGui::aStationWaitingForTheSiteDatabaseTriesAgainByItself()
{
    const QString site = siteWithNurse(u"site_retry_timer"_s);
    QVERIFY(!site.isEmpty());
    SiteDatabaseAddress address(site);
    QVERIFY(!address.url().isEmpty());

    const auto boxShown = closeAnyBoxLater();
    Workstation station(address.url());
    QVERIFY2(!*boxShown, "a box was shown instead of the page");
    const RetryPage shown(station.window);
    QVERIFY(shown.isComplete());
    QVERIFY(shown.page->isVisible());
    // The seconds go by on screen.
    QTRY_VERIFY2(shown.countdown->text().contains(u"Trying again in 9"_s),
                 qPrintable(shown.countdown->text()));

    // The database answers: nobody clicks, the station gets there by itself.
    QVERIFY(address.open());
    QTRY_VERIFY_WITH_TIMEOUT(shown.signInPage->isVisible(),
                             (SiteDatabaseRetryWidget::RetrySeconds + 5) * 1000);
    QVERIFY(!shown.page->isVisible());
    QVERIFY(station.signIn(NurseName));
}

void TestSiteDatabaseGui::aStationStartedOnASilentNetworkSaysItIsConnecting()
{
    // An address that accepts the connection and never answers (a network that swallows the
    // packets): libpq waits for its connect_timeout, 10 s.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QString url = u"postgresql://sidep@127.0.0.1:%1/sidep"_s.arg(silent.serverPort());
    QElapsedTimer starting;
    starting.start();
    Workstation station(url);
    // Started at once (blocked, the window would stay blank 10 s): it says it is connecting.
    QVERIFY2(starting.elapsed() < 3000, qPrintable(QString::number(starting.elapsed())));
    const RetryPage shown(station.window);
    QVERIFY(shown.isComplete());
    QVERIFY(shown.page->isVisible());
    QVERIFY2(shown.title->text().contains(u"Connecting to the site database"_s),
             qPrintable(shown.title->text()));
    QVERIFY(!shown.reason->isVisible());
    QVERIFY(!shown.advice->isVisible());
    QVERIFY2(shown.countdown->text().contains(u"Trying to reach"_s),
             qPrintable(shown.countdown->text()));
    QVERIFY(!shown.retry->isEnabled());
    bool timerRan = false;
    QTimer::singleShot(50, [&timerRan] { timerRan = true; });
    QTRY_VERIFY_WITH_TIMEOUT(timerRan, 1000);

    // The attempt gives up: the database cannot be reached, why, and what to do.
    QTRY_VERIFY_WITH_TIMEOUT(shown.retry->isEnabled(), 20000);
    QVERIFY2(shown.title->text().contains(u"site database cannot be reached"_s),
             qPrintable(shown.title->text()));
    QVERIFY(shown.reason->isVisible());
    QVERIFY(shown.advice->isVisible());
    QVERIFY2(shown.countdown->text().contains(u"Trying again in"_s),
             qPrintable(shown.countdown->text()));
    QVERIFY(!station.store.isOpen());
}

QTEST_MAIN(TestSiteDatabaseGui)
#include "TestSiteDatabaseGui.moc"
