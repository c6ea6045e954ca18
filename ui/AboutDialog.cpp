#include "AboutDialog.h"

#include "ApplicationIcon.h"
#include "BarcodeDecoder.h"
#include "Crypto.h"
#include "QrCode.h"
#include "SidepVersion.h"
#include "ui_AboutDialog.h"

#include <QDir>
#include <QFile>
#include <QPushButton>

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(const QString& siteFiness, const QString& storePath, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    setObjectName(u"aboutDialog"_s);
    m_ui->iconLabel->setPixmap(ApplicationIcon::icon().pixmap(64, 64));
    m_ui->versionValueLabel->setText(QStringLiteral(SIDEP_VERSION));
    m_ui->commitValueLabel->setText(QStringLiteral(SIDEP_GIT_COMMIT));
    m_ui->siteFinessValueLabel->setText(siteFiness.isEmpty() ? tr("none yet (first start)")
                                                             : siteFiness);
    m_ui->storePathValueLabel->setText(QDir::toNativeSeparators(storePath));

    // SPDX identifiers: the licences' own names, the same in every language.
    const QList<QStringList> components = {
        {u"Qt"_s, QString::fromLatin1(qVersion()), u"LGPL-3.0-only"_s},
        {u"OpenSSL"_s, Crypto::libraryVersion(), u"Apache-2.0"_s},
        {u"ZXing-C++"_s, BarcodeDecoder::libraryVersion(), u"Apache-2.0"_s},
        {u"libqrencode"_s, QrCode::libraryVersion(), u"LGPL-2.1-or-later"_s},
    };
    QTableWidget* table = m_ui->componentsTableWidget;
    table->setRowCount(int(components.size()));
    for (int row = 0; row < components.size(); ++row) {
        for (int column = 0; column < 3; ++column)
            table->setItem(row, column, new QTableWidgetItem(components.at(row).at(column)));
    }
    table->resizeColumnsToContents();

    // From the resources that ApplicationIcon::icon() registered above.
    QFile licence(u":/sidep/LICENSE"_s);
    if (licence.open(QIODevice::ReadOnly))
        m_ui->licencePlainTextEdit->setPlainText(QString::fromUtf8(licence.readAll()));

    m_ui->buttonBox->button(QDialogButtonBox::Close)->setObjectName(u"closeButton"_s);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog() = default;
