#pragma once

#include <QMainWindow>
#include <QThread>
#include <QTimer>
#include <memory>

class AdminWidget;
class DashboardWidget;
class IdleWatcher;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QueueWidget;
class RecordFormWidget;
class ResultEntryWidget;
class ResultStore;
class CodeRefill;
class UsedCodeReport;
class SyncEngine;
class SyncScheduler;
class SyncSettingsWidget;
class SyncPanelWidget;
class SyncTransport;
class ScannerInput;
class SetupWizard;
class SignInWidget;
class SiteDatabaseRetryWidget;
class Store;

// The workstation's window: sign-in, then what the user's role lets them do (sampling,
// the queue, administration). Locks itself when idle or on Ctrl+L: the keys are wiped,
// the form in progress is kept as an encrypted draft and nothing identifying stays on
// screen.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Store& store, const QString& storePath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the store, or runs the first-start wizard when there is none. A site database
    // that does not answer gets a page that tries again until it does.
    void start();
    void lock();
    bool isLocked() const { return !m_lockedUser.isEmpty(); }

    RecordFormWidget* recordForm() const { return m_form; }
    QueueWidget* queue() const { return m_queue; }
    ResultEntryWidget* resultEntry() const { return m_resultEntry; }
    SyncSettingsWidget* syncSettings() const { return m_syncSettings; }
    SyncPanelWidget* syncPanel() const { return m_syncPanel; }
    SetupWizard* setupWizard() const { return m_wizard; }
    DashboardWidget* dashboard() const { return m_dashboard; }
    // The connection to the national server, always in the status bar.
    QLabel* syncStateLabel() const { return m_syncStateLabel; }

    // Where a scanned code goes: a tube label to the form's label field, an INS identity
    // to the form's identity (after saying what it would change).
    void routeScan(const QString& text);
    // Reads the codes of a photo or a scan of a document, and routes them.
    void scanImageFile(const QString& path);
    ScannerInput* scannerInput() const { return m_scanner; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // The constructor's parts, in the order it calls them.
    void createPages();
    void createSyncStateLabel();
    void createSessionMenu();
    void createScanAndHelpMenus();
    void connectPages();
    void openSiteDatabase();
    // An attempt to reach the site database (at start, then from the page waiting for it):
    // whether it answers is asked on another thread (libpq may wait its connect_timeout),
    // then the store opens.
    void retrySiteDatabase();
    void runSetupWizard();
    void showSignIn();
    void enterWorkspace();
    void signOut();
    void applySettings();
    void showScanMessage(const QString& message);
    void chooseImageToScan();
    void scanWithCamera();
    void printLabelBatch();
    void showAbout();
    void dropSessionObjects();
    void startSync();
    void updateSyncState();
    void reprintLabel(const QUuid& id, const QString& tubeLabel);
    void correctRecord(const QUuid& id);

    Store& m_store;
    QString m_storePath;
    QStackedWidget* m_stack = nullptr;
    SignInWidget* m_signIn = nullptr;
    SiteDatabaseRetryWidget* m_siteDatabaseRetry = nullptr;
    std::unique_ptr<QThread> m_siteDatabaseProbe; // the attempt under way, if any
    QTabWidget* m_workspace = nullptr;
    RecordFormWidget* m_form = nullptr;
    QueueWidget* m_queue = nullptr;
    AdminWidget* m_admin = nullptr;
    SyncSettingsWidget* m_syncSettings = nullptr;
    ResultEntryWidget* m_resultEntry = nullptr;
    std::unique_ptr<ResultStore> m_results; // the signed-in lab user's
    SyncPanelWidget* m_syncPanel = nullptr;
    DashboardWidget* m_dashboard = nullptr;
    QLabel* m_syncStateLabel = nullptr;
    QTimer m_syncStateTimer;
    bool m_offline = false;
    std::unique_ptr<SyncTransport> m_syncTransport; // the signed-in session's
    std::unique_ptr<SyncEngine> m_syncEngine;
    std::unique_ptr<CodeRefill> m_codeRefill;
    std::unique_ptr<UsedCodeReport> m_usedCodeReport;
    std::unique_ptr<SyncScheduler> m_syncScheduler;
    SetupWizard* m_wizard = nullptr;
    IdleWatcher* m_idle = nullptr;
    ScannerInput* m_scanner = nullptr;
    QString m_lockedUser;
};
