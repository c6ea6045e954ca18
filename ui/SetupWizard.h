#pragma once

#include <QWizard>
#include <memory>

namespace Ui {
class SetupWizard;
}
class Store;

// First start on an empty machine: a standalone station (a store file) or one that joins
// its site's database (a postgresql:// URL). Joining a database that holds the site's
// store ends here; otherwise the site's FINESS and name, the first administrator, then the
// recovery key, shown once, with a confirmation that it was kept. The store is created
// when the administrator page is accepted.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    SetupWizard(Store& store, const QString& storePath, QWidget* parent = nullptr);
    ~SetupWizard() override;

    QString adminName() const;
    // Where the store is: the file path given, or the site database joined.
    QString storeLocation() const { return m_storePath; }
    // Chooses "join the site database" with this address (a station started on a URL that
    // holds no store yet, or on a file whose records were moved there), saying `why`.
    void proposeSiteDatabase(const QString& url, const QString& why = {});

protected:
    bool validateCurrentPage() override;

private:
    bool acceptDeploymentPage();
    bool acceptSitePage();
    bool createStore();

    std::unique_ptr<Ui::SetupWizard> m_ui;
    Store& m_store;
    QString m_storePath;
    const QString m_fileLocation; // the standalone station's file
    bool m_created = false;
    bool m_joined = false; // joined a site database that holds the site's store
};
