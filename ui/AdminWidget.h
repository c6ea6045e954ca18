#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class AdminWidget;
}
class Store;

// The local administrator's screen: accounts and their roles, and the site's settings.
class AdminWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AdminWidget(Store& store, QWidget* parent = nullptr);
    ~AdminWidget() override;

    void refresh();

Q_SIGNALS:
    void settingsChanged();

private:
    void addUser();
    void disableUser();
    void changeRole();
    void resetPassword();
    QString selectedUser() const;
    void saveSettings();

    std::unique_ptr<Ui::AdminWidget> m_ui;
    Store& m_store;
};
