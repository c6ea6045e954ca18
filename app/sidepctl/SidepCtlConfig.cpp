// sidepctl config: the workstation's sync settings (server URL, CA, client certificate) and
// how long records stay once the national server has them (retention.days).

#include "RecordPurge.h"
#include "SidepCtl.h"
#include "SyncSettings.h"
#include "Terminal.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

bool isPkcs12Name(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"p12"_s || suffix == u"pfx"_s;
}

} // namespace

int SidepCtl::checkConfig(const CommandArguments& args)
{
    const QString action = this->action();
    const QStringList& operands = args.positional();
    if (action == u"show"_s) {
        if (!operands.isEmpty())
            return usage(tr("config show takes no argument"));
        return Success;
    }
    if (action == u"set"_s) {
        if (operands.size() != 2)
            return usage(tr("config set needs a setting and a value: config set sync.url "
                            "https://HOST:PORT, or config set %1 DAYS")
                             .arg(RecordPurge::RetentionSetting));
        if (operands.at(0) != u"sync.url"_s && operands.at(0) != RecordPurge::RetentionSetting)
            return usage(tr("unknown setting '%1' (known: sync.url, %2)")
                             .arg(operands.at(0), RecordPurge::RetentionSetting));
        int days = 0;
        QString error;
        if (operands.at(0) == RecordPurge::RetentionSetting &&
            !RecordPurge::checkRetentionDays(operands.at(1), &days, &error)) {
            return fail(Invalid, error);
        }
    } else if (action == u"import-ca"_s) {
        if (operands.size() != 1)
            return usage(tr("config import-ca needs one PEM file"));
    } else if (action == u"import-cert"_s) {
        if (operands.size() == 1 && !isPkcs12Name(operands.at(0)))
            return usage(tr("config import-cert needs CERT.pem KEY.pem, or a PKCS#12 file "
                            "named .p12 or .pfx"));
        if (operands.isEmpty() || operands.size() > 2)
            return usage(tr("config import-cert needs CERT.pem KEY.pem, or FILE.p12"));
        if (operands.size() == 1 && args.flag(u"key-passphrase-stdin"_s))
            return usage(tr("--key-passphrase-stdin is for a PEM key; the PKCS#12 password "
                            "is always read from standard input"));
    }
    for (const QString& file : (action == u"set"_s ? QStringList() : operands)) {
        if (!QFileInfo(file).isFile())
            return fail(NotFound, tr("no file %1").arg(file));
    }
    return Success;
}

int SidepCtl::config(const CommandArguments& args)
{
    const QString action = this->action();
    const QStringList& operands = args.positional();
    if (action == u"show"_s) {
        for (const QString& line : SyncSettings(m_store).status().describe())
            m_out << line << Qt::endl;
        const bool retentionSet = !m_store.setting(RecordPurge::RetentionSetting).isEmpty();
        m_out << (retentionSet ? tr("%1: %2 days") : tr("%1: %2 days (default)"))
                     .arg(RecordPurge::RetentionSetting)
                     .arg(RecordPurge(m_store).retentionDays())
              << Qt::endl;
        return Success;
    }
    // The rights were checked before any passphrase is read: a user without them is told
    // so at once.
    QString error;
    SyncSettings settings(m_store);
    QStringList warnings;
    bool done = false;
    QString message;
    if (action == u"set"_s && operands.at(0) == RecordPurge::RetentionSetting) {
        done = m_store.setSetting(RecordPurge::RetentionSetting, operands.at(1), &error);
        message =
            tr("%1 set to %2 days")
                .arg(RecordPurge::RetentionSetting, m_store.setting(RecordPurge::RetentionSetting));
    } else if (action == u"set"_s) {
        done = settings.setServerUrl(operands.at(1), &error);
        message = tr("sync.url set to %1").arg(operands.at(1).trimmed());
    } else if (action == u"import-ca"_s) {
        done = settings.importCaCertificates(operands.at(0), &warnings, &error);
        message = tr("CA certificate(s) imported from %1").arg(operands.at(0));
    } else if (operands.size() == 1) {
        SecureBytes password;
        if (!readPassword(tr("PKCS#12 password: "), &password))
            return fail(Invalid, tr("no PKCS#12 password on standard input"));
        done = settings.importPkcs12(operands.at(0), password, &warnings, &error);
        message = tr("client certificate and key imported from %1").arg(operands.at(0));
    } else {
        SecureBytes passphrase;
        if (args.flag(u"key-passphrase-stdin"_s) &&
            !Terminal::readSecretLine(m_input, &passphrase)) {
            return fail(Invalid, tr("no key passphrase on standard input"));
        }
        done = settings.importClientCertificate(operands.at(0), operands.at(1), passphrase,
                                                &warnings, &error);
        if (!done && passphrase.isEmpty() && !args.flag(u"key-passphrase-stdin"_s)) {
            QFile key(operands.at(1));
            if (key.open(QIODevice::ReadOnly) && key.readAll().contains("ENCRYPTED"))
                error += u" "_s + tr("(with --key-passphrase-stdin)");
        }
        message = tr("client certificate and key imported from %1 and %2")
                      .arg(operands.at(0), operands.at(1));
    }
    for (const QString& warning : std::as_const(warnings))
        m_err << tr("sidepctl: warning: %1").arg(warning) << Qt::endl;
    if (!done)
        return fail(Invalid, error);
    m_out << message << Qt::endl;
    if (action != u"set"_s) {
        // Show what is now configured, so the administrator can check the fingerprints.
        for (const QString& line : settings.status().describe())
            m_out << u"  "_s << line << Qt::endl;
    }
    return Success;
}
