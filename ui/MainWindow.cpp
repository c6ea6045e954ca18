#include "MainWindow.h"

#include "AboutDialog.h"
#include "AdminWidget.h"
#include "ApplicationIcon.h"
#include "BarcodeDecoder.h"
#include "CameraScanDialog.h"
#include "CodeRefill.h"
#include "DashboardWidget.h"
#include "Feedback.h"
#include "HttpsTransport.h"
#include "IdleWatcher.h"
#include "InsDataMatrix.h"
#include "LabelBatchDialog.h"
#include "MessageBox.h"
#include "QueueWidget.h"
#include "RecordFormWidget.h"
#include "RecordPurge.h"
#include "ResultEntryWidget.h"
#include "ResultStore.h"
#include "ScannerInput.h"
#include "SetupWizard.h"
#include "SignInWidget.h"
#include "SiteDatabaseRetryWidget.h"
#include "Store.h"
#include "SyncBacklog.h"
#include "SyncEngine.h"
#include "SyncPanelWidget.h"
#include "SyncScheduler.h"
#include "SyncSettings.h"
#include "SyncSettingsWidget.h"
#include "TubeLabelPrinter.h"
#include "UiLanguage.h"
#include "UsedCodeReport.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(Store& store, const QString& storePath, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_storePath(storePath)
{
    setWindowTitle(tr("SI-DEP sampling portal"));
    setObjectName(u"mainWindow"_s);
    // Dialogs parented to the window inherit it (main() also sets it for the application).
    setWindowIcon(ApplicationIcon::icon());
    resize(1280, 720); // fits a 1366x768 screen with its task bar; works down to 1024x600

    createPages();
    createSyncStateLabel();
    m_stack->addWidget(m_signIn);
    m_stack->addWidget(m_siteDatabaseRetry);
    m_stack->addWidget(m_workspace);
    setCentralWidget(m_stack);

    createSessionMenu();
    createScanAndHelpMenus();

    // USB scanners type like a keyboard: their bursts are recognised wherever the focus is.
    m_scanner = new ScannerInput(this);
    // Queued: the scan is reported from inside an event filter, where no dialog may open.
    connect(m_scanner, &ScannerInput::scanned, this, &MainWindow::routeScan, Qt::QueuedConnection);

    m_idle = new IdleWatcher(this);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);
    connectPages();
}

void MainWindow::createPages()
{
    m_stack = new QStackedWidget(this);
    m_signIn = new SignInWidget(m_store, m_stack);
    m_signIn->setObjectName(u"signInWidget"_s);
    m_siteDatabaseRetry = new SiteDatabaseRetryWidget(m_stack);
    m_siteDatabaseRetry->setObjectName(u"siteDatabaseRetryWidget"_s);
    m_workspace = new QTabWidget(m_stack);
    m_workspace->setObjectName(u"workspaceTabWidget"_s);
    m_form = new RecordFormWidget(m_store, m_workspace);
    m_form->setObjectName(u"recordFormWidget"_s);
    m_queue = new QueueWidget(m_workspace);
    m_queue->setObjectName(u"queueWidget"_s);
    m_admin = new AdminWidget(m_store, m_workspace);
    m_admin->setObjectName(u"adminWidget"_s);
    m_syncSettings = new SyncSettingsWidget(m_store, m_workspace);
    m_syncSettings->setObjectName(u"syncSettingsWidget"_s);
    m_resultEntry = new ResultEntryWidget(m_store, m_workspace);
    m_resultEntry->setObjectName(u"resultEntryWidget"_s);
    m_syncPanel = new SyncPanelWidget(m_workspace);
    m_syncPanel->setObjectName(u"syncPanelWidget"_s);
    m_dashboard = new DashboardWidget(m_store, m_workspace);
    m_dashboard->setObjectName(u"dashboardWidget"_s);
}

// Always visible: whether the national server answers and what waits for it.
void MainWindow::createSyncStateLabel()
{
    m_syncStateLabel = new QLabel(this);
    m_syncStateLabel->setObjectName(u"syncStateLabel"_s);
    m_syncStateLabel->setAccessibleName(tr("Connection to the national server"));
    m_syncStateLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_syncStateLabel);
    m_syncStateTimer.setInterval(30 * 1000);
    connect(&m_syncStateTimer, &QTimer::timeout, this, &MainWindow::updateSyncState);
}

void MainWindow::createSessionMenu()
{
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    QAction* lockAction = session->addAction(tr("&Lock"), this, &MainWindow::lock);
    lockAction->setObjectName(u"lockAction"_s);
    lockAction->setShortcut(QKeySequence(u"Ctrl+L"_s));
    QAction* signOutAction = session->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    signOutAction->setObjectName(u"signOutAction"_s);
    QMenu* languageMenu = session->addMenu(tr("&Language"));
    const QString current = QSettings().value(u"language"_s, u"fr"_s).toString();
    for (const auto& language : {std::pair{u"fr"_s, u"Français"_s}, {u"en"_s, u"English"_s}}) {
        // A plain variable: clang 14 (the sanitizer build) cannot capture a structured binding.
        const QString code = language.first;
        QAction* action = languageMenu->addAction(language.second);
        action->setObjectName(u"language_"_s + code + u"Action"_s);
        action->setCheckable(true);
        action->setChecked(code == current);
        connect(action, &QAction::triggered, this, [this, code] {
            QSettings().setValue(u"language"_s, code);
            MessageBox::information(this, tr("Language"),
                                    tr("The new language applies from the next start."));
        });
    }
    session->addSeparator();
    session->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::createScanAndHelpMenus()
{
    QMenu* scan = menuBar()->addMenu(tr("S&can"));
    QAction* imageAction =
        scan->addAction(tr("Scan an &image..."), this, &MainWindow::chooseImageToScan);
    imageAction->setObjectName(u"scanImageAction"_s);
    imageAction->setShortcut(QKeySequence(u"Ctrl+I"_s));
    QAction* cameraAction =
        scan->addAction(tr("Scan with the &camera..."), this, &MainWindow::scanWithCamera);
    cameraAction->setObjectName(u"scanCameraAction"_s);
    cameraAction->setShortcut(QKeySequence(u"Ctrl+K"_s));

    QMenu* labelsMenu = menuBar()->addMenu(tr("La&bels"));
    QAction* batchAction = labelsMenu->addAction(tr("Print a &batch of tube labels..."), this,
                                                 &MainWindow::printLabelBatch);
    batchAction->setObjectName(u"printLabelBatchAction"_s);

    // "?" as French programs title their help menu: every letter is taken on some screen.
    QMenu* help = menuBar()->addMenu(tr("&?"));
    QAction* aboutAction = help->addAction(tr("&About sidep-portal"), this, &MainWindow::showAbout);
    aboutAction->setObjectName(u"aboutAction"_s);
    aboutAction->setMenuRole(QAction::AboutRole);
}

// What each page tells the others and the window.
void MainWindow::connectPages()
{
    connect(m_signIn, &SignInWidget::signedIn, this, &MainWindow::enterWorkspace);
    connect(m_siteDatabaseRetry, &SiteDatabaseRetryWidget::retryRequested, this,
            &MainWindow::retrySiteDatabase);
    connect(m_admin, &AdminWidget::settingsChanged, this, &MainWindow::applySettings);
    connect(m_form, &RecordFormWidget::recordSaved, m_queue, &QueueWidget::refresh);
    connect(m_resultEntry, &ResultEntryWidget::resultEntered, m_queue, &QueueWidget::refresh);
    connect(m_form, &RecordFormWidget::recordSaved, m_dashboard, &DashboardWidget::scheduleRefresh);
    connect(m_resultEntry, &ResultEntryWidget::resultEntered, m_dashboard,
            &DashboardWidget::scheduleRefresh);
    connect(m_form, &RecordFormWidget::recordSaved, this, &MainWindow::updateSyncState);
    connect(m_resultEntry, &ResultEntryWidget::resultEntered, this, &MainWindow::updateSyncState);
    connect(m_queue, &QueueWidget::reprintRequested, this, &MainWindow::reprintLabel);
    connect(m_queue, &QueueWidget::correctionRequested, this, &MainWindow::correctRecord);
    connect(m_workspace, &QTabWidget::currentChanged, this, [this] {
        if (m_workspace->currentWidget() == m_dashboard)
            m_dashboard->refresh();
    });
}

MainWindow::~MainWindow()
{
    // An attempt under way ends within libpq's connect_timeout.
    if (m_siteDatabaseProbe)
        m_siteDatabaseProbe->wait();
}

void MainWindow::start()
{
    if (Store::isSiteDatabase(m_storePath)) {
        // Out of reach, the database may keep libpq waiting for its connect_timeout: the
        // window shows that it is connecting meanwhile, never a blank frame.
        m_siteDatabaseRetry->showConnecting();
        m_stack->setCurrentWidget(m_siteDatabaseRetry);
        retrySiteDatabase();
        return;
    }
    if (!QFileInfo::exists(m_storePath)) {
        runSetupWizard();
        return;
    }
    QString error;
    if (!m_store.open(m_storePath, &error)) {
        // A file that cannot be opened stays so until someone repairs it: trying again
        // would not help, the message says what is wrong.
        MessageBox::information(this, tr("The store cannot be opened"), error);
        return;
    }
    if (const Store::Moved moved = m_store.movedTo(); !moved.siteUrl.isEmpty()) {
        // Saving here would keep records from the site: the station joins it instead.
        runSetupWizard();
        m_wizard->proposeSiteDatabase(
            moved.siteUrl,
            tr("This station's records were moved into the site database on %1: join it to "
               "go on working there.")
                .arg(QLocale().toString(moved.at.toLocalTime(), QLocale::ShortFormat)));
        return;
    }
    showSignIn();
}

// A site database may be out of reach for a while (its server restarting, the network
// down): the station says so in its window and tries again until it answers.
void MainWindow::openSiteDatabase()
{
    QString error;
    // A site database without a store yet: this is the site's first station.
    bool empty = false;
    if (!m_store.openSiteDatabase(m_storePath, &empty, &error)) {
        m_stack->setCurrentWidget(m_siteDatabaseRetry);
        m_siteDatabaseRetry->showUnreachable(error);
        return;
    }
    m_siteDatabaseRetry->stop();
    if (empty)
        runSetupWizard();
    else
        showSignIn();
}

void MainWindow::retrySiteDatabase()
{
    if (m_siteDatabaseProbe)
        return; // one attempt at a time
    m_siteDatabaseRetry->showTrying();
    auto reason = std::make_shared<QString>();
    auto answered = std::make_shared<bool>(false);
    m_siteDatabaseProbe.reset(QThread::create([url = m_storePath, reason, answered] {
        *answered = Store::siteDatabaseAnswers(url, reason.get());
    }));
    connect(m_siteDatabaseProbe.get(), &QThread::finished, this, [this, reason, answered] {
        m_siteDatabaseProbe.reset();
        if (*answered)
            openSiteDatabase(); // it answers now: the store opens at once
        else
            m_siteDatabaseRetry->showUnreachable(*reason);
    });
    m_siteDatabaseProbe->start();
}

void MainWindow::runSetupWizard()
{
    m_wizard = new SetupWizard(m_store, m_storePath, this);
    m_wizard->setObjectName(u"setupWizard"_s);
    connect(m_wizard, &QWizard::accepted, this, [this] {
        m_storePath = m_wizard->storeLocation();
        m_store.signOut(); // the wizard's administrator signs in like everyone else
        m_wizard->deleteLater();
        m_wizard = nullptr;
        showSignIn();
    });
    connect(m_wizard, &QWizard::rejected, this, &QWidget::close);
    m_wizard->open();
}

void MainWindow::showSignIn()
{
    m_lockedUser.clear();
    m_signIn->showSignIn();
    m_stack->setCurrentWidget(m_signIn);
    statusBar()->clearMessage();
}

void MainWindow::enterWorkspace()
{
    const Account user = m_store.currentUser();
    if (!m_lockedUser.isEmpty() && user.name != m_lockedUser) {
        // Only the user who locked the session unlocks it.
        m_store.signOut();
        m_signIn->showLocked(m_lockedUser);
        return;
    }
    const bool resuming = !m_lockedUser.isEmpty();
    m_lockedUser.clear();

    while (m_workspace->count() > 0)
        m_workspace->removeTab(0);
    if (roleAllows(user.role, Permission::CreateRecord))
        m_workspace->addTab(m_form, tr("&New sampling"));
    if (roleAllows(user.role, Permission::EnterResult)) {
        m_results = std::make_unique<ResultStore>(m_store);
        m_resultEntry->setResultStore(m_results.get());
        m_workspace->addTab(m_resultEntry, tr("&Results"));
        connect(m_results.get(), &ResultStore::activationCodeMissing, this, [this] {
            MessageBox::information(this, tr("No activation code left"),
                                    tr("This positive result has no activation code: none is "
                                       "left. Its QR code will be made as soon as codes arrive; "
                                       "import a batch of codes now if you have one."));
        });
    }
    if (roleAllows(user.role, Permission::ViewIdentity)) {
        m_workspace->addTab(m_queue, tr("&Queue"));
        m_queue->setAccess(roleAllows(user.role, Permission::CreateRecord),
                           roleAllows(user.role, Permission::EnterResult));
        m_queue->setRecordStore(m_store.records());
        m_queue->refresh();
    }

    if (roleAllows(user.role, Permission::ViewIdentity)) {
        // Sending needs to read the records: the users who may see them send them.
        m_workspace->addTab(m_syncPanel, tr("S&ynchronisation"));
        startSync();
    }
    if (roleAllows(user.role, Permission::ManageAccounts)) {
        m_workspace->addTab(m_admin, tr("&Accounts and settings"));
        m_admin->refresh();
        m_workspace->addTab(m_syncSettings, tr("&National server"));
        m_syncSettings->refresh();
    }
    // Counts only: every role sees how the site is doing, after its own work.
    m_workspace->addTab(m_dashboard, tr("Site &figures"));
    // Pages the role does not get stay hidden (a removed tab's page is not hidden by Qt).
    for (QWidget* page : {static_cast<QWidget*>(m_form), static_cast<QWidget*>(m_queue),
                          static_cast<QWidget*>(m_admin), static_cast<QWidget*>(m_syncSettings),
                          static_cast<QWidget*>(m_resultEntry), static_cast<QWidget*>(m_syncPanel),
                          static_cast<QWidget*>(m_dashboard)}) {
        if (m_workspace->indexOf(page) < 0)
            page->hide();
    }
    m_workspace->setCurrentIndex(0);
    m_stack->setCurrentWidget(m_workspace);

    if (roleAllows(user.role, Permission::CreateRecord)) {
        // A form left in progress (crash, lock, power cut) comes back.
        m_form->startNew();
        if (m_form->restoreDraft() && !resuming) {
            MessageBox::information(this, tr("Form restored"),
                                    tr("The sampling form you had started was restored."));
        }
    }
    const QString site = m_store.setting(u"site.name"_s, m_store.siteFiness());
    QString status = tr("%1 (%2) at %3").arg(user.name, UiLanguage::roleName(user.role), site);
    if (const Store::RefusedSignIns refused = m_store.refusedSignIns(); refused.count > 0) {
        // Attempts that were not the user's own are for them to notice and report.
        status += u" — "_s +
                  tr("%n refused sign-in(s) on your account since your last sign-in, the last "
                     "at %1",
                     nullptr, refused.count)
                      .arg(QLocale().toString(refused.last.toLocalTime(), QLocale::ShortFormat));
    }
    statusBar()->showMessage(status);
    applySettings();
    m_idle->start();
    m_offline = false;
    updateSyncState();
    m_syncStateTimer.start();
}

void MainWindow::updateSyncState()
{
    if (!m_store.isSignedIn()) {
        m_syncStateLabel->clear();
        m_syncStateLabel->setStyleSheet(QString());
        return;
    }
    const SyncBacklog backlog = SyncBacklog::read(m_store);
    const QString waits =
        backlog.waiting == 0
            ? tr("nothing waits")
            : tr("%n waiting since %1", nullptr, backlog.waiting)
                  .arg(QLocale().toString(backlog.oldest.toLocalTime(), QLocale::ShortFormat));
    QString state;
    Feedback::Tone tone = Feedback::Tone::Info;
    const bool offline = m_syncScheduler && m_syncScheduler->isOffline();
    if (!m_syncScheduler) {
        state = roleAllows(m_store.currentUser().role, Permission::ViewIdentity)
                    ? tr("National server: not set up")
                    : tr("National server");
        tone = Feedback::Tone::Warning;
    } else if (m_syncScheduler->storeWentBack()) {
        // Nothing goes until an administrator looks: the sync panel says what to do.
        state = tr("National server: this store went back in time, nothing is sent (see "
                   "Sync)");
        tone = Feedback::Tone::Error;
    } else if (offline) {
        state = tr("National server: out of reach, records kept");
        tone = Feedback::Tone::Warning;
    } else {
        state = m_syncScheduler->isInRound() ? tr("National server: sending")
                                             : tr("National server: connected");
        tone = Feedback::Tone::Success;
    }
    if (backlog.rejected > 0) {
        tone = Feedback::Tone::Error;
        state += u" — "_s + tr("%n refused", nullptr, backlog.rejected);
    }
    m_syncStateLabel->setText(state + u" — "_s + waits);
    m_syncStateLabel->setStyleSheet(
        u"QLabel { color: %1; background: %2; padding: 1px 6px; }"_s.arg(
            Feedback::foreground(tone).name(), Feedback::background(tone).name()));
    if (offline && !m_offline)
        Feedback::instance()->cue(Feedback::Cue::Offline);
    m_offline = offline;
}

void MainWindow::reprintLabel(const QUuid& id, const QString& tubeLabel)
{
    QString error;
    if (!TubeLabelPrinter(m_store).printWithSettings(this, {tubeLabel}, &error)) {
        if (!error.isEmpty())
            m_queue->showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    if (!m_store.audit(u"label.reprint"_s, id.toString(QUuid::WithoutBraces), {}, &error)) {
        m_queue->showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    m_queue->showMessage(int(Feedback::Tone::Success),
                         tr("Label %1 printed again.").arg(tubeLabel));
}

void MainWindow::correctRecord(const QUuid& id)
{
    if (m_workspace->indexOf(m_form) < 0)
        return;
    // The form in progress is someone's sampling: it is finished or discarded first.
    if (m_form->hasInput() && m_form->amendedRecord() != id) {
        m_queue->showMessage(int(Feedback::Tone::Warning),
                             tr("A sampling is in progress in the form: save it or discard it "
                                "first, then correct this record."));
        return;
    }
    QString error;
    if (!m_form->startAmendment(id, &error)) {
        m_queue->showMessage(int(Feedback::Tone::Error), error);
        return;
    }
    m_workspace->setCurrentWidget(m_form);
}

void MainWindow::applySettings()
{
    const int minutes = m_store.setting(u"session.lockMinutes"_s, u"5"_s).toInt();
    m_idle->setTimeout(std::max(1, minutes) * 60 * 1000);
}

void MainWindow::lock()
{
    if (!m_store.isSignedIn())
        return;
    m_idle->stop();
    m_form->saveDraftNow();
    m_lockedUser = m_store.currentUser().name;
    // Nothing identifying stays in a widget, and the keys go with the sign-out.
    m_form->clearAll();
    m_queue->clear();
    m_dashboard->clear();
    dropSessionObjects();
    m_store.signOut();
    updateSyncState();
    m_syncStateTimer.stop();
    m_signIn->showLocked(m_lockedUser);
    m_stack->setCurrentWidget(m_signIn);
    statusBar()->clearMessage();
}

void MainWindow::signOut()
{
    if (!m_store.isSignedIn())
        return;
    m_idle->stop();
    m_form->saveDraftNow();
    m_form->clearAll();
    m_queue->clear();
    m_dashboard->clear();
    dropSessionObjects();
    m_store.signOut();
    updateSyncState();
    m_syncStateTimer.stop();
    showSignIn();
}

void MainWindow::showScanMessage(const QString& message)
{
    statusBar()->showMessage(message, 10000);
}

void MainWindow::dropSessionObjects()
{
    m_resultEntry->setResultStore(nullptr);
    m_results.reset();
    m_syncPanel->setSync(nullptr, nullptr, {});
    m_syncScheduler.reset();
    m_codeRefill.reset();
    m_usedCodeReport.reset();
    m_syncEngine.reset();
    m_syncTransport.reset();
}

void MainWindow::startSync()
{
    QSslConfiguration tls;
    QUrl url;
    QString error;
    // Not configured yet is normal on a new site: the panel says what is missing.
    if (!SyncSettings(m_store).load(&tls, &url, &error)) {
        m_syncPanel->setSync(nullptr, nullptr, {});
        return;
    }
    m_syncTransport = std::make_unique<HttpsTransport>(url, tls);
    m_syncEngine = std::make_unique<SyncEngine>(m_store, m_syncTransport.get());
    m_syncScheduler = std::make_unique<SyncScheduler>(*m_syncEngine, *m_syncTransport);
    // After each round: tell the server which codes were used, apart from the records.
    m_usedCodeReport = std::make_unique<UsedCodeReport>(m_store, m_syncTransport.get());
    m_syncScheduler->addAfterRound([report = m_usedCodeReport.get()] {
        const QString previous = report->lastProblem(); // the report answers later
        report->reportPending();
        return report->isBusy() ? previous : report->lastProblem();
    });
    connect(m_usedCodeReport.get(), &UsedCodeReport::finished, m_syncPanel,
            &SyncPanelWidget::refresh);
    // Then keep the activation-code pool stocked (lab and admin only).
    m_codeRefill = std::make_unique<CodeRefill>(m_store, m_syncTransport.get());
    m_syncScheduler->addAfterRound([refill = m_codeRefill.get()] {
        const QString previous = refill->lastProblem(); // the refill answers later
        refill->refillIfLow();
        return refill->isBusy() ? previous : refill->lastProblem();
    });
    connect(m_codeRefill.get(), &CodeRefill::finished, m_syncPanel, &SyncPanelWidget::refresh);
    // Then erase what the retention window says must go (on the engine's clock, as the
    // outbox's times are).
    m_syncScheduler->addAfterRound([this] {
        RecordPurge::Report report;
        QString purgeError;
        if (!RecordPurge(m_store).purgeDue(m_syncEngine->now(), &report, &purgeError))
            return purgeError;
        if (report.records > 0)
            m_queue->refresh();
        return QString();
    });
    m_syncPanel->setSync(m_syncEngine.get(), m_syncScheduler.get(), url.toString());
    for (auto signal : {&SyncScheduler::roundStarted, &SyncScheduler::roundFinished})
        connect(m_syncScheduler.get(), signal, this, &MainWindow::updateSyncState);
    connect(m_syncScheduler.get(), &SyncScheduler::offlineChanged, this,
            &MainWindow::updateSyncState);
    connect(m_syncScheduler.get(), &SyncScheduler::roundFinished, m_dashboard,
            &DashboardWidget::scheduleRefresh);
    m_syncScheduler->start();
}

void MainWindow::routeScan(const QString& text)
{
    // The lab scans tubes to open their records.
    if (m_store.isSignedIn() && m_results && BarcodeDecoder::isTubeLabel(text)) {
        m_workspace->setCurrentWidget(m_resultEntry);
        m_resultEntry->openTube(text);
        return;
    }
    if (!m_store.isSignedIn() ||
        !roleAllows(m_store.currentUser().role, Permission::CreateRecord)) {
        showScanMessage(tr("A scan was read, but this screen has no use for it."));
        return;
    }
    const CodeClassification code = BarcodeDecoder::classify(text);
    switch (code.kind) {
    case CodeClassification::Kind::TubeLabel:
        m_workspace->setCurrentWidget(m_form);
        // Refused (already used, not the label just printed): said at the field, in red, and
        // here, never as "read".
        if (m_form->setTubeLabel(text))
            showScanMessage(tr("Tube label read."));
        else
            showScanMessage(tr("Tube label refused: see the message at the tube field."));
        return;
    case CodeClassification::Kind::InsDataMatrix: {
        m_workspace->setCurrentWidget(m_form);
        const QJsonObject patient = InsDataMatrix::patientJson(code.identity);
        const QStringList changes = m_form->identityChanges(patient);
        // Never overwrite what the nurse typed without saying what would change.
        if (!changes.isEmpty() &&
            MessageBox::question(this, tr("Replace the identity?"),
                                 tr("The document's identity differs from the form in: %1. "
                                    "Replace with the document's identity?")
                                     .arg(changes.join(u", "_s))) != MessageBox::Yes) {
            showScanMessage(tr("The identity from the document was not used."));
            return;
        }
        m_form->applyIdentity(patient);
        Feedback::instance()->cue(Feedback::Cue::Accepted);
        showScanMessage(tr("Qualified identity read from the INS code."));
        return;
    }
    case CodeClassification::Kind::Unknown:
        Feedback::instance()->cue(Feedback::Cue::Refused);
        showScanMessage(code.malformedIns ? tr("INS code refused: %1").arg(code.reason)
                                          : tr("Code not recognised: %1").arg(code.reason));
        return;
    }
}

void MainWindow::scanImageFile(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // phone photos carry their orientation
    const QImage image = reader.read();
    if (image.isNull()) {
        showScanMessage(tr("This file cannot be read as an image: %1").arg(reader.errorString()));
        return;
    }
    const QList<DecodedBarcode> codes = BarcodeDecoder::decode(image);
    if (codes.isEmpty()) {
        showScanMessage(tr("No code was found in this image."));
        return;
    }
    for (const DecodedBarcode& code : codes)
        routeScan(code.text);
}

void MainWindow::chooseImageToScan()
{
    const QString path = MessageBox::openFile(this, tr("Scan an image"),
                                              tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff)"));
    if (!path.isEmpty())
        scanImageFile(path);
}

void MainWindow::showAbout()
{
    // Not modal to the event loop: open() returns at once, the dialog deletes itself.
    auto* dialog =
        new AboutDialog(m_store.isOpen() ? m_store.siteFiness() : QString(), m_storePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::printLabelBatch()
{
    if (!m_store.isSignedIn())
        return;
    // Not modal-blocking: the dialog answers through its signals.
    auto* dialog = new LabelBatchDialog(this);
    dialog->setObjectName(u"labelBatchDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        TubeLabelPrinter labels(m_store);
        QStringList numbers;
        QString error;
        if (!labels.newLabels(dialog->count(), &numbers, &error) ||
            !labels.printWithSettings(this, numbers, &error)) {
            showScanMessage(error.isEmpty() ? tr("No labels printed.") : error);
            return;
        }
        showScanMessage(tr("%n label(s) printed, from %1 to %2.", nullptr, int(numbers.size()))
                            .arg(numbers.first(), numbers.last()));
    });
    dialog->open();
}

void MainWindow::scanWithCamera()
{
    // Not modal to the event loop, like the other dialogs: open() returns at once.
    auto* dialog = new CameraScanDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { routeScan(dialog->scannedText()); });
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_store.isSignedIn())
        m_form->saveDraftNow();
    m_store.signOut();
    event->accept();
}
