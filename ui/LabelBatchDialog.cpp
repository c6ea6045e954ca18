#include "LabelBatchDialog.h"

#include "ui_LabelBatchDialog.h"

#include <QFontMetrics>
#include <QPushButton>

LabelBatchDialog::LabelBatchDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LabelBatchDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The title bar shows the whole title: room for it, and for the window's buttons.
    const int titleWidth = QFontMetrics(font()).horizontalAdvance(windowTitle());
    setMinimumWidth(std::max(420, titleWidth + 160));
}

LabelBatchDialog::~LabelBatchDialog() = default;

int LabelBatchDialog::count() const
{
    return m_ui->countSpinBox->value();
}
