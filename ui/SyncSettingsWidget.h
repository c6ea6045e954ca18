#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class SyncSettingsWidget;
}
class HttpsTransport;
class Store;

// The administrator's settings for the national server: its address, the CA it must chain
// to, the site's client certificate and private key (PEM files, the key possibly
// encrypted, or a PKCS#12 file), how long identifying data stays after the server has a
// record, and a connection test. Files are read once and checked (SyncSettings); the key
// goes only into the encrypted store, never anywhere else.
class SyncSettingsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SyncSettingsWidget(Store& store, QWidget* parent = nullptr);
    ~SyncSettingsWidget() override;

    void refresh();

Q_SIGNALS:
    // The sync settings changed: whoever syncs starts again with them.
    void settingsChanged();

private:
    void saveUrl();
    void saveRetention();
    void importCa();
    void importClientCertificate();
    void testConnection();
    // Shows what happened, with the import's warnings (a certificate close to expiry).
    void report(const QString& message, const QStringList& warnings = {});

    std::unique_ptr<Ui::SyncSettingsWidget> m_ui;
    Store& m_store;
    std::unique_ptr<HttpsTransport> m_testTransport;
};
