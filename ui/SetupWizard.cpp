#include "SetupWizard.h"

#include "Identifiers.h"
#include "SecureBytes.h"
#include "Store.h"
#include "ui_SetupWizard.h"

using namespace Qt::StringLiterals;

SetupWizard::SetupWizard(Store& store, const QString& storePath, QWidget* parent)
    : QWizard(parent)
    , m_ui(std::make_unique<Ui::SetupWizard>())
    , m_store(store)
    , m_storePath(storePath)
    , m_fileLocation(Store::isSiteDatabase(storePath) ? Store::defaultFilePath() : storePath)
{
    m_ui->setupUi(this);
    setOption(QWizard::NoCancelButton, false);
    connect(m_ui->siteDatabaseRadioButton, &QRadioButton::toggled, this, [this](bool site) {
        m_ui->siteDatabaseLineEdit->setEnabled(site);
        if (site)
            m_ui->siteDatabaseLineEdit->setFocus();
    });
    if (Store::isSiteDatabase(storePath))
        proposeSiteDatabase(storePath);
}

void SetupWizard::proposeSiteDatabase(const QString& url, const QString& why)
{
    m_ui->siteDatabaseRadioButton->setChecked(true);
    m_ui->siteDatabaseLineEdit->setText(url);
    m_ui->deploymentMessageLabel->setText(why);
}

SetupWizard::~SetupWizard() = default;

QString SetupWizard::adminName() const
{
    return m_ui->adminNameLineEdit->text().trimmed();
}

bool SetupWizard::validateCurrentPage()
{
    if (currentPage() == m_ui->deploymentPage)
        return acceptDeploymentPage();
    if (currentPage() == m_ui->sitePage)
        return acceptSitePage();
    if (currentPage() == m_ui->adminPage)
        return m_created || createStore();
    // Finishing needs the box ticked: the key is never shown again.
    if (currentPage() == m_ui->recoveryPage && !m_ui->recoveryKeptCheckBox->isChecked()) {
        m_ui->recoveryKeptCheckBox->setFocus();
        return false;
    }
    return QWizard::validateCurrentPage();
}

bool SetupWizard::acceptDeploymentPage()
{
    // QWizard::done() validates the page once more before it accepts.
    if (m_joined)
        return true;
    m_ui->deploymentMessageLabel->clear();
    if (!m_ui->siteDatabaseRadioButton->isChecked()) {
        m_storePath = m_fileLocation;
        return true;
    }
    const QString url = m_ui->siteDatabaseLineEdit->text().trimmed();
    if (!Store::isSiteDatabase(url)) {
        m_ui->deploymentMessageLabel->setText(
            tr("Site database: the address starts with postgresql:// (ask the site's "
               "administrator for it)"));
        m_ui->siteDatabaseLineEdit->setFocus();
        return false;
    }
    QString error;
    bool empty = false;
    if (!m_store.openSiteDatabase(url, &empty, &error)) {
        m_ui->deploymentMessageLabel->setText(tr("Site database: %1").arg(error));
        m_ui->siteDatabaseLineEdit->setFocus();
        return false;
    }
    m_storePath = url;
    if (empty)
        return true; // the site's first station creates its store on the next pages
    // The site's store exists: this station joins it, and its users sign in as at any other.
    Store::rememberLocation(url);
    m_joined = true;
    QMetaObject::invokeMethod(this, &QWizard::accept, Qt::QueuedConnection);
    return false;
}

bool SetupWizard::acceptSitePage()
{
    const IdentifierCheck finess = Identifiers::checkFiness(m_ui->siteFinessLineEdit->text());
    if (!finess.valid) {
        m_ui->siteMessageLabel->setText(tr("Site FINESS: %1").arg(finess.message));
        m_ui->siteFinessLineEdit->setFocus();
        return false;
    }
    m_ui->siteFinessLineEdit->setText(finess.canonical);
    m_ui->siteMessageLabel->clear();
    return true;
}

bool SetupWizard::createStore()
{
    QString error;
    if (!Store::isValidUserName(adminName())) {
        m_ui->adminMessageLabel->setText(
            tr("User name: use lower-case letters, digits, '.', '_' or '-'"));
        m_ui->adminNameLineEdit->setFocus();
        return false;
    }
    const SecureBytes password = SecureBytes::fromUtf8(m_ui->adminPasswordLineEdit->text());
    const SecureBytes again = SecureBytes::fromUtf8(m_ui->adminPasswordConfirmLineEdit->text());
    if (!Store::isStrongEnough(password, adminName(), &error)) {
        m_ui->adminMessageLabel->setText(error);
        m_ui->adminPasswordLineEdit->setFocus();
        return false;
    }
    if (!(password == again)) {
        m_ui->adminMessageLabel->setText(tr("The two passwords differ."));
        m_ui->adminPasswordConfirmLineEdit->clear();
        m_ui->adminPasswordConfirmLineEdit->setFocus();
        return false;
    }
    QString recoveryKey;
    if (!m_store.initialize(m_storePath, m_ui->siteFinessLineEdit->text(), adminName(), password,
                            &recoveryKey, &error)) {
        m_ui->adminMessageLabel->setText(error);
        return false;
    }
    if (Store::isSiteDatabase(m_storePath))
        Store::rememberLocation(m_storePath);
    const QString siteName = m_ui->siteNameLineEdit->text().trimmed();
    if (!siteName.isEmpty() && !m_store.setSetting(u"site.name"_s, siteName, &error))
        m_ui->adminMessageLabel->setText(error);
    m_ui->adminPasswordLineEdit->clear();
    m_ui->adminPasswordConfirmLineEdit->clear();
    m_ui->recoveryKeyLabel->setText(recoveryKey);
    m_created = true;
    // The store exists now: going back would only confuse.
    m_ui->adminPage->setCommitPage(true);
    return true;
}
