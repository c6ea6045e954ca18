#include "SyncSettingsWidget.h"

#include "HttpsTransport.h"
#include "MessageBox.h"
#include "RecordPurge.h"
#include "SecureBytes.h"
#include "Store.h"
#include "SyncPanelWidget.h"
#include "SyncSettings.h"
#include "ui_SyncSettingsWidget.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

bool isPkcs12(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"p12"_s || suffix == u"pfx"_s;
}

} // namespace

SyncSettingsWidget::SyncSettingsWidget(Store& store, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SyncSettingsWidget>())
    , m_store(store)
{
    m_ui->setupUi(this);
    m_ui->retentionSpinBox->setRange(RecordPurge::MinRetentionDays, RecordPurge::MaxRetentionDays);
    connect(m_ui->saveUrlButton, &QPushButton::clicked, this, &SyncSettingsWidget::saveUrl);
    connect(m_ui->serverUrlLineEdit, &QLineEdit::returnPressed, this, &SyncSettingsWidget::saveUrl);
    connect(m_ui->saveRetentionButton, &QPushButton::clicked, this,
            &SyncSettingsWidget::saveRetention);
    connect(m_ui->importCaButton, &QPushButton::clicked, this, &SyncSettingsWidget::importCa);
    connect(m_ui->importClientButton, &QPushButton::clicked, this,
            &SyncSettingsWidget::importClientCertificate);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this,
            &SyncSettingsWidget::testConnection);
}

SyncSettingsWidget::~SyncSettingsWidget() = default;

void SyncSettingsWidget::refresh()
{
    if (!m_store.isSignedIn())
        return;
    const SyncSettings::Status status = SyncSettings(m_store).status();
    QStringList lines = status.describe();
    if (!status.isComplete())
        lines.append(tr("Sync cannot start until all of these are set."));
    m_ui->statusLabel->setText(lines.join(u'\n'));
    m_ui->serverUrlLineEdit->setText(status.url.toString());
    m_ui->retentionSpinBox->setValue(RecordPurge(m_store).retentionDays());
    m_ui->testConnectionButton->setEnabled(status.isComplete());
}

void SyncSettingsWidget::report(const QString& message, const QStringList& warnings)
{
    QStringList lines{SyncPanelWidget::readable(message)};
    for (const QString& warning : warnings)
        lines.append(tr("Warning: %1").arg(SyncPanelWidget::readable(warning)));
    m_ui->messageLabel->setText(lines.join(u'\n'));
}

void SyncSettingsWidget::saveUrl()
{
    QString error;
    if (!SyncSettings(m_store).setServerUrl(m_ui->serverUrlLineEdit->text().trimmed(), &error)) {
        report(error);
        return;
    }
    report(tr("Server address saved."));
    refresh();
    Q_EMIT settingsChanged();
}

void SyncSettingsWidget::saveRetention()
{
    QString error;
    if (!m_store.setSetting(RecordPurge::RetentionSetting,
                            QString::number(m_ui->retentionSpinBox->value()), &error)) {
        report(error);
        return;
    }
    report(tr("Identifying data will be erased %n day(s) after the server acknowledges a record.",
              nullptr, m_ui->retentionSpinBox->value()));
}

void SyncSettingsWidget::importCa()
{
    const QString path = MessageBox::openFile(this, tr("The national server's CA certificate"),
                                              tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (path.isEmpty())
        return;
    QStringList warnings;
    QString error;
    if (!SyncSettings(m_store).importCaCertificates(path, &warnings, &error)) {
        report(error);
        return;
    }
    report(tr("CA certificate imported: the server must now chain to it."), warnings);
    refresh();
    Q_EMIT settingsChanged();
}

void SyncSettingsWidget::importClientCertificate()
{
    const QString path =
        MessageBox::openFile(this, tr("The site's certificate"),
                             tr("PKCS#12 or PEM (*.p12 *.pfx *.pem *.crt);;All files (*)"));
    if (path.isEmpty())
        return;
    QStringList warnings;
    QString error;
    bool imported = false;
    if (isPkcs12(path)) {
        const SecureBytes password = SecureBytes::fromUtf8(MessageBox::askPassword(
            this, tr("PKCS#12 password"), tr("Password of the PKCS#12 file (empty if none):")));
        imported = SyncSettings(m_store).importPkcs12(path, password, &warnings, &error);
    } else {
        const QString keyPath =
            MessageBox::openFile(this, tr("The site's private key"),
                                 tr("PEM private keys (*.key *.pem);;All files (*)"));
        if (keyPath.isEmpty())
            return;
        const SecureBytes passphrase = SecureBytes::fromUtf8(
            MessageBox::askPassword(this, tr("Private key passphrase"),
                                    tr("Passphrase of the private key (empty if none):")));
        imported = SyncSettings(m_store).importClientCertificate(path, keyPath, passphrase,
                                                                 &warnings, &error);
    }
    if (!imported) {
        report(error);
        return;
    }
    report(tr("Site certificate and private key imported; the key is kept encrypted in the "
              "store. The original files can be put away."),
           warnings);
    refresh();
    Q_EMIT settingsChanged();
}

void SyncSettingsWidget::testConnection()
{
    QSslConfiguration tls;
    QUrl url;
    QString error;
    if (!SyncSettings(m_store).load(&tls, &url, &error)) {
        report(error);
        return;
    }
    m_testTransport = std::make_unique<HttpsTransport>(url, tls);
    m_ui->testConnectionButton->setEnabled(false);
    report(tr("Connecting to %1...").arg(url.toString()));
    // An empty batch: the answer proves the address, both certificates and the protocol
    // without sending any record.
    m_testTransport->postBundles(QJsonArray(), [this](const SyncTransport::Reply& reply) {
        m_ui->testConnectionButton->setEnabled(true);
        if (reply.networkError)
            report(tr("The connection failed: %1").arg(reply.errorText));
        else if (reply.httpStatus >= 500)
            report(tr("The server answered with an error (HTTP %1); try again later.")
                       .arg(reply.httpStatus));
        else
            report(tr("The server answered: the address and the certificates work."));
    });
}
