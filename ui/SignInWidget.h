#pragma once

#include <QWidget>
#include <memory>

namespace Ui {
class SignInWidget;
}
class Store;

// Signs a user in to the store. Also the lock screen: locked, it asks the same user's
// password again and shows nothing of what was on screen before.
class SignInWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SignInWidget(Store& store, QWidget* parent = nullptr);
    ~SignInWidget() override;

    // Locked mode: the user name is fixed to the one who locked the session.
    void showLocked(const QString& userName);
    void showSignIn();

Q_SIGNALS:
    void signedIn();

private:
    void signIn();

    std::unique_ptr<Ui::SignInWidget> m_ui;
    Store& m_store;
};
