#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class LabelBatchDialog;
}

// Asks how many tube labels to print for pre-printed tubes. Wide enough for its whole title,
// which a window manager would otherwise cut.
class LabelBatchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LabelBatchDialog(QWidget* parent = nullptr);
    ~LabelBatchDialog() override;

    int count() const;

private:
    std::unique_ptr<Ui::LabelBatchDialog> m_ui;
};
