#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

// Help > About: the version and the commit it was built from, this site's FINESS and store,
// the libraries in use with their versions and licences, and the program's licence text.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    // `siteFiness` empty when no store exists yet (first start).
    AboutDialog(const QString& siteFiness, const QString& storePath, QWidget* parent = nullptr);
    ~AboutDialog() override;

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};
