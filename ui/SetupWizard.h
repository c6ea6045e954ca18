#pragma once

#include <QWizard>
#include <memory>

namespace Ui {
class SetupWizard;
}
class Store;

// First start on an empty machine: the site's FINESS and name, the first administrator,
// then the recovery key, shown once, with a confirmation that it was kept. The store is
// created when the administrator page is accepted.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    SetupWizard(Store& store, const QString& storePath, QWidget* parent = nullptr);
    ~SetupWizard() override;

    QString adminName() const;

protected:
    bool validateCurrentPage() override;

private:
    bool acceptSitePage();
    bool createStore();

    std::unique_ptr<Ui::SetupWizard> m_ui;
    Store& m_store;
    QString m_storePath;
    bool m_created = false;
};
